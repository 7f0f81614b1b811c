@testable import ReferatParsing
import ReferatRecords
import Testing

/// Region Syddanmark's pages print an accordion's toggle before each section's heading ("fold
/// dette punkt ind Beslutning i …"): the heading starts its line without it, so the decision
/// and its body and date are read.
@Suite struct FoldToggleTests {
    @Test(arguments: [
        ("fold dette punkt ud Beslutning i Udvalget for Trafik den 3-5-2031", "Beslutning i Udvalget for Trafik den 3-5-2031"),
        ("fold dette punkt ind Resume", "Resume"),
        ("Fold ind Sagsfremstilling", "Sagsfremstilling"),
        ("fold dette punkt ind", nil),
        ("fold ind og ud", nil),
        ("folder og plakater", nil),
    ] as [(String, String?)])
    func theToggleGoes(_ line: String, _ rest: String?) {
        #expect(TextCleaner.afterFoldToggle(line) == rest)
    }

    @Test func theDecisionUnderAToggleIsRead() throws {
        let text = "Udvalget for Trafik - referat 3-5-2031\n\n1. Ny busrute\n\nSagsnr. 31/801\n\n  fold dette punkt ind Resume\n\nRuten skal betjene havnen.\n\n"
            + "  fold dette punkt ud Beslutning i Udvalget for Trafik den 3-5-2031\n\nGodkendt.\n"
        let document = try parse(text)
        #expect(document.cases.first?.decisions.map(\.body) == ["Udvalget for Trafik"])
        #expect(document.cases.first?.decisions.map(\.date) == ["2031-05-03"])
    }
}
