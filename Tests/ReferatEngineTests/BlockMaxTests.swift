@testable import ReferatEngine
import ReferatTestSupport
import Testing

/// Block-max pruning skips blocks and documents that cannot reach the top k; it must never
/// change the answer. Over a generated corpus in several segments, for 1,200 random queries
/// (600 of each mode), the pruned top 10 (or top 1) equals exhaustive scoring's: the same
/// documents, scores, order.
@Suite struct BlockMaxTests {
    static let corpus = GeneratedCorpus(documents: 3000, vocabulary: 600, seed: 18)

    static let searcher: Searcher = {
        let (folder, manifest) = try! corpus.writeSegments(budget: 300_000)
        let segments = manifest.segments.map { try! SegmentReader(path: folder + "/" + $0) }
        return Searcher(segments: segments, weights: GeneratedCorpus.weights)
    }()

    @Test func theCorpusSpansSeveralSegmentsAndBlocks() throws {
        #expect(Self.searcher.segments.count >= 3)
        #expect(Self.searcher.segments.reduce(0) { $0 + $1.documentCount } == 3000)
        let common = Self.corpus.vocabulary[0]
        #expect(Self.searcher.documentFrequency(common) > 10 * SegmentFormat.blockSize)
    }

    @Test(arguments: [Searcher.Mode.any, .all])
    func prunedTopTenEqualsExhaustiveOnRandomQueries(_ mode: Searcher.Mode) throws {
        var rng = SeededGenerator(state: mode == .any ? 1 : 2)
        var differing = 0, nonEmpty = 0, scoredExhaustive = 0, scoredPruned = 0
        for q in 0..<600 {
            let n = Int.random(in: 1...4, using: &rng)
            // Mostly common terms (long postings, where pruning works), some rare, some absent.
            let terms = (0..<n).map { _ -> [UInt8] in
                let pick = Int.random(in: 0..<100, using: &rng)
                let rank = pick < 60 ? Int.random(in: 0..<20, using: &rng) : pick < 97 ? Int.random(in: 0..<600, using: &rng) : 600 + pick
                return rank < Self.corpus.vocabulary.count ? Self.corpus.vocabulary[rank] : Array("absent\(rank)".utf8)
            }
            let k = q % 7 == 0 ? 1 : 10
            let exhaustive = try Self.searcher.topK(terms, mode: mode, k: k, pruning: false)
            let pruned = try Self.searcher.topK(terms, mode: mode, k: k, pruning: true)
            if pruned.hits != exhaustive.hits {
                differing += 1
                if differing <= 3 { Issue.record("query \(q) \(terms.map { String(decoding: $0, as: UTF8.self) }): \(pruned.hits.prefix(3)) vs \(exhaustive.hits.prefix(3))") }
            }
            if !exhaustive.hits.isEmpty { nonEmpty += 1 }
            scoredExhaustive += exhaustive.scored
            scoredPruned += pruned.scored
            #expect(exhaustive.hits.count == min(k, exhaustive.matches ?? 0))
        }
        #expect(differing == 0)
        #expect(nonEmpty > 480)
        // Pruning must prune: fewer documents scored (far fewer for OR, where whole windows of
        // common terms fall below the threshold; AND candidates are rarer and mostly scored).
        #expect(mode == .any ? scoredPruned * 3 < scoredExhaustive * 2 : scoredPruned < scoredExhaustive,
                "\(scoredPruned) of \(scoredExhaustive) scored")
    }

    @Test func exhaustiveScoresAreBM25FOfEachDocument() throws {
        // One term, scored by hand from the generated documents.
        let term = Self.corpus.vocabulary[5]
        let hits = try Self.searcher.topK([term], mode: .any, k: 3, pruning: false).hits
        let scoring = Self.searcher.scoring
        let idf = scoring.idf(documentFrequency: Self.searcher.documentFrequency(term))
        for hit in hits {
            let fields = Self.corpus.documents[hit.document].fields
            #expect(Self.corpus.documents[hit.document].id == hit.id)
            let expected = scoring.score(idf: idf, frequency: { f in UInt32(fields[f].filter { $0.term == term }.count) },
                                         length: { f in UInt32(Set(fields[f].map(\.position)).count) })
            #expect(hit.score == expected)
        }
    }
}
