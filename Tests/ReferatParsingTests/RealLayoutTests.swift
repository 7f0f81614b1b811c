@testable import ReferatParsing
import ReferatRecords
import Testing

/// Shapes seen on real minutes pages (docs/layouts.md), each written anew with invented names,
/// numbers and sentences, parsed as a user's file would be.
@Suite struct RealLayoutTests {
    func parse(_ text: String) throws -> Document {
        try DocumentParser().parse(bytes: Array(text.utf8), path: "test.txt")
    }

    /// A short description of each case, so the test log shows which shape failed.
    struct ItemCase: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var numbers: [String?]
        var titles: [String]
        var testDescription: String { name }
    }

    static let itemCases: [ItemCase] = [
        ItemCase(name: "protocol with INDSTILLING OG BESLUTNING under the title",
                 text: "Mødedato: 08.04.2027, kl. 15:00\n\nØkonomiudvalget\n\nBESLUTNINGSPROTOKOL\n\nJ.nr. ØU 110/2027\n\n6. Udvalgets budgetforslag 2028 - 1. behandling\n\nINDSTILLING OG BESLUTNING\n\nForvaltningen indstiller:\n\nat forslaget til hovedlinierne for budget 2028 for udvalgets område, herunder fordelingen af omstillingsbidraget, godkendes, og at de danner grundlag for budgetforslaget.\n\nØkonomiudvalgets beslutning i mødet den 8. april 2027\n\nGodkendt.\n",
                 numbers: ["6"], titles: ["Udvalgets budgetforslag 2028 - 1. behandling"]),
        ItemCase(name: "Punkt N: title, KLE and run-in decision",
                 text: "Byrådet 12-03-2019\nPunkt 41: Godkendelse af dagsorden\n00.22.02-A26-1-19 Beslutning Byrådet, 12.03.2019 Godkendt.\nPunkt 42: Salg af jord ved Vestvej\n01.02.05-P16-3-18 Resume Sagen handler om salg.\n",
                 numbers: ["41", "42"], titles: ["Godkendelse af dagsorden", "Salg af jord ved Vestvej"]),
        ItemCase(name: "bullet with number and access prefix",
                 text: "• 301. Åben dagsorden – Ny cykelsti ved skolen\nSagsid.: 21/1234\nBeslutning\nGodkendt.\n• 302. Åben dagsorden – Budget for vejene\nSagsid.: 21/1240\nBeslutning\nGodkendt.\n",
                 numbers: ["301", "302"], titles: ["Ny cykelsti ved skolen", "Budget for vejene"]),
        ItemCase(name: "bare bullet number, title on the next line",
                 text: "• 35\nRenovering af svømmehallen\nSagsnr.: 22/881\nSagsfremstilling\nHallen trænger.\n• 36\nNy legeplads i parken\nSagsnr.: 22/905\nSagsfremstilling\nDer ønskes en legeplads.\n",
                 numbers: ["35", "36"], titles: ["Renovering af svømmehallen", "Ny legeplads i parken"]),
        ItemCase(name: "number colon title",
                 text: "1 : Godkendelse af dagsorden\nSagsnr:\nBeslutningGodkendt.\n2 : Besøg på virksomhed\nSagsnr:\nSagsfremstillingUdvalget besøger en virksomhed.\n",
                 numbers: ["1", "2"], titles: ["Godkendelse af dagsorden", "Besøg på virksomhed"]),
        ItemCase(name: "title directly followed by its decision",
                 text: "Dagsorden\n\n1. Godkendelse af dagsorden\nBeslutning: Godkendt\n\n2. Regnskab for havnen\nBeslutning: Vedtaget\n",
                 numbers: ["1", "2"], titles: ["Godkendelse af dagsorden", "Regnskab for havnen"]),
        ItemCase(name: "numbered recommendation lines are not items",
                 text: "7. Lån til nyt plejecenter\nSagsnr.: 23/5512\nIndstilling\nDirektionen indstiller,\n1. Byrådet optager et lån på 60 mio. kr. til byggeriet.\n2. At der gives en anlægsbevilling.\nBeslutning\nGodkendt.\n",
                 numbers: ["7"], titles: ["Lån til nyt plejecenter"]),
        ItemCase(name: "table of contents with dotted leaders is not items",
                 text: "Indholdsfortegnelse\n1. Godkendelse af dagsorden ........ 3\n2. Skolernes budget ........ 4\n\n1. Godkendelse af dagsorden\nSagsnr.: 20/10\nBeslutning\nGodkendt.\n2. Skolernes budget\nSagsnr.: 20/11\nBeslutning\nGodkendt.\n",
                 numbers: ["1", "2"], titles: ["Godkendelse af dagsorden", "Skolernes budget"]),
        ItemCase(name: "glued number after table of contents",
                 text: "Indholdsfortegnelse1. Fraværende\n\nResume\nSagsforløb: BY\nBeslutning\nIngen.\n",
                 numbers: ["1"], titles: ["Fraværende"]),
        ItemCase(name: "title above its case number, no numbers",
                 text: "Bornholm\n\nNy vedtægt for havnene\n\n25/19077 -\n\nSagsfremstilling\nVedtægten moderniseres.\n\nBeslutning\nGodkendt.\n",
                 numbers: [nil], titles: ["Ny vedtægt for havnene"]),
        ItemCase(name: "flattened PDF page",
                 text: "2 1. Godkendelse af dagsorden Åben sag Sagsnr.: 13/10057 Sagsansvarlig: abc Fraværende: Afbud: Ole Vang, Bo Lind RESUMÉ Dagsordenen forelægges til godkendelse. BESLUTNING Godkendt. 2. Meddelelser Åben sag Sagsnr.: 13/10058 Sagsansvarlig: abc RESUMÉ Borgmesteren orienterer om aktuelle sager. BESLUTNING Taget til efterretning.\n",
                 numbers: ["1", "2"], titles: ["Godkendelse af dagsorden", "Meddelelser"]),
        ItemCase(name: "case number on the line above the title",
                 text: "00.01.00-G01-24-19\n342. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n25.05.00-P19-1-19\n343. Varmeplan for byen\nBeslutning\nAnbefales.\n",
                 numbers: ["342", "343"], titles: ["Godkendelse af dagsorden", "Varmeplan for byen"]),
    ]

    @Test(arguments: itemCases)
    func findsItems(_ item: ItemCase) throws {
        let document = try parse(item.text)
        #expect(document.cases.map(\.title) == item.titles)
        #expect(document.cases.map(\.number) == item.numbers)
    }

    @Test func caseNumberAboveTheTitleBelongsToTheNextItem() throws {
        let document = try parse(Self.itemCases.last!.text)
        #expect(document.cases.map { $0.caseNumber } == ["00.01.00-G01-24-19", "25.05.00-P19-1-19"])
    }

    @Test func bareDecisionsTakeTheMeetingsBodyAndDate() throws {
        let document = try parse("Byrådet - Referat\n\nDato: 29. januar 2020\nLokale: Byrådssalen\n\n1. Godkendelse af dagsorden\nSagsnr.: 20/1\nBeslutning\nGodkendt.\n")
        let decision = try #require(document.cases.first?.decisions.first)
        #expect(decision.body == "Byrådet")
        #expect(decision.date == "2020-01-29")
        #expect(document.kind == .minutes)
    }

    @Test(arguments: [
        ("Byrådet 22-11-2016", "Byrådet", "2016-11-22"),
        ("Økonomiudvalget – Referat – 1. oktober 2018", "Økonomiudvalget", "2018-10-01"),
        ("24. april 2023 - referat fra byrådet", "Byrådet", "2023-04-24"),
        ("Referat • 25. marts 2025 kl. 17.00", nil, "2025-03-25"),
        ("Regionsrådet 24-11-2020 13:00", "Regionsrådet", "2020-11-24"),
        ("Det fælles landdistriktsråd - Dagsordener og referater", "Det fælles landdistriktsråd", nil),
    ] as [(String, String?, String?)])
    func readsHeaderLines(_ line: String, _ body: String?, _ date: String?) throws {
        let found = try #require(MeetingHeaderParser.bodyAndDate(line))
        #expect(found.body == body)
        #expect(found.date == date)
    }

    @Test(arguments: [
        ("Referat\ntil\nmødet i Rødby Byråd\nden 6. april 2016 kl. 17:00\ni Byrådssalen\n\n1. Godkendelse af dagsorden\nSagsnr.: 16/1\nBeslutning\nGodkendt.\n", "Rødby Byråd", "2016-04-06"),
        ("Økonomiudvalgets møde den 21. januar 2026\nMødelokale 1, kl. 16.00\n1Godkendelse af dagsorden\nBeslutning\nGodkendt.\n", "Økonomiudvalget", "2026-01-21"),
        ("Dagsordener og referater\n\nTorsdag d. 19 maj 2022\nMødestedRådssalen\nUdvalgKommunalbestyrelsen\n\nResume\nDagsordenen forelægges.\nBeslutning\nGodkendt.\n", "Kommunalbestyrelsen", "2022-05-19"),
        ("210126 – Femogtyvende ordinære kommunalbestyrelsesmøde\nUdvalg\nKommunalbestyrelsen\nDato\n26. January 2027 -\nTitel\nForside\nSagsfremstilling\nBeslutning\n\n1. Godkendelse af dagsorden\nSagsfremstilling\nDagsordenen forelægges.\nBeslutning\nGodkendt.\n", "Kommunalbestyrelsen", "2027-01-26"),
        ("Møde i Kommunalbestyrelsen mandag den 25. september 2027, kl. 17 i Kommunalbestyrelsens mødesal\n\n1. Meddelelser\nSagsnr.: 27/1\nBeslutning\nTaget til efterretning.\n", "Kommunalbestyrelsen", "2027-09-25"),
        ("Udvalg: Kultur- og Fritidsudvalget\nMødedato: 29-08-2019 18:00:00\n\n• 141\nTilrettet balance for regnskabet\n• Sagsfremstilling\nBalancen rettes.\n• Beslutning\nGodkendt.\n", "Kultur- og Fritidsudvalget", "2019-08-29"),
    ] as [(String, String, String)])
    func findsTheMeetingInHeaderShapes(_ text: String, _ body: String, _ date: String) throws {
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
        #expect(document.meeting?.body == body)
        #expect(document.meeting?.date == date)
        #expect(document.kind == .minutes)
    }

    @Test(arguments: ["Ny plan for ældreområdet", "Kommunalbestyrelsen har vedtaget en ny plan den 3. maj 2022", "Godkendt."])
    func otherLinesAreNoHeader(_ line: String) {
        #expect(MeetingHeaderParser.bodyAndDate(line) == nil)
    }
}

@Suite struct AbsenceProseTests {
    @Test(arguments: [
        ("Anna Holm og Per Berg var fraværende.", ["Anna Holm", "Per Berg"], [String]()),
        ("Godkendt. Anna Holm og Per Berg var fraværende.", ["Anna Holm", "Per Berg"], []),
        ("Der er afbud fra Bo Lund, Eva Ny og Ib Krag.", ["Bo Lund", "Eva Ny", "Ib Krag"], []),
        ("Karen Bak (A) havde meldt afbud, og Ole Dam (A) deltog i stedet.", ["Karen Bak"], []),
        ("Pia Holm (V) og Jens Lund (O) deltog ikke i sagens behandling.", [], ["Pia Holm", "Jens Lund"]),
        ("Mona Krog deltog ikke på mødet.", ["Mona Krog"], []),
        ("Niels E. Berg (A) var fraværende.", ["Niels E. Berg"], []),
        ("Sofie Dahl (F) erklærede sig inhabil.", [], ["Sofie Dahl"]),
        ("Jonas Brink forlod lokalet under punktet grundet inhabilitet.", [], ["Jonas Brink"]),
        ("Jakob Ebbe var fraværende under punkt 13. Curt Kold var fraværende under punkterne 14-18.", ["Jakob Ebbe", "Curt Kold"], []),
        ("Under punkt 14 deltog stedfortræder Ib Lund (V), da Karen Falk (V) var inhabil.", [], ["Karen Falk"]),
        ("Tove Ravn (A)- deltog ikke i behandlingen af punkt: 3, 4", [], ["Tove Ravn"]),
        ("Bo Krogh (F) deltog ikke under punkterne 12-15.", [], ["Bo Krogh"]),
        ("Alle medlemmer var mødt undtagen Lis Holm og Kim Bach.", ["Lis Holm", "Kim Bach"], []),
        ("Godkendt (afbud fra Peter Vang).", ["Peter Vang"], []),
        ("Jens Hald er indkaldt som stedfortræder for Mona Brix.", ["Mona Brix"], []),
        ("Stedfortræder Ole Sand mødte for Lene Hviid, der havde forfald.", ["Lene Hviid"], []),
        ("Dorte Bak og Ib Kjær var forhindrede i at deltage i sagens behandling.", [], ["Dorte Bak", "Ib Kjær"]),
        ("Hans Vig medvirkede ikke ved behandlingen af pkt. 12, idet han var inhabil.", [], ["Hans Vig"]),
        ("Eva Lind deltager i stedet for byrådsmedlem Rui da Costa Lima, der holder ferie.", ["Rui da Costa Lima"], []),
        ("Ib Holt deltog i stedet for Anne Mose, Lis Kofod i stedet for Bent Ravn.", ["Anne Mose", "Bent Ravn"], []),
        ("I stedet for Tove Kirk deltog Arne Bang.Rådmand Ib Lund forlod mødet efter pkt. 4.", ["Tove Kirk"], ["Ib Lund"]),
    ] as [(String, [String], [String])])
    func readsSentences(_ line: String, _ absent: [String], _ notParticipating: [String]) throws {
        let found = try #require(AbsenceProse.read(line))
        #expect(found.absent.map(\.name) == absent)
        #expect(found.notParticipating.map(\.name) == notParticipating)
    }

    @Test(arguments: ["Udvalget drøftede fraværet på skolerne.", "Der var ingen afbud.", "Godkendt."])
    func otherSentencesAreNotAbsences(_ line: String) {
        #expect(AbsenceProse.read(line) == nil)
    }

    /// A ruling that someone was not disqualified clears an earlier finding in the same text.
    @Test func aRulingOfNoConflictIsNoNonParticipant() {
        let found = AbsenceProse.read("Udvalget tog stilling til, at Jakob Lind (C) ikke var inhabil. Forvaltningen havde tidligere vurderet, at Jakob Lind (C) var inhabil.")
        #expect(found == nil)
    }

    /// Lists under a label, as real pages write them: pairs with "og", substitutes named in the
    /// list, a remark after a comma, another label where the names should be.
    @Test(arguments: [
        ("Fraværende med afbud:\nAnna Holm, Bo Dahl indkaldt\nEva Ny og Ib Lund, Kaj Moe deltog\nTove Berg og Lis Kjær\n", ["Anna Holm", "Eva Ny", "Ib Lund", "Tove Berg", "Lis Kjær"]),
        ("Afbud under hele mødet:\nBent Dal og Toke Hansen\nRikke Bo deltog som stedfortræder for Bent Dal og Ole Ravn deltog som stedfortræder for Toke Hansen\n", ["Bent Dal", "Toke Hansen"]),
        ("Fraværende med afbud:\n\nNina Holm Olsen (Enhedslisten), tjenesterejse.\n", ["Nina Holm Olsen"]),
        ("Afbud: Referent: Lise Berg\n", []),
        ("Fraværende i mødet:\nKarin Bak til kl. 18.40 i punkt 2\nAnne Roed fra kl. 21.33 i punkt 12\n", ["Karin Bak", "Anne Roed"]),
    ] as [(String, [String])])
    func listsUnderALabel(_ header: String, _ absent: [String]) throws {
        let text = "Byrådet 12-03-2021\n" + header + "\n1. Godkendelse af dagsorden\nSagsnr.: 20/1\nBeslutning\nGodkendt.\n"
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
        #expect((document.meeting?.absent ?? []).map(\.name) == absent)
    }

    /// A label inside a flattened page's line; names run together without commas are not
    /// taken for one long name.
    @Test(arguments: [
        ("2 Byrådet 13. december 2027 Side: 2 Fraværende: Eva Laut, Jørgen Meier Sørensen. Til behandling forelå: SAGER TIL AFGØRELSE", ["Eva Laut", "Jørgen Meier Sørensen"]),
        ("Mødested: Rådhuset Fraværende: Ib Holm Eva Ny Kaj Lund Bo Berg Rød 3, Salen", []),
    ] as [(String, [String])])
    func inlineLabels(_ line: String, _ absent: [String]) {
        #expect((AbsenceProse.read(line)?.absent ?? []).map(\.name) == absent)
    }

    /// A seat on a board filled in another's place is not an absence from the meeting.
    @Test func aBoardSeatIsNoAbsence() {
        #expect(AbsenceProse.read("Byrådet udpeger Rune Dal som medlem af bestyrelsen i stedet for rådmand Søs Holm.") == nil)
        #expect(AbsenceProse.read("Gruppen har udpeget Ib Moe som stedfortræder for Jens Kro i bestyrelsen.") == nil)
    }

    @Test(arguments: [
        ("• Birthe Lund (O) - Afbud", ["Birthe Lund"], [String]()),
        ("Sara Moos: Afbud (stedfortræder Eva Berg)", ["Sara Moos"], []),
        ("• Peter Gram (A) - Deltog ikke under punkt 7", [], ["Peter Gram"]),
        ("• Anne Kaas (F) - Deltog", [], []),
        ("Poul Jakobi (O), 1. næstformand - afbud", ["Poul Jakobi"], []),
    ] as [(String, [String], [String])])
    func readsMemberLines(_ line: String, _ absent: [String], _ notParticipating: [String]) {
        let found = AbsenceProse.member(line)
        #expect((found?.absent ?? []).map(\.name) == absent)
        #expect((found?.notParticipating ?? []).map(\.name) == notParticipating)
    }

    @Test func aListUnderItsLabelAndStatusLinesUnderMembers() throws {
        let text = "Byrådet 12-03-2021\n\nAfbud:\n\nBo Libergren, Poul Viste, Lone Hvam.\n\n• Kaj Lund (A) - Deltog\n• Deltog ikke under punkterne 4-5\n\n1. Godkendelse af dagsorden\nSagsnr.: 20/1\nBeslutning\nGodkendt.\n"
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
        #expect(document.meeting?.absent.map(\.name) == ["Bo Libergren", "Poul Viste", "Lone Hvam"])
        #expect(document.meeting?.notParticipating.map(\.name) == ["Kaj Lund"])
    }

    /// Labels stacked without values lost their table's columns: the names are the first
    /// label's ("Deltagere:"), not the absentees'. Two absence labels in a row both name them.
    @Test(arguments: [
        ("Deltagere:\nFraværende:\nBo Holm, Eva Lund, Kai Moe\n", [String]()),
        ("Fraværende:\nAfbud:\n\nBo Holm, A\n", ["Bo Holm"]),
    ] as [(String, [String])])
    func stackedLabels(_ header: String, _ absent: [String]) throws {
        let text = "Byrådet 12-03-2021\n" + header + "\n1. Godkendelse af dagsorden\nSagsnr.: 20/1\nBeslutning\nGodkendt.\n"
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
        #expect((document.meeting?.absent ?? []).map(\.name) == absent)
    }

    /// More labels and rows: "Følgende havde meldt afbud:" with the names a paragraph below;
    /// "Følgende udeblev uden afbud:" inline; a table of absentees whose columns were flattened
    /// into rows of "Name (Party)" with blank lines between.
    @Test(arguments: [
        ("Følgende havde meldt afbud:\n\nBo Holm, Eva Lund og Kai Moe.\n", ["Bo Holm", "Eva Lund", "Kai Moe"]),
        ("Følgende udeblev uden afbud: Ane Berg, Ib Lund og Ole Vang.\n", ["Ane Berg", "Ib Lund", "Ole Vang"]),
        ("Fraværende med afbud:\n\n \n\nPer Holm (Ø)        Mogens Lund (C)        Bjarne Dahl (B)\n\n \n\nManu Berg (B)      Pia Skov (V)\n\nFraværende i øvrigt:\n\nJohannes Ny (A)\n",
         ["Per Holm", "Mogens Lund", "Bjarne Dahl", "Manu Berg", "Pia Skov", "Johannes Ny"]),
    ] as [(String, [String])])
    func moreLabelsAndRows(_ header: String, _ absent: [String]) throws {
        let text = "Byrådet 12-03-2021\n" + header + "\n1. Godkendelse af dagsorden\nSagsnr.: 20/1\nBeslutning\nGodkendt.\n"
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
        #expect((document.meeting?.absent ?? []).map(\.name) == absent)
    }

    /// A sentence under a list of absentees tells of someone else; a name cut short where the
    /// page broke off is the same person as the whole name.
    @Test func listsEndAtSentencesAndCutNamesAreOnePerson() throws {
        let text = "Byrådet 12-03-2021\nAfbud fra Ole Dahl (A) og Kaj E.\nBirger Holm forlod mødet efter behandlingen af punkt 8.\nAfbud: Kaj E. Holm (A)\n\n1. Godkendelse af dagsorden\nSagsnr.: 20/1\nBeslutning\nGodkendt.\n"
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
        #expect(document.meeting?.absent.map(\.name) == ["Ole Dahl", "Kaj E. Holm"])
    }

    /// Non-participants named under an item without a decision stay with the meeting.
    @Test func nonParticipantsWithoutADecision() throws {
        let text = "Regionsrådet 26-01-2022\n\n1. Godkendelse af forretningsorden\nSagsnr.: 20/1\nIndstilling\nat forretningsordenen godkendes.\nMia Bro og Ib Kjær var forhindrede i at deltage i sagens behandling.\n"
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
        #expect(document.meeting?.notParticipating.map(\.name) == ["Mia Bro", "Ib Kjær"])
    }

    /// A live page of a council meeting names the council only in "byrådsmødet": its items'
    /// decisions are the council's.
    @Test func theCouncilOfAMeetingWord() throws {
        let text = "Du kan følge byrådsmødet direkte på denne side.\n\nDagsorden\n\n1. Godkendelse af dagsorden\nBeslutning: Godkendt\n\n2. Nye vejnavne\nBeslutning: Vedtaget\n"
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
        #expect(document.cases.flatMap(\.decisions).map(\.body) == ["Byrådet", "Byrådet"])
    }

    @Test(arguments: [
        ("Fraværende: Ole Lund (V) – Eva Ny (V) mødte som stedfortræder", ["Ole Lund"]),
        // Each absentee's substitute in parentheses, with an initial's point inside them.
        ("Fraværende: Rita Dam (stedfortræder: Per B. Holm) og Ib Sand (stedfortræder: Lis K. Berg)", ["Rita Dam", "Ib Sand"]),
    ])
    func substitutesAreNotAbsent(_ line: String, _ absent: [String]) {
        let (_, rest) = PeopleParser.absenceLabel(line)!
        #expect(PeopleParser.people(inList: rest).map(\.name) == absent)
    }

    @Test func aNameListedTwiceIsOnePerson() throws {
        let document = try DocumentParser().parse(bytes: Array("1. Godkendelse af dagsorden\nSagsnr.: 20/1\nBeslutning\nFraværende: Bo Berg (V)\nGodkendt.\nBo Berg var fraværende.\n".utf8), path: "t.txt")
        #expect(document.cases.first?.decisions.first?.absent.map(\.name) == ["Bo Berg"])
    }
}

@Suite struct ReferatHeadingTests {
    /// "Referat" over what the meeting did, in plain minutes; with an outcome on its line too.
    @Test(arguments: [
        ("Referat", true, nil), ("Referat:", true, nil), ("Referat: Godkendt", true, "Godkendt"),
        ("Referat: Taget til efterretning.", true, "Taget til efterretning."),
        ("Referat: Referat fra mødet i Ældrerådet", false, nil), ("Referat: 3. maj 2027", false, nil),
        ("Referatet blev godkendt", false, nil),
    ] as [(String, Bool, String?)])
    func opensADecisionInsideAnItem(_ line: String, _ opens: Bool, _ inline: String?) {
        let header = DecisionHeader.insideItem(line)
        #expect((header != nil) == opens)
        #expect(header?.inlineText == inline)
    }

    /// A bare "Referat" as an item's last line (the next title run into it) is no decision.
    @Test func aHeadingOverNothingIsNoDecision() throws {
        let text = "Referat fra Ældrerådets møde den 3. maj 2027\n\n1. Høringssvar.\n\nReferat:\n\nRådet sender et høringssvar.\n\nReferat\n\n2. Eventuelt.\n\nReferat:\n\nIntet.\n\n3. Næste møde.\n\nReferat:\n\nDen 7. juni 2027.\n"
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
        #expect(document.cases.map(\.title) == ["Høringssvar.", "Eventuelt.", "Næste møde."])
        #expect(document.cases.first?.decisions.count == 1)
    }
}

@Suite struct RunInHeadingTests {
    @Test(arguments: [
        ("BeslutningGodkendt.", ["Beslutning", "Godkendt."]),
        ("Indholdsfortegnelse1. Fraværende", ["Indholdsfortegnelse", "1. Fraværende"]),
        ("00.22.02-A26-1-13 Beslutning Byrådet, 22.11.2016 Godkendt.", ["00.22.02-A26-1-13", "Beslutning Byrådet, 22.11.2016 Godkendt."]),
        ("Planen vedtages uden ændringer. INDSTILLING Administrationen indstiller, at planen vedtages.", ["Planen vedtages uden ændringer.", "INDSTILLING", "Administrationen indstiller, at planen vedtages."]),
        ("Beslutningstema", ["Beslutningstema"]),
        ("Bilaget er vedlagt.", ["Bilaget er vedlagt."]),
        ("1. Meddelelse fra formandenReferat", ["1. Meddelelse fra formanden", "Referat"]),
        ("Eventuelt1. Orientering og rundvisning", ["Eventuelt", "1. Orientering og rundvisning"]),
        ("6. Eventuelt1. Orientering og rundvisning", ["6. Eventuelt", "1. Orientering og rundvisning"]),
        ("26. Konferencer mv.:1. Meddelelser - Lånedispensation", ["26. Konferencer mv.:", "1. Meddelelser - Lånedispensation"]),
        ("3. Budget 2027 og 2028", ["3. Budget 2027 og 2028"]),
        ("2. Kvartalsrapport 1-2027Beslutning", ["2. Kvartalsrapport 1-2027", "Beslutning"]),
        ("Byrådet tog orienteringen til efterretning", ["Byrådet tog orienteringen til efterretning"]),
        ("14. Eventuelt - Udvalget for Børn den 29.01.20278. Godkendelse af dagsorden", ["14. Eventuelt - Udvalget for Børn den 29.01.2027", "8. Godkendelse af dagsorden"]),
        ("Mødet den 29.01.2027. Dagsordenen blev godkendt.", ["Mødet den 29.01.2027. Dagsordenen blev godkendt."]),
        ("Beløbet er 12.500.000. Det er godkendt.", ["Beløbet er 12.500.000. Det er godkendt."]),
    ] as [(String, [String])])
    func splitsHeadingsFromText(_ line: String, _ pieces: [String]) {
        #expect(RunInHeadings.split(line) == pieces)
    }

    /// The byte tests may let lines through, but never one their pattern would match (lines
    /// reach them normalised: runs of white space are one space).
    @Test(arguments: [
        "14. Eventuelt den 29.01.20278. Godkendelse", "Mødet 1.1.1999123. Ny sag", "den 29.01.2027. Godkendt", "3.4.20271. a",
        "Eventuelt1. Orientering", "Konferencer mv.:1. Meddelelser", "m2. Der", "Bilag:12. Budget", "pkt.:3. Sag", "",
    ])
    func gluedListGuardsNeverHideAMatch(_ line: String) {
        if line.wholeMatch(of: RunInHeadings.dateThenNumbered) != nil { #expect(RunInHeadings.hasYearThenNumber(line)) }
        if line.wholeMatch(of: RunInHeadings.wordThenNumbered) != nil { #expect(RunInHeadings.hasLetterThenNumber(line)) }
    }
}

@Suite struct ExplainTests {
    @Test func everyLineGetsARule() throws {
        let path = Package.corpus + "/101_oekonomiudvalget_2019-03-04.txt"
        let lines = try DocumentParser().explain(fileAt: path)
        #expect(!lines.isEmpty)
        #expect(lines.contains { $0.rule.hasPrefix("item start") })
        #expect(lines.contains { $0.rule.hasPrefix("decision header") })
        #expect(lines.contains { $0.rule == "meeting header" })
    }
}

@Suite struct NavigationMenuTests {
    @Test func aWebPagesMenuIsNotContent() throws {
        let menu = ["• Borger", "• Affald og genbrug", "• Anmeld rotter", "• Badevand", "• Job i kommunen", "• Erhverv", "• Politik", "• Kontakt os"]
        let text = (["Lemvig Kommune"] + menu + ["", "Byrådet 12-03-2021", "", "1. Godkendelse af dagsorden", "Sagsnr.: 21/1", "Beslutning", "Godkendt."]).joined(separator: "\n")
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
        #expect(!document.text.contains("Anmeld rotter"))
        #expect(document.municipality == "Lemvig Kommune")
        #expect(document.cases.map(\.title) == ["Godkendelse af dagsorden"])
    }

    @Test func aListOfMembersIsContent() throws {
        let members = ["• Pia Holm", "• Gitte Lund", "• Erik Borg", "• Niels Ravn", "• Irene Krog", "• Ole Dahl", "• Henrik Bak", "• Søren Elm"]
        let text = (["Byrådet 12-03-2021", "Deltagere"] + members + ["", "1. Godkendelse af dagsorden", "Sagsnr.: 21/1", "Beslutning", "Godkendt."]).joined(separator: "\n")
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
        #expect(document.text.contains("Irene Krog"))
    }
}

/// What a document is when no item was found: its title, a report's prose, a statute's
/// paragraphs. Shapes from real pages, text invented.
@Suite struct DocumentKindTests {
    @Test(arguments: [
        ("minutes transcript", "STRANDBY KOMMUNE. REFERAT Økonomiudvalget. Mødedato: Onsdag den. Mødetidspunkt: 08:00. Sted: Mødelokale 2, Rådhuset. Møde slut: 14:00 Fraværende: Ib Moe.\n", DocumentKind.minutes),
        ("agenda transcript", "DAGSORDEN. Kommunalbestyrelsen. Møde nr. : 04/2009 Sted : Rådhuset Dato : 5. marts 2009 Start kl. : Slut kl. : 20.15\n", .minutes),
        ("notice of a meeting", "Kommunalbestyrelsen holder møde tirsdag den 15. september kl. 17.00\n\nDet foregår i Hallen, lokale 2, med nedenstående dagsorden:\n\n  1. Budget 2027\n  2. Nye vejnavne\n", .webpage),
        ("news report", "Byrådsmøde om skolernes ferie\n\nTorsdag den 2. april mødes Eksempelby Byråd ekstraordinært til et møde, der sendes direkte på kommunens hjemmeside, fordi planen for skolernes ferie skal ændres.\n", .webpage),
        ("news recap of decisions", "Byrådet har besluttet\n\nDagsorden godkendt\n\nEksempelby Kommune: Byrådet har godkendt mødets dagsorden, dog uden sag 9, som udsættes til næste møde i juni.\nByrådsmødet, tirsdag 4. maj, sag 2\n\nNy skole i Nordby\n\nNordby: Byrådet har bevilget 40 mio. kroner til en ny skole, der skal stå klar i 2030 og rumme både skole, bibliotek og hal.\nByrådsmødet, tirsdag 4. maj, sag 3\n", .webpage),
        ("minutes titled as a record, prose only", "Byrådet - Referat\n\nDato: 4. maj 2027\n\nByrådet godkendte dagsordenen, dog uden sag 9, som udsættes til næste møde i juni måned.\n\nByrådet bevilgede 40 mio. kroner til en ny skole, der skal stå klar i 2030 og rumme både skole og hal.\n", .minutes),
        ("transcript whose first page opens with the meeting", "3... Ny vedtægt for Folkeoplysningsudvalget - 2. behandling 4\n\nTranskript\n\n1 Møde i Kommunalbestyrelsen mandag den 27. november 2028, Kl i Kommunalbestyrelsens mødesal REFERAT Eventuelle skriftlige spørgsmål til Kommunalbestyrelsen besvares på mødet. INDHOLDSFORTEGNELSE Meddelelser Ny vedtægt for Folkeoplysningsudvalget Renovering af skolen\n\n2 Kommunalbestyrelsens møde 27. november 2028 Punkt 1: Der var ingen meddelelser. ØKONOMIUDVALGET Ny vedtægt for Folkeoplysningsudvalget Resumé Vedtægten er ændret, så udvalget får to nye medlemmer fra foreningerne.\n", .minutes),
        ("statute", "Styrelsesvedtægt for Eksempelby Kommune\n\n§ 1. Byrådet består af 25 medlemmer, der vælges for fire år ad gangen.\n\n§ 2. Byrådets møder holdes i byrådssalen, medmindre formanden bestemmer andet.\n", .other),
        ("information page", "Rammeaftale for kommunerne\n\nRammeaftalen for de næste to år sætter retningen for samarbejdet mellem kommunerne og regionen om specialområdet.\n", .other),
    ] as [(String, String, DocumentKind)])
    func kindWithoutItems(_ shape: String, _ text: String, _ kind: DocumentKind) throws {
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
        #expect(document.cases.isEmpty)
        #expect(document.kind == kind, "\(shape)")
    }
}

/// A table of contents lists the items; further down, the same numbered titles are the items
/// themselves, even under headings no rule knows ("Anledning") and titles that start like a
/// decision ("3. Beslutning - …").
@Suite struct ContentsTests {
    @Test func itemsListedInTheContentsAreItems() throws {
        let text = """
        Regionsrådet 27-04-2027 13:00

        1. Meddelelser fra formanden
        2. Beslutning - Plan for akutklinikker
        3. Eventuelt ........ 4

        1. Meddelelser fra formanden
        Anledning
        Formanden orienterede om mødeplanen.

        2. Beslutning - Plan for akutklinikker
        Anledning
        Planen skal godkendes.

        3. Eventuelt
        Anledning
        Intet.
        """
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
        #expect(document.cases.map(\.title) == ["Meddelelser fra formanden", "Beslutning - Plan for akutklinikker", "Eventuelt"])
        #expect(document.cases.map(\.lines.first) == [7, 11, 15])
    }
}

/// PDF pages a viewer flattened into one line, as document-sharing sites publish them, broken
/// back into lines; a transcript cut short is still read. Shapes real, text invented.
@Suite struct FlattenedPageTests {
    @Test(arguments: [
        ("page footer and a two-letter body",
         "3 Side 1 1. ØU - Godkendelse af dagsorden Sagsnr.: 17/44 Resumé: Dagsordenen skal godkendes. Indstilling: Administrationen indstiller, at dagsordenen godkendes.",
         ["1. ØU - Godkendelse af dagsorden", "Sagsnr.: 17/44", "Resumé", "Dagsordenen skal godkendes.", "Indstilling", "Administrationen indstiller, at dagsordenen godkendes."]),
        ("short page",
         "4 2. Meddelelser Åben sag Sagsnr.: 13/4411 Sagsansvarlig: abc.of Afbud: Ole Vang, Eva Lund, Kaj Berg",
         ["2. Meddelelser", "Åben sag", "Sagsnr.: 13/4411", "Sagsansvarlig: abc.of", "Afbud: Ole Vang, Eva Lund, Kaj Berg"]),
        ("identity and dated decisions",
         "5 3. Tilskud til Byfesten 20.00.00-Ø40-1-27 Sagsfremstilling Foreningen søger om 40.000 kr. Beslutning i Kulturudvalget den 9. april 2027: Anbefales. Beslutning den : Godkendt.",
         ["3. Tilskud til Byfesten", "20.00.00-Ø40-1-27", "Sagsfremstilling", "Foreningen søger om 40.000 kr.", "Beslutning i Kulturudvalget den 9. april 2027: Anbefales.", "Beslutning den : Godkendt."]),
        ("paragraph", "Kommunalbestyrelsen godkendte forslaget: planen sendes i høring i otte uger, og høringssvarene forelægges udvalget: i maj.",
         ["Kommunalbestyrelsen godkendte forslaget: planen sendes i høring i otte uger, og høringssvarene forelægges udvalget: i maj."]),
    ] as [(String, String, [String])])
    func breaksThePageIntoLines(_ shape: String, _ line: String, _ lines: [String]) {
        #expect(FlattenedPage.split(line) == lines, "\(shape)")
    }
}

/// Item starts seen on pages outside the survey set: a single item's page with a lead
/// paragraph between title and heading, a case number shaped "25-008754", a title that goes on
/// in lower case after "Åben dagsorden -", a fold-out link glued to the title, and a list of
/// items on one line that is no item.
@Suite struct MoreItemStartTests {
    @Test(arguments: [
        ("lead paragraph", "Mødedato: 23.08.2027, kl. 11:00\nMødested: Rådhuset\nFørste behandling af budgetforslag 2028\nSe alle bilag\nDen 5. oktober skal Borgerrepræsentationen vedtage budgettet for 2028, og forslaget sendes nu til første behandling.\nIndstilling\nØkonomiforvaltningen indstiller, at forslaget godkendes.\n", ["Første behandling af budgetforslag 2028"]),
        ("case number with a dash", "Beslutning om mødeplan for 2028\n27-008754 -\nSagsfremstilling\nUdvalget skal fastsætte sin mødeplan.\nBeslutning\nGodkendt.\n", ["Beslutning om mødeplan for 2028"]),
        ("title in lower case", "Referat\n • 301. Åben dagsorden - godkendelse\n  Resume\n  Dagsordenen skal godkendes.\n  Beslutning\n  Godkendt.\n", ["Åben dagsorden - godkendelse"]),
        ("fold-out link", "Referat\n29. Lokalplan for Kystvejen, Sydstrand Åbn/luk punkt\nSagsnummer: 01.02.05-P00-4921-27\nBeslutning\nAnbefales.\n", ["Lokalplan for Kystvejen, Sydstrand"]),
        ("title repeated over the dated decision", "1. Godkendelse af dagsorden\nSagsfremstilling\n.....\nBeslutning\nDagsordenspunkt 1: Godkendelse af dagsorden\nØkonomiudvalgets beslutning i mødet den 31. marts 2027\nDagsordenen blev godkendt.\n", ["Godkendelse af dagsorden"]),
        ("title ending in a body's name", "66.    Temadag for Integrationsrådet\n\nSag 306-2027-5450\n\nDok. 306-2027-307627\n\nÅbent\n\nKompetence\n\nIntegrationsrådet.\n\nSagens opståen\n\nRådet vil holde en temadag.\n\nSagsfremstilling\n\nEn dato skal fastlægges.\n", ["Temadag for Integrationsrådet"]),
        ("list on one line", "Referat\n1. Godkendelse af dagsorden 2. Orientering fra formanden\nDeltagere:\nBo Dahl, A\nEva Ny, V\nIb Lund, C\n\n1. Godkendelse af dagsorden\nSagsfremstilling\nDagsordenen skal godkendes.\n", ["Godkendelse af dagsorden"]),
    ] as [(String, String, [String])])
    func itemStarts(_ shape: String, _ text: String, _ titles: [String]) throws {
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
        #expect(document.cases.map(\.title) == titles, "\(shape)")
    }

    @Test func aBareHeadingOverTheDatedHeaderIsOneDecision() throws {
        let text = "1. Godkendelse af dagsorden\nSagsfremstilling\n.....\nBeslutning\nDagsordenspunkt 1: Godkendelse af dagsorden\nØkonomiudvalgets beslutning i mødet den 31. marts 2027\nDagsordenen blev godkendt.\n"
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
        let decisions = try #require(document.cases.first).decisions
        #expect(decisions.map(\.body) == ["Økonomiudvalget"])
        #expect(decisions.map(\.date) == ["2027-03-31"])
    }
}

/// Plain minutes, as councils, boards and advisory bodies write their own: titles numbered
/// 1, 2, 3 … with the minutes' prose under each and nothing else (no case numbers, headings
/// or decision headers) to confirm them.
@Suite struct PlainNumberedMinutesTests {
    @Test(arguments: [
        ("spaced numbers", "Ældrerådet – Referat 3. marts 2027\nDeltagere: Bo Dahl, Eva Ny\n\n1.    Orientering fra formanden\n\nFormanden fortalte om mødet med kommunen.\n\n2.  Valg af næstformand\n\nIb Lund blev valgt.\n\n3.    Eventuelt\n\nIntet.\n",
         ["Orientering fra formanden", "Valg af næstformand", "Eventuelt"]),
        ("numbers glued to the titles", "Referat af møde i Grønt Råd\nFremmødte: Bo Dahl, Eva Ny, Ib Lund.\n\n1.Stier langs åen (bilag kort)\n\nKommunen har lagt en plan frem.\n\nDer var spørgsmål til planen.\n\n2.Godkendelse af dagsorden\n\nGodkendt.\n\n3.Næste møde\n\nDen 4. maj.\n\n4.Eventuelt\n\nIntet.\n",
         ["Stier langs åen (bilag kort)", "Godkendelse af dagsorden", "Næste møde", "Eventuelt"]),
        ("two titles are no run", "Referat\n\n1. Orientering\n\nFormanden orienterede.\n\n2. Eventuelt\n\nIntet.\n", []),
        ("a list without text between is no run", "Referat\n\n1. Orientering\n2. Valg af næstformand\n3. Eventuelt\n\nMødet sluttede kl. 17.\n", []),
        ("numbered sentences are no titles", "Referat\n\n1. Rådet anbefaler planen.\n\nDet blev drøftet.\n\n2. Rådet ønsker en høring.\n\nDet blev drøftet.\n\n3. Rådet mødes igen i maj.\n\nSlut.\n", []),
        ("every title numbered 1, some ending in a point", "Referat fra Ældrerådets møde den 8. marts 2027\n\nAfbud: Bo Dahl.\n\n 1. Godkendelse af dagsorden.\n\nGodkendt\n\n 1. Høringssvar.\n\nRådet skriver et svar.\n\n 1. Eventuelt\n\nIntet.\n",
         ["Godkendelse af dagsorden.", "Høringssvar.", "Eventuelt"]),
        ("a title that is a section word", "Referat fra menighedsrådsmødet den 5. april 2028\n\nAfbud: Bo Dahl.\n\n1. Godkendelse af dagsorden\n\nGodkendt.\n\n2. Meddelelser\n\nIngen.\n\n3. Økonomi\n\nKvartalsrapporten blev godkendt.\n",
         ["Godkendelse af dagsorden", "Meddelelser", "Økonomi"]),
        ("an item's numbered sections are no run", "Referat\n\n1. Baggrund\n\nSkolen er slidt.\n\n2. Økonomi\n\nDer er afsat 2 mio. kr.\n\n3. Vurdering\n\nForvaltningen anbefaler en renovering.\n", []),
        ("numbering that skips is no run", "Referat\n\n1. Orientering\n\nTekst.\n\n3. Valg\n\nTekst.\n\n4. Eventuelt\n\nTekst.\n", []),
    ] as [(String, String, [String])])
    func plainMinutes(_ shape: String, _ text: String, _ titles: [String]) throws {
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
        #expect(document.cases.map(\.title) == titles, "\(shape)")
    }
}

/// Plain minutes state the decision in the item's prose: a short closing paragraph that says
/// an outcome is the item's decision, with the meeting's body and date; a discussion, or an
/// item with headings of its own, gets none.
@Suite struct ClosingOutcomeTests {
    static let header = "Ældrerådet – Referat 3. marts 2027\nDato: 3. marts 2027\n\n"

    @Test(arguments: [
        ("stated approval", "1. Godkendelse af dagsorden\n\nDagsordenen blev godkendt.\n\n2. Budget\n\nTekst.\n\n3. Eventuelt\n\nIntet.\n", [["approved"], [], []]),
        ("noted, after a paragraph", "1. Orientering\n\nFormanden fortalte om mødet.\n\nTaget til efterretning.\n\n2. Budget\n\nTekst.\n\n3. Eventuelt\n\nIntet.\n", [["noted"], [], []]),
        ("a discussion is no decision", "1. Orientering\n\nRådet drøftede planen.\n\n2. Budget\n\nTekst.\n\n3. Eventuelt\n\nIntet.\n", [[], [], []]),
        ("an item with headings", "1. Budget 2028\nSagsnr.: 27/100\nSagsfremstilling\nForslaget er godkendt af direktionen.\n", [[]]),
    ] as [(String, String, [[String]])])
    func closingParagraphs(_ shape: String, _ text: String, _ outcomes: [[String]]) throws {
        let document = try DocumentParser().parse(bytes: Array((Self.header + text).utf8), path: "t.txt")
        #expect(document.cases.map { $0.decisions.map(\.outcome.rawValue) } == outcomes, "\(shape)")
        for decision in document.cases.flatMap(\.decisions) {
            #expect(decision.date == "2027-03-03")
            #expect(decision.body == "Ældrerådet")
        }
    }
}

@Suite struct ProseConclusionTests {
    /// Plain minutes say what the meeting concluded in a sentence; earlier decisions told in
    /// the same words are history.
    @Test(arguments: [
        ("De fire medlemmer er enige om, at rådet fortsætter sit arbejde.", "De fire medlemmer er enige om, at rådet fortsætter sit arbejde."),
        ("Knud Holm blev genvalgt.", "Knud Holm blev genvalgt."),
        ("Der arbejdes på en liste over husstande. Der er enighed om, at mødet holdes i Ølby.", "Der er enighed om, at mødet holdes i Ølby."),
        ("Jf. stk. 2 skal rådet høres. Rådet besluttede at sende et svar.", "Rådet besluttede at sende et svar."),
    ] as [(String, String)])
    func findsTheMeetingsConclusion(_ paragraph: String, _ decision: String) throws {
        let found = try #require(ProseConclusion.last(in: [paragraph]))
        #expect(String(paragraph[found.start...]) == decision)
    }

    @Test(arguments: [
        "Kommunalbestyrelsen vedtog enstemmigt den 26. november 2026 at sende forslaget i høring.",
        "På sit møde den 20. juni 2027 godkendte Byrådet skema A.",
        "Økonomiudvalget godkendte på samme møde, at direktøren ansættes.",
        "Skal rådet vedtage en ny plan, eller blev den godkendt?",
        "Planen er sendt til ministeriet.",
        "Overgodkendtes af ingen.",
    ])
    func refusesHistoryAndQuestions(_ paragraph: String) {
        #expect(ProseConclusion.last(in: [paragraph]) == nil)
    }

    /// The meeting named as one word in the title, the conclusions in prose.
    @Test func plainMinutesGetTheirDecisionsFromProse() throws {
        let text = """
        Ekstraordinært Ældrerådsmøde – Referat 14. december 2027

        1. Meddelelse om udtræden

        Ved mail af 13. december 2027 har Ole Sand meddelt, at han udtræder af rådet. De resterende medlemmer er enige om, at rådet fortsætter.

        2. Konstituering

        Rådet konstituerer sig på næste møde.

        3. Eventuelt

        Der er enighed om, at temamødet om bofællesskaber gennemføres.
        """
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
        #expect(document.meeting?.body == "Ældrerådet")
        #expect(document.cases.map { $0.decisions.map(\.text) } == [
            ["De resterende medlemmer er enige om, at rådet fortsætter."], [], ["Der er enighed om, at temamødet om bofællesskaber gennemføres."],
        ])
        #expect(document.cases.first?.decisions.first?.body == "Ældrerådet")
        #expect(document.cases.first?.decisions.first?.date == "2027-12-14")
    }
}

@Suite struct MeetingCompoundTests {
    @Test(arguments: [
        ("Byrådsmøde", "Byrådet"), ("byrådsmødet", "Byrådet"), ("Ældrerådsmøde", "Ældrerådet"),
        ("Kommunalbestyrelsesmøde", "Kommunalbestyrelsen"), ("Økonomiudvalgsmødet", "Økonomiudvalget"),
        ("Menighedsrådsmøde", "Menighedsrådet"), ("Regionsrådsmøde", "Regionsrådet"),
    ] as [(String, String)])
    func namesTheBody(_ word: String, _ body: String) {
        #expect(MinutesVocabulary.bodyOfMeetingCompound(word) == body)
    }

    @Test(arguments: ["Udvalgsmøde", "Bestyrelsesmøde", "Rådsmøde", "Borgermøde", "Repræsentantskabsmøde", "Byråd"])
    func genericOrOtherWordsNameNone(_ word: String) {
        #expect(MinutesVocabulary.bodyOfMeetingCompound(word) == nil)
    }
}

@Suite struct ShortItemsBeforeTests {
    /// Items with no text of their own before the first item something confirms are items;
    /// a list whose last entry holds every item's text is not.
    @Test(arguments: [
        ("Økonomiudvalget 3. maj 2027\n\n1. Godkendelse af dagsorden\n\n2. Meddelelser fra formanden\n\n3. Budget 2028\nSagsfremstilling\nForvaltningen har lavet et budget.\nBeslutning\nGodkendt.\n\n4. Salg af grund\nSagsfremstilling\nEn køber har budt.\nBeslutning\nGodkendt.\n",
         ["1", "2", "3", "4"]),
        ("Økonomiudvalget 3. maj 2027\n\n1. Godkendelse af dagsorden\n2. Budget 2028\n3. Salg af grund\n\nSagsfremstilling\nDagsordenen udsendes.\nBeslutning\nGodkendt.\nSagsfremstilling\nForvaltningen har lavet et budget.\nBeslutning\nGodkendt.\n",
         ["3"]),
        ("Økonomiudvalget 3. maj 2027\n\n1. Godkendelse af dagsorden\n2. Budget 2028\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n2. Budget 2028\nSagsfremstilling\nEt budget.\nBeslutning\nGodkendt.\n",
         ["1", "2"]),
    ] as [(String, [String])])
    func takesTheShortItemsOnly(_ text: String, _ numbers: [String]) throws {
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
        #expect(document.cases.map { $0.number ?? "" } == numbers)
    }
}

@Suite struct StepMeetingLinesTests {
    /// A step's own meeting labelled under its header: the date is the step's, place and time
    /// are not its text.
    @Test func aDateUnderTheHeaderIsTheSteps() throws {
        let text = "66.    Temadag for Seniorrådet\nSag 306-2027-5450\nBeslutningstema\nEn ny dato fastlægges.\nBeslutning fra Seniorrådet\nDato: 10. december 2027\nSted: Café Nord, Algade 2\nFraværende: Ib Holm, Eva Ny\nTemadagen holdes lørdag den 9. april 2028.\n"
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
        let decision = try #require(document.cases.first?.decisions.first)
        #expect(decision.body == "Seniorrådet")
        #expect(decision.date == "2027-12-10")
        #expect(decision.text == "Temadagen holdes lørdag den 9. april 2028.")
        #expect(decision.absent.map(\.name) == ["Ib Holm", "Eva Ny"])
    }
}

/// Pages that print no item titles (C1, C2, B1, B5): every item is a block that opens like the
/// first (an identity line or the same section heading), read as an item without title or
/// number; a page that prints titles above or below the same lines keeps them.
@Suite struct HeadlessBlockTests {
    struct Shape: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var titles: [String]
        /// The first decision's body and date of each item.
        var steps: [String]
        var testDescription: String { name }
    }

    static let shapes: [Shape] = [
        Shape(name: "identity line under a print link opens each item",
              text: "Beslutningsprotokol\n\ntirsdag den 7. marts 2028 kl. 16:00\n\nMødested: Mødelokale 3\nUdvalg: Kulturudvalget\nMedlemmer: Aase Brink, Ole Kær, Tove Rask\nBemærkninger: Afbud: Ole Kær\nUdskriv hele dagsordnen\n  • Udskriv\n    Sagsid.: 28/1101, Sagsinitialer: ABC\n\n    Indstilling\n\n    Administrationen indstiller,\n\n    at dagsorden godkendes.\n\n    Beslutning Kulturudvalget den 07-03-2028\n\n    Godkendt.\n\n  • Udskriv\n    Sagsid.: 27/9912, Sagsinitialer: XYZ\n\n    Sagsfremstilling\n\n    Foreningen søger tilskud til en ny scene.\n\n    Beslutning Kulturudvalget den 07-03-2028\n\n    Bevilget.\n",
              titles: ["", ""], steps: ["Kulturudvalget 2028-03-07", "Kulturudvalget 2028-03-07"]),
        Shape(name: "bare identity label as a bullet",
              text: "Referat\n\nTorsdag den 9. marts 2028 kl. 15:00\n\nMødested: Mødelokale 2\nUdvalg: Handicaprådet\n • Sagsid.:\n\n  Sagsfremstilling\n\n  Rådet vælger formand.\n\n  Beslutning Handicaprådet den 09-03-2028\n\n  Rådet valgte Eva Bro.\n\n • Sagsid.:\n\n  Beslutning Handicaprådet den 09-03-2028\n\n  Dagsorden godkendt.\n",
              titles: ["", ""], steps: ["Handicaprådet 2028-03-09", "Handicaprådet 2028-03-09"]),
        Shape(name: "the same opening heading in every item",
              text: "Dagsorden\n\nOnsdag 9. feb 2028 kl. 14:00\n\nSeniorrådet\n\nRådhuset, mødelokale 1\n\nReferat\n\nResumé\n\nFormanden orienterer om nyt fra rådet.\n\nSagen behandles i\n\nSeniorrådet (orientering).\n\nForslag\n\nForvaltningen foreslår,\n\nat orienteringen tages til efterretning.\n\nBeslutning Seniorrådet den 09-02-2028\n\nTaget til efterretning.\n\nResumé\n\nRådet skal udpege en repræsentant til brugerpanelet.\n\nForslag\n\nat rådet udpeger en repræsentant.\n\nBeslutning Seniorrådet den 09-02-2028\n\nRådet udpegede Kirsten Bro.\n",
              titles: ["", ""], steps: ["Seniorrådet 2028-02-09", "Seniorrådet 2028-02-09"]),
        Shape(name: "bare decision headings under a place with postcode",
              text: "Referat\nMiljøudvalget tirsdag den 14. marts 2028 kl. 17.00\nMødelokale Engen, Rådhuset, Torvet 3, 2640 Hedeby\nSagsfremstilling\nUdvalget orienteres om status for vandløbene.\nIndstilling\nat orienteringen tages til efterretning.\nBeslutning\nTil efterretning.\nSagsfremstilling\nDer søges om frigivelse af 2 mio. kr. til nye stier.\nIndstilling\nat beløbet frigives.\nBeslutning\nTiltrådt.\n",
              titles: ["", ""], steps: ["Miljøudvalget 2028-03-14", "Miljøudvalget 2028-03-14"]),
        Shape(name: "case number above each numbered title keeps the titles",
              text: "Referat\n\ntil\n\nmødet i Regionsrådet\n\nden 22. marts 2028 kl. 13:00\n\nSagnr.: 1-30-7-11-28\n\n1. Godkendelse af ny plan for akutberedskabet\n\nResume\n\nPlanen er klar.\n\nBeslutning\n\nGodkendt.\n\nSagnr.: 1-15-4-2-28\n\n2. Orientering om ventetider\n\nResume\n\nVentetiderne falder.\n\nBeslutning\n\nTaget til efterretning.\n",
              titles: ["Godkendelse af ny plan for akutberedskabet", "Orientering om ventetider"], steps: ["Regionsrådet 2028-03-22", "Regionsrådet 2028-03-22"]),
        Shape(name: "title above a print link and the identity keeps the titles",
              text: "Referat\n\nMødedato: torsdag den 11. maj 2028 kl. 08:30\nUdvalg: Direktionen\nPunkt Titel Udskriv hele dagsordenen\n261\nStatus på sygefravær\nUdskriv dette punkt\nSagsid.: 28/2277, Sagsinitialer: lkh\n\nSagsfremstilling\n\nFraværet er faldet.\n\nBeslutning i Direktionen den 11-05-2028\n\nTaget til efterretning.\n\n262\nNye regler for indkøb\nUdskriv dette punkt\nSagsid.: 28/2301, Sagsinitialer: mkr\n\nSagsfremstilling\n\nReglerne er skærpet.\n\nBeslutning i Direktionen den 11-05-2028\n\nGodkendt.\n",
              titles: ["Status på sygefravær", "Nye regler for indkøb"], steps: ["Direktionen 2028-05-11", "Direktionen 2028-05-11"]),
    ]

    @Test(arguments: shapes)
    func blocksAreItemsWithoutTitles(_ shape: Shape) throws {
        let document = try DocumentParser().parse(bytes: Array(shape.text.utf8), path: "t.txt")
        #expect(document.cases.map(\.title) == shape.titles)
        #expect(document.cases.map { c in c.decisions.first.map { "\($0.body ?? "-") \($0.date ?? "-")" } ?? "none" } == shape.steps)
    }
}

/// Labelled lists of first names only, as parish councils and boards write them; one word
/// alone, roles and a body's name are no list of names.
@Suite struct FirstNameListTests {
    @Test(arguments: [
        ("Afbud: Lisbeth, Hanne, Anne-Mette og Svend.", ["Lisbeth", "Hanne", "Anne-Mette", "Svend"]),
        ("Fraværende: Lars og Nina", ["Lars", "Nina"]),
        ("Afbud: Ingen", []),
        ("Afbud: Formanden, Næstformanden", []),
        ("Afbud: Byrådet, Økonomiudvalget", []),
        ("Afbud: Bo Berg (A) og Eva Ny (V)", ["Bo Berg", "Eva Ny"]),
    ])
    func labelledListOfFirstNames(_ line: String, _ names: [String]) throws {
        let lines = [SourceLine(number: 1, text: line)]
        #expect(AbsenceList.read(lines, at: 0)?.absent.map(\.name) ?? [] == names)
    }
}
