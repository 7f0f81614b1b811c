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
    /// Each document's values.
    private var values: [DocumentValues] = []
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
    public func add(id: UInt64, fields: [FieldTokens], values: DocumentValues = DocumentValues()) {
        precondition(fields.count == fieldCount, "a document has \(fieldCount) fields")
        add(id: id, tokens: fields, values: values)
    }

    /// Adds a document, reading each field's tokens once from `tokens`.
    ///
    /// A token goes straight to its term's postings: its document and a frequency slot per
    /// field the first time the term comes in the document, then its position. Fields come one
    /// after another and positions never go back, so each term's positions come out grouped by
    /// field and ascending, as the format stores them, without holding the document's tokens:
    /// a document of millions of tokens costs the writer what its postings cost.
    public func add(id: UInt64, tokens: some DocumentTokens, values: DocumentValues = DocumentValues()) {
        let doc = UInt32(ids.count), fieldCount = fieldCount
        ids.append(id)
        self.values.append(values)
        // The tables are moved into locals for the document and back after it: a local's
        // accesses are checked when compiled, a property's at every token.
        var dictionary = self.dictionary, postings = self.postings, estimatedBytes = self.estimatedBytes
        self.dictionary = TermTable()
        self.postings = []
        defer { (self.dictionary, self.postings, self.estimatedBytes) = (dictionary, postings, estimatedBytes) }
        estimatedBytes += values.values.reduce(16) { $0 + $1.text.utf8.count + 24 } + 8 + 4 * fieldCount
        for f in 0..<fieldCount {
            var distinct = 0, last: UInt32? = nil
            tokens.forEachToken(inField: f) { term, position in
                // Positions never go back (`DocumentTokens`); one that did is kept at the last.
                let position = max(position, last ?? 0)
                if position != last { distinct += 1; last = position }
                let (t, isNew) = dictionary.id(of: term)
                if isNew {
                    postings.append(Postings())
                    estimatedBytes += term.count + Self.bytesPerTerm
                }
                if postings[t].documents.last != doc {
                    postings[t].documents.append(doc)
                    postings[t].frequencies.append(contentsOf: repeatElement(0, count: fieldCount))
                    estimatedBytes += 4 + 4 * fieldCount
                }
                postings[t].frequencies[postings[t].frequencies.count - fieldCount + f] += 1
                postings[t].positions.append(min(position, Self.maxPosition))
                estimatedBytes += 4
            }
            // Colocated forms come right after their word, at its position: a change of
            // position is a new position.
            lengths.append(UInt32(distinct))
        }
    }

    /// What a new term costs besides its bytes: its postings' three arrays and its slots in
    /// the term table.
    static let bytesPerTerm = 224

    /// The segment file's bytes, made in memory (for tests and the fuzzer); empties the writer.
    public func segmentBytes() -> [UInt8] {
        let file = try! SegmentFileWriter(memoryFieldCount: fieldCount, documentCount: ids.count)
        try! encode(into: file)
        return file.bytes
    }

    /// Writes the documents and then each term's postings, in byte order, through `file`,
    /// and empties the writer: each term's buffers are let go once encoded, so writing needs
    /// no more memory than the writer held.
    private func encode(into file: SegmentFileWriter) throws(EngineError) {
        for (d, id) in ids.enumerated() {
            try file.document(id: id, lengths: lengths[(d * fieldCount)..<((d + 1) * fieldCount)], values: values[d])
        }
        values = []
        let order = (0..<dictionary.count).sorted { dictionary.key($0).lexicographicallyPrecedes(dictionary.key($1)) }
        var encoder = file.encoder()
        for t in order {
            let p = postings[t]
            postings[t] = Postings()
            var positionIndex = 0
            for (i, doc) in p.documents.enumerated() {
                let frequencies = p.frequencies[(i * fieldCount)..<((i + 1) * fieldCount)]
                let n = frequencies.reduce(0) { $0 + Int($1) }
                try encoder.add(document: Int(doc), lengths: lengths[(Int(doc) * fieldCount)..<((Int(doc) + 1) * fieldCount)],
                                frequencies: frequencies, positions: p.positions[positionIndex..<(positionIndex + n)],
                                positionsOut: file.appendPositions)
                positionIndex += n
            }
            try file.finishTerm(dictionary.key(t), encoder: &encoder)
        }
        try file.finish()
        reset()
    }

    /// Writes the segment to `path` and makes it durable (fsync), then empties the writer.
    /// Returns the number of documents written.
    @discardableResult
    public func write(to path: String) throws -> Int {
        let count = ids.count
        try encode(into: try SegmentFileWriter(path: path, fieldCount: fieldCount, documentCount: count))
        return count
    }

    /// Writes the segment to `path` durably, empties the writer, and returns the segment
    /// opened from the file written.
    func flush(to path: String) throws(EngineError) -> SegmentReader {
        try encode(into: try SegmentFileWriter(path: path, fieldCount: fieldCount, documentCount: ids.count))
        return try SegmentReader(path: path)
    }

    private func reset() {
        dictionary = TermTable()
        postings = []
        ids = []
        values = []
        lengths = []
        estimatedBytes = 0
        FreedMemory.release()
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

    /// Hands each token to `body` in position order (tokens at one position in the order
    /// appended).
    func forEachToken(_ body: (UnsafeBufferPointer<UInt8>, UInt32) -> Void) {
        let ascending = zip(positions, positions.dropFirst()).allSatisfy { $0 <= $1 }
        let order = ascending ? nil : positions.indices.sorted { (positions[$0], $0) < (positions[$1], $1) }
        bytes.withUnsafeBufferPointer { bytes in
            for i in 0..<ends.count {
                let k = order?[i] ?? i
                let start = k == 0 ? 0 : Int(ends[k - 1])
                body(UnsafeBufferPointer(rebasing: bytes[start..<Int(ends[k])]), positions[k])
            }
        }
    }
}

/// A document's tokens as a writer reads them: each field's terms with their positions, handed
/// over once, in order. The indexing step replays its analysed text through one, so that no
/// copy of a document's tokens is made for the writer (`[FieldTokens]` is one too).
public protocol DocumentTokens {
    /// Hands each token of field `field` to `body`: its term's bytes (valid during the call)
    /// and its position. Positions never go back within a field.
    func forEachToken(inField field: Int, _ body: (UnsafeBufferPointer<UInt8>, UInt32) -> Void)
}

extension Array: DocumentTokens where Element == FieldTokens {
    public func forEachToken(inField field: Int, _ body: (UnsafeBufferPointer<UInt8>, UInt32) -> Void) {
        self[field].forEachToken(body)
    }
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
