@testable import ReferatParsing
import ReferatRecords
import Testing

/// Shapes the seventh held-out set of real pages brought (docs/layouts.md, "Checked on pages the
/// survey did not see", eighth round), each written anew with invented names, numbers and
/// sentences.
@Suite struct EighthSurveyTests {
    @Test(arguments: [
        ("BESLUTNING/", false),
        ("Beslutning/godkendelse/bemærkninger", false),
        ("Beslutning / kommentarer", false),
        ("Beslutning", true),
        ("Beslutning: Godkendt", true),
    ])
    func aColumnHeadingWithASlashIsNoDecision(_ line: String, _ isHeader: Bool) {
        #expect((DecisionHeader.parse(line) != nil) == isHeader)
    }

    @Test func plainMinutesUnderATablesColumnHeadingsAreItems() throws {
        let text = "Referat 4-5-2028\n\nMødedeltagere: EH, BB, IL\n\nAfbud: KN\n\nDAGSORDEN PUNKT\n\nSAGSINDHOLD\n\nBESLUTNING/\n\nKOMMENTARER\n\n"
            + "1. Godkendelse af dagsorden\n\nGodkendt.\n\n2. Meddelelser\n\nIntet nyt.\n\n3. Tårnuret\n\nUret går fem minutter for langsomt.\n\n"
            + "Graveren kontakter urmageren.\n\n4. Regnskab 2027\n\nGennemgået og godkendt.\n\n5. Evt.\n\nIntet.\n"
        let document = try parse(text)
        #expect(document.cases.map(\.number) == ["1", "2", "3", "4", "5"])
        #expect(document.cases.map(\.title) == ["Godkendelse af dagsorden", "Meddelelser", "Tårnuret", "Regnskab 2027", "Evt."])
    }

    @Test(arguments: [
        ("Forslag til beslutning fra kommunalbestyrelsesmedlemmerne Holm og Berg og rådmand Lund og 2. viceborgmester Ny og "
            + "kommunalbestyrelsesmedlemmerne Dahl, Krog og Vang om at kommunen indfører gratis adgang til svømmehallen for alle "
            + "børn og unge under 18 år i sommerferien", true),
        ("Forslag til beslutning fra kommunalbestyrelsesmedlemmerne Holm og Berg. " + String(repeating: "Der er mange ord her. ", count: 10), false),
        ("Budget 2028", false),
    ])
    func aLabelledItemsTitleMayRunLong(_ title: String, _ expected: Bool) {
        #expect(CaseSegmenter().isLongTitle(title) == expected)
    }

    @Test func aLabelledItemWhoseTitleNamesAllWhoMovedItIsAnItem() throws {
        let title = "Forslag til beslutning fra kommunalbestyrelsesmedlemmerne Holm og Berg og rådmand Lund og 2. viceborgmester Ny og "
            + "kommunalbestyrelsesmedlemmerne Dahl, Krog og Vang om at kommunen indfører gratis adgang til svømmehallen for alle "
            + "børn og unge under 18 år i sommerferien"
        let text = "Referat til mødet i Kommunalbestyrelsen den 14. marts 2028 kl. 19:00\n\nDagsordenspunkter\n\nPkt. 312 \(title)\n\n"
            + "Sagsfremstilling\n\nBeslutningsforslaget blev oversendt til kultur- og fritidsudvalget.\n"
        let document = try parse(text)
        #expect(document.cases.map(\.number) == ["312"])
        #expect(document.cases.first?.title == title)
    }

    @Test func contentsLedByTheirAccessMakeThePageTheMeetings() throws {
        let text = "Dagsordenspunkter\n\n  åbent 1 Ny legeplads ved skolen\n  åbent 2 Regnskab 2027\n  åbent 3 Valg til ældrerådet\n"
            + "  lukket 4 Lukket punkt\n\nTil indholdsfortegnelse\n\n Åbent  Møde.\n\n 1      Ny legeplads ved skolen\n\n      "
            + "00.01.00G01-0042\n\nSagsfremstilling\n\nSkolebestyrelsen ønsker en ny legeplads.\n"
        let document = try parse(text)
        #expect(document.cases.map(\.number) == ["1"])
        #expect(document.kind == .minutes)
    }

    @Test(arguments: [
        ("Åbent Referat til Udvalget for Kultur og Fritid", "Udvalget for Kultur og Fritid"),
        ("Referat til Udvalget for Teknik og Miljø", "Udvalget for Teknik og Miljø"),
        ("Åbent Referat til Økonomiudvalget", "Økonomiudvalget"),
    ])
    func aBodyNamedByItsTaskKeepsItsFor(_ header: String, _ body: String) throws {
        let text = "\(header)\nMødedato: Tirsdag den 14. marts 2028\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n"
        let document = try parse(text)
        #expect(document.meeting?.body == body)
        #expect(document.cases.first?.decisions.first?.body == body)
    }

    @Test(arguments: [
        ("1 Mødedato: 14. marts 2028 Fraværende: Eva Holm ved afbud Bo K. Berg ved afbud 14. marts 2028", ["Eva Holm", "Bo K. Berg"]),
        ("Referat 14. marts 2028 Fraværende: Eva Holm med afbud, Ida Lund med afbud. Mødet blev holdt i salen", ["Eva Holm", "Ida Lund"]),
        ("at Kaj Moe indtræder som stedfortræder for Lene B. Dahl, og", ["Lene B. Dahl"]),
    ])
    func aReasonAfterEachNameStillPartsTheList(_ line: String, _ absent: [String]) {
        #expect(AbsenceProse.read(line)?.absent.map(\.name) == absent)
    }

    @Test(arguments: [
        ("Kvartalsrapporten blev gennemgået af kassereren. Der er råd til en ny plæneklipper.", "Kvartalsrapporten blev gennemgået af kassereren"),
        ("Sommerudflugten , lørdag d. 10. juni til Ribe. Bussen er bestilt.", "Sommerudflugten , lørdag d. 10. juni til Ribe"),
        ("Nye stole? Der er indhentet to tilbud.", "Nye stole"),
        ("Julebanko onsdag 28 Nov. Vi mødes kl. 18.30.", "Julebanko onsdag 28 Nov"),
        ("Kommende arrangementer og siden sidst;", nil),
        ("Godkendelse af referat Udskudt.", "Godkendelse af referat"),
        ("Godkendelse af dagsorden Godkendt", "Godkendelse af dagsorden"),
        ("Valg af referent Lars", nil),
        ("Eventuelt Godkendt", nil),
        ("Mødet d. 4. maj i kirken", nil),
    ] as [(String, String?)])
    func aNumberedParagraphsTitleIsItsFirstSentence(_ paragraph: String, _ title: String?) {
        #expect(CaseSegmenter.paragraphTitle(paragraph)?.title == title)
    }

    @Test func numberedParagraphsOfPlainMinutesAreItems() throws {
        let document = try DocumentParser().parse(fileAt: Package.corpus + "/298_plain-numbered-paragraphs.txt")
        #expect(document.kind == .minutes)
        #expect(document.cases.map(\.number) == ["1", "2", "3", "4"])
        #expect(document.cases.map(\.title) == ["Sommerudflugten , lørdag d. 10. juni til Ribe Domkirke", "Nye stole til konfirmandstuen",
                                                 "Kvartalsrapporten blev gennemgået af kassereren", "Kommende arrangementer og siden sidst"])
        #expect(document.cases[1].sections.first?.text.hasPrefix("Der er indhentet to tilbud.") == true)
    }

    @Test(arguments: [
        // A table of contents: titles, no sentences.
        "Referat af bestyrelsesmøde 9. maj 2028\n\n1. Godkendelse af dagsorden\n2. Regnskab 2027\n3. Sommerfesten\n4. Eventuelt\n",
        // Only one paragraph holds a sentence's end.
        "Referat af bestyrelsesmøde 9. maj 2028\n\n1. Godkendelse af dagsorden\n\n2. Regnskab. Det blev godkendt.\n\n3. Eventuelt\n",
        // The numbering skips: no run of three.
        "Referat af bestyrelsesmøde 9. maj 2028\n\n1. Vejen. Den er lukket.\n\n3. Broen. Den er åben.\n\n4. Skolen. Den er ny.\n",
        // A letter whose top names no meeting's record.
        "Til kommunalbestyrelsen\n\nVedrørende jeres henvendelse\n\n1. Sagen. Vi har set på den.\n\n2. Loven. Den er klar.\n\n3. Svaret. Det følger her.\n",
    ])
    func numberedLinesThatAreNoParagraphsOfMinutesAreNoItems(_ text: String) throws {
        #expect(try parse(text).cases.isEmpty)
    }

    @Test func anAgendasFirstItemNamesTheAbsentOnTheLineBelowIt() throws {
        let text = "Referat menighedsrådsmøde 9. maj 2028\n\nReferat møde nr. 4, den 9. maj 2028\n\n1. Fraværende:\nEva Holm, Bo Berg\n\n"
            + "2. Bemærkninger til dagsordenen:\nIngen.\n\n3. Nye salmebøger\nRådet køber 40 nye salmebøger.\n\n"
            + "4. Godkendelse af kvartalsrapport\nGodkendt.\n\n5. Kirkegårdens hegn\nHegnet males i juni.\n"
        let document = try parse(text)
        #expect(document.cases.map(\.number) == ["1", "2", "3", "4", "5"])
        #expect(document.meeting?.absent.map(\.name) == ["Eva Holm", "Bo Berg"])
    }

    @Test(arguments: [
        ("steps referred to by item number",
         "2 Kommunalbestyrelsens møde 14. marts 2028 Punkt 1: Der var ingen meddelelser. ØKONOMIUDVALGET 2. Nye regler for tilskud til foreninger Økonomiudvalget den 2. februar 2028, pkt. 4 Kommunalbestyrelsen den 14. februar 2028, pkt. 7 Resumé Reglerne er fra 2019.",
         ["Kommunalbestyrelsens møde 14. marts 2028 Punkt 1: Der var ingen meddelelser. ØKONOMIUDVALGET", "2. Nye regler for tilskud til foreninger",
          "Økonomiudvalget den 2. februar 2028, pkt. 4", "Kommunalbestyrelsen den 14. februar 2028, pkt. 7", "Resumé", "Reglerne er fra 2019."]),
        ("a title with lettered points run in",
         "2 1. Meddelelser a) Der holdes et ekstra møde den 3. april 2028. Kommunalbestyrelsens møde 14. marts 2028 Punkt 1: Taget til efterretning. KULTURUDVALGET 2. Tilskud til hallen Kulturudvalget den 1. marts 2028, pkt. 9 Resumé Hallen søger om 20.000 kr.",
         ["1. Meddelelser", "a) Der holdes et ekstra møde den 3. april 2028.", "Kommunalbestyrelsens møde 14. marts 2028 Punkt 1: Taget til efterretning. KULTURUDVALGET",
          "2. Tilskud til hallen", "Kulturudvalget den 1. marts 2028, pkt. 9", "Resumé", "Hallen søger om 20.000 kr."]),
    ] as [(String, String, [String])])
    func aTranscriptsStepReferencesBreakItsPage(_ shape: String, _ line: String, _ lines: [String]) {
        #expect(FlattenedPage.split(line) == lines, "\(shape)")
    }

    @Test(arguments: [
        ("Kommunalbestyrelsens møde 14. marts 2028 Punkt 1: Der var ingen meddelelser.", "Kommunalbestyrelsen", "2028-03-14", "Der var ingen meddelelser."),
        ("Integrationsudvalgets møde den 12. december 2027:", "Integrationsudvalget", "2027-12-12", nil),
    ] as [(String, String, String, String?)])
    func aMeetingsStepWithTheItemsNumberIsADecision(_ line: String, _ body: String, _ date: String, _ text: String?) {
        let header = DecisionHeader.parse(line)
        #expect(header?.body == body)
        #expect(header?.date == date)
        #expect(header?.inlineText == text)
    }

    @Test(arguments: [
        ("Åbent - 00.01.00A04 - 2027/34364", true),
        ("Lukket - 00.01.00K01 - 20", true),
        ("Åbent - men kun for medlemmer af udvalget", false),
    ])
    func anAccessWordBeforeAKLENumberIsTheItemsIdentity(_ line: String, _ expected: Bool) {
        #expect(CaseSegmenter.isIdentity(line) == expected)
    }

    @Test func aTitleWithAnAbbreviationThatEndsInAPointIsConfirmedByItsIdentity() throws {
        let text = "Odense Byråd\n\nReferat\n\nOnsdag den 14-03-2028 kl. 17:00\n\n1. Valg af et nyt medlem til bestyrelsen for Havnen.\n"
            + "Åbent - 00.01.00A04 - 2028/1201\n\nSAGSRESUMÉ\n\nEt medlem er udtrådt.\n\nBESLUTNING\n\nGodkendt.\n\n"
            + "2. Beretning nr. 12 vedrørende kommunens regnskab.\nÅbent - 00.32.10S00 - 20\n"
        let document = try parse(text)
        #expect(document.cases.map(\.number) == ["1", "2"])
        #expect(document.cases.last?.title.hasPrefix("Beretning nr. 12 vedrørende kommunens regnskab") == true)
        #expect(document.cases.last?.kleNumber == "00.32.10S00")
    }
}
