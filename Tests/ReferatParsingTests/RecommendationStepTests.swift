@testable import ReferatParsing
import ReferatRecords
import Testing

/// A committee's recommendation on a line of its own between an item's recommendation and the
/// council's decision ("Økonomiudvalget anbefaler indstillingen."): a step of the item's
/// history, the committee's, undated; under the committee's own dated header the same sentence
/// is that step's decision and no second step.
@Suite struct RecommendationStepTests {
    struct Item: CustomTestStringConvertible, Sendable {
        var name: String
        var body: String
        var steps: [String?]
        var testDescription: String { name }
    }

    static let head = "Byrådet - Referat\nDato: 14. oktober 2030\n\n1. Lokalplan for Møllebakken\n\nIndstilling\nTeknik- og Miljøudvalget indstiller, at planen vedtages.\n\n"

    @Test(arguments: [
        Item(name: "one committee recommends", body: "Økonomiudvalget anbefaler indstillingen.\n\nBeslutning\nGodkendt.\n",
             steps: ["Økonomiudvalget", "Byrådet"]),
        Item(name: "two committees, one line each",
             body: "Teknik- og Miljøudvalget anbefaler indstillingen.\nØkonomiudvalget anbefaler Teknik- og Miljøudvalgets indstilling.\n\nBeslutning\nGodkendt.\n",
             steps: ["Teknik- og Miljøudvalget", "Økonomiudvalget", "Byrådet"]),
        Item(name: "the sentence under the committee's own header",
             body: "Beslutning i Økonomiudvalget den 2. oktober 2030\nØkonomiudvalget anbefaler indstillingen.\n\nBeslutning\nGodkendt.\n",
             steps: ["Økonomiudvalget", "Byrådet"]),
        Item(name: "a sentence that is no committee's", body: "Forvaltningen anbefaler indstillingen.\n\nBeslutning\nGodkendt.\n",
             steps: ["Byrådet"]),
    ])
    func aCommitteesRecommendationIsAStep(_ item: Item) throws {
        let document = try parse(Self.head + item.body)
        #expect(document.cases.count == 1)
        #expect(document.cases.first?.decisions.map(\.body) == item.steps)
    }
}
