import Foundation

/// How one leaf of a query (a term, a prefix, a phrase) adds to an entry's score: the
/// snapshot's BM25F (`BM25F`), each field's occurrences against that field's own length,
/// weighted, summed and saturated once, times the leaf's idf.
///
///     w     = Σ_f fieldWeight_f · tf_f / (1 − b + b · length_f / averageLength_f)
///     score = idf · w · (k1 + 1) / (w + k1)
///
/// The one definition that exhaustive scoring and pruned top k share. The score only grows
/// with each tf_f and only falls with each length_f, so a block's largest frequencies and
/// smallest lengths (its skip entry) bound the score of every entry in it (`bound`).
struct LeafScoring {
    let bm25f: BM25F
    /// Live entries in the snapshot searched.
    let liveCount: Double

    init(_ snapshot: IndexSnapshot) {
        self.init(bm25f: snapshot.scoring, liveCount: snapshot.liveCount)
    }

    init(bm25f: BM25F, liveCount: Int) {
        self.bm25f = bm25f
        self.liveCount = Double(liveCount)
    }

    /// The idf of a leaf that `matches` live entries hold (kept above zero, so that a very
    /// common word still adds a little).
    func idf(matches: Int) -> Double {
        let hits = Double(matches)
        let idf = log((liveCount - hits + 0.5) / (hits + 0.5))
        return idf <= 0 ? 1e-6 : idf
    }

    /// The leaf's score in an entry where its weighted, normalised occurrences are `weight`.
    @inline(__always)
    func score(idf: Double, weight: Double) -> Double {
        bm25f.saturated(idf: idf, weighted: weight)
    }

    /// Occurrences weighted by field and normalised by each field's length: `frequency(f)` and
    /// `length(f)` of field f, over the first `fields` fields.
    @inline(__always)
    func weighted(fields: Int, frequency: (Int) -> UInt32, length: (Int) -> UInt32) -> Double {
        bm25f.weighted(frequency: { $0 < fields ? frequency($0) : 0 }, length: length)
    }

    /// The same for document `doc` of a segment whose normalisations are `norms`
    /// (`IndexSnapshot.norms`).
    @inline(__always)
    func weighted(fields: Int, frequency: (Int) -> UInt32, doc: Int, norms: UnsafeBufferPointer<Double>) -> Double {
        let stride = bm25f.weights.count
        return bm25f.weighted(frequency: { $0 < fields ? frequency($0) : 0 }, norm: { norms[doc * stride + $0] })
    }

    /// A bound on the leaf's score in any entry of block `b` of `cursor`, from its skip entry.
    ///
    /// When the block kept its competitive documents (`BlockBounds.frontier`), the best
    /// of their scores, worked out as an entry's own (so the bound is the best entry's very
    /// score). Otherwise the per-field maxima: each field's share is at most its largest
    /// frequency against its smallest length, and at most its largest normalised frequency
    /// moved to the snapshot's averages (`BM25F.bound`); the smaller of the two sums holds.
    func bound(idf: Double, block b: Int, of cursor: PostingCursor) -> Double {
        let fields = cursor.segment.fieldCount
        let byCounts = score(idf: idf, weight: weighted(fields: fields, frequency: { cursor.maxFrequency[b * fields + $0] },
                                                        length: { cursor.minLength[b * fields + $0] }))
        let competitive = cursor.frontierStart[b]..<cursor.frontierStart[b + 1]
        guard competitive.isEmpty else {
            var best = 0.0
            for v in competitive {
                best = max(best, score(idf: idf, weight: weighted(fields: fields, frequency: { cursor.competitiveFrequency(v, $0) },
                                                                  length: { cursor.competitiveLength(v, $0) })))
            }
            return min(byCounts, best)
        }
        let byNormalised = bm25f.bound(idf: idf, maxNormalised: { $0 < fields ? cursor.maxNormalised[b * fields + $0] : 0 },
                                       segmentAverages: cursor.segment.averageLengths)
        return min(byCounts, byNormalised)
    }
}
