@testable import ReferatParsing
import ReferatRecords
import Testing

/// Shapes the fifteenth held-out set of real pages brought (PDF transcripts of councils',
/// committees' and boards' minutes; docs/layouts.md, "Checked on pages the survey did not
/// see"), each written anew with invented names, numbers and sentences.
@Suite struct SixteenthSurveyTests {
    @Test(arguments: [
        ("Tid og sted: Torsdag 14. marts 2030, kl. 10.00 Havnehuset", "2030-03-14"),
        ("Tid og sted: 2. maj 2030 i Havnehuset", "2030-05-02"),
    ])
    func timeAndPlaceLabelDatesTheMeeting(_ header: String, _ date: String) throws {
        let document = try parse("Referat\n\n" + header + "\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n")
        #expect(document.meeting?.date == date)
    }
}
