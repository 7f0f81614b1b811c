@testable import ReferatParsing
import ReferatRecords
import Testing

/// Transcripts of a publishing system's PDFs whose item pages open with the body's name, the
/// title and the case officer after a slash over "Beslutningstema", whose contents page ends
/// with the apologies, and whose items are labelled "Punkt nr. 42:" inside the running text
/// (docs/layouts.md, E1). Written anew with invented names and titles.
@Suite struct KMDTranscriptTests {
    struct Page: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var first: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        Page(name: "a body, a title and its officer", text: "3 Økonomiudvalget Vejplan for havnen / Eva Holm Beslutningstema Godkendelse af vejplanen. Sagsbeskrivelse Planen skal følge budgettet. Indstilling Forvaltningen indstiller, at køreplanen godkendes.",
             first: "Vejplan for havnen"),
        Page(name: "a body of several words", text: "4 Kultur-, Fritids og Havneudvalget Nyt fra formanden / Bo Berg Beslutningstema Orientering. Sagsbeskrivelse Formanden orienterer om hallerne. Indstilling Forvaltningen indstiller, at orienteringen tages til efterretning.",
             first: "Nyt fra formanden"),
        Page(name: "no body before the title", text: "5 Salg af grund i Nørremark / Bo Berg Beslutningstema Salg af en grund. Sagsbeskrivelse Der er kommet et bud. Indstilling Forvaltningen indstiller, at buddet antages.",
             first: "Salg af grund i Nørremark"),
    ])
    func anItemsPageOpensWithItsTitle(_ page: Page) {
        let lines = FlattenedPage.split(page.text)
        #expect(lines.first == page.first)
        #expect(lines.dropFirst().first == "Beslutningstema")
    }

    @Test func theApologiesAtAContentsPagesEndGoOnALineOfTheirOwn() {
        let page = "2 Økonomiudvalget Punkter på åbent møde: 22. Vejplan for havnen Budget 2031 Salg af grund Punkter på lukket møde: Afbud: Eva Holm (A)"
        #expect(FlattenedPage.split(page) == ["Økonomiudvalget Punkter på åbent møde: 22. Vejplan for havnen Budget 2031 Salg af grund Punkter på lukket møde:",
                                              "Afbud: Eva Holm (A)"])
        // A label after the names keeps the line whole: the names may be another label's values.
        let labelled = "2 Økonomiudvalget Punkter på åbent møde: 22. Vejplan for havnen Budget 2031 Afbud: Eva Holm (A) Referent: Bo Berg"
        #expect(FlattenedPage.split(labelled) == [labelled])
    }

    /// The case officer's label, with or without its point, ends the title before it.
    @Test(arguments: ["Sagsbeh.:", "Sagsbeh:"])
    func theCaseOfficersLabelEndsTheTitle(_ label: String) {
        let page = "3 1. Valg af rådets medlemmer \(label) Eva Holm Sagsnr.: Sagsfremstilling Rådet vælges for fire år ad gangen."
        #expect(FlattenedPage.split(page).first == "1. Valg af rådets medlemmer")
    }

    @Test func aLabelledItemInsideThePageStartsItsLine() throws {
        let text = """
            MØDE I ØKONOMIUDVALGET FOR EGEBY KOMMUNE

            Transkript

            1 Referat MØDE I ØKONOMIUDVALGET FOR EGEBY KOMMUNE Tirsdag, den 14. marts 2031 Mødet afholdes i Byrådssalen

            2 ØKONOMIUDVALGET EGEBY KOMMUNE MØDEDATO: J.NR.: B07 SAGSNR.: 41 SAGSBEH.: EH Fraværende: Rita Krog og Jens Chr. Lund Punkt nr. 12: Forslag til ny mødeplan Sagsfremstilling Planen skal vedtages inden årets udgang. Beslutning Godkendt.
            """
        let document = try parse(text)
        #expect(document.cases.map(\.title) == ["Forslag til ny mødeplan"])
        #expect(document.cases.map(\.number) == ["12"])
        #expect(document.meeting?.absent.map(\.name) == ["Rita Krog", "Jens Chr. Lund"])
    }

    /// "3 Egeby Kommune Dato Side Havneudvalget Godkendelse af dagsorden Sagsnr.: 31/ Sagen
    /// afgøres i: …": the running header, its values lost with the digits, before each item's title.
    @Test func aMunicipalitysRunningHeaderIsNoPartOfTheTitle() throws {
        let text = """
            Havneudvalget. Referat. Dato 17. marts 2031.

            Transkript

            1 Havneudvalget Referat Dato 17. marts 2031 Mødetidspunkt 15:00 Sluttidspunkt 17:30 Mødested Havnekontoret

            2 Indholdsfortegnelse Sag nr. Side 1. Godkendelse af dagsorden Nyt fra formanden Eventuelt...7

            3 Egeby Kommune Dato Side Havneudvalget Godkendelse af dagsorden Sagsnr.: 31/ Sagen afgøres i: Havneudvalget Område: Havnekontoret - Sagsbeh: Eva Holm Sagsfremstilling Dagsordenen er sendt ud. Indstilling Havnefogeden foreslår, at den godkendes. Beslutning i Havneudvalget den Godkendt. 2

            4 Egeby Kommune Dato Side Havneudvalget Nyt fra formanden Sagsnr.: 29/ Sagen afgøres i: Havneudvalget Område: Havnekontoret - Sagsbeh: Eva Holm Sagsfremstilling Formanden fortæller om
            """
        let document = try parse(text)
        #expect(document.cases.map(\.title) == ["Godkendelse af dagsorden", "Nyt fra formanden"])
    }
}

extension KMDTranscriptTests {
    /// A transcript's page that opens with an item's label, number and title: the identity label
    /// after the title ends it ("2 Punkt 88 Budget 2032 J. nr Efter …"), or, with none, the
    /// title's own end ("3 Punkt 1. Velkomst. Eva Holm bød velkommen.").
    @Test(arguments: [
        ("2 Punkt 88 Budget 2032 og de følgende år J. nr Efter reglerne lægger formanden et forslag frem, som udvalget læser to gange.",
         "88", "Budget 2032 og de følgende år"),
        ("3 Punkt 1. Velkomst. Eva Holm hilste på de nye medlemmer, som var med for første gang, og gav ordet videre til sekretæren.",
         "1", "Velkomst"),
    ])
    func aPageOpensWithALabelledItem(_ page: String, _ number: String, _ title: String) throws {
        let text = "Referat fra Sammenlægningsudvalgets ordinære møde torsdag den 5. oktober 2031 på Egeby Rådhus PUNKTER VEDR. EGEBY KOMMUNE\n\nTranskript\n\n\(page)\n"
        let document = try parse(text)
        #expect(document.cases.map(\.number) == [number])
        #expect(document.cases.map(\.title) == [title])
        #expect(document.meeting?.body == "Sammenlægningsudvalget")
        #expect(document.meeting?.date == "2031-10-05")
    }
}

extension KMDTranscriptTests {
    /// A transcript's running header names the meeting before its page number ("Økonomiudvalget
    /// 17. juni 2031 Side: 5 …"); the identity labels whose values went with the digits ("Sagsnr
    /// J.nr") stand on a line of their own, so they confirm the title above them.
    @Test func theRunningHeaderDatesTheMeetingAndTheLostLabelsConfirmTheItem() throws {
        let text = """
            ØKONOMIUDVALGET FOR EGEBY KOMMUNE

            Transkript

            1 ØKONOMIUDVALGET FOR EGEBY KOMMUNE REFERAT FRA MØDE NR. 12 ONSDAG DEN 17. JUNI 2031, KL PÅ EGEBY RÅDHUS

            5 Økonomiudvalget 17. juni 2031 Side: 5 SAGER TIL UDVALGETS AFGØRELSE 412. Regnskab for legatet Sagsnr J.nr Legatet har aflagt regnskab med et lille overskud, som uddeles i august efter fundatsen.
            """
        let document = try parse(text)
        #expect(document.meeting?.body == "Økonomiudvalget")
        #expect(document.meeting?.date == "2031-06-17")
        #expect(document.cases.map(\.number) == ["412"])
        #expect(document.cases.map(\.title) == ["Regnskab for legatet"])
    }

    @Test(arguments: [
        ("Økonomiudvalget 17. juni 2031 Side: 5 SAGER TIL UDVALGETS AFGØRELSE", "Økonomiudvalget", "2031-06-17"),
        ("Kommunalbestyrelsen 22. marts 2031, Side 12", "Kommunalbestyrelsen", "2031-03-22"),
    ] as [(String, String?, String?)])
    func aRunningHeaderNamesItsMeeting(_ line: String, _ body: String?, _ date: String?) {
        let found = MeetingHeaderParser.bodyAndDate(line)
        #expect(found?.body == body)
        #expect(found?.date == date)
    }

    /// A transcript cut short inside a page's first lines: a shorter line that opens with the
    /// page's number and holds a label is still a flattened page.
    @Test func aPageCutShortIsStillSplit() {
        let page = "5 3. Meddelelser Åben sag Sagsnr.: 31/104 Sagsansvarlig: eh RESUMÉ A. Tilsynet,"
        #expect(FlattenedPage.split(page).first == "3. Meddelelser")
    }
}

extension KMDTranscriptTests {
    /// A transcript's running header of the body's name and "d" before the date the digits took
    /// ("Økonomiudvalget d ") is no part of the title that opens the page; a title that opens
    /// with such a word stays whole.
    @Test(arguments: [
        ("3 Økonomiudvalget d Valg af næstformand Åben sag Sagsnr.: 31/104 Sagsansvarlig: eh Fraværende: Afbud: Bo Berg INDSTILLING Sekretariatet foreslår, at Eva Ny vælges.",
         "Valg af næstformand"),
        ("4 Kulturudvalget den Nyt fra formanden Åben sag Sagsnr.: 31/105 Sagsansvarlig: eh Fraværende: Afbud: Bo Berg INDSTILLING Sekretariatet foreslår, at orienteringen noteres.",
         "Nyt fra formanden"),
        ("5 Dansk idræt i udvalget Åben sag Sagsnr.: 31/106 Sagsansvarlig: eh Fraværende: Afbud: Bo Berg INDSTILLING Sekretariatet anbefaler, at sagen drøftes.",
         "Dansk idræt i udvalget"),
    ])
    func aDatelessBodyHeaderIsNoPartOfTheTitle(_ text: String, _ first: String) {
        #expect(FlattenedPage.split(text).first == first)
    }
}
