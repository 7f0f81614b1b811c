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

extension GluedHeaderLabelsTests {
    /// A council's web page glues its committee's label to the committee's name, which names
    /// its areas ("UdvalgArbejdsmarked, Erhverv og Kultur"; `RunInHeadings` puts the label on a
    /// line of its own): the meeting's body, as with the label's colon.
    @Test(arguments: ["UdvalgArbejdsmarked, Erhverv og Kultur", "Udvalg: Arbejdsmarked, Erhverv og Kultur"])
    func aCommitteeNamedByItsAreas(_ line: String) throws {
        let text = "Referat\n\nOnsdag d. 4 januar 2031, kl. 15:00\nMødestedRådhuset\n\(line)\nBemærkninger\n\nResume\n\nGodkendelse af dagsorden.\n\nBeslutning\n\nGodkendt.\n"
        let document = try parse(text)
        #expect(document.meeting?.body == "Arbejdsmarked, Erhverv og Kultur")
        #expect(document.cases.first?.decisions.first?.body == "Arbejdsmarked, Erhverv og Kultur")
    }
}
