@testable import ReferatParsing
import ReferatRecords
import Testing

/// Shapes the eighth held-out set of real pages brought (docs/layouts.md, "Checked on pages the
/// survey did not see", ninth round), each written anew with invented names, numbers and
/// sentences.
@Suite struct NinthSurveyTests {
    @Test(arguments: [
        ("Palle Vang- Nielsen", "Palle Vang-Nielsen"),
        ("Palle Vang-  Nielsen (A)", "Palle Vang-Nielsen"),
        ("Eva Holm-Berg", "Eva Holm-Berg"),
        ("Lars von Holt", "Lars von Holt"),
    ])
    func aDoubleNameBrokenAtALinesEndIsOneName(_ text: String, _ name: String) {
        #expect(PeopleParser.person(text)?.name == name)
    }

    @Test(arguments: [
        ("1 Byrådet BESLUTNINGSPROTOKOL Sted: Salen Dato: Tirsdag den 9. oktober 2029 Medlemmer: Fraværende: Ole Brink (A) Lise Dam (A) Hans Ravn (V)",
         [String]()),
        ("1 Byrådet BESLUTNINGSPROTOKOL Sted: Salen Dato: Tirsdag den 9. oktober 2029 Medlemmer: Kim Hald Fraværende: Ole Brink (A) Lise Dam (A)",
         ["Ole Brink", "Lise Dam"]),
        ("2 Byrådet 22. marts 2029 Side: 2 Fraværende: Ida Krog, Palle Vang- Nielsen. Til behandling forelå: Lån til ny hal",
         ["Ida Krog", "Palle Vang-Nielsen"]),
    ])
    func namesAfterLabelsInARowAreNoAbsentees(_ line: String, _ absent: [String]) {
        #expect((AbsenceProse.read(line)?.absent ?? []).map(\.name) == absent)
    }

    @Test func aProtocolWhoseMemberAndAbsenceColumnsRanTogetherNamesNoAbsentee() throws {
        let text = "Kommunalbestyrelsen BESLUTNINGSPROTOKOL\n\nTranskript\n\n1 Kommunalbestyrelsen BESLUTNINGSPROTOKOL Sted: Mødesalen, "
            + "rådhuset Dato: Tirsdag den 9. oktober 2029 Start kl.: 17:00 Slut kl.: 19:10 Medlemmer: Fraværende: Ole Brink (A) Lise Dam (A) "
            + "Hans Ravn (V) Tove Eg (V) Engby Kommune\n\n2 Indholdsfortegnelse Side 1. Spørgetid Ny cykelsti langs Åvej\n"
        let document = try parse(text)
        #expect(document.meeting?.absent ?? [] == [])
        #expect(document.kind == .minutes)
    }
}

extension NinthSurveyTests {
    @Test(arguments: [
        ("Lars von Holt deltog ikke i punkt 3-7; stedfortræder Mette Bach", "Lars von Holt", "punkt 3-7"),
        ("Lars von Holt deltog ikke i punkt 3-7 - Mette Bach mødte som stedfortræder", "Lars von Holt", "punkt 3-7"),
        ("Lars von Holt deltog ikke i punkt 3-7 pga. sygdom", "Lars von Holt", "punkt 3-7 pga. sygdom"),
    ])
    func aSubstituteAfterTheItemsIsNoPartOfTheReason(_ line: String, _ name: String, _ reason: String) throws {
        let found = try #require(AbsenceProse.read(line))
        #expect(found.notParticipating.map(\.name) == [name])
        #expect(found.notParticipating.first?.reason == reason)
        #expect(!found.absent.contains { $0.name == "Mette Bach" })
    }
}

extension NinthSurveyTests {
    @Test(arguments: ["2a. ", "2.a ", "2 a. ", "a) "])
    func subItemsStayPartsOfTheirItem(_ mark: String) throws {
        let second = mark.replacing("a", with: "b")
        let text = "Referat\nTeknikudvalget\nMødedato: 14. marts 2029\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n2. Meddelelser\n"
            + "\(mark)Meddelelser fra formanden\nFormanden fortalte om vejarbejdet på Engvej.\n\(second)Meddelelser fra direktøren\n"
            + "Direktøren fortalte om regnskabet.\nBeslutning\nTaget til efterretning.\n\n3. Evt.\nBeslutning\nIntet.\n"
        let document = try parse(text)
        #expect(document.cases.map(\.number) == ["1", "2", "3"])
        #expect(document.cases.map(\.title) == ["Godkendelse af dagsorden", "Meddelelser", "Evt."])
        #expect(document.cases.map(\.decisions.count) == [1, 1, 1])
    }
}

extension NinthSurveyTests {
    @Test(arguments: [
        ("3 1. Lån til ny hal Åben sag Sagsnr.: 28/10057 Sagsansvarlig: abc.of Fraværende: Afbud: Ida Krog, Ole Dahl, Kim Lund. Dagsordenen blev godkendt.",
         ["Ida Krog", "Ole Dahl", "Kim Lund"]),
        ("Mødeleder: Eva Holm Fraværende: Ole Brink (A) Lise Dam (IA) Deltagende suppleant: Bo Berg (A) Ib Lund (IA) Referent: Kaj Moe",
         ["Ole Brink", "Lise Dam"]),
        ("Hans Ravn (B) var fraværende. I stedet deltog Kim Lund (B) Tove Eg (V) var fraværende. I stedet deltog Åse Kirk (V).",
         ["Hans Ravn", "Tove Eg"]),
    ])
    func absenceLabelsInARowAndPartiedRunsNameTheAbsent(_ line: String, _ absent: [String]) {
        #expect((AbsenceProse.read(line)?.absent ?? []).map(\.name) == absent)
    }
}

extension NinthSurveyTests {
    @Test(arguments: [
        ("Fraværende:\nAfbud: Ida Krog, Ole Dahl\n", ["Ida Krog", "Ole Dahl"]),
        ("Fraværende: Ida Krog\n", ["Ida Krog"]),
        ("Fraværende:\n", [String]()),
    ])
    func absenteesAmongAnItemsFieldsAreItsDecisionsAbsentees(_ fields: String, _ absent: [String]) throws {
        let text = "Referat til Kommunalbestyrelsen\nMødedato: Tirsdag den 12. juni 2029\n\n1. Godkendelse af dagsorden\nÅben sag\n"
            + "Sagsnr.: 29/10057\n\(fields)RESUMÉ\nGodkendt.\nBESLUTNING\nGodkendt.\n\n2. Meddelelser\nÅben sag\nSagsnr.: 29/10058\n"
            + "BESLUTNING\nTaget til efterretning.\n"
        let document = try parse(text)
        #expect(document.cases.map(\.number) == ["1", "2"])
        #expect(document.cases.first?.decisions.first?.absent.map(\.name) == absent)
        #expect(document.cases.last?.decisions.first?.absent.map(\.name) == [])
    }
}

extension NinthSurveyTests {
    @Test(arguments: [
        ("Mødedato\n14. marts 2029\nFraværende\nBo Kjær (A)\nEva de Lange (V)\nDeltagere\nIb Holm\n", "2029-03-14", ["Bo Kjær", "Eva de Lange"]),
        ("Mødedato:\n14. marts 2029\nAfbud:\nBo Kjær\n", "2029-03-14", ["Bo Kjær"]),
    ])
    func aHeaderLabelsValueOnTheLinesBelowIsRead(_ header: String, _ date: String, _ absent: [String]) throws {
        let text = "Referat\nØkonomiudvalget\n\(header)\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n2. Salg af grund\nBeslutning\nGodkendt.\n"
        let document = try parse(text)
        #expect(document.meeting?.date == date)
        #expect(document.meeting?.absent.map(\.name) == absent)
        #expect(document.cases.map(\.number) == ["1", "2"])
    }
}
