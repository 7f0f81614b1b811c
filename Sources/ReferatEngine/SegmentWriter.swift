import Foundation

/// Builds one immutable segment in memory from analysed documents and writes it out when its
/// memory budget is reached: one writer per import thread, no locks.
///
///     let writer = SegmentWriter(fieldCount: 3, memoryBudget: 64 << 20)
///     writer.add(id: 7, fields: [[(Array("kommun".utf8), 0)], [], [(Array("budget".utf8), 0)]])
///     if writer.isFull { try writer.write(to: folder + "/" + name) }
///
/// Terms are byte strings; what they mean (a stem, a weak form) is the caller's business.
/// Documents get local numbers in the order they are added.
public final class SegmentWriter {
    public let fieldCount: Int
    public let memoryBudget: Int

    private struct Postings {
        var documents: [UInt32] = []
        /// `fieldCount` frequencies per document.
        var frequencies: [UInt32] = []
        /// Per document and field, that many positions, ascending.
        var positions: [UInt32] = []
    }

    private var termIDs: [[UInt8]: Int] = [:]
    private var terms: [[UInt8]] = []
    private var postings: [Postings] = []
    private var ids: [UInt64] = []
    /// `fieldCount` lengths (tokens) per document.
    private var lengths: [UInt32] = []
    /// A rough count of the bytes held, for the budget.
    public private(set) var estimatedBytes = 0

    public init(fieldCount: Int, memoryBudget: Int) {
        precondition(fieldCount > 0 && fieldCount <= SegmentFormat.maxFields)
        self.fieldCount = fieldCount
        self.memoryBudget = memoryBudget
    }

    public var documentCount: Int { ids.count }
    public var isEmpty: Bool { ids.isEmpty }
    /// True once the writer holds its budget's worth: time to write the segment.
    public var isFull: Bool { estimatedBytes >= memoryBudget }

    /// Adds a document: per field, its tokens as (term, position); the field's length is its
    /// number of tokens at distinct positions.
    public func add(id: UInt64, fields: [[(term: [UInt8], position: UInt32)]]) {
        precondition(fields.count == fieldCount, "a document has \(fieldCount) fields")
        let doc = UInt32(ids.count)
        ids.append(id)
        // term → positions per field
        var seen: [Int: [[UInt32]]] = [:]
        for (f, tokens) in fields.enumerated() {
            var positions = Set<UInt32>()
            for (term, position) in tokens {
                positions.insert(position)
                let t: Int
                if let known = termIDs[term] {
                    t = known
                } else {
                    t = terms.count
                    termIDs[term] = t
                    terms.append(term)
                    postings.append(Postings())
                    estimatedBytes += term.count + 96
                }
                seen[t, default: Array(repeating: [], count: fieldCount)][f].append(position)
            }
            lengths.append(UInt32(positions.count))
        }
        for (t, perField) in seen {
            postings[t].documents.append(doc)
            for f in 0..<fieldCount {
                let sorted = perField[f].sorted()
                postings[t].frequencies.append(UInt32(sorted.count))
                postings[t].positions.append(contentsOf: sorted)
                estimatedBytes += 4 * sorted.count
            }
            estimatedBytes += 4 + 4 * fieldCount
        }
        estimatedBytes += 8 + 4 * fieldCount
    }

    /// The segment file's bytes.
    public func segmentBytes() -> [UInt8] {
        var out = ByteWriter()
        out.append(SegmentFormat.magic)
        let documentsStart = out.count
        out.varint(ids.count)
        for (d, id) in ids.enumerated() {
            out.varint(id)
            for f in 0..<fieldCount { out.varint(UInt64(lengths[d * fieldCount + f])) }
        }
        let order = terms.indices.sorted { terms[$0].lexicographicallyPrecedes(terms[$1]) }
        var postingsSection = ByteWriter(), positionsSection = ByteWriter()
        var dictionary = ByteWriter()
        dictionary.varint(order.count)
        let averages = self.averages
        for t in order {
            let (p, q) = encode(postings[t], averages: averages)
            dictionary.varint(terms[t].count)
            dictionary.append(terms[t])
            dictionary.varint(postings[t].documents.count)
            dictionary.varint(postingsSection.count)
            dictionary.varint(p.count)
            dictionary.varint(positionsSection.count)
            dictionary.varint(q.count)
            postingsSection.append(p)
            positionsSection.append(q)
        }
        let postingsStart = out.count
        out.append(postingsSection.bytes)
        let positionsStart = out.count
        out.append(positionsSection.bytes)
        let dictionaryStart = out.count
        out.append(dictionary.bytes)
        for offset in [documentsStart, postingsStart, positionsStart, dictionaryStart] { out.u64(UInt64(offset)) }
        out.u64(UInt64(out.count + 8 + 4 + 4 + 8))
        out.u32(UInt32(fieldCount))
        out.u32(Checksum.crc32c(out.bytes))
        out.append(SegmentFormat.endMagic)
        return out.bytes
    }

    /// A Float32 at least `x`: a bound must not shrink when stored.
    static func roundedUp(_ x: Double) -> Float {
        let f = Float(x)
        return Double(f) < x ? f.nextUp : f
    }

    /// Each field's average length in this segment.
    private var averages: [Double] {
        (0..<fieldCount).map { f in
            ids.isEmpty ? 0 : stride(from: f, to: lengths.count, by: fieldCount).reduce(0.0) { $0 + Double(lengths[$1]) } / Double(ids.count)
        }
    }

    /// One term's skip table and blocks, and its positions.
    private func encode(_ p: Postings, averages: [Double]) -> ([UInt8], [UInt8]) {
        var skips = ByteWriter(), blocks = ByteWriter(), positions = ByteWriter()
        var previous: Int64 = -1
        var positionIndex = 0
        for start in stride(from: 0, to: p.documents.count, by: SegmentFormat.blockSize) {
            let end = min(p.documents.count, start + SegmentFormat.blockSize)
            var block = ByteWriter(), blockPositions = ByteWriter()
            var deltas: [UInt32] = []
            for i in start..<end {
                deltas.append(UInt32(Int64(p.documents[i]) - previous - 1))
                previous = Int64(p.documents[i])
            }
            block.packed(deltas)
            var maxFrequency = [UInt32](repeating: 0, count: fieldCount)
            var minLength = [UInt32](repeating: 0, count: fieldCount)
            var maxNormalised = [Double](repeating: 0, count: fieldCount)
            for f in 0..<fieldCount {
                let frequencies = (start..<end).map { p.frequencies[$0 * fieldCount + f] }
                block.packed(frequencies)
                for (i, tf) in zip(start..<end, frequencies) where tf > 0 {
                    maxFrequency[f] = max(maxFrequency[f], tf)
                    let length = lengths[Int(p.documents[i]) * fieldCount + f]
                    minLength[f] = minLength[f] == 0 ? length : min(minLength[f], length)
                    maxNormalised[f] = max(maxNormalised[f], Double(tf) / SegmentFormat.norm(length: length, average: averages[f]))
                }
            }
            for i in start..<end {
                for f in 0..<fieldCount {
                    var last: UInt32 = 0
                    for k in 0..<Int(p.frequencies[i * fieldCount + f]) {
                        let position = p.positions[positionIndex]
                        blockPositions.varint(UInt64(k == 0 ? position : position - last))
                        last = position
                        positionIndex += 1
                    }
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
            blocks.append(block.bytes)
            positions.append(blockPositions.bytes)
        }
        var out = skips
        out.append(blocks.bytes)
        return (out.bytes, positions.bytes)
    }

    /// Writes the segment to `path` and makes it durable (fsync), then empties the writer.
    /// Returns the number of documents written.
    @discardableResult
    public func write(to path: String) throws -> Int {
        let bytes = segmentBytes()
        try Durable.write(bytes, to: path)
        let count = ids.count
        termIDs = [:]
        terms = []
        postings = []
        ids = []
        lengths = []
        estimatedBytes = 0
        return count
    }
}
