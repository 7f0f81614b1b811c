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

    /// Term bytes to ids; `dictionary.keys[id]` is the term.
    private var dictionary = TermTable()
    private var postings: [Postings] = []
    private var ids: [UInt64] = []
    /// Each document's values (`DocumentValues`), encoded.
    private var values: [[UInt8]] = []
    /// `fieldCount` lengths (tokens) per document.
    private var lengths: [UInt32] = []
    /// One document's occurrences as term id, field and position in one number, to sort.
    private var scratch: [UInt64] = []
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

    /// Positions above this are kept at it (a field of 268 million tokens is not minutes).
    static let maxPosition: UInt32 = (1 << 28) - 1

    /// Adds a document: per field, its tokens as (term, position); the field's length is its
    /// number of distinct positions.
    public func add(id: UInt64, fields: [[(term: [UInt8], position: UInt32)]]) {
        add(id: id, fields: fields.map { tokens in
            var field = FieldTokens()
            for (term, position) in tokens { field.append(term, position: position) }
            return field
        })
    }

    /// Adds a document given as each field's tokens, packed.
    ///
    /// The occurrences are packed as term id, field and position into one number each and
    /// sorted, so each term's frequencies and positions come out in one pass, in order.
    public func add(id: UInt64, fields: [FieldTokens], values: DocumentValues = DocumentValues()) {
        precondition(fields.count == fieldCount, "a document has \(fieldCount) fields")
        let doc = UInt32(ids.count)
        ids.append(id)
        let encoded = values.encoded()
        self.values.append(encoded)
        estimatedBytes += encoded.count + 16
        scratch.removeAll(keepingCapacity: true)
        for (f, field) in fields.enumerated() {
            var distinct = 0, last: UInt32? = nil
            field.bytes.withUnsafeBufferPointer { bytes in
                var start = 0
                for (k, end) in field.ends.enumerated() {
                    let position = field.positions[k]
                    if position != last { distinct += 1; last = position }
                    let term = UnsafeBufferPointer(rebasing: bytes[start..<Int(end)])
                    start = Int(end)
                    let (t, isNew) = dictionary.id(of: term)
                    if isNew {
                        postings.append(Postings())
                        estimatedBytes += term.count + 96
                    }
                    scratch.append(UInt64(t) << 32 | UInt64(f) << 28 | UInt64(min(position, Self.maxPosition)))
                }
            }
            // Tokens come in position order, colocated forms right after their word, so a
            // change of position is a new position.
            lengths.append(UInt32(distinct))
        }
        scratch.sort()
        var i = 0
        while i < scratch.count {
            let t = Int(scratch[i] >> 32)
            postings[t].documents.append(doc)
            let base = postings[t].frequencies.count
            postings[t].frequencies.append(contentsOf: repeatElement(0, count: fieldCount))
            while i < scratch.count && Int(scratch[i] >> 32) == t {
                postings[t].frequencies[base + Int(scratch[i] >> 28 & 0xF)] += 1
                postings[t].positions.append(UInt32(scratch[i] & UInt64(Self.maxPosition)))
                i += 1
            }
            estimatedBytes += 4 + 4 * fieldCount
        }
        estimatedBytes += 8 + 4 * fieldCount + 4 * scratch.count
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
            out.append(values[d])
        }
        let terms = (0..<self.dictionary.count).map { self.dictionary.key($0) }
        let order = terms.indices.sorted { terms[$0].lexicographicallyPrecedes(terms[$1]) }
        var postingsSection = ByteWriter(), positionsSection = ByteWriter()
        var dictionarySection = ByteWriter()
        dictionarySection.varint(order.count)
        let averages = self.averages
        for t in order {
            let (p, q) = encode(postings[t], averages: averages)
            dictionarySection.varint(terms[t].count)
            dictionarySection.append(Array(terms[t]))
            dictionarySection.varint(postings[t].documents.count)
            dictionarySection.varint(postingsSection.count)
            dictionarySection.varint(p.count)
            dictionarySection.varint(positionsSection.count)
            dictionarySection.varint(q.count)
            postingsSection.append(p)
            positionsSection.append(q)
        }
        let postingsStart = out.count
        out.append(postingsSection.bytes)
        let positionsStart = out.count
        out.append(positionsSection.bytes)
        let dictionaryStart = out.count
        out.append(dictionarySection.bytes)
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
        let count = ids.count
        try Durable.write(segmentBytes(), to: path)
        reset()
        return count
    }

    /// Writes the segment to `path` durably, empties the writer, and returns the segment
    /// opened from the bytes written.
    func flush(to path: String) throws -> SegmentReader {
        let bytes = segmentBytes()
        try Durable.write(bytes, to: path)
        reset()
        return try SegmentReader(bytes: bytes, file: path)
    }

    private func reset() {
        dictionary = TermTable()
        postings = []
        ids = []
        values = []
        lengths = []
        estimatedBytes = 0
    }
}

/// One field's tokens, packed: the terms' bytes one after another, where each ends, and each
/// one's position. Built by the indexing step on a parsing thread, so that the writer gets
/// three arrays per field instead of one per token.
public struct FieldTokens: Sendable {
    public private(set) var bytes: [UInt8] = []
    public private(set) var ends: [UInt32] = []
    public private(set) var positions: [UInt32] = []

    public init() {}

    public mutating func append(_ term: some Collection<UInt8>, position: UInt32) {
        bytes.append(contentsOf: term)
        ends.append(UInt32(bytes.count))
        positions.append(position)
    }

    public var count: Int { ends.count }
}

/// Term bytes to term ids: open addressing on a 64-bit FNV-1a hash, the terms' bytes in one
/// arena.
///
/// A dictionary keyed by `[UInt8]` hashed every byte through `Hasher` and allocated an array
/// per term; it cost most of the writer's time.
struct TermTable {
    private var slots = [Int32](repeating: -1, count: 1 << 12)
    private var hashes = [UInt64](repeating: 0, count: 1 << 12)
    private var arena: [UInt8] = []
    /// Where each term ends in `arena`, by id.
    private var ends: [Int] = []

    var count: Int { ends.count }

    /// The bytes of term `id`.
    func key(_ id: Int) -> ArraySlice<UInt8> { arena[(id == 0 ? 0 : ends[id - 1])..<ends[id]] }

    /// The id of `term`; a new term gets the next id.
    mutating func id(of term: UnsafeBufferPointer<UInt8>) -> (id: Int, isNew: Bool) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in term { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] >= 0 {
            if hashes[i] == h && equals(Int(slots[i]), term) { return (Int(slots[i]), false) }
            i = (i + 1) & mask
        }
        let next = ends.count
        slots[i] = Int32(next)
        hashes[i] = h
        arena.append(contentsOf: term)
        ends.append(arena.count)
        if ends.count * 2 > slots.count { grow() }
        return (next, true)
    }

    private func equals(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = id == 0 ? 0 : ends[id - 1]
        guard ends[id] - start == term.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            term.isEmpty || memcmp(a.baseAddress! + start, term.baseAddress!, term.count) == 0
        }
    }

    private mutating func grow() {
        let old = (slots, hashes)
        slots = [Int32](repeating: -1, count: old.0.count * 2)
        hashes = [UInt64](repeating: 0, count: old.0.count * 2)
        let mask = slots.count - 1
        for (slot, h) in zip(old.0, old.1) where slot >= 0 {
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = slot
            hashes[i] = h
        }
    }
}
