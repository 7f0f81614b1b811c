@testable import ReferatParsing
import ReferatRecords
import Testing

/// An agenda whose cells a viewer ran together ("Punkt 15 minGodkendelse af dagsorden": item 1,
/// five minutes): the split that makes the items count on by one is taken, and nothing is
/// touched where no split does.
@Suite struct GluedItemDurationsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var lines: [String]
        var split: [String]
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(name: "items 1 to 3", lines: ["Punkt 15 minGodkendelse af dagsorden", "tekst", "Punkt 210 minNyt fra elevrådet", "Punkt 330 minBudget"],
             split: ["Punkt 1 Godkendelse af dagsorden", "tekst", "Punkt 2 Nyt fra elevrådet", "Punkt 3 Budget"]),
        Case(name: "numbers of two digits", lines: ["Punkt 1210 minBudget", "Punkt 1315 minPlan for skolevejen"],
             split: ["Punkt 12 Budget", "Punkt 13 Plan for skolevejen"]),
        Case(name: "one line alone is left", lines: ["Punkt 15 minGodkendelse af dagsorden", "Punkt 7 Eventuelt"],
             split: ["Punkt 15 minGodkendelse af dagsorden", "Punkt 7 Eventuelt"]),
        Case(name: "lines that do not count on are left", lines: ["Punkt 15 minGodkendelse", "Punkt 515 minBudget"],
             split: ["Punkt 15 minGodkendelse", "Punkt 515 minBudget"]),
    ])
    func theSplitThatCountsOnIsTaken(_ example: Case) {
        var lines = example.lines.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
        GluedItemDurations.split(&lines)
        #expect(lines.map(\.text) == example.split)
    }

    @Test func theItemsOfAnAulaAgendaAreTitled() throws {
        let text = "Dagsorden/Referat fra Skolebestyrelsesmøde\n\nDato: 11-02-2031 kl. 17:30-19:30\n\n"
            + "Punkt 15 minGodkendelse af dagsorden\n 17.30 - 17.35 \nPunkt 215 minNyt fra elevrådet\n 17.35 - 17.50Elevrådet holdt trivselsdag.\n"
            + "Punkt 330 minBudget for foråret\n 17.50 - 18.20Forbruget blev gennemgået.\n"
        let document = try parse(text)
        #expect(document.cases.map(\.title) == ["Godkendelse af dagsorden", "Nyt fra elevrådet", "Budget for foråret"])
        #expect(document.cases.map(\.number) == ["1", "2", "3"])
    }
}
