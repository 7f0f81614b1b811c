@testable import ReferatParsing
import ReferatRecords
import Testing

/// Shapes the ninth held-out set of real pages brought (docs/layouts.md, "Checked on pages the
/// survey did not see", sixth look), each written anew with invented names, numbers and
/// sentences.
@Suite struct TenthSurveyTests {
    @Test(arguments: [
        ("Beslutning Vækst og Kultur den 14-03-2029", "Vækst og Kultur", "2029-03-14"),
        ("Beslutning Plan, Bolig og Miljø den 3. maj 2029:", "Plan, Bolig og Miljø", "2029-05-03"),
        ("Beslutning Økonomiudvalget den 02-02-2029", "Økonomiudvalget", "2029-02-02"),
    ])
    func aStepNamedWithoutUdvalgAfterBeslutningIsRead(_ line: String, _ body: String, _ date: String) throws {
        let header = try #require(DecisionHeader.parse(line))
        #expect(header.body == body)
        #expect(header.date == date)
    }

    @Test(arguments: ["Beslutning Sagen blev udsat", "Beslutningen om den nye hal", "Beslutning Vækst og Kultur"])
    func aStepNeedsItsDate(_ line: String) {
        #expect(DecisionHeader.parse(line)?.body == nil)
    }
}

extension TenthSurveyTests {
    static let header = "Referat\nUdvalg: Teknikudvalget\nMødedato: 14-03-2029\n\n"

    @Test(arguments: [
        // An agenda's placeholder: a bare heading over nothing.
        ("1. Godkendelse af dagsorden\nSagsnr.: 29/101\nBeslutning\n\n2. Ny cykelsti\nSagsnr.: 29/102\nBeslutning\nGodkendt.\n", [0, 1]),
        // The page ends on a decision header.
        ("1. Godkendelse af dagsorden\nSagsnr.: 29/101\nBeslutning\nGodkendt.\n\n2. Ny cykelsti\nSagsnr.: 29/102\nBeslutning i Teknikud", [1, 0]),
    ])
    func aDecisionHeaderOverNothingIsNoDecision(_ items: String, _ counts: [Int]) throws {
        let document = try parse(Self.header + items)
        #expect(document.cases.map(\.decisions.count) == counts)
    }

    @Test func aNamedStepWithoutTextIsStillAStep() throws {
        let text = Self.header + "1. Ny cykelsti\nSagsnr.: 29/102\nBeslutning Byrådet den 26-03-2029\nBeslutning Økonomiudvalget den 18-03-2029\n"
            + "Sagsfremstilling\nCykelstien skal gå langs Åvej.\n"
        let document = try parse(text)
        #expect(document.cases.first?.decisions.map(\.body) == ["Byrådet", "Økonomiudvalget"])
    }
}

extension TenthSurveyTests {
    @Test(arguments: [
        "1. Orientering fra formanden.\n2. Orientering fra medlemmerne.\n3. Orientering fra forvaltningen.\n4. Årshjulet er vedlagt.\n",
        "1. Orientering fra formanden.\n2. Orientering fra forvaltningen.\n3. Årshjulet er vedlagt.\n",
    ])
    func aListThatStartedAgainInsideAnItemGoesOnPastTheItemsNumber(_ list: String) throws {
        let text = Self.header + "1. Godkendelse af dagsorden\nSagsnr.: 29/101\nBeslutning\nGodkendt.\n\n"
            + "2. Orienteringer\nSagsnr.: 29/102\nBeslutningstema\nDer gives orientering om:\n" + list
            + "Indstilling\nForvaltningen indstiller, at orienteringerne tages til efterretning.\nBeslutning\nTaget til efterretning.\n\n"
            + "3. Ny cykelsti\nSagsnr.: 29/103\nBeslutning\nGodkendt.\n"
        let document = try parse(text)
        #expect(document.cases.map(\.number) == ["1", "2", "3"])
        #expect(document.cases.map(\.decisions.count) == [1, 1, 1])
    }

    @Test(arguments: [
        // A department's remarks under their own heading, right above the decision.
        ("Resumé\nAnsøgning om tilskud til Torvet 4.\nForvaltningens bemærkninger\nDer er ikke yderligere bemærkninger\n"
            + "Beslutning Byrådet den 23-06-2029\nGodkendt.\n", "Der er ikke yderligere bemærkninger"),
        // A heading whose words go on below it, right above the next block's case number.
        ("Sagsnr.: 29/201\nResumé\nNyt medlem af havnebestyrelsen.\nSagen behandles i\nSagsnr.: 29/202\nResumé\nRegnskab for havnen.\n",
         "Sagen behandles i"),
    ])
    func aHeadingsTextIsNoTitle(_ blocks: String, _ notTitle: String) throws {
        let document = try parse("Dagsorden\nMandag 23. jun 2029 kl. 17:00\nByrådet\nReferat\n\n" + blocks)
        #expect(!document.cases.map(\.title).contains(notTitle))
    }

    @Test(arguments: [
        ("1. Godkendelse af dagsorden 2. Meddelelser 3. Ny cykelsti langs Åvej 4. Lukket punkt", true),
        ("1. Godkendelse af dagsorden 2. Meddelelser", false),
        ("1. at planen godkendes, 2. at udgiften afholdes af puljen", false),
    ])
    func itemsListedOnOneLine(_ line: String, _ lists: Bool) {
        #expect(CaseSegmenter.listsItemsOnOneLine(line) == lists)
    }

    @Test func aRecordListingItsItemsOnOneLineIsMinutes() throws {
        let text = "Vi bruger cookies\n\nReferat\n\n1. Godkendelse af dagsordenen 2. Orientering fra borgmesteren 3. Ny cykelsti "
            + "langs Åvej 4. Salg af grund på Engvej (FOR LUKKEDE DØRE)\n\nDeltagere:\n\nEva Holm, A\nBo Berg, V\n"
        let document = try parse(text)
        #expect(document.kind == .minutes)
        #expect(document.cases.isEmpty)
    }
}

extension TenthSurveyTests {
    @Test(arguments: [
        ("Medlemmer: Eva Holm, (S), Borgmester Kaj Berg, Suppleant for Ida Krog, (S), 1. Viceborgmester Bo Lund (PN)", ["Ida Krog"]),
        ("Medlemmer: Eva Holm, Borgmester (S) Bo Lund (PN) Ib Dam (IA) suppleant deltager Kim Moe Tove Eg (D)", ["Ib Dam"]),
        ("Birgitte Holm (A), Suppleant for Bent Møller (A)", ["Bent Møller"]),
        // A seat filled on a board, not a stand-in at the meeting.
        ("Indkaldelse af suppleant for Ida Krog", [String]()),
    ])
    func aMemberLineThatNamesAStandInNamesWhoWasAway(_ line: String, _ absent: [String]) {
        #expect((AbsenceProse.read(line)?.absent ?? []).map(\.name) == absent)
    }

    @Test(arguments: [
        ("4 P Budget for havnen Sagsfremstilling Forvaltningen har lavet et forslag. Bilag Forslag til budget Direktionen indstiller (2. april 2031, pkt. 12) forslaget.",
         "Budget for havnen"),
        ("3 Ø Kassebeholdning pr. 31. marts Sagsfremstilling Kassen er gjort op. Bilag Opgørelse Beslutning Taget til efterretning. Økonomiudvalg, 14. april 2031 Side 1",
         "Kassebeholdning pr. 31. marts"),
    ])
    func aPageThatOpensWithATypeLetterBeforeTheTitle(_ page: String, _ title: String) {
        #expect(FlattenedPage.split(page).first == title)
    }

    @Test func aSentenceBeforeARunningFooterNamesNoBody() {
        #expect(DecisionHeader.parse("Orienteringen blev taget til efterretning. Økonomiudvalg, 14. april 2031 Side 1") == nil)
        #expect(DecisionHeader.parse("Plan- og Miljøudvalget, 24.10.2031 Anbefales")?.body == "Plan- og Miljøudvalget")
    }
}

extension TenthSurveyTests {
    @Test(arguments: [
        ("Bo Berg meddeler, at han ikke kan deltage i behandling af pkt. 6 grundet inhabilitet", "Bo Berg", "inhabil"),
        ("Eva Holm (A) oplyste, at hun ikke kunne deltage i punkt 4", "Eva Holm", nil as String?),
    ])
    func someoneWhoSaysHeCannotTakePartIsANonParticipant(_ line: String, _ name: String, _ reason: String?) throws {
        let found = try #require(AbsenceProse.read(line))
        #expect(found.notParticipating.map(\.name) == [name])
        if let reason { #expect(found.notParticipating.first?.reason == reason) }
    }

    @Test func aBareHeadingOverTheCasesStoryGivesWayToTheNamedStep() throws {
        let text = "Referat\nUdvalg: Byrådet\nDato: 22-06-2031\n\nSagsnr.: 00.00.00-G01-31-31\nBeslutning\n"
            + "Byrådet besluttede i marts 2031 at lukke børnehuset på Engvej. Bygningen er i dårlig stand.\n"
            + "Punktet er lukket af hensyn til den kommende licitation.\n"
            + "Beslutning på byrådsmødet den 22. juni 2031\nØkonomiudvalgets indstilling godkendt\n"
        let document = try parse(text)
        let decisions = try #require(document.cases.first?.decisions)
        #expect(decisions.map(\.text) == ["Økonomiudvalgets indstilling godkendt"])
        #expect(decisions.map(\.date) == ["2031-06-22"])
    }
}

extension TenthSurveyTests {
    @Test func anItemAfterARunningHeaderAndAGroupHeadingInCapitalsStartsALine() {
        let page = "3 Byrådet 12. juni 2031 Side: 3 TIL BYRÅDETS AFGØRELSE 311. Garanti for lån til vandværket Sagsnr J.nr Vandværket søger om en garanti."
        // The identity labels whose values went with the digits stand on a line of their own.
        #expect(FlattenedPage.split(page) == ["Byrådet 12. juni 2031 Side: 3 TIL BYRÅDETS AFGØRELSE", "311. Garanti for lån til vandværket",
                                              "Sagsnr J.nr", "Vandværket søger om en garanti."])
    }
}

extension TenthSurveyTests {
    @Test func aBoardsMinutesOnOneLineNameTheirMeeting() throws {
        let text = "Referat af bestyrelsesmøde onsdag d. 7. november 2029 kl. 19.30 i Klubhuset. Tilstede: Lars, Nina, Bo Afbud: Referent: Lars\n"
            + "1. Valg af referent Lars\n2. Godkendelse af dagsorden Godkendt\n3. Godkendelse af referat Udskudt.\n"
            + "4. Julefrokost Vi mødes kl. 18.30, og Nina bager.\n5. Eventuelt intet\n"
        let document = try parse(text)
        #expect(document.meeting?.date == "2029-11-07")
        #expect(document.meeting?.body == "Bestyrelsen")
    }
}

extension TenthSurveyTests {
    @Test(arguments: [
        ("Referat fra møde i Teknikudvalget\n\n\n\nRelaterede dokumenter\nReferat fra møde i Byrådet\n\nReferat fra møde Onsdag den 12. september 2029 kl i Byrådssalen\n",
         DocumentKind.other),
        ("Referat fra møde i Teknikudvalget\n\nStørrelse: px\nStarte visningen fra side:\n\nRelaterede dokumenter\nReferat fra møde i Byrådet\n\nTranskript\n\n"
            + "1 Referat fra møde i Teknikudvalget den 12. september 2029 1. Godkendelse af dagsorden Beslutning Godkendt.\n",
         DocumentKind.minutes),
    ])
    func aSharingSitesPageWithoutTheDocumentsTextIsNoMinutes(_ text: String, _ kind: DocumentKind) throws {
        #expect(try parse(text).kind == kind)
    }
}
