@testable import ReferatParsing
import Testing

/// The pieces decision headers are read from (`LineReader`), and dates that make no header
/// (the headers themselves: `DecisionHeaderTests`).
@Suite struct HeaderReaderTests {
    /// A date as headers print it, and how much of the text it covers; nil when no date starts the text.
    @Test(arguments: [
        ("22-01-2018", "22-01-2018"), ("3.5.21: Godkendt", "3.5.21"), ("22/01/2018", "22/01/2018"), ("1-1-20", "1-1-20"),
        ("12-01-20189", "12-01-2018"), ("22-01-201", "22-01-201"), ("2018-03-04, pkt. 1", "2018-03-04"),
        ("14. august 2020", "14. august 2020"), ("4 marts 2019", "4 marts 2019"), ("15-maj-2002", "15-maj-2002"),
        ("1. sept. 2021", "1. sept. 2021"), ("4. Marts 2019", "4. Marts 2019"),
        ("fredag den 14. august 2020", "fredag den 14. august 2020"), ("onsdag 3.5.2021", "onsdag 3.5.2021"),
        ("22-01-2018 kl. 16.00", "22-01-2018 kl. 16.00"), ("22-01-2018 9:30:00 Godkendt", "22-01-2018 9:30:00"),
        ("4. marts 2019 kl.17:00", "4. marts 2019 kl.17:00"), ("22-01-2018 kl. 1600", "22-01-2018"),
        // Not a header's date: a one-digit year, a day of three digits, a month's name of ten
        // letters or two, a capitalised weekday, a year of three digits after a month's name.
        ("22-01-2", nil), ("123-01-2018", nil), ("4. septemberx 2019", nil), ("4. ma 2019", nil),
        ("Fredag den 14. august 2020", nil), ("4. maj 201", nil), ("den 22-01-2018", nil), ("22 01 2018", nil),
    ] as [(String, String?)])
    func readsHeaderDates(_ text: String, _ date: String?) {
        let r = LineReader(text)
        #expect(r.date(0).map { String(r.text(0..<$0.end)) } == date)
    }

    /// Lines that open like a dated header and are none: no date after the body, a date that
    /// is no day (31 February), a month's name that is none, a year of three digits.
    @Test(arguments: [
        "Beslutning i Byrådet den 31-02-2021", "Beslutning i Byrådet den 4. mai 2019", "Beslutning i Byrådet den 22-01-201",
        "Økonomiudvalget, 31-02-2021", "Byrådets beslutning den 4. mai 2019", "Beslutning i Byrådet den 22-01-018",
    ])
    func refusesImpossibleDates(_ line: String) {
        #expect(DecisionHeader.parse(line) == nil)
    }

    /// Where a body's name may end, in the order they are tried: words ending like a body's,
    /// the shortest first (a longer ending at one place first, the name with its period
    /// before the name without); "Udvalget for …", shortest first; capitals, longest first.
    @Test(arguments: [
        ("Økonomiudvalget, Byrådet og KB", ["Økonomiudvalget", "Økonomiudvalg", "Økonomiudvalget, Byrådet", "Økonomiudvalget, Byråd"]),
        ("Økonomiudvalget (18-21)", ["Økonomiudvalget (18-21)", "Økonomiudvalget", "Økonomiudvalg"]),
        ("BUUXYZ", ["BUUXY", "BUUX", "BUU", "BU"]),
        ("Udvalget for Børn", ["Udvalget", "Udvalg", "Udvalget for B", "Udvalget for Bø", "Udvalget for Bør", "Udvalget for Børn"]),
    ] as [(String, [String])])
    func offersBodyEndsInOrder(_ text: String, _ names: [String]) {
        let r = LineReader(text)
        var found: [String] = []
        _ = r.bodyEnds(from: 0) { end in
            found.append(String(r.text(0..<end)))
            return false
        }
        #expect(found == names)
    }
}

/// One person as lists print one (`PeopleParser.personCaptures`): name, party in parentheses,
/// party after a comma, reason; "-" for a part not there.
@Suite struct PersonShapeTests {
    @Test(arguments: [
        ("Bente Holm (A)", "Bente Holm", "A", "-", ""),
        ("Bente Holm, A (sygdom)", "Bente Holm", "-", "A", "sygdom"),
        ("Bo Berg (Løsgænger)", "Bo Berg", "Løsgænger", "-", ""),
        ("Bo Berg, løsgænger", "Bo Berg", "-", "løsgænger", ""),
        ("Bo Berg ()", "Bo Berg", "", "-", ""),
        ("Dorthe la Cour (V) - ferie.", "Dorthe la Cour", "V", "-", "ferie"),
        ("Luis da Silva Martins, SF", "Luis da Silva Martins", "-", "SF", ""),
        ("Per B. Holm (A) (stedfortræder: Ib Lund)", "Per B. Holm", "A", "-", "stedfortræder: Ib Lund"),
        // A seventh word, a comma before four capitals, a lower-case word of four letters: the reason.
        ("Ane Bak Ole Kim Per Ib Bo", "Ane Bak Ole Kim Per Ib", "-", "-", "Bo"),
        ("Anna Berg, ABCD", "Anna Berg", "-", "-", "ABCD"),
        ("Anna abcd Berg", "Anna", "-", "-", "abcd Berg"),
        // Parentheses of more than 40 characters are a reason, not a party.
        ("Anna Berg (" + String(repeating: "x", count: 41) + ")", "Anna Berg", "-", "-", String(repeating: "x", count: 41)),
    ] as [(String, String, String, String, String)])
    func readsPeople(_ text: String, _ name: String, _ paren: String, _ party: String, _ reason: String) throws {
        let m = try #require(PeopleParser.personCaptures(text))
        #expect(String(m.name) == name)
        #expect(m.paren.map(String.init) ?? "-" == paren)
        #expect(m.party.map(String.init) ?? "-" == party)
        #expect(m.reason.map(String.init) ?? "-" == reason)
    }

    /// Parentheses left inside the reason, or a line that starts without a capital.
    @Test(arguments: ["Anna Berg (A)(B)(C)", "Anna Berg x(y) z", "anna Berg", "(A) Anna Berg", "Anna Berg (A) (syg) mere"])
    func refusesOtherLines(_ text: String) {
        #expect(PeopleParser.personCaptures(text) == nil)
    }
}
