/// Walks one term's postings in one segment, a block of documents at a time.
///
/// The skip table is read when the cursor is made, so `block(containing:)` and the block
/// bounds answer without decoding a block; `advance(to:)` decodes only the blocks it lands in.
/// (A term of one block has no skip table: its block is decoded when the cursor is made.)
/// Every decoded value is checked (ascending documents inside the segment, frequencies at
/// least one somewhere), so a hostile file gives an error, never a wrong read.
struct PostingCursor {
    static let exhausted = Int.max

    let segment: SegmentReader
    let documentFrequency: Int
    /// Per block: its last document, where its bytes start, where its positions start (the
    /// two start lists end with where the last block ends).
    private(set) var lastDocument: [Int] = []
    private var blockStart: [Int] = []
    private var positionStart: [Int] = []
    /// Per block and field: the largest frequency and smallest length among its documents.
    private(set) var maxFrequency: [UInt32] = []
    private(set) var minLength: [UInt32] = []
    /// Per block and field: the largest frequency normalised by the segment's average length.
    private(set) var maxNormalised: [Double] = []
    /// The blocks' competitive documents (`BlockBounds.frontier`): a frequency and a
    /// length per field each, block after block; block b's are `frontierStart[b]..<frontierStart[b + 1]`.
    private var frontier: [UInt32] = []
    private(set) var frontierStart: [Int] = [0]

    private var block = -1
    private var documents: [Int] = []
    private var frequencies: [[UInt32]]
    private var index = 0
    private var scratch: [UInt32] = []
    /// Per document of the block, whether some field holds the term (checked at decoding).
    private var held: [UInt8] = []
    /// The current document, or `exhausted`.
    private(set) var document = -1
    /// The current block's positions as stored (`SegmentFormat.positionChunk`), unpacked as
    /// far as a walk has asked (one that lands on the first few of a block's documents reads
    /// no further); where each document's start among them; where the next chunk starts.
    private var positionValues: [UInt32] = []
    private var valueStarts: [Int] = []
    private var nextChunk = 0
    private var chunk: [UInt32] = []

    init(segment: SegmentReader, term: Int) throws(EngineError) {
        self.segment = segment
        let info = segment.infos[term]
        documentFrequency = info.documentFrequency
        frequencies = Array(repeating: [], count: segment.fieldCount)
        let blocks = SegmentFormat.blocks(documentFrequency: info.documentFrequency)
        if blocks == 1 {
            try openSingleBlock(info)
            return
        }
        do throws(FormatError) {
            var reader = try ByteReader(segment.bytes, from: info.postings.lowerBound, to: info.postings.upperBound)
            var previous = -1, lengths: [Int] = [], positionLengths: [Int] = []
            for _ in 0..<blocks {
                let last = try reader.count(atMost: segment.documentCount - 1)
                guard last > previous else { throw FormatError(message: "skip table out of order") }
                previous = last
                lastDocument.append(last)
                lengths.append(try reader.count(atMost: info.postings.count))
                positionLengths.append(try reader.count(atMost: info.positions.count))
                for _ in 0..<segment.fieldCount {
                    maxFrequency.append(UInt32(try reader.count(atMost: Int(UInt32.max))))
                    minLength.append(UInt32(try reader.count(atMost: Int(UInt32.max))))
                    let normalised = Float(bitPattern: try reader.u32())
                    guard normalised.isFinite, normalised >= 0 else { throw FormatError(message: "a block bound of \(normalised)") }
                    maxNormalised.append(Double(normalised))
                }
                let competitive = try reader.count(atMost: SegmentFormat.frontierLimit)
                for _ in 0..<competitive * segment.fieldCount * 2 {
                    frontier.append(UInt32(try reader.count(atMost: Int(UInt32.max))))
                }
                frontierStart.append(frontierStart.last! + competitive)
            }
            var start = reader.offset, positions = info.positions.lowerBound
            for (length, positionLength) in zip(lengths, positionLengths) {
                blockStart.append(start)
                positionStart.append(positions)
                start += length
                positions += positionLength
            }
            guard start == info.postings.upperBound, positions == info.positions.upperBound else {
                throw FormatError(message: "block lengths do not add up")
            }
            blockStart.append(start)
            positionStart.append(positions)
        } catch {
            throw EngineError(file: segment.file, message: error.message)
        }
    }

    /// A term of one block, which has no skip entry (`SegmentFormat`): the block is the whole
    /// list and is read now, and its bounds are worked out from what it holds.
    private mutating func openSingleBlock(_ info: TermInfo) throws(EngineError) {
        blockStart = [info.postings.lowerBound, info.postings.upperBound]
        positionStart = [info.positions.lowerBound, info.positions.upperBound]
        try decode(0)
        let fields = segment.fieldCount, n = documents.count
        var frequencies: [UInt32] = [], lengths: [UInt32] = []
        frequencies.reserveCapacity(n * fields)
        lengths.reserveCapacity(n * fields)
        for i in 0..<n {
            for f in 0..<fields {
                frequencies.append(self.frequencies[f][i])
                lengths.append(segment.length(documents[i], f))
            }
        }
        let bounds = BlockBounds(count: n, fields: fields, frequencies: frequencies, lengths: lengths, averages: segment.averageLengths)
        maxFrequency = bounds.maxFrequency
        minLength = bounds.minLength
        maxNormalised = bounds.maxNormalised.map(Double.init)
        frontier = bounds.frontier
        frontierStart.append(frontier.count / (2 * fields))
    }

    var blockCount: Int { lastDocument.count }

    /// Frequency and length in field `f` of competitive document `v` (`frontierStart`).
    func competitiveFrequency(_ v: Int, _ f: Int) -> UInt32 { frontier[(v * segment.fieldCount + f) * 2] }
    func competitiveLength(_ v: Int, _ f: Int) -> UInt32 { frontier[(v * segment.fieldCount + f) * 2 + 1] }

    /// The first block whose last document is at least `target`, or `blockCount`.
    func block(containing target: Int, from first: Int = 0) -> Int {
        var b = max(0, first)
        while b < lastDocument.count && lastDocument[b] < target { b += 1 }
        return b
    }

    /// Moves to the first document at or after `target`.
    mutating func advance(to target: Int) throws(EngineError) {
        if document >= target { return }
        let b = block(containing: target, from: max(block, 0))
        guard b < blockCount else {
            document = Self.exhausted
            return
        }
        if b != block { try decode(b) }
        while documents[index] < target { index += 1 }
        document = documents[index]
    }

    mutating func next() throws(EngineError) {
        try advance(to: document == Self.exhausted ? Self.exhausted : document + 1)
    }

    /// The current document's frequency in `field`.
    func frequency(_ field: Int) -> UInt32 { frequencies[field][index] }

    /// Decodes block `b` for a walk that reads all of it (`blockDocuments`, `frequency(_:at:)`)
    /// and stands on its first document.
    mutating func load(_ b: Int) throws(EngineError) {
        if b != block { try decode(b) }
        index = 0
        document = documents[0]
    }

    /// The decoded block's documents, ascending.
    var blockDocuments: [Int] { documents }

    /// The decoded block's document `i`.
    func document(at i: Int) -> Int { documents[i] }

    /// The frequency in `field` of the decoded block's document `i`.
    func frequency(_ field: Int, at i: Int) -> UInt32 { frequencies[field][i] }

    /// The current document's positions in `field`, ascending.
    mutating func positions(_ field: Int) throws(EngineError) -> [UInt32] {
        var out: [UInt32] = []
        try positions(field, into: &out)
        return out
    }

    /// The same into `out` (emptied first, its storage kept): what a phrase walk, which reads
    /// positions document after document, reuses.
    mutating func positions(_ field: Int, into out: inout [UInt32]) throws(EngineError) {
        out.removeAll(keepingCapacity: true)
        do throws(FormatError) {
            if valueStarts.isEmpty {
                var total = 0
                valueStarts.reserveCapacity(documents.count + 1)
                for i in documents.indices {
                    valueStarts.append(total)
                    for f in 0..<segment.fieldCount { total += Int(frequencies[f][i]) }
                }
                valueStarts.append(total)
                nextChunk = positionStart[block]
            }
            var first = valueStarts[index]
            for f in 0..<field { first += Int(frequencies[f][index]) }
            let n = Int(frequencies[field][index])
            try unpackPositions(upTo: first + n)
            out.reserveCapacity(n)
            var position: UInt64 = 0
            for k in 0..<n {
                // Summed wide and checked against what the writer keeps (a merge packs
                // positions in 28 bits).
                let v = UInt64(positionValues[first + k])
                position = k == 0 ? v : position + v
                guard position <= UInt64(SegmentWriter.maxPosition) else { throw FormatError(message: "position out of range in block \(block)") }
                out.append(UInt32(position))
            }
        } catch {
            throw EngineError(file: segment.file, message: error.message)
        }
    }

    /// Unpacks the current block's positions chunk by chunk until `count` are known; the last
    /// chunk must end where the block's positions end.
    private mutating func unpackPositions(upTo count: Int) throws(FormatError) {
        guard positionValues.count < count else { return }
        let total = valueStarts[valueStarts.count - 1], end = positionStart[block + 1]
        var reader = try ByteReader(segment.bytes, from: nextChunk, to: end)
        // Each chunk is at least one bit a value (`SegmentFormat.positionChunk`), so a block
        // cannot make this unpack more values than its bytes hold bits.
        while positionValues.count < count {
            try reader.packed(min(SegmentFormat.positionChunk, total - positionValues.count), into: &chunk, minimumWidth: 1)
            positionValues.append(contentsOf: chunk)
        }
        nextChunk = reader.offset
        guard positionValues.count < total || reader.isAtEnd else {
            throw FormatError(message: "block \(block)'s positions do not add up")
        }
    }

    private mutating func decode(_ b: Int) throws(EngineError) {
        do throws(FormatError) {
            var reader = try ByteReader(segment.bytes, from: blockStart[b], to: blockStart[b + 1])
            let n = min(SegmentFormat.blockSize, documentFrequency - b * SegmentFormat.blockSize)
            try reader.packed(n, into: &scratch)
            var doc = b == 0 ? -1 : lastDocument[b - 1]
            documents.removeAll(keepingCapacity: true)
            for delta in scratch {
                doc += Int(delta) + 1
                documents.append(doc)
            }
            if lastDocument.isEmpty {
                // A term of one block: its end is what the block says, inside the segment.
                guard doc < segment.documentCount else { throw FormatError(message: "block \(b) ends past the segment's documents") }
                lastDocument = [doc]
            } else {
                guard doc == lastDocument[b] else { throw FormatError(message: "block \(b) does not end where its skip entry says") }
            }
            held.removeAll(keepingCapacity: true)
            held.append(contentsOf: repeatElement(0, count: n))
            let fields = segment.fieldCount
            for f in 0..<fields {
                try reader.packed(n, into: &frequencies[f])
                // One pass per field over plain buffers: the largest frequency, the smallest
                // length where the term occurs, and which documents hold it somewhere.
                var most: UInt32 = 0, shortest = UInt32.max
                frequencies[f].withUnsafeBufferPointer { tf in
                    documents.withUnsafeBufferPointer { docs in
                        segment.lengths.withUnsafeBufferPointer { lengths in
                            held.withUnsafeMutableBufferPointer { held in
                                for i in 0..<n where tf[i] > 0 {
                                    held[i] = 1
                                    most = max(most, tf[i])
                                    shortest = min(shortest, lengths[docs[i] * fields + f])
                                }
                            }
                        }
                    }
                }
                // (A term of one block has its bounds worked out from the block, after it.)
                guard maxFrequency.isEmpty || most <= maxFrequency[b * fields + f] && (most == 0 || shortest >= minLength[b * fields + f]) else {
                    throw FormatError(message: "block \(b) exceeds its bounds")
                }
            }
            guard !held.contains(0), reader.isAtEnd else { throw FormatError(message: "block \(b) is malformed") }
            block = b
            index = 0
            positionValues.removeAll(keepingCapacity: true)
            valueStarts.removeAll(keepingCapacity: true)
        } catch {
            throw EngineError(file: segment.file, message: error.message)
        }
    }
}
