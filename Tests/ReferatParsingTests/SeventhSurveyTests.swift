@testable import ReferatParsing
import ReferatRecords
import Testing

/// Shapes the sixth held-out set of real pages brought (docs/layouts.md, "Checked on pages the
/// survey did not see", seventh round), each written anew with invented names, numbers and
/// sentences.
@Suite struct SeventhSurveyTests {
    @Test(arguments: [
        ("Mødet d. 4. maj", true),
        ("Brev fra nr. 12 i Skovgade", true),
        ("Besøg kl. 10 i kirken", true),
        ("Referatet blev godkendt. Intet nyt", false),
        ("Kort orientering. Ingen", false),
        ("Budget 2028. Regnskab", false),
    ])
    func pointsInsideAPlainTitleCloseAbbreviations(_ text: String, _ expected: Bool) {
        #expect(CaseSegmenter.pointsAreAbbreviations(Substring(text)) == expected)
    }

    @Test(arguments: [
        ("Siden sidst: Taget er malet. Næste møde i maj.", "Siden sidst"),
        ("Regnskab: Godkendt.", "Regnskab"),
        ("Økonomi: Godkendt.", nil),
        ("Beslutning: Anlægsbevilling til en ny parkering", nil),
        ("Lokalplan 12: Skolen ved åen", nil),
        ("Orientering fra formanden, kassereren og præsten: Intet.", nil),
        ("Nr. 4: Salg af grunden blev godkendt.", nil),
    ] as [(String, String?)])
    func aPlainTitleMayHaveItsMinutesRunInAfterAColon(_ title: String, _ expected: String?) {
        #expect(CaseSegmenter.runInTitle(title).map { String($0.title) } == expected)
    }

    @Test func plainMinutesWithAbbreviationsInTheirTitlesKeepCounting() throws {
        let text = "REFERAT\n\nDeltagere: Eva Holm, Bo Berg og Ida Lund.\n\n1. Godkendelse af dagsorden.\nDagsorden godkendt.\n\n"
            + "2. Orientering fra kassereren.\nRegnskabet følger budgettet.\n\n3. Udflugten d. 12. juni 2028.\nBussen er bestilt.\n\n"
            + "4. Kort orientering fra graveren.\nIntet nyt.\n\n5. Eventuelt.\nIntet.\n"
        let document = try parse(text)
        #expect(document.cases.map(\.number) == ["1", "2", "3", "4", "5"])
        #expect(document.cases[2].title.hasPrefix("Udflugten d. 12. juni 2028"))
    }

    @Test func oneLineItemsAndMinutesRunInAfterTheTitle() throws {
        let text = "Referat fra rådsmødet i sognehuset\nTil stede: Eva Holm, Bo Berg, Ida Lund.\n"
            + "1. Godkendelse af dagsordenen.\n2. Siden sidst: Kirkegården har fået nye bænke. Graveren holder ferie i juli.\n"
            + "3. Regnskab: Kvartalsrapporten blev gennemgået og godkendt.\n\nNæste møde holdes i august.\n"
        let document = try parse(text)
        #expect(document.cases.map(\.number) == ["1", "2", "3"])
        #expect(document.cases.map { $0.title.stripping(".") } == ["Godkendelse af dagsordenen", "Siden sidst", "Regnskab"])
        #expect(document.cases[1].sections.first?.text.hasPrefix("Kirkegården har fået nye bænke.") == true)
    }

    @Test func contentsEntriesWrappedOntoALineWithThePageAreNoItems() throws {
        let text = "Åbent referat for Byrådet\n\nMødedato 14.03.2028\n\nIndholdsfortegnelse:\n\n"
            + "41. Budget for vejene ........................ 2\n\n42. Tilskud til foreningerne i forbindelse med\n\n"
            + "sommerens arrangementer ...................... 5\n\n43. Salg af grunden ved\n\nskolen ........................ 7\n\n"
            + "44. Ny legeplads i parken ved\n\nsøen ........................ 9\n"
        let document = try parse(text)
        #expect(document.cases.isEmpty)
    }

    @Test func anOverviewWithGroupLabelsIsNoItems() throws {
        let text = "Referat af kommunalbestyrelsens møde 14. marts 2028\n\nOversigt:\n\nPunkt 01 Godkendelse af dagsorden\n\n"
            + "Økonomisager Punkt 02 Tilskud til hallen\n\nPunkt 03 Salg af grunden ved havnen\n\nGenerelle sager\n\n"
            + "Punkt 04 Ny skolevej i bygden\n\nPunkt 05 Vedtægter for ældrerådet\n\nOrienteringssager Punkt 06 Eventuelt\n\n2\n\n"
            + "Mødet holdes i rådhusets store sal.\n"
        let document = try parse(text)
        #expect(document.cases.isEmpty)
    }

    @Test func aPageOfOneItemUnderItsMeetingsNameIsTheItem() throws {
        let text = "Referat Byrådet 14-03-2028\n\n    Ny cykelsti langs åen\n\n    Beslutning\n    Vedtaget.\n\n"
            + "    Resumé\n    Byrådet bad i efteråret om et forslag til en sti langs åen.\n"
        let document = try parse(text)
        #expect(document.kind == .agendaItem)
        #expect(document.cases.first?.decisions.first?.date == "2028-03-14")
    }

    @Test(arguments: [
        ("7 PKT. 1. GODKENDELSE AF DAGSORDEN Referat Beslutning: Godkendt. PKT. 2. ORIENTERING - Borgmesteren fortalte om havnen.",
         ["PKT. 1. GODKENDELSE AF DAGSORDEN", "Referat", "Beslutning: Godkendt.", "PKT. 2. ORIENTERING", "- Borgmesteren fortalte om havnen."]),
        ("Mødet sluttede. PKT. 14. EVT. Intet.", ["Mødet sluttede.", "PKT. 14. EVT.", "Intet."]),
        ("Se pkt. 4 i sagen om PKT-systemet.", ["Se pkt. 4 i sagen om PKT-systemet."]),
    ])
    func aTranscriptsCapitalItemsGoOnLinesOfTheirOwn(_ line: String, _ expected: [String]) {
        #expect(RunInHeadings.split(line) == expected)
    }

    @Test(arguments: [
        ("Grundet afbud fra 3 medlemmer Eva Holm, Bo Berg og Ib Lund godkendes stedfortræderne.", ["Eva Holm", "Bo Berg", "Ib Lund"]),
        ("Der var afbud fra 2 kommunalbestyrelsesmedlemmer.", []),
    ])
    func afbudFraACountOfMembers(_ line: String, _ names: [String]) {
        #expect((AbsenceProse.read(line)?.absent ?? []).map(\.name) == names)
    }

    @Test func theLineUnderAnOpeningHeadingIsItsTextNotATitle() throws {
        let text = "Plan- og Miljøudvalget\nReferat • 14. marts 2028 kl. 15.30\nIndhold\n"
            + "Beslutning i Plan- og Miljøudvalget den 14-03-2028\nDagsorden godkendt.\n"
            + "Beslutningstema\nNy plan for stierne\nIndstilling\nDirektionen indstiller, at planen godkendes.\n"
            + "Beslutning i Plan- og Miljøudvalget den 14-03-2028\nGodkendt.\n"
            + "Beslutningstema\nSalg af grunden ved skolen\nIndstilling\nDirektionen indstiller, at grunden sælges.\n"
            + "Beslutning i Plan- og Miljøudvalget den 14-03-2028\nGodkendt.\n"
        let document = try parse(text)
        #expect(!document.cases.contains { $0.title == "Ny plan for stierne" || $0.title == "Salg af grunden ved skolen" })
        #expect(document.cases.map { $0.decisions.count } == [1, 1, 1])
        #expect(document.cases.first?.decisions.first?.outcome == .approved)
    }

    @Test(arguments: [
        ("Ole Berg deltog ikke under pkt. 18. Curt Lund var fraværende under punkterne 19, 20 og 21.",
         ["Ole Berg deltog ikke under pkt. 18", "Curt Lund var fraværende under punkterne 19, 20 og 21"]),
        ("Mødet holdes d. 18. Marts i salen.", ["Mødet holdes d. 18. Marts i salen"]),
    ])
    func aNumberAfterAnAbbreviatedWordEndsASentence(_ line: String, _ expected: [String]) {
        #expect(AbsenceProse.sentences(line) == expected)
    }

    @Test(arguments: [
        ("1 Referat Byrådet Ordinært møde Dato 4. maj 2028 Tid 19:00 Sted Rådhuset NB. Fraværende Eva Holm, Bo Berg Stedfortræder Medlemmer Eva Holm (A) Bo Berg (V)",
         ["Eva Holm", "Bo Berg"]),
        ("1 Referat Byrådet Ordinært møde Dato 4. maj 2028 NB. Fraværende Stedfortræder Rådhuset Eva Holm Kim Lund Medlemmer Eva Holm (A)", []),
    ])
    func aTranscriptsHeaderRowNamesTheAbsentBeforeItsNextLabel(_ line: String, _ names: [String]) {
        #expect((AbsenceProse.read(line)?.absent ?? []).map(\.name) == names)
    }

    @Test(arguments: [
        ("Beslutning Tilbagesendes til forvaltningen med bemærkning, at byrådet har vedtaget indstillingen.",
         ["Beslutning", "Tilbagesendes til forvaltningen med bemærkning, at byrådet har vedtaget indstillingen."]),
        ("Beslutning Godkendt.", ["Beslutning", "Godkendt."]),
        ("Beslutning Økonomiudvalget", ["Beslutning Økonomiudvalget"]),
        ("Beslutning Byrådet.", ["Beslutning Byrådet."]),
        ("Beslutning Byrådet 14. marts 2028.", ["Beslutning Byrådet 14. marts 2028."]),
        ("Beslutning om ny skolestruktur.", ["Beslutning om ny skolestruktur."]),
        ("Referat Beslutning: Dagsordenen godkendt.", ["Referat", "Beslutning: Dagsordenen godkendt."]),
    ])
    func aDecisionHeadingRunIntoItsSentence(_ line: String, _ expected: [String]) {
        #expect(RunInHeadings.split(line) == expected)
    }

    @Test func aBareListThatStartedAgainInsideAnItemIsNoItems() throws {
        let text = "Referat fra rådsmødet\nTil stede: Eva Holm, Bo Berg, Ida Lund.\n"
            + "1. Godkendelse af dagsordenen.\n2. Siden sidst: Kirkegården har fået nye bænke. Graveren holder ferie.\n"
            + "3. Kommende møder: Se årshjulet. Koncerten flyttes til maj.\nOrienteringsmøde kl. 19.30\n"
            + "1. Året der gik\n2. Planer for næste år\n3. Renovering af præstegården\n4. Økonomi\n5. Eventuelt\n"
            + "Orienteringsmødet blev aflyst.\n"
        let document = try parse(text)
        #expect(document.cases.map(\.number) == ["1", "2", "3"])
    }

    @Test func aNumberedItemUnderItsMeetingsNameIsAMeetingPage() throws {
        let text = "Byrådet - Referat fra mødet den 14-03-2028\n\nReferat\n\n  • 1 Indkaldelse af stedfortræder\n"
            + "    • Indstilling\n      Borgmesteren indstiller, at stedfortræderen indkaldes.\n"
            + "    • Beslutning i Byrådet den 14-03-2028\n      Godkendt.\n"
        let document = try parse(text)
        #expect(document.kind == .minutes)
    }

    @Test func aMembersLabelAloneWithItsListOnTheNextLineMakesAMeetingPage() throws {
        let text = "| Rss | Print |\nByrådet Vis medlemmer Udskriv\n\nMødedeltagere\n\nAnne Holm, Bo Berg, Carl Dam, Dorte Lund\n\n"
            + "Møde lokation\n\nRådhuset\n\nDagsorden\n\nØKONOMIUDVALGETS SAGER\nPunkt Titel\n112 Salg af grunden ved skolen\nResume\n\n"
            + "Grunden sælges til højestbydende.\n"
        let document = try parse(text)
        #expect(document.meeting?.members.map(\.name) == ["Anne Holm", "Bo Berg", "Carl Dam", "Dorte Lund"])
        #expect(document.kind == .minutes)
    }

    @Test func aHistoryNamesTheCouncilByItsTownAndCountsTheLastStepOnce() throws {
        let text = "Referat Byrådet 14-03-2028\n\nNy sti langs åen\n\nBeslutning\nVedtaget.\nResumé\nForvaltningen foreslår en sti.\n"
            + "Sagens forløb\n01-03-2028 Magistraten\nFremsendes til byrådet.\n07-03-2028 Nordby Byråd\nSagens behandling blev udsat.\n"
            + "14-03-2028 Nordby Byråd\nVedtaget.\n"
        let steps = try parse(text).cases.first?.decisions.map { "\($0.body ?? "-") \($0.date ?? "-")" }
        #expect(steps == ["Byrådet 2028-03-14", "Magistraten 2028-03-01", "Nordby Byråd 2028-03-07"])
    }

    @Test(arguments: [
        ("Aarhus Byråd", "Byrådet", true),
        ("Magistraten", "Magistraten", true),
        ("Økonomiudvalget", "Byrådet", false),
        ("Børne- og Ungeudvalget", "Teknisk Udvalg", false),
    ])
    func oneBodyByTwoNames(_ a: String, _ b: String, _ same: Bool) {
        #expect(CaseParser.sameBody(a, b) == same)
    }

    @Test(arguments: [
        ("Generelle sager", true),
        ("Orienteringssager", true),
        ("Beslutningspunkter", true),
        ("Ingen", false),
        ("Intet nyt", false),
        ("Sager til afgørelse i byrådet", false),
    ])
    func aGroupLabelNamesAKindOfCases(_ text: String, _ expected: Bool) {
        #expect(CaseSegmenter.isGroupLabel(text) == expected)
    }
}
