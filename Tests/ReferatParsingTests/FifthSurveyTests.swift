@testable import ReferatParsing
import ReferatRecords
import Testing

/// Shapes the fifth held-out set of real pages brought (docs/layouts.md, "Checked on pages the
/// survey did not see"), each written anew with invented names, numbers and sentences.
@Suite struct FifthSurveyItemTests {
    struct Shape: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var numbers: [String?]
        var titles: [String]
        var testDescription: String { name }
    }

    static let shapes: [Shape] = [
        Shape(name: "last list entry glued to the first item after a date with the month in words",
              text: "UDVALG\n\nUdvalget for Veje\n\nMØDE\n\nReferat\n\nPUNKTER\n\n71. Godkendelse af dagsorden til mødet d. 2. marts 2028\n72. Drøftelse af vintertjenesten\n73. Orienteringer til mødet den 2. marts 202871. Godkendelse af dagsorden til mødet d. 2. marts 2028\n\nGodkendelse af dagsorden til mødet d. 2. marts 2028\n\nIndstilling\nat dagsordenen godkendes.\n\nBeslutning i Udvalget for Veje den 02-03-2028\nGodkendt\n72. Drøftelse af vintertjenesten\n\nDrøftelse af vintertjenesten\n\nIndstilling\nat vintertjenesten drøftes.\n",
              numbers: ["71", "72"], titles: ["Godkendelse af dagsorden til mødet d. 2. marts 2028", "Drøftelse af vintertjenesten"]),
        Shape(name: "a title that opens with an ordinal in lower case",
              text: "Forretningsudvalget - referat 04-05-2028\n\nDagsorden\n\n 1. 2. økonomirapport for året\n 2. Budget for ambulancerne\n 3. Plan for psykiatrien\n\n1.      2. økonomirapport for året\n\nSagsnr:\n\n28/4410\n\nResumé\n\nRapporten viser årets første halvår.\n",
              numbers: ["1"], titles: ["2. økonomirapport for året"]),
        Shape(name: "plain agenda whose first items have no title of their own",
              text: "Dagsorden til møde den 4. juni 2028\n\nMenighedsrådet\n\n1. Fraværende: Eva Holm\n\n2. Bemærkninger til dagsordenen:\n\n3. Godkendelse af budget for kirkegården\nBudgettet gennemgås af kassereren.\n\n4. Regler for udlån af sognegården\nDer ønskes en drøftelse.\n\n5. Plan for høstgudstjenesten\nPræsten fremlægger en plan.\n\n6. Orientering fra formanden.\n\n7. Eventuelt.\n",
              numbers: ["1", "2", "3", "4", "5", "6", "7"],
              titles: ["Fraværende: Eva Holm", "Bemærkninger til dagsordenen", "Godkendelse af budget for kirkegården", "Regler for udlån af sognegården", "Plan for høstgudstjenesten",
                       "Orientering fra formanden.", "Eventuelt."]),
        Shape(name: "the meeting's room and an online meeting are no titles",
              text: "Referat\nMiljøudvalget tirsdag den 14. marts 2028 kl. 17.00\n\nMødelokale Engen\n\nSagsfremstilling\nUdvalget orienteres om vandløbene.\nBeslutning\nTil efterretning.\nSagsfremstilling\nDer søges om 2 mio. kr. til stier.\nBeslutning\nTiltrådt.\n",
              numbers: [nil, nil], titles: ["", ""]),
        Shape(name: "an online meeting under the header",
              text: "Referat\nKulturudvalget tirsdag den 21. marts 2028 kl. 16:30\n\nVia Microsoft Teams\n\nResume\n\nDer skal tages stilling til en ny lokalplan for havnen.\n\nSagsfremstilling\n\nPlanen giver mulighed for 80 boliger.\n\nBeslutning\n\nTiltrådt.\n",
              numbers: [nil], titles: [""]),
    ]

    @Test(arguments: shapes)
    func findsItems(_ shape: Shape) throws {
        let document = try parse(shape.text)
        #expect(document.cases.map(\.title) == shape.titles)
        #expect(document.cases.map(\.number) == shape.numbers)
    }

    @Test func anAgendasItemNamingTheAbsentOnItsTitleLine() throws {
        let document = try parse(Self.shapes[2].text)
        #expect(document.meeting?.absent.map(\.name) == ["Eva Holm"])
    }

    @Test func aRoomLineLeavesTheHeadlessBlocksTheirDecisions() throws {
        let document = try parse(Self.shapes[3].text)
        #expect(document.cases.map { $0.decisions.first.map { "\($0.body ?? "-") \($0.date ?? "-")" } ?? "none" }
            == ["Miljøudvalget 2028-03-14", "Miljøudvalget 2028-03-14"])
    }

    @Test func aPageOfOnlyDecisionsHasAnItemAtEachHeaderOfTheSameMeeting() throws {
        let text = "Regionsrådets beslutning den 9. maj 2028:\nDagsordenen blev godkendt.\nOle Brink (F) deltog ikke i sagens behandling.\nMødet sluttede kl. 18:40\nVenstre foreslår:\nRegionsrådets beslutning den 9. maj 2028:\nForslaget blev sendt til forretningsudvalget.\n"
        let document = try parse(text)
        #expect(document.cases.map { $0.decisions.first.map { "\($0.body ?? "-") \($0.date ?? "-")" } ?? "none" }
            == ["Regionsrådet 2028-05-09", "Regionsrådet 2028-05-09"])
        // Headers of two bodies are one item's history, not two items.
        let history = try parse("Økonomiudvalgets beslutning den 2. maj 2028:\nAnbefalet.\nRegionsrådets beslutning den 9. maj 2028:\nGodkendt.\n")
        #expect(history.cases.count < 2)
    }

    @Test func anItemTypeIsNoDecision() throws {
        let document = try parse("UDVALG\n\nPlanudvalget\n\nMØDE\n\nReferat\n\nSTARTTIDSPUNKT\n\n07-03-2028 08:00:00\n\n\nPUNKTER\n\n1. Bemærkninger til dagsordenen\n2. Meddelelser\n\n\n\n1. Bemærkninger til dagsordenen\n\nBemærkninger til dagsordenen\n\nPunkttype\nBeslutning.\n\nBeslutning Planudvalget den 07-03-2028\nGodkendt.\n\n\n2. Meddelelser\n\nMeddelelser\n\nPunkttype\nOrientering.\n\nBeslutning Planudvalget den 07-03-2028\n-\n")
        #expect(document.cases.map(\.decisions.count) == [1, 1])
        #expect(document.cases.first?.decisions.first?.outcome == .approved)
    }

    @Test func aListOfTheMeetingsItemsAboveOneItemIsTheMeeting() throws {
        let document = try parse("ORDINÆRT MØDE\n\nPunkter på dagsordenen\n\n  1. Godkendelse af dagsorden\n  2. Budget for hospitalerne\n  3. Plan for ambulancerne\n  4. Underskriftsark\n\nMedlemmer\n\n1. Godkendelse af dagsorden\n\nSagsfremstilling\n\nDagsordenen forelægges.\n")
        #expect(document.cases.count == 1)
        #expect(document.kind == .minutes)
    }
}

/// A document site's copy of a PDF (docplayer): its list of other documents names other
/// meetings, and the copy is a document, never a web article.
@Suite struct DocumentSiteTests {
    @Test func theListOfOtherDocumentsIsNotTheDocument() throws {
        let text = "Notat om møderne i foråret 2027\n\nRelaterede dokumenter\nMøde i Seniorrådet Dato: Onsdag den 8. maj 2026 kl Sted: Rådhuset\n\nAfbud: Ib Krogh Eksterne deltagere: Direktør Eva Lund deltog under punkt 4\n\nREFERAT. Møde i Seniorrådet Dato: Onsdag den 11. december 2026 kl Sted: Rådhuset\n\nAfbud fra: Jens Mose, Lise Tang og Ole Fris.\n"
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
        #expect(document.kind == .other)
        #expect(document.meeting?.absent.isEmpty ?? true)
    }

    @Test func theDocumentsTextAfterTheListIsRead() throws {
        let text = "Beslutninger fra mødet. Tirsdag kl Ordinært møde. Kulturudvalget\n\nSave this PDF as:\n WORD  PNG  TXT  JPG\n\nStørrelse: px\nStarte visningen fra side:\n\nDownload \"Beslutninger fra mødet. Tirsdag 4.05.2027 kl. 8.15. Ordinært møde. Kulturudvalget\"\n\nRelaterede dokumenter\nReferat fra møde i Byrådet den 3. maj 2027\n\nAfbud: Bo Lind\n\nTranskript\n\n1 Beslutninger fra mødet Tirsdag kl Ordinært møde Kulturudvalget\n\n2 KU = Kulturudvalget Fraværende: Bemærkninger til dagsorden: Meddelelser: Formanden orienterede om sommerens koncerter, som blev godt besøgt af byens borgere i alle aldre. Kulturudvalget Side 2\n"
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
        #expect(document.kind == .minutes)
        #expect(!document.text.contains("Byrådet den 3. maj"))
    }
}

/// Absence labels and sentences the fifth set brought, and words of a sentence under a label
/// that name a party or a committee, not a person.
@Suite struct FifthSurveyAbsenceTests {
    @Test(arguments: [
        ("Ej til stede: Eva Holm", ["Eva Holm"]),
        ("Fravær uden afbud: Bo Berg", ["Bo Berg"]),
        ("Fravær med afbud: Ib Lund, Kaj Moe", ["Ib Lund", "Kaj Moe"]),
    ])
    func labels(_ line: String, _ names: [String]) throws {
        #expect(AbsenceList.read([SourceLine(number: 1, text: line)], at: 0)?.absent.map(\.name) ?? [] == names)
    }

    @Test func aSentenceAboutPartiesUnderALabelNamesNobody() throws {
        let lines = ["Fraværende uden afbud:", "", "Da Venstre og Det Radikale Venstre ikke har besat deres pladser i Nordby Lokaludvalg, er udvalget 19.", "",
                     "Fravær med afbud:", "• Anna Krog – Per Lind deltager som suppleant", "• Det Konservative Folkepartis plads står tom indtil videre."]
            .enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
        #expect(AbsenceList.read(lines, at: 0)?.absent.map(\.name) ?? [] == [])
        #expect(AbsenceList.read(lines, at: 4)?.absent.map(\.name) ?? [] == ["Anna Krog"])
    }

    @Test func aPartyOnALineOfItsOwnBelongsToTheNameAbove() throws {
        let lines = ["Fraværende:", "", "Ole Brink", "", "(V)", "", "Tove Lund", "", "(F)", "", "", "Indholdsfortegnelse"]
            .enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
        let read = try #require(AbsenceList.read(lines, at: 0))
        #expect(read.absent.map(\.name) == ["Ole Brink", "Tove Lund"])
        #expect(read.absent.map(\.party) == ["V", "F"])
    }

    @Test func firstNamesUnderALabel() throws {
        let lines = ["FRAVÆRENDE MED AFBUD:", "", "Lone er fraværende - Pia deltager i hendes sted", "",
                     "Jesper har meldt afbud - suppleanten Kim kan ikke deltage.", "", "Formanden er fraværende.", "", "Beslutning"]
            .enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
        #expect(AbsenceList.read(lines, at: 0)?.absent.map(\.name) ?? [] == ["Lone", "Jesper"])
    }

    @Test(arguments: [
        ("1. Fraværende: Eva Holm", ["Eva Holm"]),
        ("2. Afbud: Bo Berg og Ib Lund", ["Bo Berg", "Ib Lund"]),
        ("1. Fraværende", []),
    ])
    func anAgendasFirstItemNamesTheAbsent(_ line: String, _ names: [String]) throws {
        #expect(AbsenceList.read([SourceLine(number: 1, text: line)], at: 0)?.absent.map(\.name) ?? [] == names)
    }

    @Test func declaringOneselfDisqualifiedIsNotTakingPart() throws {
        let found = try #require(AbsenceProse.read("Kaj Holm (S) erklærer sig inhabil i punkt 4 om naboens byggesag."))
        #expect(found.notParticipating.map(\.name) == ["Kaj Holm"])
    }
}
