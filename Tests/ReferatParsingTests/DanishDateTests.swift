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
    ])
    func parsesDanishDateShapes(_ input: String, _ iso: String) {
        #expect(DanishDate.firstISO(in: input) == iso)
    }

    @Test(arguments: ["23/222", "31-02-2023", "ingen dato", "3409105", "2023-24", "1.45"])
    func rejectsNonDates(_ input: String) {
        #expect(DanishDate.firstISO(in: input) == nil)
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
