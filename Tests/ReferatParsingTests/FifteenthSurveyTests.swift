@testable import ReferatParsing
import ReferatRecords
import Testing

/// Shapes the fourteenth held-out set of real web pages brought (docs/layouts.md, "Checked on
/// pages the survey did not see", eleventh look), each written anew with invented names,
/// numbers and sentences.
@Suite struct FifteenthSurveyTests {
    struct Agenda: CustomTestStringConvertible, Sendable {
        var name: String
        var list: String
        var titles: [String]
        var header = "Indkaldelse til møde i Ældrerådet\n\nOnsdag den 7. marts 2029 kl. 10.00 i Mødelokale Bøgen\n\nDagsorden:\n\n"
        var testDescription: String { name }
    }

    @Test(arguments: [
        Agenda(name: "indented points", list: " 1. Valg af ordstyrer\n 2. Meddelelser\n  1. Brev fra borgmesteren\n  2. Nyt om budgettet\n"
               + " 3. Høringssvar\n  1. Trafikplanen\n   1. Busruten\n   2. Stoppestederne\n  2. Skolevejene\n 4. Eventuelt\n",
               titles: ["Valg af ordstyrer", "Meddelelser", "Høringssvar", "Eventuelt"]),
        // The indentation, not the numbers, tells an entry from a point: the list restarts at 1.
        Agenda(name: "indented, restarting at 1", list: " 1. Valg af ordstyrer\n 2. Meddelelser\n  1. Brev fra borgmesteren\n"
               + " 1. Nyt fra arbejdsgrupperne\n 2. Eventuelt\n", titles: ["Valg af ordstyrer", "Meddelelser", "Nyt fra arbejdsgrupperne", "Eventuelt"]),
        // Without indentation a number that counts on from a point's list is that list's.
        Agenda(name: "points without indentation", list: "1. Valg af ordstyrer\n1. Forslag fra Eva\n2. Forslag fra Ib\n3. Forslag fra Kaj\n"
               + "2. Meddelelser\n3. Høringssvar\n4. Eventuelt\n", titles: ["Valg af ordstyrer", "Meddelelser", "Høringssvar", "Eventuelt"]),
        Agenda(name: "blank lines between the entries", list: "1. Besøg fra seniorklubben\n\n1. Nyt fra klubben\n2. Udflugten\n\n"
               + "2. Rekruttering\n\n1. Opslag på biblioteket\n\n3. Evt.\n", titles: ["Besøg fra seniorklubben", "Rekruttering", "Evt."]),
        // A flat list is a viewer's contents above items the page was cut before, not an agenda.
        Agenda(name: "a flat list", list: "1. Valg af ordstyrer\n2. Meddelelser\n3. Høringssvar\n4. Eventuelt\n", titles: []),
        // Without a dated meeting above it a list is a note's or an article's.
        Agenda(name: "no dated meeting", list: "1. Valg af ordstyrer\n2. Meddelelser\n1. Brev fra borgmesteren\n3. Eventuelt\n", titles: [],
               header: "Ældrerådets arbejde\n\n"),
        // A news page's dated list of points names no meeting's record.
        Agenda(name: "a news page", list: " 1. Flere cykelstier\n  1. Langs stranden\n  2. Ved skolen\n 2. Bedre lys\n 3. Nye stativer\n", titles: [],
               header: "Nyheder\n\nNy plan for cykelstier\n\n3. maj 2029\n\nKommunen har vedtaget en plan:\n\n"),
        // Fewer than three entries: two points are no agenda.
        Agenda(name: "two entries", list: "1. Valg af ordstyrer\n1. Forslag fra Eva\n2. Eventuelt\n", titles: []),
        // Numbered sentences are no titles.
        Agenda(name: "numbered sentences", list: "1. Rådet drøftede budgettet og var enige om at skrive til udvalget.\n1. Eva skriver brevet.\n"
               + "2. Rådet besøgte plejecentret og hørte om de nye regler.\n3. Rådet holder næste møde i april og inviterer borgmesteren.\n", titles: []),
    ])
    func theOutermostEntriesOfABareAgendaAreItems(_ agenda: Agenda) throws {
        let document = try parse(agenda.header + agenda.list)
        #expect(document.cases.map(\.title) == agenda.titles)
    }
}

extension FifteenthSurveyTests {
    struct Header: CustomTestStringConvertible, Sendable {
        var line: String
        var body: String?
        var date: String?
        var inline: String? = nil
        var isHeader = true
        var testDescription: String { line }
    }

    @Test(arguments: [
        // Under "Indstilling og beslutning": the body, "den", the date and a colon.
        Header(line: "Sundheds- og Ældreudvalget den 14. maj 2029:", body: "Sundheds- og Ældreudvalget", date: "2029-05-14"),
        Header(line: "Sundheds- og Ældreudvalget den 14. maj 2029: Godkendt.", body: "Sundheds- og Ældreudvalget", date: "2029-05-14", inline: "Godkendt."),
        // The step named by its treatment, with a weekday and the item's number.
        Header(line: "Behandling i Udvalget for sundhed og nærhed onsdag den 16. maj 2029, pkt. 1", body: "Udvalget for sundhed og nærhed", date: "2029-05-16"),
        // The public part of a closed item's decision.
        Header(line: "Åben beslutning", body: nil, date: nil),
        Header(line: "Behandling", body: nil, date: nil, isHeader: false),
        Header(line: "Behandling i Ældrerådet", body: nil, date: nil, isHeader: false),
        Header(line: "Byrådet den 3. maj 2029 godkendte planen.", body: nil, date: nil, isHeader: false),
        Header(line: "Sagen blev behandlet i Byrådet den 3. maj 2029:", body: nil, date: nil, isHeader: false),
        Header(line: "Børn og unge den 3. maj 2029:", body: nil, date: nil, isHeader: false),
    ])
    func stepHeadersWithoutTheWordBeslutning(_ header: Header) {
        let parsed = DecisionHeader.parse(header.line)
        #expect((parsed != nil) == header.isHeader)
        #expect(parsed?.body == header.body)
        #expect(parsed?.date == header.date)
        #expect(parsed?.inlineText == header.inline)
    }
}

extension FifteenthSurveyTests {
    static let protocolHeader = "Beslutningsprotokol\ntirsdag den 12. juni 2029 kl. 16:00\nUdvalg: | Kultur- og Fritidsudvalget |\n-\n"

    struct Blocks: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var items: Int
        var testDescription: String { name }
    }

    @Test(arguments: [
        Blocks(name: "identities over blocks without decisions", text: protocolHeader + "UdskrivSagsid.: 29/4410, Sagsinitialer: EH\nSagsfremstilling\nEt længere åbent kulturhus.\n-\n"
               + "UdskrivSagsid.: 29/4502, Sagsinitialer: KB\nSagsfremstilling\nNye startskamler.\n", items: 2),
        Blocks(name: "one identity, cut before the decision", text: protocolHeader + "Sagsid.: 29/4410, Sagsinitialer: EH\nSagsfremstilling\nEt længere åbent kulturhus.\n", items: 1),
        // An identity over a numbered title is a titled item's, cut before its text: no untitled block.
        Blocks(name: "identity over a numbered title", text: protocolHeader + "Sagsnr. 29/4410\n1. Længere åbent i kulturhuset\n", items: 0),
        // Without a dated meeting above them the blocks are no items.
        Blocks(name: "no dated meeting", text: "Kultur- og Fritidsudvalget\n\nSagsid.: 29/4410, Sagsinitialer: EH\nSagsfremstilling\nEt længere åbent kulturhus.\n", items: 0),
    ])
    func blocksOpenedByTheirIdentityWithoutADecisionAreItems(_ blocks: Blocks) throws {
        let document = try parse(blocks.text)
        #expect(document.cases.count == blocks.items)
        if blocks.items > 0 { #expect(document.cases.first?.caseNumber == "29/4410") }
    }
}

extension FifteenthSurveyTests {
    struct HeaderRows: CustomTestStringConvertible, Sendable {
        var name: String
        var rows: String
        var testDescription: String { name }
    }

    // A header table's rows of label and value, with the cells' bars a page's text keeps or
    // without them: the same meeting, and who sent word once.
    @Test(arguments: [
        HeaderRows(name: "rows with cell bars", rows: "Mødested: | Mødelokale 3, Rådhuset |\nUdvalg: | Kultur- og Fritidsudvalget |\n"
                   + "Medlemmer: | Eva Holm, Ib Lund, Kaj Berg |\nBemærkninger: | Der er afbud fra Ib Lund. |\n"),
        HeaderRows(name: "plain rows", rows: "Mødested: Mødelokale 3, Rådhuset\nUdvalg: Kultur- og Fritidsudvalget\n"
                   + "Medlemmer: Eva Holm, Ib Lund, Kaj Berg\nBemærkninger: Der er afbud fra Ib Lund.\n"),
    ])
    func aHeaderTablesRowsNameTheMeeting(_ header: HeaderRows) throws {
        let document = try parse("Beslutningsprotokol\ntirsdag den 12. juni 2029 kl. 16:00\n" + header.rows
                                 + "\nSagsid.: 29/4410, Sagsinitialer: EH\nSagsfremstilling\nEt længere åbent kulturhus.\n")
        #expect(document.meeting?.body == "Kultur- og Fritidsudvalget")
        #expect(document.meeting?.place == "Mødelokale 3, Rådhuset")
        #expect(document.meeting?.members.map(\.name) == ["Eva Holm", "Ib Lund", "Kaj Berg"])
        #expect(document.meeting?.absent.map(\.name) == ["Ib Lund"])
    }

    @Test(arguments: [
        ("Mødested: | Byrådssalen |", "Mødested: Byrådssalen"),
        // A table of several values keeps its bars.
        ("Navn: | Eva Holm | Ib Lund |", "Navn: | Eva Holm | Ib Lund |"),
        ("Eva Holm | Ib Lund |", "Eva Holm | Ib Lund |"),
    ])
    func cellBarsGoOnlyFromALabelledRow(_ line: String, _ cleaned: String) {
        #expect(TextCleaner.withoutCellBars(line) == cleaned)
    }
}

extension FifteenthSurveyTests {
    struct HTMLAgenda: CustomTestStringConvertible, Sendable {
        var name: String
        var list: String
        var titles: [String]
        var testDescription: String { name }
    }

    // The same bare agenda as an HTML page: the extractor prints its entries with bullets and
    // no numbers, so the nested lists' indentation tells the entries from the points.
    @Test(arguments: [
        HTMLAgenda(name: "nested lists", list: "<ol><li>Valg af ordstyrer</li><li>Meddelelser<ol><li>Fra formanden</li><li>Fra kassereren</li></ol></li>"
                   + "<li>Høringssvar</li><li>Eventuelt</li></ol>", titles: ["Valg af ordstyrer", "Meddelelser", "Høringssvar", "Eventuelt"]),
        // A flat list is no agenda: nothing tells it from a viewer's contents or a page's links.
        HTMLAgenda(name: "a flat list", list: "<ol><li>Valg af ordstyrer</li><li>Meddelelser</li><li>Høringssvar</li><li>Eventuelt</li></ol>", titles: []),
    ])
    func aBareAgendaInHTMLIsReadByItsIndentation(_ agenda: HTMLAgenda) throws {
        let html = "<html><body><h1>Indkaldelse til møde i Seniorrådet</h1><p>Tirsdag den 11. september 2029 kl. 10.00</p><p>Dagsorden:</p>"
            + agenda.list + "</body></html>"
        let document = try DocumentParser().parse(bytes: Array(html.utf8), path: "t.html", format: .html)
        #expect(document.cases.map(\.title) == agenda.titles)
    }

    @Test func aNestedListsItemsAreIndented() {
        let text = HTMLText.extract("<ul><li>Meddelelser<ul><li>Fra formanden</li></ul></li><li>Eventuelt</li></ul>").text
        #expect(text.split(separator: "\n").map(String.init) == ["• Meddelelser", "  • Fra formanden", "• Eventuelt"])
    }
}
