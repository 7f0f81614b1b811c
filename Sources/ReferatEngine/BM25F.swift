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
    public var b = 0.75
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
        var weighted = 0.0
        for f in weights.indices {
            let tf = frequency(f)
            guard tf > 0 else { continue }
            let average = averageLengths[f]
            let norm = average > 0 ? 1 - b + b * Double(length(f)) / average : 1
            weighted += weights[f] * Double(tf) / norm
        }
        return weighted == 0 ? 0 : idf * weighted * (k1 + 1) / (k1 + weighted)
    }
}
