@testable import ReferatParsing
import ReferatRecords
import Testing

/// Agendas of councils for the elderly and of school boards print the time set aside for an
/// item beside its number ("1 - 13.00-13.05 Godkendelse af dagsordenen", "19.00 11. Budget"),
/// and web pages render ordered lists whose entries carry their own numbers ("1. 2. Siden
/// sidst"): the item is the number and the title either way.
@Suite struct ScheduledItemTests {
    static func minutes(_ headings: [String]) -> String {
        var text = "Referat af Seniorrådets møde 14. marts 2031\n\nAfbud: Bo Lindqvist\n\n"
        let bodies = ["Rådet godkendte dagsordenen.", "Formanden orienterede om økonomien.", "Rådet drøftede høringssvaret.", "Næste møde holdes i april."]
        for (heading, body) in zip(headings, bodies) { text += "\(heading)\n\n\(body)\n\nGodkendt.\n\n" }
        return text
    }

    @Test(arguments: [
        (["1 - 13.00-13.05 Godkendelse af dagsordenen", "2 - 13.05-13.35 Nyt fra formanden", "3 - 13.35-14.15 Høring om trafikplan"], ["1", "2", "3"]),
        (["1. Kl. 13.00-13.05 Godkendelse af dagsordenen", "2. Kl. 13.05-13.35 Nyt fra formanden", "3. kl. 13.35 Høring om trafikplan"], ["1", "2", "3"]),
        (["19.00 4. Godkendelse af dagsordenen", "19:10 5. Nyt fra formanden", "19.40 6. Høring om trafikplan"], ["4", "5", "6"]),
        (["1. 2. Godkendelse af dagsordenen", "1. 3. Nyt fra formanden", "1. 4. Høring om trafikplan"], ["2", "3", "4"]),
        (["1.  1. Godkendelse af dagsordenen", "2.  2. Nyt fra formanden", "3.  3. Høring om trafikplan"], ["1", "2", "3"]),
    ])
    func theTimeAndTheListsNumberAreNoPartOfTheTitle(_ headings: [String], _ numbers: [String]) throws {
        let document = try parse(Self.minutes(headings))
        #expect(document.cases.map(\.title) == ["Godkendelse af dagsordenen", "Nyt fra formanden", "Høring om trafikplan"])
        #expect(document.cases.map(\.number) == numbers)
    }

    /// A number before a date or an amount stays what it was: no item is made of it.
    @Test(arguments: [
        "1. 12. Marts 2031 holdt rådet møde",
        "1. 10.30 mio. kr. er brugt",
    ])
    func aDateOrAnAmountAfterTheNumberIsNoItem(_ line: String) throws {
        let document = try parse(Self.minutes(["1. Godkendelse af dagsordenen", "2. Nyt fra formanden", "3. Høring om trafikplan", line]))
        #expect(document.cases.map(\.title) == ["Godkendelse af dagsordenen", "Nyt fra formanden", "Høring om trafikplan"])
    }
}

extension ScheduledItemTests {
    /// The list's number goes only where the doubled lines are the page's items: not under an
    /// item whose options they number, nor before a date or an ordinal.
    @Test(arguments: [
        (["1.  1. Formøde", "tekst", "2.  2. Gæster"], ["1. Formøde", "tekst", "2. Gæster"]),
        (["1 Referat godkendt.", "1. 2. Siden sidst", "1. 3. Programmet"], ["1 Referat godkendt.", "2. Siden sidst", "3. Programmet"]),
        (["1. Formøde 2. Gæster", "1. 1. Formøde", "2. 2. Gæster"], ["1. Formøde 2. Gæster", "1. Formøde", "2. Gæster"]),
        (["3. Udbud af kantinedrift", "1. 1. Model med økologi", "2. 2. Model med lav pris"], ["3. Udbud af kantinedrift", "1. 1. Model med økologi", "2. 2. Model med lav pris"]),
        (["1. 12. Marts 2031", "1. 13. Marts 2031"], ["1. 12. Marts 2031", "1. 13. Marts 2031"]),
        (["1. 2. behandling af budgettet", "2. 3. behandling af budgettet"], ["1. 2. behandling af budgettet", "2. 3. behandling af budgettet"]),
        (["1. 1. Formøde", "2. 4. Gæster"], ["1. 1. Formøde", "2. 4. Gæster"]),
    ])
    func listedNumbersGiveWayToTheItems(_ texts: [String], _ expected: [String]) {
        var lines = texts.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
        ListedNumbers.rewrite(&lines)
        #expect(lines.map(\.text) == expected)
    }
}

extension ScheduledItemTests {
    /// Items whose entries print their times may have no text, one after another (the agenda's
    /// first, formal items): still the items, where two or more have text. A contents list
    /// prints page numbers, and one without times and text stays no items. Two timed items
    /// with text are enough (a page cut short); two without times are not.
    @Test(arguments: [
        ("1. Kl. 13.00-13.05 Godkendelse af dagsordenen\n\n2. Kl. 13.05-13.10 Godkendelse af referat\n\n3. Kl. 13.10-13.40 Nyt fra formanden\n\nFormanden fortalte om budgettet.\n\n4. Kl. 13.35-14.00 Høring om trafikplan\n\nRådet drøftede planen.\n",
         ["Godkendelse af dagsordenen", "Godkendelse af referat", "Nyt fra formanden", "Høring om trafikplan"]),
        ("1. Godkendelse af dagsordenen\n\n2. Godkendelse af referat\n\n3. Nyt fra formanden\n\nFormanden fortalte om budgettet.\n\n4. Høring om trafikplan\n\nRådet drøftede planen.\n",
         []),
        // A page cut short after two timed items, each with text.
        ("18.15 6. Nyt fra elevrådet\n\nElevrådet fortalte om trivselsdagen.\n\n18.45 7. Konstituering\n\nEva Holm blev valgt som formand.\n",
         ["Nyt fra elevrådet", "Konstituering"]),
        ("10. Nyt fra elevrådet\n\nElevrådet fortalte om trivselsdagen.\n\n11. Konstituering\n\nEva Holm blev valgt som formand.\n",
         []),
    ])
    func timedItemsMayHaveNoText(_ body: String, _ titles: [String]) throws {
        let document = try parse("Referat af Seniorrådets møde 14. marts 2031\n\nAfbud: Bo Lindqvist\n\n" + body)
        #expect(document.cases.map(\.title) == titles)
    }
}

extension ScheduledItemTests {
    /// The byte tests before the patterns never hide a match.
    @Test(arguments: [
        "13.00-13.05 Godkendelse", "9.00 Velkomst", "9:05 - 9:30 Nyt", "Kl. 13-14.13.30 Høring", "kl 13 Frokost", "18:45 7. Konstituering",
        "1. Godkendelse", "Kommuneplan 2030", "12 Budget", "2031 Plan", "10.30 mio. kr.", "k", "",
    ])
    func theTimeGuardHidesNoTime(_ text: String) {
        if text.prefixMatch(of: CaseSegmenter.scheduledTime) != nil { #expect(CaseSegmenter.mayOpenWithTime(text[...])) }
    }

    @Test(arguments: ["1.  1. Formøde", "12. 3. Budget", "1.\t2. Nyt", "1. Formøde", "1.2. Nyt", "12 3. Budget", ""])
    func theListedNumberGuardHidesNoEntry(_ text: String) {
        if text.wholeMatch(of: ListedNumbers.twice) != nil { #expect(ListedNumbers.mayBeTwice(text)) }
    }
}
