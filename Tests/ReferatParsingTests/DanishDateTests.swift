@testable import ReferatParsing
import Testing

@Suite struct DanishDateTests {
    @Test(arguments: [
        ("19-01-2023", "2023-01-19"),
        ("Beslutning i Økonomiudvalget den 4. marts 2019:", "2019-03-04"),
        ("23.08.2017", "2017-08-23"),
        ("31.1.2017", "2017-01-31"),
        ("15-maj-2002", "2002-05-15"),
        ("14/12 2005", "2005-12-14"),
        ("29/10-18", "2018-10-29"),
        ("04-06-2020 09:00:00", "2020-06-04"),
        ("onsdag den 1. september 2021", "2021-09-01"),
        ("Wednesday, April 3, 2019 - 18:00", "2019-04-03"),
        ("1. sept. 2021", "2021-09-01"),
        ("2024-12-17", "2024-12-17"),
        ("Tirsdag, 7 december, 2027", "2027-12-07"),
        ("d.18.1.2030", "2030-01-18"),
    ])
    func parsesDanishDateShapes(_ input: String, _ iso: String) {
        #expect(DanishDate.firstISO(in: input) == iso)
    }

    @Test(arguments: ["23/222", "31-02-2023", "ingen dato", "3409105", "2023-24", "1.45"])
    func rejectsNonDates(_ input: String) {
        #expect(DanishDate.firstISO(in: input) == nil)
    }

    /// The byte reading before the patterns may let a text through to them, never hide a date
    /// one of them finds.
    @Test(arguments: [
        "19-01-2023", "4.3.19", "14/12 2005", "29/10-18", "den 4/3-19", "4. marts 2019", "15-maj-2002", "1. sept. 2021",
        "april 3, 2019", "Wednesday, April 3, 2019 - 18:00", "2024-12-17", "2024-12-17\u{301}", "5\u{301}-3-2020", "5-\u{301}3-2020",
        "19-01-2023\u{301}", "5\u{FE0F}\u{20E3}-3-2020", "april 3,\u{301} 2019", "٤-٣-٢٠١٩", "Budget 2024 og 2025", "kl. 17.00", "",
    ])
    func shapesNeverHideADate(_ text: String) {
        let lower = text.lowercased()
        let shapes = DanishDate.Shapes(lower)
        if lower.firstMatch(of: DanishDate.numeric) != nil { #expect(shapes.separated) }
        if lower.firstMatch(of: DanishDate.named) != nil { #expect(shapes.year) }
        if lower.firstMatch(of: DanishDate.english) != nil { #expect(shapes.commaYear) }
        if lower.firstMatch(of: DanishDate.isoShape) != nil { #expect(shapes.year) }
    }

    @Test func shapesTurnAwayNumbersThatAreNoDates() {
        let shapes = DanishDate.Shapes("budget 2024 og 2025, i alt 1234 kr")
        #expect(!shapes.separated && shapes.year && !shapes.commaYear)
    }

    /// The shortcuts (a whole numeric date read from bytes, too few digits for any date) must
    /// give what the patterns give.
    @Test(arguments: [
        "19-01-2023", "4.3.19", "4.3.2019", "31.1.2017", "14/12 2005", "29/10-18", "19-01-20234", "123-01-2023", "1-2-345",
        "1-2-3", "31-02-2023", "29-02-2024", "29-02-2023", "00-01-2020", "19-01-2023 ", " 19-01-2023", "19-01-2023:", "19–01–2023",
        "4. marts 2019", "4 marts", "2024-12-17", "12/3", "1.45", "", "den 4/3-19", "4-3-1899", "٤-٣-٢٠١٩", "19-01-2023\u{301}",
    ])
    func shortcutsAgreeWithThePatterns(_ text: String) {
        let fast = DanishDate.first(in: text)
        let slow = DanishDate.firstByPatterns(in: text)
        #expect(fast?.iso == slow?.iso)
        #expect(fast?.range == slow?.range)
    }
}
