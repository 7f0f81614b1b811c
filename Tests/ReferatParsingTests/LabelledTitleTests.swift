@testable import ReferatParsing
import ReferatRecords
import Testing

/// A title after an item's label may end in a point, as school boards write them ("Punkt 3
/// Årets video."); a line that reads as a sentence about an item ("Punkt 5 blev udsat.") is
/// still no item.
@Suite struct LabelledTitleTests {
    @Test(arguments: [
        ("Punkt 3 Årets video.", ["Budget", "Årets video."]),
        ("Punkt 3 Godkendelse af dagsorden og punkter til evt.", ["Budget", "Godkendelse af dagsorden og punkter til evt."]),
        ("Punkt 3 blev udsat til næste møde.", ["Budget"]),
    ])
    func aLabelledTitleMayEndInAPoint(_ line: String, _ titles: [String]) throws {
        let text = "Referat af skolebestyrelsens møde\n\nPunkt 2 Budget\nForbruget følger budgettet.\n\(line)\nVi laver en film til forældrene.\n"
        let document = try parse(text)
        #expect(document.cases.map(\.title) == titles)
    }

    /// "Pkt. 3 (Eva)": who brings the item stands in parentheses after the label, the title on
    /// the line below; a title's own closing parenthesis stays the title's.
    @Test(arguments: [
        ("Pkt. 3 (Eva)\n\nElevrådet har ordet", "Elevrådet har ordet"),
        ("Pkt. 3 (Bo og Eva)\n\nElevrådet har ordet", "Elevrådet har ordet"),
        ("Pkt. 3\n\nElevrådet har ordet", "Elevrådet har ordet"),
        ("Pkt. 3 Budget (lukket)\n\nElevrådet har ordet", "Budget (lukket)"),
    ])
    func aPresenterInParenthesesIsNoTitle(_ item: String, _ title: String) throws {
        let text = "Referat 25. maj 2031\n\nSkolebestyrelsesmøde den 25. maj 2031\n\nDagsorden\n\nTid\n\nPunkt\n\nReferat\n\n"
            + "Pkt. 1\n\nGodkendelse af dagsorden\n\n18.30-18.35\n\nGodkendt.\n\n\(item)\n\n18.35-18.50\n\nOrientering om trivselsdagen.\n"
        let document = try parse(text)
        #expect(document.cases.map(\.title) == ["Godkendelse af dagsorden", title])
        #expect(document.cases.map(\.number) == ["1", "3"])
    }
}

extension LabelledTitleTests {
    /// A council's agenda may label its items with the body's abbreviation ("HR. 1 Præsentation
    /// af rådet", Handicaprådet's item 1), the point after the number instead ("HR 1. …").
    @Test(arguments: [
        ("HR. 1 Præsentation af rådet", "1", "Præsentation af rådet"),
        ("ÆR. 12 Budget for 2032", "12", "Budget for 2032"),
        ("HR 1.            Rådets kalender for 2032", "1", "Rådets kalender for 2032"),
        ("ÆR 12. Budget for 2032", "12", "Budget for 2032"),
    ])
    func aBodysAbbreviationLabelsTheNumber(_ line: String, _ number: String, _ title: String) throws {
        let text = "Referat af Handicaprådets møde den 4. marts 2031\n\n\(line)\n\nSagsfremstilling\n\nRådet drøftede sagen.\n\nBeslutning\n\nTaget til efterretning.\n"
        let document = try parse(text)
        #expect(document.cases.map(\.number) == [number])
        #expect(document.cases.map(\.title) == [title])
    }
}

extension LabelledTitleTests {
    /// A school board's form: "Punkt: 1" over the title, then its fields ("Ansvarlig:" / …).
    @Test func aLabelWithAColonOverTheTitle() throws {
        let text = "Referat af Fællesbestyrelsesmøde\n\nFraværende: Søren, Marianne\n\nPunkt: 1\nGodkendelse af referat\nAnsvarlig:\nSH\nBeslutning:\nReferat godkendt\nPunkt: 2\nOrientering (15 min)\nAnsvarlig:\nElevrådet\nBeslutning:\nTaget til efterretning\n"
        let document = try parse(text)
        #expect(document.cases.map(\.number) == ["1", "2"])
        #expect(document.cases.map(\.title) == ["Godkendelse af referat", "Orientering (15 min)"])
    }
}
