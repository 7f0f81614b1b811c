@testable import ReferatParsing
import ReferatRecords
import Testing

/// Shapes the twelfth held-out set of real pages brought (docs/layouts.md, "Checked on pages
/// the survey did not see", ninth look: school boards, utility boards, committees named by
/// their fields, one item's page with its decision first), each written anew with invented
/// names, numbers and sentences.
@Suite struct ThirteenthSurveyTests {
    @Test(arguments: [
        ("Samarbejde med Vesterby Vandværk (B)", nil),
        ("Aftale om Nordhavn Genbrug (O)", nil),
        ("Dorthe la Cour (V)", "Dorthe la Cour"),
        ("Luis da Silva (A)", "Luis da Silva"),
    ] as [(String, String?)])
    func onlyTheVocabularysParticlesJoinAName(_ line: String, _ name: String?) {
        #expect(PeopleParser.person(line)?.name == name)
    }
}

extension ThirteenthSurveyTests {
    @Test(arguments: [
        ("Kultur og fritids møde den 6. marts 2028", "Kultur og fritid"),
        ("Børn, unge og fritids møde den 3. maj 2028", "Børn, unge og fritid"),
        ("Økonomiudvalgets møde den 21. januar 2028", "Økonomiudvalget"),
    ])
    func aCommitteeNamedByItsFieldsNamesTheMeeting(_ line: String, _ body: String) throws {
        let meeting = try #require(MeetingHeaderParser.parse([SourceLine(number: 1, text: line)]))
        #expect(meeting.body == body)
    }

    @Test(arguments: ["Orientering om Ældrerådets møde den 3. maj 2028", "Referat fra sidste møde den 3. maj 2028"])
    func aTitleAboutAnotherMeetingNamesNoBody(_ line: String) {
        #expect(line.firstMatch(of: MeetingHeaderParser.genitiveMeeting) == nil)
    }
}

extension ThirteenthSurveyTests {
    @Test func oneItemsPageWithItsDecisionFirstIsOneItem() throws {
        let document = try parse("Vejudvalget\nReferat • 8. marts 2028 kl. 15.00\nIndhold\nBeslutning i Vejudvalget den 08-03-2028\nGodkendt.\n"
            + "Indstilling\nEva Holm (A) foreslår en ny sti.\nSagsfremstilling\nStien kan anlægges i år.\n")
        let item = try #require(document.cases.first)
        #expect(document.cases.count == 1)
        #expect(item.title == "")
        #expect(item.decisions.map(\.body) == ["Vejudvalget"])
        #expect(item.decisions.map(\.date) == ["2028-03-08"])
    }
}

extension ThirteenthSurveyTests {
    @Test(arguments: [
        ("Udvalg:", true),
        ("Nyt fra skolens hverdag, Per Holm:", true),
        ("Kort nyt og forældrehenvendelser fra:", true),
        // A label of who came or not, a header's label, a sentence: no title.
        ("Fraværende:", false),
        ("Afbud:", false),
        ("Skolen har fået nye borde. Det kostede:", false),
        ("Godkendt:", true),
        ("Udvalg", false),
    ])
    func aPlainMinutesTitleMayEndInAColon(_ title: String, _ isTitle: Bool) {
        #expect(CaseSegmenter.isColonTitle(title) == isTitle)
    }

    @Test(arguments: [
        // A school board's minutes: every title ends in a colon, the minutes indented below.
        ("Referat af Skolebestyrelsesmøde\ntirsdag den 7. marts 2028 kl. 19.00\n\n 1. Godkendelse af referat:\n  Godkendt.\n\n 2. Elevråd:\n"
            + "  Eleverne deltog ikke.\n\n 3. Nyt fra skolen, Bo Holm:\n  Bo Holm orienterede om ombygningen.\n\n 4. Eventuelt:\n  Intet.\n",
         ["Godkendelse af referat", "Elevråd", "Nyt fra skolen, Bo Holm", "Eventuelt"]),
        // Numbered lines with a colon inside an item's text stay its text.
        ("Referat\n\n1. Godkendelse af dagsorden\nSagsnr.: 28/101\nBeslutning\nGodkendt.\n\n2. Budget 2029\nSagsnr.: 28/102\nIndstilling\n"
            + "1. Anlæg:\nDer afsættes 2 mio. kr.\n2. Drift:\nUændret.\nBeslutning\nGodkendt.\n",
         ["Godkendelse af dagsorden", "Budget 2029"]),
    ])
    func titlesThatEndInAColonAreItems(_ text: String, _ titles: [String]) throws {
        #expect(try parse(text).cases.map(\.title) == titles)
    }

    @Test(arguments: [
        ("Fraværende:\nForældrevalgte: Eva Holm.\nElevrepræsentanter: Ib Lund, Maja Berg.\n", ["Eva Holm", "Ib Lund", "Maja Berg"]),
        ("Fraværende:\nForældrevalgte: Afbud fra Rikke Dam.\nMedarbejderrepræsentanter: Ole Vang.\n", ["Rikke Dam", "Ole Vang"]),
        // A label that is no group of members ends the list.
        ("Fraværende:\nForældrevalgte: Eva Holm.\nReferent: Ib Lund\n", ["Eva Holm"]),
    ])
    func groupsOfMembersUnderAnAbsenceLabelAreAbsent(_ text: String, _ names: [String]) throws {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { SourceLine(number: $0.offset + 1, text: String($0.element)) }
        let list = try #require(AbsenceList.read(lines, at: 0))
        #expect(list.absent.map(\.name) == names)
    }
}

extension ThirteenthSurveyTests {
    @Test(arguments: [
        // A school board's table on Aula: the number leads, the title follows, whatever its end.
        ("Referat 7. marts 2028\n\nPunkt\n\nReferat\n\nPkt. 1\n\nGodkendelse af dagsorden\n\nB\n\nGodkendt\n\nPkt. 2\n\nSkolens budget.\n\nGennemgået.\n\n"
            + "Pkt. 3\n\nNyt fra elevrådet:\n\nEn turnering i maj.\n", ["Godkendelse af dagsorden", "Skolens budget.", "Nyt fra elevrådet"]),
        // The number under its title, as a meeting view prints it: the title above.
        ("Kommunalbestyrelsen\n\n12-03-2028\n\nSpørgetid\nSag nr. 40\n\nBeslutningskompetence: KB\n\nBeslutning\n\nTaget til efterretning.\n\n"
            + "Ny skolevej\nSag nr. 41\n\nBeslutningskompetence: KB\n\nBeslutning\n\nGodkendt.\n", ["Spørgetid", "Ny skolevej"]),
        // The number repeated inside the item it heads is the same item.
        ("Referat\n\n • Pkt. 30 Spørgetid\n\n  Spørgsmål.pdf\n\n  Pkt. 30\n\n  Spørgetid\n\n  Sagsnr. 2028 Byrådet Åbent punkt\n\n  Byrådet, 01-03-2028, pkt. 30\n\n"
            + "  Ingen spørgsmål.\n", ["Spørgetid"]),
    ])
    func aNumberOnItsOwnLineLeadsOrFollowsItsTitleAsThePageShows(_ text: String, _ titles: [String]) throws {
        #expect(try parse(text).cases.map(\.title) == titles)
    }
}

extension ThirteenthSurveyTests {
    @Test(arguments: [
        ("under punkt 3", 3...3),
        ("under punkterne 12-15", 12...15),
        ("punkterne 22-23", 22...23),
        ("under behandlingen af punkt 7", 7...7),
        ("efter punkt 5", 6...Int.max),
        ("fra punkt 5", 5...Int.max),
        ("kl. 16.25 under behandling af pkt. 4", 4...4),
        ("kl. 11.05 efter behandlingen af punkt 2", 3...Int.max),
    ])
    func aReasonNamesTheItemsSomeoneTookNoPartIn(_ reason: String, _ items: ClosedRange<Int>) {
        #expect(DocumentAssembler.namedItems(reason) == items)
    }

    @Test(arguments: ["inhabil", "under mødet", "pga. sygdom i punkt 3"])
    func aReasonWithoutItemsNamesNone(_ reason: String) {
        #expect(DocumentAssembler.namedItems(reason) == nil)
    }

    @Test func whoLeftDuringALaterItemIsThatItemsNonParticipant() throws {
        let document = try parse("Referat\n\nByrådet\n\nMødedato: 12. marts 2028\n\n1. Godkendelse af dagsorden\nSagsnr.: 28/1\nBeslutning\nGodkendt.\n"
            + "Bo Berg (A) forlod mødet under punkt 3.\n\n2. Budget\nSagsnr.: 28/2\nBeslutning\nGodkendt.\n\n3. Skolevej\nSagsnr.: 28/3\nBeslutning\nGodkendt.\n")
        #expect(document.cases.map { $0.decisions.flatMap(\.notParticipating).map(\.name) } == [[], [], ["Bo Berg"]])
    }

    /// An item's own page: who left at a time during a later item took part in this one; who
    /// took no part in later items, said without a time, keeps the note on this item, the only
    /// place the page has for it.
    @Test(arguments: [
        ("Bo Berg forlod mødet kl. 16.25 under behandling af pkt. 4.", [String]()),
        ("Bo Berg forlod mødet kl. 16.25 efter behandlingen af punkt 1.", [String]()),
        ("Bo Berg forlod mødet kl. 16.25 under behandlingen af punkt 1.", ["Bo Berg"]),
        ("Bo Berg deltog ikke under punkterne 8-11.", ["Bo Berg"]),
    ])
    func aDepartureDuringALaterItemOnAnItemsOwnPage(_ line: String, _ names: [String]) throws {
        let document = try parse("Referat\n\nByrådet\n\nMødedato: 12. marts 2028\n\n1. Godkendelse af dagsorden\nSagsnr.: 28/1\nBeslutning\n\(line)\n\nGodkendt.\n")
        #expect(document.cases.map { $0.decisions.flatMap(\.notParticipating).map(\.name) } == [names])
    }
}

extension ThirteenthSurveyTests {
    @Test(arguments: [
        // A heating plant's board: no numbers, each heading ends in a colon.
        ("Referat fra bestyrelsesmødet\n\nKonstituering:\n\nFormand: Eva Holm\n\nDrift:\n\nVærket kører som det skal.\n\nØkonomi:\n\nRegnskabet ser fint ud.\n",
         ["Konstituering", "Drift", "Økonomi"]),
        // A header's labels with their values below are no items.
        ("Referat\n\nDato:\n\n3. maj 2028\n\nSted:\n\nKlubhuset\n\nDeltagere:\n\nEva Holm, Bo Berg\n\nMødet handlede om haven. Alle var enige.\n", []),
        // Two headings are too few to tell a board's items.
        ("Referat\n\nØkonomi:\n\nRegnskabet ser fint ud.\n\nDrift:\n\nVærket kører.\n", []),
    ])
    func headingsThatEndInAColonAreABoardsItems(_ text: String, _ titles: [String]) throws {
        #expect(try parse(text).cases.map(\.title) == titles)
    }

    @Test(arguments: [
        ("Lise Kvist – LK (afbud)", "Lise Kvist"),
        ("Bo Berg (O) - Afbud", "Bo Berg"),
        ("Lise Kvist – LK", nil),
    ] as [(String, String?)])
    func aMemberWithInitialsAndAStatusIsAbsent(_ line: String, _ name: String?) {
        #expect(AbsenceProse.member(line)?.absent.first?.name == name)
    }
}

extension ThirteenthSurveyTests {
    @Test(arguments: [
        ("Elevrepræsentanter: Ib Lund (syg?). 1. Godkendelse af referat:", ["Elevrepræsentanter: Ib Lund (syg?).", "1. Godkendelse af referat:"]),
        ("Forældrevalgte: Afbud fra Eva Holm. 1. Elevråd:", ["Forældrevalgte: Afbud fra Eva Holm.", "1. Elevråd:"]),
        // An abbreviation's point, a second item, or no title after it: the line stays whole.
        ("Vi drøftede pkt. 1. Budget:", ["Vi drøftede pkt. 1. Budget:"]),
        ("Mødet sluttede. 2. Elevråd:", ["Mødet sluttede. 2. Elevråd:"]),
        ("Eva Holm blev valgt. 1. Mødet blev hævet kl. 21. Næste gang:", ["Eva Holm blev valgt. 1. Mødet blev hævet kl. 21. Næste gang:"]),
    ])
    func aFirstTitleRunOntoTheLineAboveGoesOnALineOfItsOwn(_ line: String, _ pieces: [String]) {
        #expect(RunInHeadings.split(line) == pieces)
    }
}
