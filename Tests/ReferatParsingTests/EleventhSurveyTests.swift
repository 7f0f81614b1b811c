@testable import ReferatParsing
import ReferatRecords
import Testing

/// Shapes the tenth held-out set of real pages brought (docs/layouts.md, "Checked on pages the
/// survey did not see", seventh look), each written anew with invented names, numbers and
/// sentences.
@Suite struct EleventhSurveyTests {
    @Test(arguments: [
        // Labels without colons, commas between the members, the absent column after the last member.
        ("Sted Medlemmer Fraværende Mødelokale 2, Rådhuset Eva Holm, Bo Berg, Ida Lund, Ole Dam, Ane Krog Bo Berg, Ole Dam Bemærkninger", ["Bo Berg", "Ole Dam"]),
        // Labels with colons, names after their parties, offices before two of them.
        ("Medlemmer: Fraværende: Formand: Eva Holm (A) Næstformand: Bo Berg (V) Ida Lund (C) Bo Berg Side 1", ["Bo Berg"]),
        ("Deltagere: Afbud: Eva Holm (A) Bo Berg (V) Ida Lund (C) Ole Dam (F) Ida Lund (C) Kommune", ["Ida Lund"]),
        // Nobody named twice: nobody absent.
        ("Medlemmer: Fraværende: Eva Holm (A) Bo Berg (V) Ida Lund (C) Kommune", []),
    ])
    func membersNamedTwiceInMergedColumnsAreAbsent(_ row: String, _ absent: [String]) throws {
        let found = try #require(MergedMemberColumns.absentees(inRow: row))
        #expect(found.map(\.name) == absent)
    }

    @Test(arguments: ["Medlemmer: Eva Holm (A) Bo Berg (V) Bo Berg (V)", "Fraværende: Bo Berg, Bo Berg", "Mødested: Rådhuset"])
    func withoutTheLabelRowNamesAreNotColumns(_ line: String) {
        #expect(MergedMemberColumns.absentees(inRow: line) == nil)
    }

    @Test func aRowCutAtItsLabelsGivesTheAbsentees() throws {
        // A flattened page's first paragraph, cut at its labels by FlattenedPage.
        let text = "Transkript\n\n1 Referat Ældreudvalget Mødedato: Tirsdag den 11. marts 2031 Mødested: Rådhuset Medlemmer: Fraværende: "
            + "Eva Holm (A) Bo Berg (V) Ida Lund (C) Bo Berg Side 1\n"
        let document = try parse(text)
        #expect(document.meeting?.absent.map(\.name) == ["Bo Berg"])
    }
}

extension EleventhSurveyTests {
    @Test(arguments: [
        ("Anna Holm Byrådssalen, Rådhuset Orientering kl : Ny plan v/ Bo Berg, Center for By", "Anna Holm"),
        ("Anna Holm, Bo Berg Mødelokale 3, Rådhuset", "Anna Holm, Bo Berg"),
        ("Anna Holm (mødte i Byrådssalen kl. 18), Bo Berg", "Anna Holm (mødte i Byrådssalen kl. 18), Bo Berg"),
        ("Anna Holm, Bo Berg", "Anna Holm, Bo Berg"),
    ])
    func aListEndsAtTheMeetingsPlace(_ line: String, _ list: String) {
        #expect(AbsenceList.beforePlace(line) == list)
    }

    @Test func aHeaderThatRunsIntoThePlaceNamesOnlyTheAbsent() throws {
        let text = "Transkript\n\n1 Referat Byrådet Mødedato: Mandag den 14. april 2031 Mødetidspunkt: Kl. 17:00 Deltagere: Jens Berg "
            + "Fraværende: Tove Rask Byrådssalen, Rådhuset Temamøde kl : Ny trafikplan v/ vejchef Anne Kofoed, Center for Vej og Park. Sagsoversigt Side\n"
        let document = try parse(text)
        #expect(document.meeting?.absent.map(\.name) == ["Tove Rask"])
    }
}

extension EleventhSurveyTests {
    @Test(arguments: [
        // A page of a longer book that starts inside an item: its decision history, forward in time.
        ("Beslutning Plan- og Trafikudvalget, 02.03.2031 Anbefales.\n\nØkonomiudvalget, 16.03.2031 Oversendes.\n\nByrådet, 24.03.2031 Godkendt.\n",
         [["Plan- og Trafikudvalget", "Økonomiudvalget", "Byrådet"]]),
        ("Økonomiudvalget, 16.03.2031 Anbefales.\n\nByrådet, 24.03.2031 Eva Holm var fraværende. Godkendt.\n", [["Økonomiudvalget", "Byrådet"]]),
        // Dates going back are no one item's history.
        ("Byrådet, 24.03.2031 Godkendt.\n\nØkonomiudvalget, 16.03.2031 Anbefales.\n", []),
        // One step alone is too little to tell.
        ("Byrådet, 24.03.2031 Godkendt.\n", []),
    ])
    func aPageInsideAnItemKeepsItsHistory(_ page: String, _ bodies: [[String]]) throws {
        let document = try parse("Referat af Byrådets møde 2031\n\nIndstilling Forvaltningen indstiller, at planen godkendes.\n\n" + page
            + "\nMade with FlippingBook - Online magazine maker\n")
        #expect(document.cases.map { $0.decisions.compactMap(\.body) } == bodies)
        if !bodies.isEmpty { #expect(document.kind == .minutes) }
    }
}

extension EleventhSurveyTests {
    @Test(arguments: [
        // An item number without its point, the title and the identity label: the page's one marker.
        ("4 71 Nye pladser på Solbakken Sagsnr.:31/2207 Sagen afgøres i: Ældreudvalget Sagsbeskrivelse: Solbakken har i et år haft flere på venteliste end pladser.",
         "71 Nye pladser på Solbakken"),
        // A page that goes on with an item: its step's header and a label after it.
        ("5 Pladserne koster 1,2 mio. kr. om året, som findes inden for rammen. Beslutning i Ældreudvalget den : Godkendt. Fraværende: Carl Storm Side 5",
         "Pladserne koster 1,2 mio. kr. om året, som findes inden for rammen."),
    ])
    func aTranscriptPageWithFewMarkersIsSplit(_ page: String, _ first: String) {
        #expect(FlattenedPage.split(page).first == first)
    }

    @Test(arguments: [
        // A paragraph that opens with an amount, and one marker: no page to split.
        "4 71 borgere står på venteliste til Solbakken, og Sagsnr.: står i bilaget, som også viser de 12 pladser: se side 3 for resten.",
        // One label and no step: a paragraph, not a page.
        "5 Pladserne koster 1,2 mio. kr. om året, som findes inden for rammen. Fraværende: Carl Storm, som havde meldt afbud kl. 9:30.",
    ])
    func aParagraphWithOneMarkerStaysWhole(_ text: String) {
        #expect(FlattenedPage.split(text) == [text])
    }
}

extension EleventhSurveyTests {
    @Test(arguments: [
        ("Beslutning i Sundhedsudvalget den : Godkendt.", "Sundhedsudvalget", "Godkendt."),
        ("Beslutning i Ældreudvalget den :", "Ældreudvalget", nil),
        ("Beslutning i Økonomiudvalget den", "Økonomiudvalget", nil),
    ])
    func aStepWhoseDateATranscriptLostKeepsItsDecision(_ line: String, _ body: String, _ text: String?) throws {
        let header = try #require(DecisionHeader.parse(line))
        #expect(header.body == body)
        #expect(header.date == nil)
        #expect(header.inlineText == text)
    }
}

extension EleventhSurveyTests {
    @Test(arguments: [
        // A surname printed in lower case among full names.
        ("Peter Holm, Gert winther og Lis Dam deltog ikke på mødet.", ["Peter Holm", "Gert winther", "Lis Dam"]),
        ("Gert winther, Peter Holm og Lis Dam var fraværende.", ["Gert winther", "Peter Holm", "Lis Dam"]),
        // A sentence's start before the comma is no name, with one full name after it.
        ("Formanden orienterede, Lis Dam deltog ikke på mødet.", ["Lis Dam"]),
        // The last name before the predicate keeps no lower-case word.
        ("Peter Holm og Lis Dam deltog ikke på mødet.", ["Peter Holm", "Lis Dam"]),
    ])
    func aListMayWriteASurnameInLowerCase(_ sentence: String, _ absent: [String]) throws {
        let found = try #require(AbsenceProse.read(sentence))
        #expect((found.absent.map(\.name) + found.notParticipating.map(\.name)) == absent)
    }
}
