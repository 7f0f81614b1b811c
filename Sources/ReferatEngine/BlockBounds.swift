/// What bounds the score of every document in one postings block: per field the largest term
/// frequency, the smallest field length where the term occurs and the largest length-normalised
/// frequency (against the segment's average length), and the block's competitive documents
/// (`frontier`).
///
/// The one definition of a block's bounds: the encoder works them out for a block it writes
/// (into the skip entry of a term with several blocks), and a cursor works them out for the
/// block of a term that has only one (format 7 stores no skip entry for it: its block is read
/// when the term is opened, and the bounds follow from what it holds).
struct BlockBounds {
    /// Per field.
    var maxFrequency: [UInt32]
    var minLength: [UInt32]
    var maxNormalised: [Float]
    /// The competitive documents, (frequency, length) per field each, flattened; empty when
    /// there are more than `SegmentFormat.frontierLimit`.
    var frontier: [UInt32]

    /// The bounds of `n` documents whose `fields` frequencies and lengths stand document after
    /// document in `frequencies` and `lengths`, in a segment whose fields' average lengths are
    /// `averages`.
    init(count n: Int, fields: Int, frequencies: [UInt32], lengths: [UInt32], averages: [Double]) {
        maxFrequency = [UInt32](repeating: 0, count: fields)
        minLength = [UInt32](repeating: 0, count: fields)
        var normalised = [Double](repeating: 0, count: fields)
        for i in 0..<n {
            for f in 0..<fields {
                let tf = frequencies[i * fields + f]
                guard tf > 0 else { continue }
                maxFrequency[f] = max(maxFrequency[f], tf)
                let length = lengths[i * fields + f]
                minLength[f] = minLength[f] == 0 ? length : min(minLength[f], length)
                normalised[f] = max(normalised[f], Double(tf) / SegmentFormat.norm(length: length, average: averages[f]))
            }
        }
        maxNormalised = normalised.map(Self.roundedUp)
        frontier = Self.frontier(of: n, fields: fields, frequencies: frequencies, lengths: lengths, averages: averages)
    }

    /// The block's competitive documents: of the `n` documents (`fields` frequencies and
    /// lengths each), those no other document matches or beats in every field whatever the
    /// fields' average lengths, as (frequency, length) per field, flattened; empty when there
    /// are more than `SegmentFormat.frontierLimit`.
    ///
    /// A field's normalised frequency tf / (1 − b + b · length / average) is at least another's
    /// for every average when its frequency is at least the other's and so is its frequency
    /// per token (tf_u ≥ tf_v and tf_u · len_v ≥ tf_v · len_u). So, whatever the snapshot's
    /// averages and the field weights, the best score in the block is one of these documents'
    /// own, and a search bounds the block by their exact scores (Lucene's competitive impacts,
    /// with BM25F's fields): where the skip entry's per-field maxima mix the title of one
    /// document with the text of another, and are moved to the snapshot's averages by a ratio
    /// that, near the top of a long list, is larger than the gaps between scores.
    static func frontier(of n: Int, fields: Int, frequencies: [UInt32], lengths: [UInt32], averages: [Double]) -> [UInt32] {
        func covers(_ u: Int, _ v: Int) -> Bool {
            for f in 0..<fields {
                let tu = UInt64(frequencies[u * fields + f]), tv = UInt64(frequencies[v * fields + f])
                guard tu >= tv, tu * UInt64(lengths[v * fields + f]) >= tv * UInt64(lengths[u * fields + f]) else { return false }
            }
            return true
        }
        // Sorted by the normalised frequencies at the segment's averages, which a document's
        // cover never has below it: each document is checked against those kept before it
        // (what covers a dropped one is covered by a kept one).
        let sums = (0..<n).map { i in
            (0..<fields).reduce(0.0) { sum, f in
                let tf = frequencies[i * fields + f]
                return tf == 0 ? sum : sum + Double(tf) / SegmentFormat.norm(length: lengths[i * fields + f], average: averages[f])
            }
        }
        var kept: [Int] = []
        for i in (0..<n).sorted(by: { sums[$0] > sums[$1] }) where !kept.contains(where: { covers($0, i) }) {
            if kept.count == SegmentFormat.frontierLimit { return [] }
            kept.append(i)
        }
        var out: [UInt32] = []
        out.reserveCapacity(kept.count * fields * 2)
        for i in kept {
            for f in 0..<fields { out += [frequencies[i * fields + f], lengths[i * fields + f]] }
        }
        return out
    }

    /// A Float32 at least `x`: a bound must not shrink when stored.
    static func roundedUp(_ x: Double) -> Float {
        let f = Float(x)
        return Double(f) < x ? f.nextUp : f
    }
}
