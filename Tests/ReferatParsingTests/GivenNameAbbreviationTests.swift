@testable import ReferatParsing
import ReferatRecords
import Testing

/// Danish names abbreviate a given name in the middle ("Jens Chr. Holm", "Niels Kr. Berg"): the
/// point closes no sentence, so the name is one absentee, while a real sentence's end still
/// parts two (`MinutesVocabulary.givenNameAbbreviations`).
@Suite struct GivenNameAbbreviationTests {
    @Test(arguments: [
        ("Afbud: Jens Chr. Vedsted (A), Eva Holm (V)", ["Jens Chr. Vedsted", "Eva Holm"]),
        ("Afbud: Niels Kr. Berg og Ane Bak (Ø)", ["Niels Kr. Berg", "Ane Bak"]),
        ("Fraværende: Hans Th. Lund (V), Mette Fr. Ibsen (A)", ["Hans Th. Lund", "Mette Fr. Ibsen"]),
        ("Afbud: Bo Berg. Eva Holm (V) deltog i stedet", ["Bo Berg"]),
        ("Afbud fra Kaj Holm. Chr. Dahl mødte som stedfortræder", ["Kaj Holm"]),
    ])
    func absenteesKeepTheirAbbreviatedNames(_ line: String, _ absent: [String]) throws {
        let text = "Økonomiudvalget - Referat\nDato: 3. maj 2030\n\n\(line)\n\n1. Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n"
        let document = try parse(text)
        #expect(document.meeting?.absent.map(\.name) == absent)
    }
}

/// A member on leave is marked in the list of members ("Katja Holm (orlov)"): absent, with
/// the leave as the reason; a leave in prose names no one.
@Suite struct MemberOnLeaveTests {
    @Test(arguments: [
        ("Medlemmer: Bo Berg (borgmester), Eva Holm, Katja Lind (orlov), Ib Dahl", ["Katja Lind"]),
        ("Medlemmer: Anne Mark (Orlov), Per Sand, Lis Ravn (orlov)", ["Anne Mark", "Lis Ravn"]),
        ("Byrådet bevilgede orlov til Per Sand fra 1. maj.", []),
    ])
    func aMemberOnLeaveIsAbsent(_ line: String, _ absent: [String]) throws {
        let text = "Byrådet - Referat\nDato: 3. maj 2030\n\n\(line)\n\n1. Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n"
        let document = try parse(text)
        #expect((document.meeting?.absent ?? []).map(\.name) == absent)
        #expect((document.meeting?.absent ?? []).allSatisfy { $0.reason == "orlov" })
    }
}
