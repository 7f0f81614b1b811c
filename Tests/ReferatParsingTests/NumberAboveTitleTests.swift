@testable import ReferatParsing
import ReferatRecords
import Testing

/// Plain minutes on a web page may print each item's number on a line of its own over the
/// title ("3." / "Ældremessen" / the minutes): a run of them counting up, each with text
/// before the next, is the items. A table of contents in the same shape has only page
/// numbers between its titles.
@Suite struct NumberAboveTitleTests {
    struct Page: CustomTestStringConvertible, Sendable {
        var name: String
        var body: String
        var titles: [String]
        var testDescription: String { name }
    }

    static let header = "Referat fra møde i Egeby Seniorråd torsdag 12. marts 2031\n\nFraværende:\nKaj Berg og Rita Krog, begge med afbud.\n\n"

    @Test(arguments: [
        Page(name: "numbers over titles, minutes between",
             body: "1.\nGodkendelse af dagsordenen\nGodkendt.\n\n2.\nMessen for seniorer\n\nPlakater blev delt ud på mødet.\n\n3.\nSiden sidst\n\n3.1 Besøg på plejecentret\n3.2 Temadag i maj\n",
             titles: ["Godkendelse af dagsordenen", "Messen for seniorer", "Siden sidst"]),
        Page(name: "a contents' page numbers between titles",
             body: "Indholdsfortegnelse\n\n1.\n\nGodkendelse af dagsordenen\n\n4\n\n2.\n\nMessen for seniorer\n\n6\n\n3.\n\nSiden sidst\n\n9\n",
             titles: []),
        Page(name: "two numbers are no run",
             body: "1.\nGodkendelse af dagsordenen\nGodkendt.\n\n2.\nMessen for seniorer\n\nPlakater blev delt ud på mødet.\n",
             titles: []),
        // A general meeting's minutes may open with a title of one line; a contents list's
        // first entry ends in its page number ("1 Meddelelser 5"), and opens no run so.
        Page(name: "a first title of one line",
             body: "1. Velkomst v. Eva Holm\n\n2. Valg af dirigent\n\n• Kaj Berg blev valgt.\n\n3. Bestyrelsens beretning\n\n• Beretningen blev godkendt.\n\n4. Regnskab\n\n• Regnskabet blev godkendt.\n",
             titles: ["Velkomst v. Eva Holm", "Valg af dirigent", "Bestyrelsens beretning", "Regnskab"]),
        Page(name: "a contents list whose entries wrap",
             body: "Punkt nr. Side\n\n1 Meddelelser 5\n\n2 Forslag til lokalplan for et område ved kirken\n\nsamt tillæg til kommuneplanen 6\n\n3 Status for nye plejecentre og finansiering af\n\nindskud 13\n\n4 Forventede udgifter på socialområdet 18\n",
             titles: []),
    ])
    func aRunOfNumbersOverTitlesIsTheItems(_ page: Page) throws {
        let document = try parse(Self.header + page.body)
        #expect(document.cases.map(\.title) == page.titles)
        if !page.titles.isEmpty { #expect(document.cases.map(\.number) == page.titles.indices.map { String($0 + 1) }) }
    }
}

extension NumberAboveTitleTests {
    /// A PDF's extraction that runs the item's first text in after its opening heading
    /// ("Sagsfremstilling Udskudt til et senere møde …") confirms the numbered title above it.
    @Test(arguments: [
        ("Sagsfremstilling Udskudt til et senere møde.", ["Tilsyn med byggeri"]),
        ("Resumé Forvaltningen foreslår en ny praksis.", ["Tilsyn med byggeri"]),
        // A sentence that merely starts with the word is no heading.
        ("Sagsfremstilling og indstilling følger senere.", []),
    ])
    func aRunInHeadingConfirmsTheTitle(_ line: String, _ titles: [String]) throws {
        let text = "Planudvalget\n\nProtokol\n\n21-05-2031 kl. 09:00 Mødelokale 4\n\n1. Tilsyn med byggeri\n\n\(line)\n"
        #expect(try parse(text).cases.map(\.title) == titles)
    }
}

extension NumberAboveTitleTests {
    /// A parish council's own minutes number their titles "1)": a run of them is the items; the
    /// same numbers before sentences inside an item ("1) at …") are a list, not items.
    @Test func titlesNumberedWithAParenthesisAreARun() throws {
        let text = """
            Referat fra menighedsrådsmøde 8. sept. 2031

            Tilstede: Inge, Lars, Hans, Knud.

            1) Indledning v/ Knud.

            2) Godkendelse af dagsorden.
            Dagsorden godkendt.

            3) Kirkeværge:
            Der er bevilget penge til nye stole.
            Menighedsrådet indstiller:
            1) at stolene købes i år,
            2) at de gamle sælges.

            4) Kalender:
            Høstgudstjeneste 11.9.
            """
        let document = try parse(text)
        #expect(document.cases.map(\.number) == ["1", "2", "3", "4"])
        #expect(document.cases.map(\.title) == ["Indledning v/ Knud.", "Godkendelse af dagsorden.", "Kirkeværge", "Kalender"])
    }
}

extension NumberAboveTitleTests {
    /// A citizen's question numbered inside an item ("1. at planen …" / "2. Styrelsen anfører …")
    /// is a list: its second entry, a title's shape or not, opens no item.
    @Test func aListOfSentencesInsideAnItemOpensNoItem() throws {
        let text = """
            Byrådet

            Referat 4. februar 2031

            1. Spørgetid i Byrådet

            Sagsfremstilling

            Der er kommet et spørgsmål fra en borger, som lyder:

            1. at tillægget kommer til at følge vejledningen med et krav om vurdering af påvirkningen af turismen og fiskeriet?

            2. Styrelsen skriver på side

            Beslutning

            Borgmesteren svarede.
            """
        let document = try parse(text)
        #expect(document.cases.map(\.title) == ["Spørgetid i Byrådet"])
    }
}

extension NumberAboveTitleTests {
    /// A local council's own minutes may have an item of one line ("2. Præsentation af
    /// medlemmerne.") between items with text: still the run. Titles in a row with nothing
    /// between them are a table of contents.
    @Test(arguments: [
        ("1. Nyt fra formanden\nFormanden har været til møde i landsbyrådet.\n2. Præsentation af medlemmerne.\n3. Konstituering\nFormand: Arne\n4. Stisystemet\nKommunen svarer i maj.\n",
         ["Nyt fra formanden", "Præsentation af medlemmerne.", "Konstituering", "Stisystemet"]),
        ("1. Nyt fra formanden\n2. Præsentation af medlemmerne\n3. Konstituering\nFormand: Arne\n4. Stisystemet\n", []),
    ])
    func anItemOfOneLineStaysInTheRun(_ body: String, _ titles: [String]) throws {
        let document = try parse("Referat af lokalrådsmøde nr 7 mandag d. 14. marts 2031\n\n" + body)
        #expect(document.cases.map(\.title) == titles)
    }
}

extension NumberAboveTitleTests {
    /// A youth council's minutes: each number on its own line over a one-line item ("2." /
    /// "Godkendelse af indkaldelse – Godkendt"), and an apologies list whose name the line's end broke
    /// in two ("…, Emil" / "Strand, Oskar …").
    @Test func oneLineItemsUnderBareNumbersAndANameBrokenOverTwoLines() throws {
        let text = """
            Referat af Ungdomsrådsmøde
            Torsdag den 4. september 2031. kl. 19.00
            Afbud: Mads Kjær, Sofie Brandt,
            Lea Holt, Emil
            Strand, Oskar Lind, Ida Vester.
            1.
            Valg af ordstyrer – Lea
            2.
            Godkendelse af indkaldelse – Godkendt
            3.
            Meddelelser
            Mette er ansat som ny medarbejder i klubben.
            4.
            Vedtægter
            Vi gennemgår forslaget til nye vedtægter.
            """
        let document = try parse(text)
        #expect(document.cases.map(\.number) == ["1", "2", "3", "4"])
        #expect(document.meeting?.absent.map(\.name) == ["Mads Kjær", "Sofie Brandt", "Lea Holt", "Emil Strand", "Oskar Lind", "Ida Vester"])
    }
}

extension NumberAboveTitleTests {
    /// A parish council's title may be long and end in a point ("4. Godkendelse af det nye
    /// budgetbidrag vedrørende optagelse af lån til budgettet og arkivering af protokollen."):
    /// in a run it is still a title.
    @Test func aLongTitleEndingInAPointStaysInTheRun() throws {
        let text = """
            Referat af menighedsrådsmøde 31. august 2031

            1. Godkendelse af dagsordenen
            Godkendt.

            2. Meddelelser
            Formanden orienterede om kirkegårdens nye låger.

            3. Godkendelse af det nye budgetbidrag vedrørende eventuel optagelse af lån til kirketaget og arkivering af protokollen.
            Godkendt med bemærkning om lånets løbetid.

            4. Informationer fra udvalgene
            Kirkegårdsudvalget har holdt møde.
            """
        let document = try parse(text)
        #expect(document.cases.map(\.number) == ["1", "2", "3", "4"])
    }
}

extension NumberAboveTitleTests {
    /// A general meeting's title may run on into the item's first sentences ("6. Valg af
    /// bestyrelse. Det foreslås, at …"): still a title of the run, where its first sentence is
    /// one.
    @Test(arguments: [
        ("4. Valg af bestyrelse. Det foreslås, at Kaj Berg vælges.", ["Regnskab", "Kontingent", "Valg af bestyrelse. Det foreslås, at Kaj Berg vælges.", "Eventuelt"]),
        ("4. Valg af bestyrelse.", ["Regnskab", "Kontingent", "Valg af bestyrelse.", "Eventuelt"]),
    ])
    func aTitleMayRunOnIntoItsFirstSentences(_ line: String, _ titles: [String]) throws {
        let body = "2. Regnskab\n\nRegnskabet blev godkendt.\n\n3. Kontingent\n\nKontingentet blev fastsat til 100 kr.\n\n\(line)\n\nDe foreslåede blev valgt.\n\n5. Eventuelt\n\nIntet.\n"
        let document = try parse(Self.header + body)
        #expect(document.cases.map(\.title) == titles)
    }
}
