@testable import ReferatEngine
import Testing

/// Segments whose checksum matches bytes a writer never writes (what `make fuzz` makes): each
/// read gives an `EngineError` naming the file, never a crash or a wrong answer. One test per
/// finding of the fuzzer.
@Suite struct HostileSegmentTests {
    /// One document whose term "budget" stands in its title at positions 1, 1 + 2^21,
    /// 1 + 2^22 and 1 + 3·2^21: the positions section is one chunk of four values (1 and three
    /// gaps of 2^21) packed 22 bits wide: a width byte and eleven bytes.
    static let longDeltas: [UInt8] = {
        let writer = SegmentWriter(fieldCount: 3, memoryBudget: .max)
        writer.add(id: 1, fields: [[0, 1, 2, 3].map { (term: Array("budget".utf8), position: UInt32(1 + $0 * (1 << 21))) }, [], []])
        return writer.segmentBytes()
    }()

    /// The bytes of section `k` (0 documents, 1 postings, 2 positions, 3 dictionary, 4 values).
    static func section(_ bytes: [UInt8], _ k: Int) -> Range<Int> {
        let footer = bytes.count - SegmentFormat.footerSize
        func offset(_ i: Int) -> Int { (0..<8).reduce(0) { $0 | Int(bytes[footer + 8 * i + $1]) << (8 * $1) } }
        return offset(k)..<(k == 4 ? footer : offset(k + 1))
    }

    /// `segment` with its positions section replaced by `positions` (as long), resealed.
    static func withPositions(_ positions: [UInt8], in segment: [UInt8] = longDeltas) throws -> SegmentReader {
        var bytes = segment
        let range = section(bytes, 2)
        #expect(range.count == positions.count)
        bytes.replaceSubrange(range, with: positions)
        return try SegmentReader(bytes: FuzzTarget.resealSegment(bytes), file: "hostile.seg")
    }

    /// The values packed as `ByteWriter.packed` packs them, `width` bits each.
    static func packed(_ values: [UInt32], width: Int) -> [UInt8] {
        var writer = ByteWriter()
        writer.packed(values, minimumWidth: width)
        #expect(writer.bytes[0] == UInt8(width))
        return writer.bytes
    }

    /// `longDeltas` with its postings section (five bytes: the one term's one block) replaced.
    static func withPostings(_ postings: [UInt8]) throws -> SegmentReader {
        var bytes = longDeltas
        let range = section(bytes, 1)
        #expect(range.count == 5 && postings.count == 5)
        bytes.replaceSubrange(range, with: postings)
        return try SegmentReader(bytes: FuzzTarget.resealSegment(bytes), file: "hostile.seg")
    }

    /// A term of one block has no skip entry to check its block against (format 7): a block
    /// whose document lies past the segment's, behind a valid checksum, is an error when the
    /// term is opened, before any length of that document is read.
    @Test func aSingleBlockPastTheSegmentsDocumentsIsAnError() throws {
        #expect(Array(Self.longDeltas[Self.section(Self.longDeltas, 1)]) == [0, 3, 4, 0, 0])
        // Document deltas one bit wide, the one delta 1: document 1 of a segment of one.
        let segment = try Self.withPostings([1, 1, 3, 4, 0])
        let error = try #require(throws: EngineError.self) { try PostingCursor(segment: segment, term: 0) }
        #expect(error.file == "hostile.seg" && error.message.contains("past the segment"))
    }

    /// A dictionary group's anchor that does not say where the entries before it end (its
    /// entry, postings or positions start moved by one), behind a valid checksum: opening
    /// says so, where a lookup would have read another term's data.
    @Test(arguments: [0, 4, 12])
    func aDictionaryAnchorOutOfStepIsAnError(field: Int) throws {
        let writer = SegmentWriter(fieldCount: 1, memoryBudget: .max)
        let tokens: [(term: [UInt8], position: UInt32)] = (0..<20).map { k in (Array("w\(k + 10)".utf8), UInt32(k)) }
        writer.add(id: 1, fields: [tokens])
        var bytes = writer.segmentBytes()
        // The second group's anchor: after the term count and the first anchor.
        let anchor = Self.section(bytes, 3).lowerBound + 4 + SegmentFormat.anchorSize + field
        bytes[anchor] &+= 1
        let error = try #require(throws: EngineError.self) { try SegmentReader(bytes: FuzzTarget.resealSegment(bytes), file: "hostile.seg") }
        #expect(error.file == "hostile.seg" && error.message.contains("dictionary group 1"))
    }

    @Test func theSegmentReadsBackAsWritten() throws {
        let segment = try Self.withPositions(Array(Self.longDeltas[Self.section(Self.longDeltas, 2)]))
        var cursor = try PostingCursor(segment: segment, term: 0)
        try cursor.advance(to: 0)
        #expect(try cursor.positions(0) == [1, 1 + 1 << 21, 1 + 1 << 22, 1 + 3 << 21])
    }

    /// A chunk of positions packed zero bits wide (which would let a few bytes claim any
    /// number of positions) or wider than 32 bits, behind a valid checksum: reading the
    /// positions is an error naming the file.
    @Test(arguments: [0, 33])
    func aPositionChunkOfAWidthTheWriterNeverWritesIsAnError(width: Int) throws {
        let segment = try Self.withPositions([UInt8(width)] + [UInt8](repeating: 0, count: 11))
        var cursor = try PostingCursor(segment: segment, term: 0)
        try cursor.advance(to: 0)
        let error = try #require(throws: EngineError.self) { try cursor.positions(0) }
        #expect(error.file == "hostile.seg" && error.message.contains("bit width"))
    }

    @Test func positionsAreStoredAsPackedGaps() {
        #expect(Array(Self.longDeltas[Self.section(Self.longDeltas, 2)]) == Self.packed([1, 1 << 21, 1 << 21, 1 << 21], width: 22))
    }

    /// A segment of one document with one value (committee "byrådet"), and its values section.
    static func oneValueSegment() -> (bytes: [UInt8], values: Range<Int>) {
        let writer = SegmentWriter(fieldCount: 1, memoryBudget: .max)
        var values = DocumentValues()
        values.add(.committee, "byrådet")
        var field = FieldTokens()
        field.append(Array("ord".utf8), position: 0)
        writer.add(id: 1, fields: [field], values: values)
        let bytes = writer.segmentBytes()
        return (bytes, section(bytes, 4))
    }

    /// A value whose string number lies past the segment's string table, behind a valid
    /// checksum: reading it would have read outside the section; opening says so instead.
    @Test func aValueOutsideTheStringTableIsAnError() throws {
        var (bytes, range) = Self.oneValueSegment()
        // The one value's string number (u32), 0, made 1: it stands before the holders (their
        // count, one pair of three u32s, one document in one byte).
        bytes[range.upperBound - 21] = 1
        let error = try #require(throws: EngineError.self) { try SegmentReader(bytes: FuzzTarget.resealSegment(bytes), file: "hostile.seg") }
        #expect(error.file == "hostile.seg" && error.message.contains("string table"))
    }

    /// A (kind, string) pair naming a string past the table, or holding more documents than
    /// there are values, behind a valid checksum: opening says so.
    @Test(arguments: [(offset: 13, byte: UInt8(1)), (offset: 9, byte: UInt8(0)), (offset: 5, byte: UInt8(2))])
    func aValuePairOutOfRangeIsAnError(_ damage: (offset: Int, byte: UInt8)) throws {
        var (bytes, range) = Self.oneValueSegment()
        // The pair's string number, kind (0 is no kind) and end (in bytes) stand 13, 9 and 5
        // bytes from the section's end, before the one document's byte.
        bytes[range.upperBound - damage.offset] = damage.byte
        let error = try #require(throws: EngineError.self) { try SegmentReader(bytes: FuzzTarget.resealSegment(bytes), file: "hostile.seg") }
        #expect(error.file == "hostile.seg")
    }

    /// A position of 2^28, above what the writer keeps: a merge packed positions in 28 bits,
    /// so it rebuilt the document with its term at a wrong position; a merge must refuse it.
    @Test func aPositionAboveTheWritersLimitIsAnError() throws {
        // "budget" at the first position and the writer's last, as 0 and a gap of 2^28 - 1,
        // 28 bits wide; made 1 and the same gap, the second position is 2^28.
        let writer = SegmentWriter(fieldCount: 1, memoryBudget: .max)
        writer.add(id: 1, fields: [[0, SegmentWriter.maxPosition].map { (term: Array("budget".utf8), position: $0) }])
        let atLimit = writer.segmentBytes()
        #expect(Array(atLimit[Self.section(atLimit, 2)]) == Self.packed([0, SegmentWriter.maxPosition], width: 28))
        let segment = try Self.withPositions(Self.packed([1, SegmentWriter.maxPosition], width: 28), in: atLimit)
        #expect(throws: EngineError.self) { try SegmentMerger.mergedBytes([.init(segment: segment, deleted: [])]) }
    }
}
