@testable import ReferatParsing
import ReferatRecords
import Testing

/// Bornholm's FICS pages (docs/layouts.md, B2): an access marker over each item's numbered
/// title, a heading inside an item ("Bemærkninger til dagsordenen") that is no item, and a
/// council's decision headed "<Råd>, den <date>:".
@Suite struct FICSPageTests {
    static let page = """
        Referat
        Egeby Ældreråd
        16-03-2031 kl. 10:00

        Til indholdsfortegnelse

         Åbent  punkt

         1  Fraværende og bemærkninger til dagsordenen

        00.22.04P35-0011

        Fraværende

        Afbud fra Hanne Kjær

        Bemærkninger til dagsordenen

        Til indholdsfortegnelse

         Åbent  punkt

         2  Orientering fra følgegruppen

        00.22.04P35-0011

        Egeby Ældreråd, den 16. marts 2031:

        Følgegruppen har holdt møde. Referatet er sendt ud til rådet.
        """

    @Test func theMarkerOverANumberedTitleIsThatItemsAndTheCouncilsHeaderDatesTheDecision() throws {
        let document = try parse(Self.page)
        #expect(document.cases.map(\.title) == ["Fraværende og bemærkninger til dagsordenen", "Orientering fra følgegruppen"])
        #expect(document.cases.flatMap(\.decisions).map { "\($0.body ?? "-") \($0.date ?? "-")" } == ["Egeby Ældreråd 2031-03-16"])
        #expect(document.meeting?.absent.map(\.name) == ["Hanne Kjær"])
    }

    @Test(arguments: [
        ("Egeby Ældreråd, den 16. marts 2031:", "Egeby Ældreråd"),
        ("Handicaprådet, 23.03.2031 Anbefales.", "Handicaprådet"),
        // Without a date after the comma, no step's header.
        ("Egeby Ældreråd, som holder møde hver måned", nil),
    ] as [(String, String?)])
    func aCouncilBeforeACommaAndADate(_ line: String, _ body: String?) {
        #expect(DecisionHeader.parse(line)?.body == body)
    }
}
