@testable import ReferatParsing
import ReferatRecords
import Testing

/// The names of deciding bodies (`MinutesVocabulary.bodyEndings`): besides committees, councils
/// and boards, the commissions and appeal boards municipalities keep by law
/// ("Beredskabskommissionen", "Klagenævnet"), whose minutes name the meeting by them.
@Suite struct BodyNameTests {
    @Test(arguments: [
        ("Beredskabskommissionen", true), ("Den fælles beredskabskommission", true), ("Klagenævnet", true),
        ("Huslejenævn", true), ("Økonomiudvalget", true), ("Ældrerådet", true),
        ("Ældreområdet", false), ("Kommissorium", false), ("Sagsfremstilling", false),
    ])
    func endsLikeABody(_ name: String, _ body: Bool) {
        #expect(MinutesVocabulary.endsLikeBody(name) == body)
    }

    @Test(arguments: [
        ("Beredskabskommissionsmødet", "Beredskabskommissionen"), ("klagenævnsmøde", "Klagenævnet"),
        ("Byrådsmødet", "Byrådet"), ("Udvalgsmøde", nil),
    ] as [(String, String?)])
    func aMeetingCompoundNamesItsBody(_ word: String, _ body: String?) {
        #expect(MinutesVocabulary.bodyOfMeetingCompound(word) == body)
    }

    struct Head: CustomTestStringConvertible, Sendable {
        var name: String
        var head: String
        var body: String
        var testDescription: String { name }
    }

    /// A page headed by a commission's or board's name: the meeting is that body's, and every
    /// bare "Beslutning" takes it and the meeting's date.
    @Test(arguments: [
        Head(name: "commission - Referat", head: "Beredskabskommissionen - Referat\nDato: 14. september 2029\n", body: "Beredskabskommissionen"),
        Head(name: "appeal board, Referat fra mødet", head: "Referat fra mødet i Klagenævnet\nden 3. juni 2030\n", body: "Klagenævnet"),
    ])
    func decisionsTakeTheBodyThePageIsHeadedBy(_ head: Head) throws {
        let text = head.head + "\n1. Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n\n2. Ansøgning om dispensation\n\nBeslutning\nAnsøgningen blev imødekommet.\n"
        let document = try parse(text)
        #expect(document.meeting?.body == head.body)
        #expect(document.cases.count == 2)
        #expect(document.cases.flatMap(\.decisions).map(\.body) == [head.body, head.body])
        #expect(document.cases.flatMap(\.decisions).allSatisfy { $0.date != nil })
    }

    /// A body, a comma and a date is a step's header; a title that speaks of a meeting of the
    /// body before the same comma and date is not.
    @Test(arguments: [
        ("Plan- og Miljøudvalget, 24.10.2016", "Plan- og Miljøudvalget"),
        ("Godkendelse af referat fra møde i Fritidsudvalget, den 12.03.2031", nil),
        ("Dagsorden for mødet i Økonomiudvalget, den 3. maj 2030", nil),
    ] as [(String, String?)])
    func aBodyAndADateMakeAStep(_ line: String, _ body: String?) {
        #expect(DecisionHeader.parse(line)?.body == body)
    }
}
