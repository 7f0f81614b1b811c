@testable import ReferatParsing
import ReferatRecords
import Testing

/// A meeting page's list of who came, one member a bulleted line with the status after a dash
/// ("• Eva Holm (A) (formand) - Deltog"), a status of its own on the line below a member
/// ("• Deltog ikke under punkterne 5-8", "• Ikke til stede"); "• Afbud" in a list without dashes
/// is the label over the absent (docs/layouts.md, C3).
@Suite struct MemberStatusLineTests {
    struct List: CustomTestStringConvertible, Sendable {
        var name: String
        var lines: [String]
        var absent: [String]
        var notParticipating: [String]
        var testDescription: String { name }
    }

    @Test(arguments: [
        List(name: "an office after the party, a status below", lines: ["• Eva Holm (A) (formand) - Deltog", "• Deltog ikke under punkterne 6-9", "• Bo Berg (V) - Deltog"],
             absent: [], notParticipating: ["Eva Holm"]),
        List(name: "not present, below a line without a status", lines: ["• Bo Berg (V) - Deltog", "• Ane Lund (direktør)", "• Ikke til stede", "• Kaj Moe (direktør) - Deltog"],
             absent: ["Ane Lund"], notParticipating: []),
        List(name: "a label over the absent", lines: ["• Bo Berg, V", "• Ane Lund, Ø", "", "• Afbud", "", "• Kaj Moe, A"],
             absent: ["Kaj Moe"], notParticipating: []),
        List(name: "a stand-in marked in parentheses", lines: ["• Bo Berg, V", "• Ane Lund, F (midlertidigt for Kaj B. Moe)", "• Eva Holm, A"],
             absent: ["Kaj B. Moe"], notParticipating: []),
        List(name: "a list's heading of two labels", lines: ["Ane Lund (sekretariatschef) - Deltog", "Afbud/Fraværende", "Kaj Moe (A) - Afbud"],
             absent: ["Kaj Moe"], notParticipating: []),
        List(name: "a roster with the status after a space", lines: ["Deltagende med stemmeret:", "Eva Holm", "Ane Lund Afbud", "Kaj Moe/Elevrådsformand Afbud", "Bo Berg"],
             absent: ["Ane Lund", "Kaj Moe"], notParticipating: []),
    ])
    func aStatusBelongsToItsMember(_ list: List) {
        let lines = (["Økonomiudvalget", "", "14.03.2031 kl. 08:00", "", "Deltagere"] + list.lines).enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
        let meeting = MeetingHeaderParser.parse(lines)
        #expect(meeting?.absent.map(\.name) ?? [] == list.absent)
        #expect(meeting?.notParticipating.map(\.name) ?? [] == list.notParticipating)
    }
}
