@testable import ReferatParsing
import ReferatRecords
import Testing

/// A school board's header on Aula with each label glued to its value ("AfbudClaus Holm") gets
/// its colons back; words that only start like a label are left.
@Suite struct GluedHeaderLabelsTests {
    @Test(arguments: [
        ("AfbudClaus Holm, Eva Ny", "Afbud: Claus Holm, Eva Ny"),
        ("MødelederLouise Berg", "Mødeleder: Louise Berg"),
        ("StedSkolen", "Sted: Skolen"),
        ("DeltagereSine Kamp, Ea Holm", "Deltagere: Sine Kamp, Ea Holm"),
        ("Stedfortræder Eva Ny deltog", nil),
        ("Afbud: Claus Holm", nil),
        ("Referenten læste op", nil),
    ] as [(String, String?)])
    func aLabelGetsItsColonBack(_ line: String, _ fixed: String?) {
        #expect(GluedHeaderLabels.unglued(line) == fixed)
    }

    @Test func theChairIsNoAbsentee() throws {
        let text = "Referat\n\nDato04-12-2031\nStedSkolen\nDeltagereSine Kamp, Ea Holm, Bo Berg\nAfbudClaus Holm, Eva Ny\nMødelederEa Holm\nSekretær\n\nPunkt 1\n\nGodkendelse af dagsorden\n\nGodkendt.\n"
        let document = try parse(text)
        #expect(document.meeting?.absent.map(\.name) == ["Claus Holm", "Eva Ny"])
    }
}
