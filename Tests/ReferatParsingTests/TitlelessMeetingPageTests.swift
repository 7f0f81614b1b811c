@testable import ReferatParsing
import ReferatRecords
import Testing

/// A meeting page whose extraction lost every item's title (docs/layouts.md, B11): the fold
/// control's line keeps its link texts in brackets and is no title, the body's term stands in
/// the meeting's name ("Økonomiudvalget 2026 - 2029s møde den …"), and each block is an
/// untitled item whose decision has the meeting's body and date.
@Suite struct TitlelessMeetingPageTests {
    static let page = """
        Gå til sidens indhold

        Økonomiudvalget 2030 - 2033s møde den 12. juni 2031

        Mødelokale 4 kl. 13.00

        Referat

        Fold alle punkter [ud] [ind]
        Beslutning

        Godkendt.

        Fraværende:

        Eva Holm (A).

        Sagsfremstilling

        Borgmesteren orienterede om rengøringen på Havnevej og om folkemødet.

        Beslutning

        Taget til efterretning.

        Fraværende:

        Eva Holm (A).
        """

    @Test func blocksWithoutTitlesAreTheMeetingsItems() throws {
        let document = try parse(Self.page)
        #expect(document.meeting?.body == "Økonomiudvalget")
        #expect(document.meeting?.date == "2031-06-12")
        #expect(document.cases.map(\.title) == ["", ""])
        #expect(document.cases.flatMap(\.decisions).map { "\($0.body ?? "-") \($0.date ?? "-")" } == ["Økonomiudvalget 2031-06-12", "Økonomiudvalget 2031-06-12"])
    }

    @Test(arguments: [
        ("fold alle punkter [ud] [ind]", "fold alle punkter"),
        ("luk alle punkter [luk]", "luk alle punkter"),
        ("budget [2031]", "budget"),
        ("budget", "budget"),
    ])
    func bracketedLinkTextsEndALine(_ line: String, _ bare: String) {
        #expect(TextCleaner.withoutBracketedLinks(line) == bare)
    }
}

extension TitlelessMeetingPageTests {
    /// "Konstituerende møde i Kommunalbestyrelsen" over the date on a line of its own names the body.
    @Test(arguments: [
        ("Konstituerende møde i Kommunalbestyrelsen", "Kommunalbestyrelsen"),
        ("Ekstraordinært møde i Udvalget for Klima og Natur", "Udvalget for Klima og Natur"),
        ("Møde i Egeby Seniorråd", "Egeby Seniorråd"),
        ("Møde i Kulturhuset", nil),
    ] as [(String, String?)])
    func aMeetingsTitleNamesItsBody(_ title: String, _ body: String?) throws {
        let document = try parse("\(title)\n\n03-12-2031\n\nSager 1 - 2\n\nValg af formand\nSag nr. 1\n\nBeslutning\n\nEva Holm blev valgt.\n")
        #expect(document.meeting?.body == body)
        #expect(document.meeting?.date == "2031-12-03")
    }
}

extension TitlelessMeetingPageTests {
    /// Blocks that lost their titles ("Resume" / … / "Beslutning" / "Godkendt" / "Resume" / …):
    /// the decision's text above the next block is no title, and a recommendation's numbered
    /// list after "…, at" opens no item.
    @Test func aDecisionsTextIsNoTitleOfTheNextBlock() throws {
        let text = """
            Referat

            Onsdag d. 3 december 2031

            UdvalgKommunalbestyrelsen

            Resume

            Dagsordenen lægges frem til godkendelse.

            Beslutning

            Godkendt

            Resume

            Den nye kommunalbestyrelse vælger sin formand først.

            Indstilling

            Forvaltningen indstiller til kommunalbestyrelsen, at

            1. Formanden vælges ved flertalsvalg blandt medlemmerne.

            Beslutning

            Eva Holm blev valgt som formand.
            """
        let document = try parse(text)
        #expect(document.cases.map(\.title) == ["", ""])
        #expect(document.cases.map(\.decisions.count) == [1, 1])
    }
}

extension TitlelessMeetingPageTests {
    /// A page whose second item lost its title line: its case number and officer over its first
    /// heading, right after the first item's decision, open an untitled item. "Kategori:" labels
    /// the body.
    @Test func aCaseNumberOverAHeadingAfterADecisionOpensAnItem() throws {
        let text = """
            Kategori: Kultur- og Fritidsudvalget
            Type: Referat
            Mødedato: Mandag 28. november 2031

            156. Godkendelse af dagsorden

            Sagsnr: 00.01.00-P35-7-31 Sagsansvarlig: Eva Holm

            Beslutning i Kultur- og Fritidsudvalget den 28. november 2031

            Godkendt.

            Sagsnr: 01.02.05-P16-4-31 Sagsansvarlig: Bo Berg

            Sagsfremstilling

            Lokalplanen for det gamle rådhus ophæves, da bygningen er solgt.
            """
        let document = try parse(text)
        #expect(document.meeting?.body == "Kultur- og Fritidsudvalget")
        #expect(document.cases.map(\.title) == ["Godkendelse af dagsorden", ""])
        #expect(document.cases.map(\.caseNumber) == ["00.01.00-P35-7-31", "01.02.05-P16-4-31"])
    }
}
