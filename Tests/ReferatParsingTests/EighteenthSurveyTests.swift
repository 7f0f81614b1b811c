@testable import ReferatParsing
import ReferatRecords
import Testing

/// Shapes the leftovers of held-out sets 15 and 16 and the first run of set 17 brought (boards'
/// and forums' PDF transcripts, absentees with their offices; docs/layouts.md, "Held-out set
/// 17"), each written anew with invented names, numbers and sentences.
@Suite struct EighteenthSurveyTests {
    struct Title: CustomTestStringConvertible, Sendable {
        var name: String
        var line: String
        var body: String?
        var kind: String?
        var date: String?
        var testDescription: String { name }
    }

    @Test(arguments: [
        // A plain "møde": the body follows "i", or stands as a name after the word.
        Title(name: "møde i a forum, running on", line: "8. møde i Egeby Vejforum den 14. maj 2031, kl. 10:00-15:00 efterfulgt af frokost kl",
              body: "Egeby Vejforum", date: "2031-05-14"),
        Title(name: "letters spaced out, then MØDE and a council", line: "R e f e r a t MØDE Egeby Seniorråd. Torsdag den 4. juni 2031 kl Salen, Rådhuset",
              body: "Egeby Seniorråd", date: "2031-06-04"),
        // A board's meeting at a place: the place is no body; the word names the kind.
        Title(name: "a board's meeting at a school", line: "Referat af bestyrelsesmøde på Egeby Gymnasium den 4. marts 2031. Mødet holdtes i lærerværelset",
              kind: "bestyrelsen", date: "2031-03-04"),
        Title(name: "a document site's download line", line: "Download \"Referat af bestyrelsesmøde på Egeby Gymnasium den 4. marts 2031.\"",
              kind: "bestyrelsen", date: "2031-03-04"),
        Title(name: "a council's meeting in a room", line: "Referat af ældrerådsmøde i Mødelokale 2 den 6. maj 2031",
              body: "Ældrerådet", date: "2031-05-06"),
        // Words that name no meeting's record before the word, or a sentence between it and the date.
        Title(name: "a plain møde and a date only", line: "Referat møde 14.03.2031"),
        Title(name: "a sentence before the meeting", line: "Borgerne blev inviteret til møde i Egeby Hallen den 4. marts 2031"),
        Title(name: "a sentence between meeting and date", line: "Referat af bestyrelsesmøde hvor regnskabet for 2030 blev godkendt den 4. marts 2031"),
        Title(name: "a plain møde at a place", line: "15. møde på Egeby Rådhus den 4. marts 2031"),
    ])
    func aTitleNamesTheMeetingAndItsDate(_ title: Title) {
        let found = MeetingHeaderParser.meetingTitle(title.line)
        #expect(found?.body == title.body)
        #expect(found?.kind == title.kind)
        #expect(found?.date == title.date)
    }

    @Test func aDocumentSitesFullTitleDatesTheDecisionsWhenTheShortOneLostTheYear() throws {
        let text = "Referat af bestyrelsesmøde på Egeby Gymnasium den 4. marts Mødet holdtes kl. 16.\n\nStarte visningen fra side:\n\n"
            + "Download \"Referat af bestyrelsesmøde på Egeby Gymnasium den 4. marts 2031. Mødet holdtes kl. 16.\"\n\nTranskript\n\n"
            + "1. Godkendelse af referat\n\nGodkendt.\n\n2. Budget for efteråret\n\nBestyrelsen godkendte budgettet.\n\n3. Eventuelt\n\nIntet.\n"
        let document = try parse(text)
        #expect(document.meeting?.date == "2031-03-04")
        #expect(document.meeting?.body == "Bestyrelsen")
        #expect(document.cases.flatMap(\.decisions).map(\.date) == ["2031-03-04", "2031-03-04"])
    }

    struct Absence: CustomTestStringConvertible, Sendable {
        var name: String
        var line: String
        var absent: [String]
        var testDescription: String { name }
    }

    @Test(arguments: [
        Absence(name: "offices in lower case", line: "formand Eva Holm, næstformand Bo Berg", absent: ["Eva Holm", "Bo Berg"]),
        Absence(name: "a seat's office", line: "elevrepræsentant Mads Lund og medarbejderrepræsentant Rita Krog", absent: ["Mads Lund", "Rita Krog"]),
        Absence(name: "capitalised offices", line: "Bestyrelsesmedlem Kaj Berg, Rådmand Ole Brink", absent: ["Kaj Berg", "Ole Brink"]),
        // A lower-case word that is no office still starts no name.
        Absence(name: "a lower-case word that is no office", line: "kassereren Eva Holm", absent: []),
    ])
    func anOfficeBeforeANameIsNoPartOfIt(_ absence: Absence) {
        #expect(PeopleParser.people(inList: absence.line).map(\.name) == absence.absent)
    }

    @Test func membersNamedByTheirOfficeInThePluralStayedOut() {
        let found = AbsenceProse.read("Udvalgsmedlemmerne Per Vinther og Sofie Krag deltog ikke i mødet.")
        #expect(((found?.absent ?? []).map(\.name) + (found?.notParticipating ?? []).map(\.name)).sorted() == ["Per Vinther", "Sofie Krag"])
    }
}

extension EighteenthSurveyTests {
    @Test(arguments: [
        // A name's initial closes no sentence; a capital word before the point does.
        ("Forslag fra Jan E. Holm og Eva L. Ny om en bænk", true),
        ("Forslag fra Per B. Vinther og Inge Ø. Mose", true),
        ("Mødet d. 18. september", true),
        ("Referatet blev godkendt. Intet nyt", false),
        ("Forslag fra Bo Berg. Eva Ny orienterede", false),
        ("Orientering om skolen I. Holm deltog", true),
    ])
    func aNamesInitialIsAnAbbreviation(_ text: String, _ abbreviations: Bool) {
        #expect(CaseSegmenter.pointsAreAbbreviations(text[...]) == abbreviations)
    }

    @Test func aLongLabelledTitleNamingItsMoversWithInitialsIsAnItem() throws {
        let movers = "Eva Holm, Kaj Berg, Rita Krog, Sofie Krag og Per B. Vinther og kommunalbestyrelsesmedlem Mads J. Lund, Inge Mose og Bo Dal"
        let text = "Referat til mødet i Kommunalbestyrelsen den 6. oktober 2031 kl. 19:00\n\nDagsordenspunkter\n\n"
            + "Pkt. 214 Forslag til beslutning fra rådmænd \(movers) om at opstille en bænk og et overdækket cykelskur ved hvert busstoppested\n\n"
            + "Sagsfremstilling\n\nBeslutningsforslaget blev oversendt til Magistraten.\n\n"
            + "Pkt. 215 Valg af nyt medlem til Egeby Havneråd\n\nBeslutning\n\nKommunalbestyrelsen tiltrådte indstillingen.\n"
        let document = try parse(text)
        #expect(document.cases.map(\.number) == ["214", "215"])
    }
}

extension EighteenthSurveyTests {
    @Test(arguments: [
        ("Kultur- og Fritidsudvalget godkender indstillingen.", "Kultur- og Fritidsudvalget"),
        ("Byrådet godkendte forslaget med 17 stemmer mod 4.", "Byrådet"),
        ("Børne- og Ungeudvalget tog orienteringen til efterretning.", "Børne- og Ungeudvalget"),
        // No body first, or no verb after it: no subject.
        ("Godkendt.", nil),
        ("Forvaltningen orienterede Byrådet om sagen.", nil),
        ("Byrådet: Godkendt.", nil),
    ] as [(String, String?)])
    func aDecisionOpeningWithABodyNamesItsBody(_ text: String, _ body: String?) {
        #expect(CaseParser.subjectBody(text) == body)
    }

    @Test func anItemPagesDecisionTakesTheBodyItOpensWith() throws {
        let text = "Ny ordning for leje af idrætshaller\n\n18.15.00-G01-3-31 -\n\nSagsfremstilling\n\nForvaltningen foreslår to takster.\n\n"
            + "Beslutning\n\nKultur- og Fritidsudvalget godkender indstillingen.\n"
        let document = try parse(text)
        #expect(document.cases.flatMap(\.decisions).map(\.body) == ["Kultur- og Fritidsudvalget"])
    }
}

extension EighteenthSurveyTests {
    @Test(arguments: [
        // A news heading names the council and a date, but no record of its meeting.
        ("Nyt fra byrådet den 12. marts 2031", false),
        ("Nyheder fra Kommunalbestyrelsen 12. marts 2031", false),
        ("Byrådet – Referat – 12. marts 2031", true),
        ("Referat fra byrådet 12. marts 2031", true),
    ])
    func aNewsHeadingIsNoMeetingHeader(_ line: String, _ header: Bool) {
        #expect((MeetingHeaderParser.bodyAndDate(line) != nil) == header)
    }
}

extension EighteenthSurveyTests {
    @Test(arguments: [
        ("1 Referat Byrådet Mødested: Rådssalen Medlemmer Eva Holm (hjevho) V Kaj Berg (kabe) V Fraværende Kaj Berg (kabe) V, Lone Dahl (lodah) Ø Bemærkninger",
         ["Kaj Berg", "Lone Dahl"], ["V", "Ø"]),
        ("1 Referat Byrådet Medlemmer Eva Holm (hjevho) V Fraværende Kaj Berg (kabe) V og Lone Dahl (lodah) Ø Bemærkninger",
         ["Kaj Berg", "Lone Dahl"], ["V", "Ø"]),
    ])
    func membersWithLoginAndPartyInATranscriptsHeader(_ line: String, _ names: [String], _ parties: [String]) {
        let absent = AbsenceProse.read(line)?.absent ?? []
        #expect(absent.map(\.name) == names)
        #expect(absent.compactMap(\.party) == parties)
    }
}

extension EighteenthSurveyTests {
    @Test(arguments: [
        ("Lone Dahl har meddelt, at hun vil være forhindret i at deltage i næste uges møde, da hun er på studietur.", ["Lone Dahl"]),
        ("Kaj Berg (V) har meddelt, at han er forhindret i at deltage i mødet.", ["Kaj Berg"]),
        // A leave that starts later says nothing of this meeting.
        ("Lars Bech har meddelt, at han holder orlov fra næste møde.", []),
    ])
    func aMemberWhoSaysHeIsPreventedIsAbsent(_ line: String, _ absent: [String]) {
        #expect((AbsenceProse.read(line)?.absent ?? []).map(\.name) == absent)
    }
}

extension EighteenthSurveyTests {
    static let localCouncil = "Dato: Onsdag den 9. april 2031\nAfbud: Lone, Mads\n\nMødet handlede om forslagene til den nye plan for landsbyens "
        + "fællesarealer, som blev gennemgået ét for ét og rettet.\n\nPlanen bliver lagt på lokalrådets hjemmeside, og Kaj laver en kort "
        + "præsentation til årsmødet i maj.\n"

    @Test(arguments: [
        // A title that calls itself the record names the meeting over a page without items.
        ("Referat af lokalrådsmøde (9. april 2031)", "Lokalrådet"),
        ("Referat af bestyrelsesmøde 9. april 2031", "Bestyrelsen"),
        // A headline naming a meeting may be a news page's: no body from it.
        ("Lokalrådsmøde 9. april 2031", nil),
    ] as [(String, String?)])
    func aRecordsTitleNamesTheMeetingOfAPageWithoutItems(_ title: String, _ body: String?) throws {
        let document = try parse(title + "\n\n" + Self.localCouncil)
        #expect(document.meeting?.body == body)
        #expect(document.meeting?.date == "2031-04-09")
    }
}

extension EighteenthSurveyTests {
    @Test(arguments: [
        ("1 12. februar 2031 Referat Deltagelse Til stede: Eva Holm (formand), Kaj Berg og Rita Krog.", "2031-02-12"),
        ("12.02.2031 Dagsorden Til stede: Eva Holm og Kaj Berg.", "2031-02-12"),
        // A date inside the text, or before words that name no record, dates no meeting.
        ("1 Til stede: Eva Holm. Referat af 12. februar 2031 blev godkendt.", nil),
        ("1 12. februar 2031 blev referatet godkendt af bestyrelsen.", nil),
    ] as [(String, String?)])
    func aTranscriptsFirstPageOpeningWithTheDateAndTheRecordDatesTheMeeting(_ line: String, _ date: String?) {
        #expect(MeetingHeaderParser.datedRecordOpening(line) == date)
    }
}

extension EighteenthSurveyTests {
    static let itemPage = "B-sag: Fordeling af puljen\n\n20.00.00-Ø00-4-31 -\n\nSagsresumé\n\nSagen handler om puljen.\n\n"

    @Test(arguments: [
        // A list under the item's "Indstilling", its last entry right above the decision.
        ("Indstilling\n\nForvaltningen indstiller, at udvalget godkender:\n\n1. Fordelingen som beskrevet.\n2. Fristen som beskrevet.\n\n"
            + "Beslutning\n\nKultur- og Fritidsudvalget godkender indstillingen.\n", 1),
        // Without a section heading since the title, the numbered lines are the page's items.
        ("1. Fordelingen af puljen\n2. Fristen for ansøgninger\n\nBeslutning\n\nGodkendt.\n", 2),
    ] as [(String, Int)])
    func aListInAnUnnumberedItemsSectionIsNoItem(_ body: String, _ items: Int) throws {
        let text = body.hasPrefix("Indstilling") ? Self.itemPage + body : "B-sag: Fordeling af puljen\n\n20.00.00-Ø00-4-31 -\n\n" + body
        #expect(try parse(text).cases.count == items)
    }
}
