@testable import ReferatParsing
import ReferatRecords
import Testing

/// Shapes the eleventh held-out set of real pages brought (docs/layouts.md, "Checked on pages
/// the survey did not see", eighth look), each written anew with invented names, numbers and
/// sentences.
@Suite struct TwelfthSurveyTests {
    @Test(arguments: [
        // A transcript lost the date's digits: the body named, "den" and nothing after it.
        ("Beslutninger Ældrerådet den", "Ældrerådet", nil),
        ("Beslutning Økonomiudvalget den : Godkendt.", "Økonomiudvalget", "Godkendt."),
        ("Beslutninger Handicaprådet den:", "Handicaprådet", nil),
    ] as [(String, String, String?)])
    func aHeaderWithoutItsDateStillNamesTheBody(_ line: String, _ body: String, _ inline: String?) throws {
        let header = try #require(DecisionHeader.parse(line))
        #expect(header.body == body)
        #expect(header.date == nil)
        #expect(header.inlineText == inline)
    }

    @Test(arguments: ["Beslutning om budgettet den", "Beslutninger Ældrerådet den næste gang", "Beslutningstema Ældrerådet den"])
    func wordsThatAreNoBodyOrGoOnMakeNoHeader(_ line: String) {
        #expect(DecisionHeader.parse(line)?.body == nil)
    }

    @Test(arguments: [
        ("Beslutninger Ældrerådet den Ikke til stede: Bo Berg", true),
        ("Beslutning Teknisk Udvalg den : Godkendt.", true),
        ("Beslutninger om budgettet den Ikke til stede: Bo Berg", false),
        ("Beslutninger Ældrerådet dengang", false),
    ])
    func aFlattenedPageIsCutBeforeTheHeader(_ text: String, _ opens: Bool) {
        #expect(DecisionHeader.opensStep(text) == opens)
    }
}

extension TwelfthSurveyTests {
    @Test(arguments: [
        ("3 Ældrerådet Mødedato Side Godkendelse af dagsorden Åben sag Sagsnr.: Sagen afgøres i: Bilag: Ældrerådet Indstilling Formandskabet indstiller: "
            + "At dagsordenen godkendes", "Godkendelse af dagsorden"),
        ("4 Børne- og Skoleudvalget Mødedato Side Ny skolestruktur Åben sag Sagsnr.: Sagen afgøres i: Bilag: Byrådet Indstilling Direktionen indstiller: "
            + "At planen sendes i høring", "Ny skolestruktur"),
    ])
    func aRunningHeaderWithoutValuesIsNoPartOfTheTitle(_ page: String, _ title: String) {
        #expect(FlattenedPage.split(page).first == title)
    }

    @Test(arguments: [
        ("Ikke til stede: Bo Berg, Eva Ny Dagsordenen godkendt.", "Dagsordenen godkendt."),
        ("Ikke til stede: Bo Berg, Eva Ny Orienteringen taget til efterretning. Rådet ønsker mere.", "Orienteringen taget til efterretning. Rådet ønsker mere."),
        ("Fraværende: Ane la Cour, Eva Ny Sagen blev udsat.", "Sagen blev udsat."),
        // A name's next word is capitalised, and what a person did is no outcome.
        ("Fraværende: Bo Berg Eva Ny", nil),
        ("Fraværende: Bo Berg deltog som suppleant for Eva Ny", nil),
    ] as [(String, String?)])
    func aListOfNamesEndsWhereTheOutcomeStarts(_ piece: String, _ outcome: String?) {
        #expect(FlattenedPage.outcomeAfterNames(piece).map { String(piece[$0...]) } == outcome)
    }

    @Test func theAbsentOfAFlattenedItemAreNotRunIntoItsDecision() throws {
        let text = "Transkript\n\n1 Referat Ældrerådet Mødedato: Tirsdag den 14. oktober 2031 Mødested: Havnehuset Medlemmer: Poul Ebbesen Karin Tved "
            + "Fraværende: Poul Ebbesen Karin Tved Mødesal 4, Havnehuset\n\n"
            + "3 Ældrerådet Mødedato Side Godkendelse af dagsorden Åben sag Sagsnr.: Sagen afgøres i: Bilag: Ældrerådet Indstilling Formandskabet indstiller: "
            + "At dagsordenen godkendes Beslutninger Ældrerådet den Ikke til stede: Poul Ebbesen, Karin Tved Dagsordenen godkendt.\n"
        let document = try parse(text)
        let decision = try #require(document.cases.first?.decisions.first)
        #expect(document.cases.map(\.title) == ["Godkendelse af dagsorden"])
        #expect(decision.body == "Ældrerådet")
        #expect(decision.date == "2031-10-14")
        #expect(decision.text == "Dagsordenen godkendt.")
        #expect(decision.absent.map(\.name) == ["Poul Ebbesen", "Karin Tved"])
        #expect(document.meeting?.absent.map(\.name) == ["Poul Ebbesen", "Karin Tved"])
    }
}

extension TwelfthSurveyTests {
    @Test(arguments: [
        ("Poul Ebbesen Karin Tved", ["Poul Ebbesen", "Karin Tved"]),
        ("Ida Marie Lund Bo Berg", ["Ida Marie Lund", "Bo Berg"]),
        // One person with a long name, or names not listed apart.
        ("Anne Marie Holm", nil),
        ("Ole Dam Eva Holm", nil),
    ] as [(String, [String]?)])
    func aNameRunTogetherFromTwoListedNamesIsTwoPeople(_ name: String, _ parts: [String]?) {
        let listed: Set<String> = ["Poul Ebbesen", "Karin Tved", "Ida Marie Lund", "Bo Berg", "Anne Marie", "Ole Dam"]
        #expect(PeopleParser.runTogether(name, of: listed) == parts)
    }

    @Test(arguments: [
        ("Områdedirektør fra Region Syddanmark Henrik Balle", "Henrik Balle"),
        ("Sekretariatschef i Egeby Kommune Birgit Lauesen", "Birgit Lauesen"),
        ("Vicedirektør ved Region Nordjylland Ane Bøgh pga. ferie", "Ane Bøgh"),
        ("Borgmester Mette Qvist", "Mette Qvist"),
    ])
    func anOfficeInAnOrganisationIsNoPartOfTheName(_ line: String, _ name: String) {
        #expect(PeopleParser.person(line)?.name == name)
    }

    @Test(arguments: ["Koncerndirektør fra Region Hovedstaden", "Direktør i Egeby Kommune"])
    func anOfficeWithoutANameIsNoPerson(_ line: String) {
        #expect(PeopleParser.person(line) == nil)
    }

    @Test func anItemPageListsTheAbsentAfterTheirOfficesAndDropsAnEmptyCaseNumber() throws {
        let text = "3. Godkendelse af dagsorden ( )\n\nBeslutning\n\nAfbud fra:\nBorgmester Mette Qvist pga. sygdom.\n"
            + "Områdedirektør fra Region Syddanmark Henrik Balle\n\n\nDagsordenen blev godkendt.\n"
        let document = try parse(text)
        #expect(document.cases.map(\.title) == ["Godkendelse af dagsorden"])
        #expect(document.cases.first?.decisions.first?.absent.map(\.name) == ["Mette Qvist", "Henrik Balle"])
    }
}

extension TwelfthSurveyTests {
    @Test(arguments: [
        // The contents' page column ends on the next page's running header: its last number is no item's.
        ("00.01.00-G01-3-31\n1.\nRevisorernes beretning\nResumé\nBeretningen er god.\n", ["Revisorernes beretning"]),
        ("00.01.00-G01-3-31\n1.\nRevisorernes beretning\nResumé\nBeretningen er god.\nEgeby Kommune\n12. marts 2031\nSide 4.\n"
            + "00.01.00-G01-4-31\n2.\nSalg af grunden\nResumé\nTre har budt.\n", ["Revisorernes beretning", "Salg af grunden"]),
    ])
    func aColumnOfPageNumbersStartsNoItem(_ items: String, _ titles: [String]) throws {
        let document = try parse("Åben dagsorden\nEgeby Byråd\nFølgende sager behandles:\nPkt. Tekst\n1 Revisorernes beretning\n2 Salg af grunden\n"
            + "Side\n2\n4\nEgeby Kommune\n12. marts 2031\nSide 2.\n" + items)
        #expect(document.cases.map(\.title) == titles)
    }

    @Test(arguments: [("Egeby Kommune", false), ("Ny-Egeby Kommune", false), ("Egeby Kommunes budget 2032", true), ("Tilskud til Egeby Kommune", true)])
    func theAuthoritysNameAloneIsNoTitle(_ line: String, _ title: Bool) {
        #expect(CaseSegmenter.isTitleLike(line) == title)
    }

    @Test func aContentsEntryWithAShortLeaderIsNoItem() throws {
        let text = "Transkript\n\n1 Referat Ældrerådet Mødedato: Tirsdag den 14. oktober 2031 Mødested: Havnehuset Deltagere: Otto Lind "
            + "Fraværende: Poul Ebbesen Sagsoversigt Side 01. Godkendelse af dagsorden Budget for rådets arrangementer Meddelelser og eventuelt...9 Bilagsliste...10\n"
        let document = try parse(text)
        #expect(document.cases.isEmpty)
    }

    @Test func anAbsenceListEndsAtTheContents() throws {
        let text = "Transkript\n\n1 Referat - Åben dagsorden Egeby Byråd Side 1. Mødedato: Mødet påbegyndt: kl. 17:00 Mødested: Egeby Rådhus, Torvet 2 "
            + "Fraværende: Hans Vig og Morten Skaarup Følgende sager behandles: Pkt. Tekst Side 1 Salg af grunden ved Strandby Havn - høring 3\n"
        let document = try parse(text)
        #expect(document.meeting?.absent.map(\.name) == ["Hans Vig", "Morten Skaarup"])
    }
}

extension TwelfthSurveyTests {
    static let page = "Egeby Kommune\n12. marts 2031\nSide 2.\n"

    @Test(arguments: [
        // Three pages with their header and number: the header goes, the decision keeps its text.
        (3, "Taget til efterretning."),
        // Two pages are too few to tell a short header from the text.
        (1, "Taget til efterretning. Egeby Kommune 12. marts 2031"),
    ])
    func aRunningHeaderAbovePageNumbersIsDroppedWithoutPageBreaks(_ pages: Int, _ decision: String) throws {
        let items = "00.01.00-G01-3-31\n1.\nRevisorernes beretning\nResumé\nBeretningen er god.\nBeslutning\nTaget til efterretning.\n"
        let more = String(repeating: "Bilag\nIngen.\n" + Self.page, count: pages - 1)
        let document = try parse("Åben dagsorden\nEgeby Byråd\n" + Self.page + items + more + (pages > 1 ? "" : Self.page) + "Slut.\n")
        #expect(document.cases.first?.decisions.first?.text.replacing("\n", with: " ").hasPrefix(decision) == true)
    }
}

extension TwelfthSurveyTests {
    @Test(arguments: [
        ("Alle mødt.", "Alle mødt."),
        ("Alle var til stede.", "Alle var til stede."),
        ("Alle medlemmer var til stede", "Alle medlemmer var til stede"),
        // Beside a decision of its own the sentence stays out of the text.
        ("Godkendt.\n\nAlle var til stede.", "Godkendt."),
    ])
    func anItemThatSaysNobodyWasAbsentKeepsThatAsItsDecision(_ under: String, _ text: String) throws {
        let document = try parse("Økonomiudvalget - Referat\n\nDato: 9. marts 2031\n\n1. Fraværende\n\nResume\n\nSagsforløb: ØK\n\nBeslutning\n\n" + under
            + "\n\nTil toppen\n\n2. Bemærkninger til dagsordenen\n\nBeslutning\n\nIngen.\n")
        let decision = try #require(document.cases.first?.decisions.first)
        #expect(decision.text == text)
        #expect(decision.absent.isEmpty)
        #expect(document.meeting?.absent.isEmpty ?? true)
    }
}

extension TwelfthSurveyTests {
    @Test(arguments: [
        ("1. suppleant Bo Berg var indkaldt, men mødte ikke frem.", ["Bo Berg"]),
        ("Eva Ny var indkaldt men udeblev.", ["Eva Ny"]),
        ("Ida Lund havde meldt afbud. 1. suppleant Bo Berg var indkaldt, men mødte ikke frem.", ["Ida Lund", "Bo Berg"]),
        // Called and came: nobody absent.
        ("1. suppleant Bo Berg var indkaldt og deltog i mødet.", []),
    ])
    func aSubstituteCalledInVainWasAbsent(_ sentence: String, _ names: [String]) {
        #expect((AbsenceProse.read(sentence)?.absent.map(\.name) ?? []) == names)
    }
}

extension TwelfthSurveyTests {
    @Test(arguments: [
        ("Ingen var inhabile.", nil),
        ("Alle deltog i behandlingen.", nil),
        ("Bo Berg (V) var inhabil og deltog ikke i behandlingen.", "Bo Berg"),
    ] as [(String, String?)])
    func nobodyNamedIsNoNonParticipant(_ sentence: String, _ name: String?) {
        #expect(PeopleParser.nonParticipant(sentence)?.name == name)
    }
}

extension TwelfthSurveyTests {
    @Test(arguments: [
        // Who came and who sent word under a bare heading: the dated step's attendance.
        ("I mødet deltog:\n\nBo Berg og Eva Ny.\n\nFølgende havde meldt afbud:\n\nIda Lund og Ole Dam.\n", ["Fritidsudvalget"] as [String?], ["Ida Lund", "Ole Dam"]),
        // An outcome of its own under the bare heading: two decisions, the absent with the first.
        ("Dagsordenen blev godkendt.\n\nFølgende havde meldt afbud:\n\nIda Lund og Ole Dam.\n", [nil, "Fritidsudvalget"], []),
    ])
    func attendanceUnderABareHeadingBelongsToTheDatedStep(_ bare: String, _ bodies: [String?], _ absentOfStep: [String]) throws {
        let text = "1. Godkendelse af dagsorden\n\nBeslutning\n\n" + bare + "\nFritidsudvalgets beslutning på mødet den 12. marts 2031:\n\nGodkendt.\n"
        let document = try parse(text)
        let decisions = try #require(document.cases.first?.decisions)
        #expect(decisions.map(\.body) == bodies)
        #expect(decisions.last?.absent.map(\.name) == absentOfStep)
    }
}

extension TwelfthSurveyTests {
    static let itemPages = [
        "3 1. Konstituering. I henhold til loven vælger udvalget selv sin formand. Eva Holm blev valgt til formand. 1",
        "4 2. Præsentation af nye medarbejdere. To nye konsulenter præsenterede sig. Taget til efterretning. 2",
        "5 3. Oplæg om nye legepladser Ida Lund og Bo Berg fra et rådgivende firma viser to modeller for en legeplads. Taget til efterretning. 3",
        "6 4. Kulturprisen 2031. Der er kommet ni forslag. Prisen går til teatret. 4",
        "7 5. Budget pr. 30. september for udvalget Ø I henhold til reglerne orienteres udvalget hver måned om forbruget i de enkelte afdelinger og puljer. 5",
    ]

    @Test func itemPagesAreFoundWhereTheirNumbersFollowEachOther() {
        #expect(FlattenedPage.itemPages(Self.itemPages) == [0, 1, 2, 3, 4])
        #expect(FlattenedPage.itemPages([Self.itemPages[0], "Indholdsfortegnelse", "7 4. Budget for de kommende år og de mange puljer. Tekst."]) == [])
    }

    @Test(arguments: [
        (0, ["1. Konstituering", "I henhold til loven vælger udvalget selv sin formand. Eva Holm blev valgt til formand. 1"]),
        (1, ["2. Præsentation af nye medarbejdere", "To nye konsulenter præsenterede sig. Taget til efterretning. 2"]),
        (2, ["3. Oplæg om nye legepladser", "Ida Lund og Bo Berg fra et rådgivende firma viser to modeller for en legeplads. Taget til efterretning. 3"]),
        (3, ["4. Kulturprisen 2031", "Der er kommet ni forslag. Prisen går til teatret. 4"]),
        (4, ["5. Budget pr. 30. september for udvalget", "Ø I henhold til reglerne orienteres udvalget hver måned om forbruget i de enkelte afdelinger og puljer. 5"]),
    ])
    func anItemPageSplitsAfterItsTitle(_ page: Int, _ pieces: [String]) {
        #expect(FlattenedPage.splitItemPage(Self.itemPages[page]) == pieces)
    }
}
