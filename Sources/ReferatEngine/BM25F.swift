import Foundation

/// BM25F over a document's fields: each field's term frequency normalised by the field's
/// length against its average, weighted, summed, then saturated once.
///
///     tf~   = Σ_f weight_f · tf_f / (1 − b + b · length_f / averageLength_f)
///     score = idf · tf~ · (k1 + 1) / (k1 + tf~)
///
/// The score only grows with each tf_f and only falls with each length_f, so the largest
/// frequencies and smallest lengths of a block's documents bound every score in the block.
public struct BM25F: Sendable {
    public var weights: [Double]
    public var k1 = 1.2
    /// The length normalisation is the segments' (`SegmentFormat.lengthNormalisation`).
    /// The number of documents and each field's average length, over all segments.
    public var documentCount: Int
    public var averageLengths: [Double]

    public init(weights: [Double], documentCount: Int, averageLengths: [Double]) {
        self.weights = weights
        self.documentCount = documentCount
        self.averageLengths = averageLengths
    }

    public func idf(documentFrequency df: Int) -> Double {
        log(1 + (Double(documentCount) - Double(df) + 0.5) / (Double(df) + 0.5))
    }

    /// One term's score in a document with these frequencies and lengths (per field).
    @inline(__always)
    func score(idf: Double, frequency: (Int) -> UInt32, length: (Int) -> UInt32) -> Double {
        saturated(idf: idf, weighted: weighted(frequency: frequency, length: length))
    }

    /// A term's weighted, normalised frequency in a document (`tf~` above): each field's count
    /// against that field's own length, so where a word stands (a short title, a decision)
    /// and how often it is written there both count, and a long body does not dilute a title.
    @inline(__always)
    func weighted(frequency: (Int) -> UInt32, length: (Int) -> UInt32) -> Double {
        weighted(frequency: frequency, norm: { norm(length: length($0), field: $0) })
    }

    /// The same with each field's length normalisation given (`norm(length:field:)`, worked
    /// out ahead: `IndexSnapshot.norms`), so the very same numbers.
    @inline(__always)
    func weighted(frequency: (Int) -> UInt32, norm: (Int) -> Double) -> Double {
        var weighted = 0.0
        for f in weights.indices {
            let tf = frequency(f)
            guard tf > 0 else { continue }
            weighted += weights[f] * Double(tf) / norm(f)
        }
        return weighted
    }

    /// A field's length normalisation against its average length.
    @inline(__always)
    func norm(length: UInt32, field f: Int) -> Double {
        SegmentFormat.norm(length: length, average: averageLengths[f])
    }

    /// The score of a weighted, normalised frequency.
    @inline(__always)
    func saturated(idf: Double, weighted: Double) -> Double {
        weighted == 0 ? 0 : idf * weighted * (k1 + 1) / (k1 + weighted)
    }

    /// A bound on one term's score in any document of a block whose largest normalised
    /// frequencies (against `segmentAverages`) are `maxNormalised`.
    ///
    /// A field's normalisation against the average of all segments is at least its
    /// normalisation against the segment's average divided by the ratio of the two averages
    /// (when the overall one is larger), so each frequency grows by at most that ratio.
    func bound(idf: Double, maxNormalised: (Int) -> Double, segmentAverages: [Double]) -> Double {
        var weighted = 0.0
        for f in weights.indices {
            let m = maxNormalised(f)
            guard m > 0 else { continue }
            let ratio = segmentAverages[f] > 0 && averageLengths[f] > segmentAverages[f] ? averageLengths[f] / segmentAverages[f] : 1
            weighted += weights[f] * m * ratio
        }
        return saturated(idf: idf, weighted: weighted)
    }
}
