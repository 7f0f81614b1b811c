/// A segment's document values (`DocumentValues`), stored by column in the segment's values
/// section and read in place from the mapped file.
///
/// An archive repeats the same committees, dates and people in thousands of entries, so each
/// distinct string is stored once and a document's values are numbers into that table: a
/// filter tests each distinct string once per query and then compares numbers. Nothing is
/// decoded when a segment is opened (decoding every document's values was most of what
/// opening a large index, and so every command-line search, cost); a string is made when a
/// search asks for it.
///
/// The same values are also kept the other way round, each distinct (kind, string) pair with
/// the documents that hold it: a filter then gathers the documents it passes from the pairs it
/// accepts (`FilterCheck`), and a search steps from one passing document to the next instead
/// of reading the values of every document its words match.
///
/// Layout (little-endian, fixed width, so any entry is found without reading those before it):
///
///     strings    count N (u32); N + 1 ends (u32, from the first string's first byte); the
///                strings' UTF-8, one after another
///     documents  per document where its values start (u32, documents + 1)
///     values     each value's kind (u8), then each value's string number (u32), in the order
///                the document's values were added
///     holders    count P (u32); per pair in order of kind, then string number: the string
///                number (u32), the kind (u32) and the end of its documents (u32, in bytes from
///                the first pair's first); then each pair's documents, ascending local
///                numbers as varint deltas (the first from 0)
struct ValueColumns: Sendable {
    private let bytes: SegmentBytes
    /// The number of distinct strings.
    let stringCount: Int
    private let ends: Int
    private let stringsStart: Int
    private let starts: Int
    private let kinds: Int
    private let numbers: Int
    /// The number of (kind, string) pairs, where their table starts, where their documents do.
    let pairCount: Int
    private let pairs: Int
    private let holders: Int
    private let documentCount: Int

    /// Reads the columns of `documentCount` documents from `range` of `bytes`, checking that
    /// every offset and number stays inside the section (damage is a `FormatError`, never a
    /// read outside it).
    init(_ bytes: SegmentBytes, in range: Range<Int>, documentCount: Int) throws(FormatError) {
        self.bytes = bytes
        var reader = try ByteReader(bytes, from: range.lowerBound, to: range.upperBound)
        let count = Int(try reader.u32())
        guard count <= range.count / 4 else { throw FormatError(message: "\(count) value strings in a section of \(range.count) bytes") }
        stringCount = count
        ends = reader.offset
        _ = try reader.bytes(4 * (count + 1))
        stringsStart = reader.offset
        let stringBytes = Int(bytes.u32(at: ends + 4 * count))
        var previous: UInt32 = 0
        for i in 0...count {
            let end = bytes.u32(at: ends + 4 * i)
            guard end >= previous, (i > 0 || end == 0) else { throw FormatError(message: "value strings out of order") }
            previous = end
        }
        _ = try reader.bytes(stringBytes)
        starts = reader.offset
        _ = try reader.bytes(4 * (documentCount + 1))
        let total = Int(bytes.u32(at: starts + 4 * documentCount))
        previous = 0
        for d in 0...documentCount {
            let start = bytes.u32(at: starts + 4 * d)
            guard start >= previous, (d > 0 || start == 0) else { throw FormatError(message: "document values out of order") }
            previous = start
        }
        kinds = reader.offset
        let kindBytes = try reader.bytes(total)
        for kind in kindBytes where DocumentValues.Kind(rawValue: kind) == nil {
            throw FormatError(message: "a document value of unknown kind")
        }
        numbers = reader.offset
        _ = try reader.bytes(4 * total)
        for i in 0..<total where bytes.u32(at: numbers + 4 * i) >= UInt32(count) {
            throw FormatError(message: "a document value outside the string table")
        }
        let pairs = Int(try reader.u32())
        guard pairs <= total else { throw FormatError(message: "\(pairs) value pairs for \(total) values") }
        pairCount = pairs
        self.pairs = reader.offset
        _ = try reader.bytes(12 * pairs)
        var held: UInt32 = 0, previousKey: UInt64? = nil
        for p in 0..<pairs {
            let entry = self.pairs + 12 * p
            let end = bytes.u32(at: entry + 8)
            let key = UInt64(bytes.u32(at: entry + 4)) << 32 | UInt64(bytes.u32(at: entry))
            guard previousKey.map({ $0 < key }) ?? true else { throw FormatError(message: "value pairs out of order") }
            previousKey = key
            guard bytes.u32(at: entry) < UInt32(count), DocumentValues.Kind(rawValue: UInt8(truncatingIfNeeded: bytes.u32(at: entry + 4))) != nil,
                  bytes.u32(at: entry + 4) <= UInt32(UInt8.max), end >= held, end <= UInt32(range.upperBound - reader.offset) else {
                throw FormatError(message: "value pair \(p) out of range")
            }
            held = end
        }
        holders = reader.offset
        _ = try reader.bytes(Int(held))
        self.documentCount = documentCount
        guard reader.isAtEnd else { throw FormatError(message: "bytes after the document values") }
    }

    /// String `n`'s bytes, valid while the segment is open.
    func stringBytes(_ n: Int) -> UnsafeBufferPointer<UInt8> {
        let start = Int(bytes.u32(at: ends + 4 * n)), end = Int(bytes.u32(at: ends + 4 * (n + 1)))
        return UnsafeBufferPointer(start: bytes.base + stringsStart + start, count: end - start)
    }

    /// String `n` (bytes that are not UTF-8, which the checksum keeps out, are repaired).
    func string(_ n: Int) -> String { String(decoding: stringBytes(n), as: UTF8.self) }

    /// Where a document's values lie (indexes for `kind(at:)` and `number(at:)`).
    @inline(__always)
    func valueRange(of document: Int) -> Range<Int> {
        Int(bytes.u32(at: starts + 4 * document))..<Int(bytes.u32(at: starts + 4 * (document + 1)))
    }

    /// The kind (raw value) of value `i`.
    @inline(__always)
    func kind(at i: Int) -> UInt8 { bytes.base[kinds + i] }

    /// The string number of value `i`.
    @inline(__always)
    func number(at i: Int) -> Int { Int(bytes.u32(at: numbers + 4 * i)) }

    /// Pair `p`'s string number and kind (raw value).
    @inline(__always)
    func pair(_ p: Int) -> (string: Int, kind: UInt8) {
        (Int(bytes.u32(at: pairs + 12 * p)), UInt8(truncatingIfNeeded: bytes.u32(at: pairs + 12 * p + 4)))
    }

    /// The pairs of one kind (they are stored by kind).
    func pairs(of kind: DocumentValues.Kind) -> Range<Int> {
        func start(_ k: UInt32) -> Int {
            var low = 0, high = pairCount
            while low < high {
                let mid = (low + high) / 2
                if bytes.u32(at: pairs + 12 * mid + 4) < k { low = mid + 1 } else { high = mid }
            }
            return low
        }
        return start(UInt32(kind.rawValue))..<start(UInt32(kind.rawValue) + 1)
    }

    /// Calls `body` with each document that holds pair `p`, ascending. The walk stops at a
    /// number past the segment's documents or a varint running past the pair's bytes (bytes
    /// a checksum let through, which only a hand can make) rather than trust it.
    @inline(__always)
    func forEachHolder(of p: Int, _ body: (Int) -> Void) {
        var i = holders + (p == 0 ? 0 : Int(bytes.u32(at: pairs + 12 * (p - 1) + 8)))
        let end = holders + Int(bytes.u32(at: pairs + 12 * p + 8))
        var d = 0
        while i < end {
            var delta = 0, shift = 0
            while i < end, shift < 35 {
                let byte = bytes.base[i]
                i += 1
                delta |= Int(byte & 0x7F) << shift
                shift += 7
                if byte < 0x80 { break }
            }
            d += delta
            guard d < documentCount else { return }
            body(d)
        }
    }

    /// The string numbers of a document's values of one kind, in the order added.
    func numbers(_ kind: DocumentValues.Kind, of document: Int) -> Numbers {
        Numbers(columns: self, kind: kind.rawValue, range: valueRange(of: document))
    }

    /// A document's values, as they were added.
    func values(of document: Int) -> DocumentValues {
        var out = DocumentValues()
        for i in valueRange(of: document) {
            guard let valueKind = DocumentValues.Kind(rawValue: kind(at: i)) else { continue }
            out.add(valueKind, string(number(at: i)))
        }
        return out
    }

    /// A document's string numbers of one kind (`numbers(_:of:)`), read in place.
    struct Numbers: Sequence, IteratorProtocol {
        let columns: ValueColumns
        let kind: UInt8
        var range: Range<Int>

        mutating func next() -> Int? {
            while let i = range.first {
                range = range.dropFirst()
                if columns.kind(at: i) == kind { return columns.number(at: i) }
            }
            return nil
        }

        var first: Int? {
            var copy = self
            return copy.next()
        }
    }

    /// Gathers the columns as documents are written, and encodes the section.
    struct Writer {
        private var table: [String: UInt32] = [:]
        private var strings: [UInt8] = []
        private var ends: [UInt32] = [0]
        private var starts: [UInt32] = [0]
        private var kinds: [UInt8] = []
        private var numbers: [UInt32] = []
        /// Per (kind, string number) pair, the documents holding it, ascending.
        private var holders: [UInt64: [UInt32]] = [:]

        mutating func add(_ document: DocumentValues) {
            let d = UInt32(starts.count - 1)
            for value in document.values {
                let number: UInt32
                if let known = table[value.text] {
                    number = known
                } else {
                    number = UInt32(ends.count - 1)
                    table[value.text] = number
                    strings.append(contentsOf: value.text.utf8)
                    ends.append(UInt32(strings.count))
                }
                kinds.append(value.kind.rawValue)
                numbers.append(number)
                let key = UInt64(value.kind.rawValue) << 32 | UInt64(number)
                if holders[key]?.last != d { holders[key, default: []].append(d) }
            }
            starts.append(UInt32(numbers.count))
        }

        /// The section's bytes (`ValueColumns`' layout).
        var encoded: [UInt8] {
            var out = ByteWriter()
            out.u32(UInt32(ends.count - 1))
            for end in ends { out.u32(end) }
            out.append(strings)
            for start in starts { out.u32(start) }
            out.append(kinds)
            for number in numbers { out.u32(number) }
            let keys = holders.keys.sorted()
            var lists = ByteWriter(), ends: [UInt32] = []
            for key in keys {
                var previous: UInt32 = 0
                for d in holders[key]! {
                    lists.varint(UInt64(d - previous))
                    previous = d
                }
                ends.append(UInt32(lists.bytes.count))
            }
            out.u32(UInt32(keys.count))
            for (key, end) in zip(keys, ends) {
                out.u32(UInt32(key & 0xFFFF_FFFF))
                out.u32(UInt32(key >> 32))
                out.u32(end)
            }
            out.append(lists.bytes)
            return out.bytes
        }
    }
}

/// A segment's documents' values by local number (`ValueColumns.values(of:)`): what facets,
/// the records' values by id and merges read.
public struct StoredValues: RandomAccessCollection, Sendable {
    let columns: ValueColumns
    let documentCount: Int

    public var startIndex: Int { 0 }
    public var endIndex: Int { documentCount }

    public subscript(d: Int) -> DocumentValues { columns.values(of: d) }
}
