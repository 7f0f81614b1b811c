/// Encodes one term's postings a document at a time, in the layout `SegmentFormat` describes:
/// each block of `SegmentFormat.blockSize` documents encoded when it fills, its positions
/// handed to the segment's positions section at once, its skip entry kept.
///
/// What it holds is one block and the term's skip table and blocks (a few bytes a document),
/// never a term's positions: a merge streams every term of its inputs through one encoder,
/// and the segment writer encodes its buffered terms with it, so both write the same bytes.
struct PostingsEncoder {
    let fieldCount: Int
    /// Each field's average length in the segment being written.
    let averages: [Double]
    /// The skip table and the encoded blocks of the term so far.
    private var skips = ByteWriter()
    private var blocks = ByteWriter()
    private(set) var documentCount = 0
    private var previous: Int64 = -1
    /// The current block: its documents, `fieldCount` frequencies and lengths per document,
    /// and its positions encoded.
    private var documents: [UInt32] = []
    private var frequencies: [UInt32] = []
    private var lengths: [UInt32] = []
    private var blockPositions = ByteWriter()

    init(fieldCount: Int, averages: [Double]) {
        self.fieldCount = fieldCount
        self.averages = averages
    }

    /// Adds the term's next document (ascending): its number, each field's length and
    /// frequency, and each field's positions (ascending, `frequencies[f]` of them for field
    /// `f`, one field after another). Full blocks go to `positionsOut` as they are made.
    mutating func add(document: Int, lengths documentLengths: some Collection<UInt32>, frequencies documentFrequencies: some Collection<UInt32>,
                      positions: some Sequence<UInt32>, positionsOut: ([UInt8]) throws(EngineError) -> Void) throws(EngineError) {
        documents.append(UInt32(document))
        lengths.append(contentsOf: documentLengths)
        frequencies.append(contentsOf: documentFrequencies)
        var iterator = positions.makeIterator()
        for tf in documentFrequencies {
            var last: UInt32 = 0
            for k in 0..<Int(tf) {
                let position = iterator.next()!
                blockPositions.varint(UInt64(k == 0 ? position : position - last))
                last = position
            }
        }
        documentCount += 1
        if documents.count == SegmentFormat.blockSize { try finishBlock(positionsOut) }
    }

    /// Ends the term: the last block encoded, and its postings (skip table, then blocks)
    /// returned; the encoder is ready for the next term.
    mutating func finish(positionsOut: ([UInt8]) throws(EngineError) -> Void) throws(EngineError) -> [UInt8] {
        if !documents.isEmpty { try finishBlock(positionsOut) }
        var out = skips
        out.append(blocks.bytes)
        skips = ByteWriter()
        blocks = ByteWriter()
        documentCount = 0
        previous = -1
        return out.bytes
    }

    private mutating func finishBlock(_ positionsOut: ([UInt8]) throws(EngineError) -> Void) throws(EngineError) {
        let n = documents.count
        var block = ByteWriter()
        var deltas: [UInt32] = []
        deltas.reserveCapacity(n)
        for d in documents {
            deltas.append(UInt32(Int64(d) - previous - 1))
            previous = Int64(d)
        }
        block.packed(deltas)
        var maxFrequency = [UInt32](repeating: 0, count: fieldCount)
        var minLength = [UInt32](repeating: 0, count: fieldCount)
        var maxNormalised = [Double](repeating: 0, count: fieldCount)
        var column: [UInt32] = []
        column.reserveCapacity(n)
        for f in 0..<fieldCount {
            column.removeAll(keepingCapacity: true)
            for i in 0..<n { column.append(frequencies[i * fieldCount + f]) }
            block.packed(column)
            for (i, tf) in column.enumerated() where tf > 0 {
                maxFrequency[f] = max(maxFrequency[f], tf)
                let length = lengths[i * fieldCount + f]
                minLength[f] = minLength[f] == 0 ? length : min(minLength[f], length)
                maxNormalised[f] = max(maxNormalised[f], Double(tf) / SegmentFormat.norm(length: length, average: averages[f]))
            }
        }
        skips.varint(UInt64(previous))
        skips.varint(block.count)
        skips.varint(blockPositions.count)
        for f in 0..<fieldCount {
            skips.varint(UInt64(maxFrequency[f]))
            skips.varint(UInt64(minLength[f]))
            skips.u32(Self.roundedUp(maxNormalised[f]).bitPattern)
        }
        let frontier = Self.frontier(of: n, fields: fieldCount, frequencies: frequencies, lengths: lengths, averages: averages)
        skips.varint(UInt64(frontier.count / max(1, 2 * fieldCount)))
        for value in frontier { skips.varint(UInt64(value)) }
        blocks.append(block.bytes)
        try positionsOut(blockPositions.bytes)
        blockPositions.bytes.removeAll(keepingCapacity: true)
        documents.removeAll(keepingCapacity: true)
        frequencies.removeAll(keepingCapacity: true)
        lengths.removeAll(keepingCapacity: true)
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
