@testable import ReferatParsing
import ReferatRecords
import Testing

/// Shapes the second look at the held-out sets brought (docs/layouts.md, "Checked on pages the
/// survey did not see"), each written anew with invented names, numbers and sentences.
@Suite struct SixthSurveyMeetingTests {
    struct Title: CustomTestStringConvertible, Sendable {
        var line: String
        var body: String?
        var kind: String?
        var date: String?
        var testDescription: String { line }
    }

    @Test(arguments: [
        Title(line: "Rådsmøde 14.03.2028", body: nil, kind: "rådet", date: "2028-03-14"),
        Title(line: "Menighedsrådsmøde tirsdag den 4. april 2028", body: "Menighedsrådet", kind: nil, date: "2028-04-04"),
        Title(line: "Ekstraordinært bestyrelsesmøde 3/5 2028", body: nil, kind: "bestyrelsen", date: "2028-05-03"),
        Title(line: "Udvalgsmøde den 2. maj 2028", body: nil, kind: "udvalget", date: "2028-05-02"),
        Title(line: "Møde 14.03.2028", body: nil, kind: nil, date: nil),
        Title(line: "Generalforsamling 14.03.2028", body: nil, kind: nil, date: nil),
        Title(line: "Nyt om vejarbejdet efter mødet 14.03.2028", body: nil, kind: nil, date: nil),
    ])
    func aMeetingWordAndADateTitleThePage(_ title: Title) {
        let found = MeetingHeaderParser.meetingTitle(title.line)
        #expect(found?.body == title.body)
        #expect(found?.kind == title.kind)
        #expect(found?.date == title.date)
    }

    @Test(arguments: [
        ("Menighedsrådet godkendte regnskabet.\nFormanden orienterede menighedsrådet.\nByrådet har givet tilskud.", "Menighedsrådet"),
        ("Menighedsrådet godkendte regnskabet.\nByrådet har givet tilskud.", nil),
        ("Ældrerådets medlemmer drøftede sagen.\nÆldrerådet besluttede at svare.\nÆldreområdet og ældreområdets budget.", "Ældrerådet"),
    ] as [(String, String?)])
    func theCouncilOfAKindIsTheOneNamedMostOften(_ text: String, _ council: String?) {
        let lines = text.split(separator: "\n").enumerated().map { SourceLine(number: $0.offset + 1, text: String($0.element)) }
        #expect(MeetingHeaderParser.council(ending: "rådet", in: lines) == council)
    }

    @Test func decisionsUnderAParishCouncilsTitleTakeItsDate() throws {
        let text = "Rådsmøde 14.03.2028\n\nMødet holdes i sognegården kl. 19\n\n1 Godkendelse af dagsorden\nGodkendt\n\n"
            + "2 Regnskab for kirkegården\nMenighedsrådet godkendte regnskabet, og formanden skrev under.\n\n"
            + "3 Ny belysning i kirken\nUdskydes.\n\n4 Orientering fra menighedsrådets udvalg\nKassereren fortalte om tilbuddene.\n"
        let document = try parse(text)
        #expect(document.meeting?.date == "2028-03-14")
        #expect(document.meeting?.body == "Menighedsrådet")
        #expect(document.cases.map(\.number) == ["1", "2", "3", "4"])
        let decided = document.cases.filter { !$0.decisions.isEmpty }
        #expect(decided.map { $0.decisions[0].outcome } == [.approved, .approved, .postponed])
        #expect(decided.allSatisfy { $0.decisions[0].body == "Menighedsrådet" && $0.decisions[0].date == "2028-03-14" })
    }

    @Test(arguments: [
        ("Ældrerådet Mødedato Side Godkendelse af dagsorden", false),
        ("Ældrerådet Side Godkendelse af referat", false),
        ("Referat Ældrerådet", true),
        ("Ældrerådet - Dagsorden", true),
    ])
    func anApprovalTitleIsNoHeaderNamingTheRecord(_ line: String, _ isHeader: Bool) {
        #expect((MeetingHeaderParser.bodyAndDate(line) != nil) == isHeader)
    }

    /// A transcript (family E1) whose first item's page carries the running header before the
    /// title, after an empty page that kept only its number.
    @Test func theFirstItemOfATranscriptAfterAnEmptyPage() throws {
        let text = "Referat Ældrerådet\n\nTranskript\n\n"
            + "1 Referat Ældrerådet Mødedato: Mandag den 3. maj 2027 Mødetidspunkt: Kl. 9:00 Sluttidspunkt: Kl. 11:00 Mødested: Bemærkninger: Medlemmer: Anna Holm (A) Bo Berg (V) Fraværende: Bo Berg\n\n2\n\n"
            + "3 Ældrerådet Mødedato Side Godkendelse af dagsorden Åben sag Sagsnr.: Sagen afgøres i: Ældrerådet Indstilling Formanden indstiller: At dagsordenen godkendes Beslutninger Ældrerådet den Dagsordenen godkendt.\n\n"
            + "4 Ældrerådet Mødedato Side Budget for ældreområdet Åben sag Sagsnr.: 27/1234 Sagen afgøres i: Ældrerådet Indstilling Forvaltningen indstiller, at budgettet drøftes. Beslutninger Ældrerådet den Drøftet.\n"
        let document = try parse(text)
        #expect(document.cases.count == 2)
        #expect(document.cases.first?.title.hasSuffix("Godkendelse af dagsorden") == true)
        #expect(!document.cases.contains { $0.number == "2" })
    }

    @Test func aSupervisingAuthoritysLetterSentOnIsALetter() throws {
        let text = "Nordby Kommune Rådhustorvet 1. Kommunens sagsnr. 27/118 Der er i dag skrevet således til byrådsmedlem Eva Holm:\n\n"
            + "1 Nordby Kommune Dato: Tilsynet Der er i dag skrevet således til byrådsmedlem Eva Holm: Henvendelse om udvalgenes sammensætning. "
            + "Du har den 3. maj rettet henvendelse til tilsynet om en ændring af udvalgene, som efter din opfattelse er usaglig.\n"
        #expect(try parse(text).kind == .letter)
    }

    @Test(arguments: [
        ("Udskydes til et senere møde, da flere har meldt afbud.\n\nKassereren ønsker at udvalget ser på tilbuddene.", Outcome.postponed),
        ("Godkendt med den rettelse, at mødet flyttes.\n\nFormanden takkede for arbejdet.", Outcome.approved),
        ("Kassereren gennemgik tilbuddene.\n\nDer arbejdes videre med sagen.", nil),
    ] as [(String, Outcome?)])
    func plainMinutesMayStateTheOutcomeFirst(_ body: String, _ outcome: Outcome?) throws {
        let text = "Rådsmøde 14.03.2028\n\n1 Godkendelse af dagsorden\nGodkendt\n\n2 Ny belysning i kirken\n" + body + "\n\n3 Eventuelt\nIntet.\n"
        let item = try #require(parse(text).cases.first { $0.number == "2" })
        #expect(item.decisions.first?.outcome == outcome)
    }

    @Test func aNewsLineWithoutItemsNamesNoMeeting() throws {
        let document = try parse("Byrådsmøde 4. februar 2028\n\nByrådet vil drøfte den nye skole. Mødet er åbent for alle.\n")
        #expect(document.cases.isEmpty)
        #expect(document.meeting?.date == nil)
    }
}

@Suite struct SixthSurveyAbsenceTests {
    @Test func aSubstituteNamedForAFirstNameUnderTheLabel() throws {
        let lines = ["FRAVÆRENDE MED AFBUD:", "", "Lone er fraværende - Pia deltager i hendes sted", "",
                     "Jesper holder pause til sommer. Hans suppleant, Kim, deltager i stedet.", "",
                     "Mette har meldt afbud - suppleanten Ulla kan ikke deltage.", "",
                     "Bo deltog som suppleant for Lone.", "", "Beslutning"]
            .enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
        #expect(AbsenceList.read(lines, at: 0)?.absent.map(\.name) ?? [] == ["Lone", "Jesper", "Mette"])
    }

    @Test(arguments: [
        ("Fraværende: Den 8. juni 2028: Eva Holm (C). Den 9. juni 2028: Ingen.", ["Eva Holm"]),
        ("Afbud: den 3.5.2028: Bo Berg og Ib Lund", ["Bo Berg", "Ib Lund"]),
    ])
    func aDayOfATwoDayMeetingBeforeTheNames(_ line: String, _ names: [String]) throws {
        #expect(AbsenceList.read([SourceLine(number: 1, text: line)], at: 0)?.absent.map(\.name) ?? [] == names)
        // The same label inside a line a transcript flattened.
        #expect(AbsenceProse.read("Mødet Torsdag, Rådhuset " + line)?.absent.map(\.name) ?? [] == names)
    }

    @Test func aLongListOfNamesBeforeItsPredicate() throws {
        let names = ["Anna Bergholt Hansen", "Bo Lindgaard Berg", "Carla Mørch Nielsen", "Dennis Kragh Olsen", "Eva Sommer Lund",
                     "Finn Ravnsborg Holm", "Gitte Skovgaard Ny", "Hans Østergaard Dahl", "Ida Vestergaard Krog"]
        let line = names.dropLast().joined(separator: ", ") + " og " + names.last! + " deltog ikke i pkt. 14-19 og den lukkede dagsorden."
        #expect(AbsenceProse.read(line)?.notParticipating.map(\.name) ?? [] == names)
    }

    @Test func aReasonEndsWhereAGluedSentenceStarts() throws {
        let found = try #require(AbsenceProse.read("Rådmand Ole Dam forlod mødet efter pkt. 3.Borgmesteren orienterede om havnen."))
        #expect(found.notParticipating.map(\.reason) == ["efter pkt. 3"])
    }

    @Test(arguments: [
        ("Eva Holm forlod mødet kl. 19.15 efter behandlingen af punkt 3.", ["Eva Holm"]),
        ("Bo Berg (V) forlod mødet efter punkt 5.", ["Bo Berg"]),
        ("Bemærkninger Eva Holm forlod mødet efter sag nr. 3.", ["Eva Holm"]),
        ("Mødet blev hævet kl. 21.00.", []),
        ("Ole Dam (V) forlod mødet kl. 12.05 og kom tilbage kl. 12.40.", []),
        ("Eva Holm forlod mødet kl. 20.25 (pkt. 5) og vendte tilbage kl. 21.10 (pkt. 9).", []),
    ])
    func leavingTheMeetingIsNotTakingPartInTheRest(_ line: String, _ names: [String]) throws {
        #expect(AbsenceProse.read(line)?.notParticipating.map(\.name) ?? [] == names)
        #expect(AbsenceProse.read(line)?.absent ?? [] == [])
    }
}
