@testable import ReferatParsing
import ReferatRecords
import Testing

/// Shapes the fifteenth held-out set of real pages brought (PDF transcripts of councils',
/// committees' and boards' minutes; docs/layouts.md, "Checked on pages the survey did not
/// see"), each written anew with invented names, numbers and sentences.
@Suite struct SixteenthSurveyTests {
    struct Line: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var lines: [String]
        var testDescription: String { name }
    }

    static let minutes = "Referat fra møde i Fjordrådet Tid og sted: Torsdag 14. marts 2030, kl. 10.00 Havnehuset. "

    @Test(arguments: [
        Line(name: "titles counting on with their minutes run in",
             text: minutes + "1. Godkendelse af dagsorden Dagsordenen blev godkendt. 2. Godkendelse af referat Referatet blev godkendt. "
                 + "3. Nye bøjer i havnen Havnefogeden har bestilt tolv bøjer. De sættes ud i maj.",
             lines: ["Referat fra møde i Fjordrådet", "Tid og sted: Torsdag 14. marts 2030, kl. 10.00 Havnehuset.",
                     "1. Godkendelse af dagsorden", "Dagsordenen blev godkendt.", "2. Godkendelse af referat", "Referatet blev godkendt.",
                     "3. Nye bøjer i havnen", "Havnefogeden har bestilt tolv bøjer. De sættes ud i maj."]),
        // A title that ends on a name said again, or before a recommendation's clause.
        Line(name: "a name said again and a clause",
             text: "Til stede: Eva Holm og Kaj Berg. 1. Orientering ved Kaj Berg Kaj Berg fortalte om sæsonen. "
                 + "2. Fælles havneplan at Rådet drøfter planen og sender den i høring. 3. Næste møde Rådet mødes igen i juni. Mødet sluttede kl. 12.",
             lines: ["Til stede: Eva Holm og Kaj Berg.", "1. Orientering ved Kaj Berg", "Kaj Berg fortalte om sæsonen.",
                     "2. Fælles havneplan", "at Rådet drøfter planen og sender den i høring.", "3. Næste møde", "Rådet mødes igen i juni. Mødet sluttede kl. 12."]),
        // A list that starts again inside an item ("Bilag" / "1. Referat …") is no title of the count.
        Line(name: "a list inside an item",
             text: minutes + "1. Godkendelse af dagsorden Dagsordenen blev godkendt. 2. Referat fra sidste møde Bilag 1. Referat fra mødet i januar "
                 + "Referatet blev godkendt. 3. Havnens økonomi Regnskabet viser et overskud. Det overføres til næste år.",
             lines: ["Referat fra møde i Fjordrådet", "Tid og sted: Torsdag 14. marts 2030, kl. 10.00 Havnehuset.",
                     "1. Godkendelse af dagsorden", "Dagsordenen blev godkendt.", "2. Referat fra sidste møde",
                     "Bilag", "1. Referat fra mødet i januar Referatet blev godkendt.", "3. Havnens økonomi",
                     "Regnskabet viser et overskud. Det overføres til næste år."]),
    ])
    func plainMinutesFlattenedIntoOneLineAreCutAtTheirTitles(_ line: Line) {
        #expect(FlattenedPage.split(line.text) == line.lines)
    }

    @Test(arguments: [
        // A table of contents on one line: titles counting on, but no sentence after any of them.
        Line(name: "a table of contents", text: "Indholdsfortegnelse 1. Godkendelse af dagsorden 2. Nye bøjer i havnen og ved molen 3. Havnens økonomi og "
             + "regnskabet for året 4. Eventuelt og næste møde i havnehuset ved kajen 5. Lukket punkt om salg af en grund ved havnen", lines: []),
        Line(name: "a table of contents with page numbers", text: "1. Godkendelse af dagsorden...1 2. Nye bøjer. Der bestilles bøjer...2 "
             + "3. Havnens økonomi. Regnskabet er godkendt...3 4. Eventuelt og næste møde i havnehuset ved kajen og i byen", lines: []),
        // Two titles are too few to tell plain minutes from a paragraph that names two points.
        Line(name: "two numbers in a paragraph", text: "Rådet drøftede sagen længe og besluttede følgende. 1. Planen sendes i høring hos borgerne i byen. "
             + "2. Havnefogeden indkalder til et borgermøde i maj. Rådet tager sagen op igen, når høringen er slut, og senest i september.", lines: []),
    ])
    func otherLinesWithNumbersAreLeftWhole(_ line: Line) {
        #expect(FlattenedPage.split(line.text) == [line.text])
    }

    struct Page: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var titles: [String]
        var testDescription: String { name }
    }

    static let transcript = "Referat fra møde i Fjordrådet\n\nTranskript\n\n"

    @Test(arguments: [
        Page(name: "plain minutes in one transcript line", text: transcript + "1 " + minutes
             + "1. Godkendelse af dagsorden Dagsordenen blev godkendt. 2. Referat fra sidste møde Bilag 1. Referat fra mødet i januar "
             + "Referatet blev godkendt. 3. Havnens økonomi Regnskabet viser et overskud. Det overføres til næste år.\n",
             titles: ["Godkendelse af dagsorden", "Referat fra sidste møde", "Havnens økonomi"]),
        // A contents page that lists the attachments by number ("Bilag 2: …") has no items in the list.
        Page(name: "a list of attachments", text: transcript + "1 Bestyrelsesmøde tirsdag den 3. september 2030 Indholdsfortegnelse 1. Protokollat "
             + "Nyt tag Eventuelt Bilag 1: Tilbud på tag Bilag 2: Tegning af taget Bilag 3: Regnskabsoversigt for afdelingerne Bilag 4: Revisionsprotokollat 1/9\n\n"
             + "2 1. Protokollat Sagsfremstilling Protokollatet fra sidste møde er udsendt. Beslutning Protokollatet blev godkendt. 2/9\n",
             titles: ["Protokollat"]),
    ])
    func flattenedMinutesGiveTheirItems(_ page: Page) throws {
        let document = try parse(page.text)
        #expect(document.cases.map(\.title) == page.titles)
    }

    @Test(arguments: [
        ("Tid og sted: Torsdag 14. marts 2030, kl. 10.00 Havnehuset", "2030-03-14"),
        ("Tid og sted: 2. maj 2030 i Havnehuset", "2030-05-02"),
    ])
    func timeAndPlaceLabelDatesTheMeeting(_ header: String, _ date: String) throws {
        let document = try parse("Referat\n\n" + header + "\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n")
        #expect(document.meeting?.date == date)
    }
}

extension SixteenthSurveyTests {
    struct Absence: CustomTestStringConvertible, Sendable {
        var name: String
        var line: String
        var absent: [String]
        var testDescription: String { name }
    }

    @Test(arguments: [
        // A flattened list of members that lost its commas: which words before each mark make
        // the absentee's name is not known, so no name is read rather than a wrong one.
        Absence(name: "members run together before their marks",
                line: "Medlemmer: Ole Brink Hans Peter Dal (afbud) Rita Krog Inge Mose (afbud) Kaj Vind Øvrige: Eva Holm", absent: []),
        Absence(name: "one member run into the next", line: "Medlemmer: Jens Ravn Lars B. Holm Eva Ny Kaj Lund (afbud)", absent: []),
        // Names that keep their commas, as before.
        Absence(name: "members with commas", line: "Medlemmer: Ole Brink, Hans Peter Dal (afbud), Rita Krog, Inge Mose (afbud)",
                absent: ["Hans Peter Dal", "Inge Mose"]),
        // A transcript's header row without colons, the contents after it.
        Absence(name: "a header row's absentee before the contents",
                line: "Bestyrelsen Ida Krog, Ole Bach og Rita Friis Afbud Svend Lind Indholdsfortegnelse 1. Protokollat fra sidste møde", absent: ["Svend Lind"]),
    ])
    func absenteesInAFlattenedHeader(_ absence: Absence) {
        #expect((AbsenceProse.read(absence.line)?.absent ?? []).map(\.name) == absence.absent)
    }

    @Test(arguments: [
        ("REFERAT Eva Holm", "Eva Holm"),
        ("Bo Berg Næste møde 6. februar 2031", "Bo Berg"),
        ("LO Egeby", nil),
        ("DH Nordby", nil),
        ("Eva Holm", "Eva Holm"),
    ] as [(String, String?)])
    func aHeadersWordsAroundANameAreNoPartOfIt(_ text: String, _ name: String?) {
        #expect(PeopleParser.person(text)?.name == name)
    }
}

extension SixteenthSurveyTests {
    @Test(arguments: [
        // A transcript that printed the body's name only in the page's header lost it here, with the date's digits.
        ("Beslutning i den : Godkendt.", nil, "Godkendt."),
        ("Beslutning i den :", nil, nil),
        ("Beslutning i Fritidsudvalget den : Anbefalet.", "Fritidsudvalget", "Anbefalet."),
    ] as [(String, String?, String?)])
    func aStepWhoseBodyAndDateWereLostIsTheMeetingsStep(_ line: String, _ body: String?, _ text: String?) throws {
        let header = try #require(DecisionHeader.parse(line))
        #expect(header.body == body)
        #expect(header.inlineText == text)
    }
}

extension SixteenthSurveyTests {
    struct Board: CustomTestStringConvertible, Sendable {
        var name: String
        var lastListed: String
        var testDescription: String { name }
    }

    // "Pkt. 1" under a list of people ("Name, Organisation"): the title is the line below the
    // number, and the list's last line is one of the people, not the item's title.
    @Test(arguments: [
        Board(name: "an appointed member", lastListed: "Bo Lund, udpeget af Kommunalbestyrelsen"),
        Board(name: "a member for an association", lastListed: "Bo Lund, Idrætsforeningerne"),
        Board(name: "a member with a role", lastListed: "Bo Lund, etnisk repræsentant"),
    ])
    func numberUnderAListOfPeopleLeadsItsTitle(_ board: Board) throws {
        let document = try parse("Referat fra møde i Integrationsrådet\nTorsdag d. 12.09.30.\nAfbud:\nRita Krog, Oplysningsforbundene\n" + board.lastListed
                                 + "\nPkt. 1\nValg af næstformand\nRådet valgte Kaj Berg som næstformand.\nPkt. 2\nTemadag\nRådet holder temadag i november.\n")
        #expect(document.cases.map(\.title) == ["Valg af næstformand", "Temadag"])
        #expect(document.meeting?.absent.map(\.name) == ["Rita Krog", "Bo Lund"])
    }
}

extension SixteenthSurveyTests {
    @Test(arguments: [
        Line(name: "an item's number, title and heading",
             text: "3 1. Godkendelse af referat Side 3 Sagsfremstilling Referatet fra mødet den 6. november 2030 skal godkendes og underskrives af formanden.",
             lines: ["1. Godkendelse af referat", "Sagsfremstilling", "Referatet fra mødet den 6. november 2030 skal godkendes og underskrives af formanden."]),
        Line(name: "without the page's footer",
             text: "4 2. Budget for afdelingerne Resumé Budgettet for afdelingerne er udsendt til bestyrelsen og drøftes på mødet i dag med revisor.",
             lines: ["2. Budget for afdelingerne", "Resumé", "Budgettet for afdelingerne er udsendt til bestyrelsen og drøftes på mødet i dag med revisor."]),
        // No heading after the title: a page of prose that opens with a number stays whole.
        Line(name: "no heading after the title",
             text: "3 1. Godkendelse af referat Side 3 Referatet fra mødet den 6. november 2030 skal godkendes og underskrives af formanden og direktøren.",
             lines: ["3 1. Godkendelse af referat Side 3 Referatet fra mødet den 6. november 2030 skal godkendes og underskrives af formanden og direktøren."]),
    ])
    func aPageOpeningWithAnItemAndItsHeadingIsAnItemsPage(_ line: Line) {
        #expect(FlattenedPage.split(line.text) == line.lines)
    }
}

extension SixteenthSurveyTests {
    struct FirstPage: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var kind: DocumentKind
        var testDescription: String { name }
    }

    static let front = "Referat bestyrelsesmøde\n\nTranskript\n\n1 Tidspunkt: Kl. 17:00 Sted: Mødelokale Fjorden Til stede: Jens Ravn, Eva Holm Fraværende: "

    // A transcript cut after its first page: who was absent and the list of items, no item's
    // text and no date (the transcript lost its digits). The meeting's record, not a plain document.
    @Test(arguments: [
        FirstPage(name: "absentees and the agenda", text: front + "Rita Krog, Per Vinther\n\n2 Dagsorden 1. Godkendelse af referat Regnskab Eventuelt\n", kind: .minutes),
        FirstPage(name: "absentees and the contents", text: front + "Rita Krog\n\n2 Indholdsfortegnelse 1. Godkendelse af referat Regnskab 4\n", kind: .minutes),
        FirstPage(name: "no one absent", text: front + "Ingen\n\n2 Dagsorden 1. Godkendelse af referat Regnskab Eventuelt\n", kind: .other),
        FirstPage(name: "no list of items", text: front + "Rita Krog, Per Vinther\n\n2 Foreningen fylder 50 år i maj, og bestyrelsen vil fejre det.\n", kind: .other),
    ])
    func aTranscriptsFirstPageWithAbsenteesAndItsAgendaIsMinutes(_ page: FirstPage) throws {
        #expect(try parse(page.text).kind == page.kind)
    }
}

extension SixteenthSurveyTests {
    @Test(arguments: [
        // A network's or a forum's own minutes number their items without points, from "Dagsorden" on.
        Line(name: "numbers without points after the agenda's heading",
             text: "REFERAT 4. møde i Stinetværket Afbud: Per Vinther (Sydby Kommune) Dagsorden 1 Velkomst Formanden bød velkommen til mødet. "
                 + "2 Godkendelse af dagsorden (beslutningspunkt) Netværket godkendte dagsordenen. 3 Cykelstier (orienteringspunkt) Kaj Berg orienterede om stierne.",
             lines: ["REFERAT 4. møde i Stinetværket", "Afbud: Per Vinther (Sydby Kommune)", "Dagsorden", "1. Velkomst", "Formanden bød velkommen til mødet.",
                     "2. Godkendelse af dagsorden (beslutningspunkt)", "Netværket godkendte dagsordenen.", "3. Cykelstier (orienteringspunkt)",
                     "Kaj Berg orienterede om stierne."]),
    ])
    func anAgendasNumbersWithoutPointsCountOn(_ line: Line) {
        #expect(FlattenedPage.split(line.text) == line.lines)
    }

    @Test(arguments: [
        Line(name: "a title of one word", text: "1. Velkomst Formanden bød velkommen og fortalte om, at netværket har fået et nyt medlem.",
             lines: ["1. Velkomst", "Formanden bød velkommen og fortalte om, at netværket har fået et nyt medlem."]),
        Line(name: "a title's closing mark", text: "2. Godkendelse af dagsorden (B) Rådet godkendte dagsordenen, efter at punkt 4 var udsat.",
             lines: ["2. Godkendelse af dagsorden (B)", "Rådet godkendte dagsordenen, efter at punkt 4 var udsat."]),
        // Two capitalised words that belong together ("Regional Vækst- og …") are no title and its text.
        Line(name: "a title in capitals that goes on", text: "3. Regional Vækst- og Udviklingsstrategi v. Eva Holm Orientering om arbejdet. Der er nedsat grupper.",
             lines: ["3. Regional Vækst- og Udviklingsstrategi v. Eva Holm Orientering om arbejdet", "Der er nedsat grupper."]),
    ])
    func aPlainMinutesTitleEndsWhereItsTextStarts(_ line: Line) throws {
        let piece = line.text
        let digits = try #require(piece.firstIndex(where: { !$0.isNumber }))
        #expect(FlattenedPage.splitTitle(piece, number: piece[..<digits], body: piece[digits...].drop { $0 == "." || $0 == " " }, sentenceLimit: 200, minutes: true)
                == line.lines)
    }
}
