import Foundation

/// How one leaf of a query (a term, a prefix, a phrase) adds to an entry's score: BM25 over
/// the leaf's occurrences weighted by field, saturated once against the entry's whole length.
///
///     w     = Σ_f fieldWeight_f · tf_f
///     score = idf · w · (k1 + 1) / (w + k1 · (1 − b + b · length / averageLength))
///
/// The one definition that exhaustive scoring and pruned top k share. The score only grows
/// with w and only falls with the length, so a block's largest frequencies and smallest
/// lengths (its skip entry) bound the score of every entry in it (`bound`).
struct LeafScoring {
    static let k1 = 1.2
    static let b = 0.75

    /// Live entries, and their average length (all fields), in the snapshot searched.
    let liveCount: Double
    let averageLength: Double

    init(_ snapshot: IndexSnapshot) {
        liveCount = Double(snapshot.liveCount)
        averageLength = snapshot.liveCount > 0 ? snapshot.totalLength / liveCount : 1
    }

    /// The idf of a leaf that `matches` live entries hold (kept above zero, so that a very
    /// common word still adds a little).
    func idf(matches: Int) -> Double {
        let hits = Double(matches)
        let idf = log((liveCount - hits + 0.5) / (hits + 0.5))
        return idf <= 0 ? 1e-6 : idf
    }

    /// The length's part of the saturation.
    @inline(__always)
    func norm(length: Int) -> Double { norm(length: Double(length)) }

    @inline(__always)
    func norm(length: Double) -> Double {
        Self.k1 * (1 - Self.b + Self.b * length / averageLength)
    }

    /// The leaf's score in an entry where its weighted occurrences are `weight` and the
    /// entry's `norm(length:)` is `norm`.
    @inline(__always)
    func score(idf: Double, weight: Double, norm: Double) -> Double {
        idf * (weight * (Self.k1 + 1) / (weight + norm))
    }

    /// A bound on the leaf's score in any entry of a block, from the block's skip entry: per
    /// field, over the block's entries that hold the term there, the largest frequency, the
    /// smallest length and the largest normalised frequency (against the segment's average
    /// field lengths, `SegmentFormat`).
    ///
    /// An entry holds the term in some of the fields; its other fields may be of any length,
    /// so each such set of fields is bounded apart. For one set, the largest frequencies and
    /// smallest lengths alone give score(w_max, L_min), loose when the entry with the most
    /// occurrences is a long one. The normalised frequencies tie the two: a frequency in field
    /// f is at most m_f · norm_f(length_f), so w is at most P(lengths), affine in the lengths,
    /// and at most w_max. Over lengths of at least the smallest ones, the score of
    /// min(w_max, P) against the whole length is largest at a corner: at the smallest lengths,
    /// or where one field has grown just enough for P to reach w_max (along each edge the
    /// score is a ratio of affine functions, and it falls with the length once w is capped).
    ///
    /// `shortestEntry`, at most any entry's whole length in the block, gives a second bound
    /// for each set, score(w_max, max(L_min, shortestEntry)); the smaller of the two holds.
    func bound(idf: Double, fields: Int, maxFrequency: (Int) -> UInt32, minLength: (Int) -> UInt32,
               maxNormalised: (Int) -> Double, segmentAverages: [Double], shortestEntry: Int) -> Double {
        let weights = IndexSnapshot.fieldWeights
        let weighted = min(fields, weights.count)
        var best = 0.0
        sets: for set in 1..<(1 << weighted) {
            var most = 0.0, shortest = 0.0, atShortest = 0.0
            for f in 0..<weighted where set & (1 << f) != 0 {
                guard maxFrequency(f) > 0 else { continue sets }
                most += weights[f] * Double(maxFrequency(f))
                shortest += Double(minLength(f))
                atShortest += weights[f] * maxNormalised(f) * SegmentFormat.norm(length: minLength(f), average: segmentAverages[f])
            }
            var corners = score(idf: idf, weight: min(most, atShortest), norm: norm(length: shortest))
            if atShortest < most {
                for f in 0..<weighted where set & (1 << f) != 0 && segmentAverages[f] > 0 {
                    let slope = weights[f] * maxNormalised(f) * SegmentFormat.lengthNormalisation / segmentAverages[f]
                    guard slope > 0 else { continue }
                    corners = max(corners, score(idf: idf, weight: most, norm: norm(length: shortest + (most - atShortest) / slope)))
                }
            }
            let whole = score(idf: idf, weight: most, norm: norm(length: max(shortest, Double(shortestEntry))))
            best = max(best, min(corners, whole))
        }
        return best
    }

    /// Occurrences weighted by field: `frequency(f)` of field f times its weight
    /// (`IndexSnapshot.fieldWeights`), over the first `fields` fields.
    @inline(__always)
    static func weighted(fields: Int, _ frequency: (Int) -> UInt32) -> Double {
        let weights = IndexSnapshot.fieldWeights
        var w = 0.0
        for f in 0..<min(fields, weights.count) { w += weights[f] * Double(frequency(f)) }
        return w
    }
}
