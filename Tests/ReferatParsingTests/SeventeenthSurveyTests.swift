@testable import ReferatParsing
import ReferatRecords
import Testing

/// Shapes the sixteenth held-out set of real pages brought (boards' and councils' own minutes
/// as PDF transcripts; docs/layouts.md, "Held-out set 16"), each written anew with invented
/// names, numbers and sentences.
@Suite struct SeventeenthSurveyTests {
    struct Page: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var titles: [String]
        var testDescription: String { name }
    }

    static let transcript = "Referat af bestyrelsesmøde på Egeby Gymnasium\n\nTranskript\n\n"
    static let contents = "1 Referat af bestyrelsesmøde på Egeby Gymnasium den 4. marts 2031 Til stede: Eva Holm og Kaj Berg. "
        + "Dagsorden: 1) Godkendelse af referat 2) Meddelelser fra rektor 3) Budgetopfølgning\n\n"

    @Test(arguments: [
        // A board's titles headed "Ad. 1.", with the minutes run in after each.
        Page(name: "titles headed Ad. with a point", text: transcript + contents
             + "2 Ad. 1. Godkendelse af referat Referatet blev godkendt og underskrevet. Ad. 2. Meddelelser fra rektor Rektor orienterede "
             + "om optaget. Søgningen er steget. 2\n",
             titles: ["Godkendelse af referat", "Meddelelser fra rektor"]),
        // "Ad 1." after the contents on the same page, a heading between title and text.
        Page(name: "titles headed Ad after the contents", text: transcript
             + "1 Referat af møde i bestyrelsen for Egeby Gymnasium den 4. marts 2031 Dagsorden: 1. Godkendelse af referat "
             + "2. Meddelelser fra rektor 3. Budget for efteråret 4. Kapacitet til næste skoleår 5. Renovering af kantinen og biblioteket "
             + "6. Eventuelt Sagsfremstilling: Ad 1. Godkendelse af referat Beslutning Bestyrelsen "
             + "godkendte referatet. Ad 2. Meddelelser fra rektor Orientering Rektor fortalte om optaget. Ad 3. Budget for efteråret "
             + "Orientering Forbruget følger budgettet.\n",
             titles: ["Godkendelse af referat", "Meddelelser fra rektor", "Budget for efteråret"]),
    ])
    func titlesHeadedAdAreItems(_ page: Page) throws {
        let document = try parse(page.text)
        #expect(document.cases.map(\.title) == page.titles)
    }

    struct Line: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var titles: Int
        var testDescription: String { name }
    }

    @Test(arguments: [
        Line(name: "two titles counting on", text: "2 Ad. 1. Godkendelse af referat Referatet blev godkendt. Ad. 2. Meddelelser Intet nyt.", titles: 2),
        Line(name: "titles without the point after Ad", text: "Ad 1. Godkendelse af referat Godkendt. Ad 2. Drøftelse af lokaler Rådet drøftede.", titles: 2),
        // A decision's parts answering numbered recommendations ("Ad 1. Anbefales."): no items.
        Line(name: "a decision's parts", text: "Beslutning i Økonomiudvalget den : Ad 1. Anbefales. Ad 2. Godkendt med bemærkninger.", titles: 0),
        // One "Ad" alone is too few to tell a title from a reference.
        Line(name: "one Ad alone", text: "Rådet henviste til sit svar. Ad 2. Meddelelser blev ikke behandlet på dette møde.", titles: 0),
        // Numbers that do not count on.
        Line(name: "numbers out of order", text: "Ad 3. Budgetopfølgning Forbruget følger budgettet. Ad 1. Godkendelse af referat Godkendt.", titles: 0),
    ])
    func adTitlesCountOnAndStateNoOutcome(_ line: Line) {
        #expect(FlattenedPage.adTitles(line.text).count == line.titles)
    }
}

extension SeventeenthSurveyTests {
    struct Absence: CustomTestStringConvertible, Sendable {
        var name: String
        var line: String
        var absent: [String]
        var testDescription: String { name }
    }

    /// A transcript page's minutes after its header, long enough to make the page one line of
    /// more than a thousand characters.
    static let longMinutes = String(repeating: "Bestyrelsen drøftede sagen og gav formanden mandat til at gå videre med den. ", count: 14)

    @Test(arguments: [
        // A transcript's page is one long line; who sent apologies stands in its header.
        Absence(name: "apologies at the start of a long page",
                line: "1 Referat af bestyrelsesmøde i Egeby Seniorråd Tirsdag d. 4. marts 2031 Afbud fra Lone Dahl, Kaj Berg, Rita Krog. "
                    + "Dagsorden 1. Godkendelse af dagsorden Godkendt " + longMinutes,
                absent: ["Lone Dahl", "Kaj Berg", "Rita Krog"]),
        // Far into a long page "afbud fra" is the minutes' prose, not the header.
        Absence(name: "apologies far into a long page", line: "1 Referat af bestyrelsesmøde i Egeby Seniorråd " + longMinutes
                    + "Der var afbud fra Lone Dahl.", absent: []),
        // The next label after the names ends the last name.
        Absence(name: "a label after the last name",
                line: "1 Referat Til stede: Eva Holm (formand) og Per Vinther. Afbud: Lone Dahl (næstformand), Kaj Berg og Rita Krog Note: Bilag eftersendes.",
                absent: ["Lone Dahl", "Kaj Berg", "Rita Krog"]),
    ])
    func absenteesInATranscriptsHeader(_ absence: Absence) {
        #expect((AbsenceProse.read(absence.line)?.absent ?? []).map(\.name) == absence.absent)
    }
}

extension SeventeenthSurveyTests {
    struct Agenda: CustomTestStringConvertible, Sendable {
        var name: String
        var body: String
        var items: Int
        var testDescription: String { name }
    }

    static let schoolBoard = "Skolebestyrelsesmøde april 2031\n\nReferat fra den 8. april 2031 kl. 18.30-20.30.\n\nAfbud: Lone Dahl\n\n"

    @Test(arguments: [
        // The table's titles were lost; each slot starts where the one before ended.
        Agenda(name: "slots counting on", body: "18.30-18.45 - Godkendelse\n\nGodkendt.\n\n18.45-19.15 - Drøftelse\n\nSkolegården blev drøftet.\n\n"
               + "19.15-19.45 - Orientering\n\nFormanden orienterede.\n\n19.45-20.00\n\nEventuelt\n", items: 4),
        Agenda(name: "slots with colons and a dash", body: "18:30 – 18:45 Godkendelse\n\nGodkendt.\n\n18:45 – 19:15 Drøftelse\n\nDrøftet.\n\n"
               + "19:15 – 19:45 Orientering\n\nTaget til efterretning.\n", items: 3),
        // Two slots are too few, and slots that do not follow on are a timetable's lines.
        Agenda(name: "two slots", body: "18.30-18.45 - Godkendelse\n\nGodkendt.\n\n18.45-19.15 - Drøftelse\n\nDrøftet.\n", items: 0),
        Agenda(name: "slots with gaps", body: "Åbningstider\n\n08.00-12.00 mandag\n\n13.00-15.00 tirsdag\n\n16.00-18.00 onsdag\n", items: 0),
        // A programme inside a numbered item is the item's text.
        Agenda(name: "a programme inside an item", body: "1. Temadag\n\nSagsfremstilling\n\nProgrammet:\n\n10.00-10.30 Velkomst\n\n10.30-11.00 Oplæg\n\n"
               + "11.00-11.30 Frokost\n\nBeslutning\n\nGodkendt.\n", items: 1),
    ])
    func timeSlotsOpenTheItemsOfAnAgendaWithoutTitles(_ agenda: Agenda) throws {
        let document = try parse(Self.schoolBoard + agenda.body)
        #expect(document.cases.count == agenda.items)
    }
}

extension SeventeenthSurveyTests {
    @Test(arguments: [
        // The running header's date went with its digits; the title that opens the page follows.
        ("3 Byrådet s møde den Salg af grund ved havnen Sagsnr.: 13/30111 Sagsbehandler: Eva Holm Sagsfremstilling Kommunen har modtaget et bud. 3",
         "Salg af grund ved havnen"),
        ("3 Byrådets møde den Salg af grund ved havnen Sagsnr.: 13/30111 Sagsbehandler: Eva Holm Sagsfremstilling Kommunen har modtaget et bud. 3",
         "Salg af grund ved havnen"),
        // A date kept after "den" is no lost date: the line is left as it was.
        ("3 Byrådets møde den 3. december 2030 Sagsnr.: 13/30111 Sagsbehandler: Eva Holm Sagsfremstilling Kommunen har modtaget et bud. 3",
         "Byrådets møde den 3. december 2030"),
    ])
    func aRunningHeaderWithoutItsDateIsNoPartOfTheTitle(_ page: String, _ first: String) {
        #expect(FlattenedPage.split(page).first == first)
    }
}
