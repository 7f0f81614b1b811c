@testable import ReferatEngine
import ReferatTestSupport
import Testing

/// Positions are stored per document and field; a phrase matches where its terms stand at
/// consecutive positions in one field. Checked against the generated documents themselves.
@Suite struct PhraseTests {
    static let corpus = GeneratedCorpus(documents: 800, vocabulary: 150, seed: 3)

    static let searcher: Searcher = {
        let (folder, manifest) = try! corpus.writeSegments(budget: 150_000)
        return Searcher(segments: manifest.segments.map { try! SegmentReader(path: folder + "/" + $0) }, weights: GeneratedCorpus.weights)
    }()

    /// Each document's fields as term by position, to read phrases off.
    static let termAt: [[[UInt32: [UInt8]]]] = corpus.documents.map { d in
        d.fields.map { tokens in Dictionary(tokens.map { ($0.position, $0.term) }, uniquingKeysWith: { a, _ in a }) }
    }

    /// The documents holding the phrase, by reading every document's fields.
    static func bruteForce(_ phrase: [[UInt8]]) -> [Int] {
        termAt.indices.filter { d in
            termAt[d].contains { at in
                at.contains { position, term in term == phrase[0] && phrase.indices.allSatisfy { at[position + UInt32($0)] == phrase[$0] } }
            }
        }
    }

    @Test func phrasesMatchWhereTheTermsStandInOrder() throws {
        #expect(Self.searcher.segments.count >= 2)
        var rng = SeededGenerator(state: 9)
        var nonEmpty = 0
        for q in 0..<200 {
            let phrase: [[UInt8]]
            if q % 2 == 0 {
                // Taken from a document, so that it matches at least there.
                let d = Self.corpus.documents[Int.random(in: 0..<Self.corpus.documents.count, using: &rng)]
                let body = d.fields[2]
                let n = min(body.count, Int.random(in: 2...3, using: &rng))
                let start = Int.random(in: 0...(body.count - n), using: &rng)
                phrase = body[start..<(start + n)].map(\.term)
            } else {
                phrase = (0..<2).map { _ in Self.corpus.vocabulary[Int.random(in: 0..<12, using: &rng)] }
            }
            let found = try Self.searcher.phrase(phrase)
            #expect(found == Self.bruteForce(phrase), "\(phrase.map { String(decoding: $0, as: UTF8.self) })")
            if !found.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty >= 100)
    }
}
