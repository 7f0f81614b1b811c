/// Encodes one term's postings a document at a time, in the layout `SegmentFormat` describes:
/// each block of `SegmentFormat.blockSize` documents encoded when it fills, its positions
/// handed to the segment's positions section at once, its skip entry kept (a term of one
/// block has none).
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
    /// The block's positions as stored before packing: per document and field, the first
    /// position, then the gaps.
    private var positionValues: [UInt32] = []
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
                positionValues.append(k == 0 ? position : position - last)
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
        // A term of one block is that block alone: a cursor reads it when the term is opened
        // and works its bounds out from it (`BlockBounds`). Most of a segment's terms have one
        // block, and their skip entries were most of its postings.
        var out = SegmentFormat.blocks(documentFrequency: documentCount) == 1 ? ByteWriter() : skips
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
        var column: [UInt32] = []
        column.reserveCapacity(n)
        for f in 0..<fieldCount {
            column.removeAll(keepingCapacity: true)
            for i in 0..<n { column.append(frequencies[i * fieldCount + f]) }
            block.packed(column)
        }
        for start in stride(from: 0, to: positionValues.count, by: SegmentFormat.positionChunk) {
            blockPositions.packed(positionValues[start..<min(start + SegmentFormat.positionChunk, positionValues.count)], minimumWidth: 1)
        }
        positionValues.removeAll(keepingCapacity: true)
        let bounds = BlockBounds(count: n, fields: fieldCount, frequencies: frequencies, lengths: lengths, averages: averages)
        skips.varint(UInt64(previous))
        skips.varint(block.count)
        skips.varint(blockPositions.count)
        for f in 0..<fieldCount {
            skips.varint(UInt64(bounds.maxFrequency[f]))
            skips.varint(UInt64(bounds.minLength[f]))
            skips.u32(bounds.maxNormalised[f].bitPattern)
        }
        skips.varint(UInt64(bounds.frontier.count / max(1, 2 * fieldCount)))
        for value in bounds.frontier { skips.varint(UInt64(value)) }
        blocks.append(block.bytes)
        try positionsOut(blockPositions.bytes)
        blockPositions.bytes.removeAll(keepingCapacity: true)
        documents.removeAll(keepingCapacity: true)
        frequencies.removeAll(keepingCapacity: true)
        lengths.removeAll(keepingCapacity: true)
    }
}
