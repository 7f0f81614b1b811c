import Foundation
@testable import ReferatParsing
import ReferatRecords
import Testing

/// A publication that prints an item's decisions but not its title (a region's HTML
/// publication cut into fragments): each header of the page's meeting opens an item, and the
/// earlier steps printed after it are that item's history (docs/layouts.md, D4).
@Suite struct DecisionOnlyPageTests {
    struct Page: CustomTestStringConvertible, Sendable {
        var name: String
        var headers: [String]
        var items: [[String]]
        var testDescription: String { name }
    }

    static let texts = ["Dagsordenen blev godkendt.", "Anbefalet.", "Sagen blev udsat.", "Godkendt."]

    @Test(arguments: [
        Page(name: "the meeting's header twice, an earlier step after the second",
             headers: ["Forretningsudvalgets beslutning den 23. september 2031:", "Forretningsudvalgets beslutning den 23. september 2031:",
                       "Forretningsudvalgets beslutning den 26. august 2031:"],
             items: [["2031-09-23"], ["2031-09-23", "2031-08-26"]]),
        Page(name: "every header the meeting's",
             headers: ["Regionsrådets beslutning den 7. oktober 2031:", "Regionsrådets beslutning den 7. oktober 2031:", "Regionsrådets beslutning den 7. oktober 2031:"],
             items: [["2031-10-07"], ["2031-10-07"], ["2031-10-07"]]),
        // Steps forward in time from other bodies: one item's history, a page that starts inside it.
        Page(name: "one item's steps forward in time",
             headers: ["Udvalgets beslutning den 2. september 2031:", "Forretningsudvalgets beslutning den 16. september 2031:",
                       "Regionsrådets beslutning den 23. september 2031:"],
             items: [["2031-09-02", "2031-09-16", "2031-09-23"]]),
        // A later step after the first meeting's header is no history of it.
        Page(name: "a later step after the meeting's header",
             headers: ["Forretningsudvalgets beslutning den 23. september 2031:", "Forretningsudvalgets beslutning den 23. september 2031:",
                       "Regionsrådets beslutning den 7. oktober 2031:"],
             items: []),
    ])
    func eachHeaderOfTheMeetingOpensAnItem(_ page: Page) throws {
        let text = zip(page.headers, Self.texts).map { "\($0)\n\($1)" }.joined(separator: "\n") + "\nAdministrationen fremlægger et forslag til en ny strategi.\n"
        let document = try parse(text)
        #expect(document.cases.map { $0.decisions.compactMap(\.date) } == page.items)
    }
}

extension DecisionOnlyPageTests {
    /// A meeting page whose one item lost its title: the item opens under the agenda's heading
    /// and holds the decision, with the meeting's body and date.
    @Test func theOneDecisionUnderADatedMeetingIsAnUntitledItem() throws {
        let text = """
            Kommunalbestyrelsen

            26.08.2031 kl. 18:00
            Kommunalbestyrelsens mødesal

            Deltagere
              • Eva Holm (A) (borgmester) - Deltog
            AFBUD/FRAVÆRENDE
              • Kaj Moe (O) - Afbud

            Åben dagsorden

            Beslutning

            Intet

            Tidligere behandling

            Kommunalbestyrelsen den 29. april 2031 Punkt 4

            Indhold

            Sammendrag

            Anden budgetopfølgning for 2031 forelægges til godkendelse.
            """
        let document = try parse(text)
        #expect(document.cases.map(\.title) == [""])
        #expect(document.cases.flatMap(\.decisions).map { "\($0.body ?? "-") \($0.date ?? "-")" } == ["Kommunalbestyrelsen 2031-08-26"])
        // Without a dated meeting above it, the decision opens no item.
        let undated = try parse(text.replacingOccurrences(of: "26.08.2031 kl. 18:00\n", with: ""))
        #expect(undated.cases.isEmpty)
    }
}

extension DecisionOnlyPageTests {
    /// A decision printed twice under its item ("Beslutning" / "Taget til efterretning" /
    /// "Beslutning" / "Taget til efterretning"): the decision's text is no title of a new item.
    @Test func aDecisionPrintedTwiceOpensNoItem() throws {
        let text = """
            Børne- og Skoleudvalget

            Referat 14.02.2031

            Meddelelser

            Sag nr. 11

            1. Nyhedsliste for perioden.
            2. Notat om skoledistrikter.

            Beslutning

            Taget til efterretning

            Beslutning

            Taget til efterretning

            Renovering af legepladser

            Sag nr. 12

            Beslutning

            Godkendt
            """
        let document = try parse(text)
        #expect(document.cases.map(\.title) == ["Meddelelser", "Renovering af legepladser"])
    }
}

extension DecisionOnlyPageTests {
    /// Aalborg's council pages print no titles: each item a bare access word over its blocks
    /// ("Åben" / "Beslutning" / the decision). Every access word opens an item, the decision's
    /// text above the next one no title.
    @Test func aBareAccessWordOpensEachUntitledItem() throws {
        let text = """
            Udsatterådet 12. marts 2031

            Åben

            Beslutning

            Dagsorden godkendes

            Åben

            Beslutning

            Rådet fik en ny sekretær, som præsenterede sig.

            Lukket

            Beslutning

            Godkendt.
            """
        let document = try parse(text)
        #expect(document.cases.map(\.title) == ["", "", ""])
        #expect(document.cases.map(\.access) == [.open, .open, .closed])
        #expect(document.cases.map(\.decisions.count) == [1, 1, 1])
    }
}
