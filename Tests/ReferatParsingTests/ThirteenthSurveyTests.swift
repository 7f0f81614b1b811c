@testable import ReferatParsing
import ReferatRecords
import Testing

/// Shapes the twelfth held-out set of real pages brought (docs/layouts.md, "Checked on pages
/// the survey did not see", ninth look: school boards, utility boards, committees named by
/// their fields, one item's page with its decision first), each written anew with invented
/// names, numbers and sentences.
@Suite struct ThirteenthSurveyTests {
    func parse(_ text: String) throws -> Document {
        try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
    }

    @Test(arguments: [
        ("Samarbejde med Vesterby Vandværk (B)", nil),
        ("Aftale om Nordhavn Genbrug (O)", nil),
        ("Dorthe la Cour (V)", "Dorthe la Cour"),
        ("Luis da Silva (A)", "Luis da Silva"),
    ] as [(String, String?)])
    func onlyTheVocabularysParticlesJoinAName(_ line: String, _ name: String?) {
        #expect(PeopleParser.person(line)?.name == name)
    }
}

extension ThirteenthSurveyTests {
    @Test(arguments: [
        ("Social og sundheds møde den 17. april 2028", "Social og sundhed"),
        ("Skole, klub og SFOs møde den 3. maj 2028", "Skole, klub og SFO"),
        ("Økonomiudvalgets møde den 21. januar 2028", "Økonomiudvalget"),
    ])
    func aCommitteeNamedByItsFieldsNamesTheMeeting(_ line: String, _ body: String) throws {
        let meeting = try #require(MeetingHeaderParser.parse([SourceLine(number: 1, text: line)]))
        #expect(meeting.body == body)
    }

    @Test(arguments: ["Orientering om Ældrerådets møde den 3. maj 2028", "Referat fra sidste møde den 3. maj 2028"])
    func aTitleAboutAnotherMeetingNamesNoBody(_ line: String) {
        #expect(line.firstMatch(of: MeetingHeaderParser.genitiveMeeting) == nil)
    }
}

extension ThirteenthSurveyTests {
    @Test func oneItemsPageWithItsDecisionFirstIsOneItem() throws {
        let document = try parse("Vejudvalget\nReferat • 8. marts 2028 kl. 15.00\nIndhold\nBeslutning i Vejudvalget den 08-03-2028\nGodkendt.\n"
            + "Indstilling\nEva Holm (A) foreslår en ny sti.\nSagsfremstilling\nStien kan anlægges i år.\n")
        let item = try #require(document.cases.first)
        #expect(document.cases.count == 1)
        #expect(item.title == "")
        #expect(item.decisions.map(\.body) == ["Vejudvalget"])
        #expect(item.decisions.map(\.date) == ["2028-03-08"])
    }
}
