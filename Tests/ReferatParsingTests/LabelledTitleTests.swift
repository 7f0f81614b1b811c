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
}
