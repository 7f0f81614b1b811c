/// A segment's terms in byte order, read in place from its mapped dictionary section: where
/// each entry starts (a fixed-width number per term) and the entries themselves stay in the
/// file.
///
/// An array of terms and an array of their `TermInfo` cost a hundred bytes and more a term,
/// which made a search process as large as its index's dictionaries, and walking every entry
/// to find where each starts made opening a large index slow; a lookup reads the few entries
/// its binary search visits instead. Every read is bounds-checked against the section: a
/// damaged number or a file cut short under it reads as an empty entry, never out of bounds.
struct TermDictionary: RandomAccessCollection, Sendable {
    let bytes: SegmentBytes
    /// Where the entry starts are (u32 each, from `base`).
    private let starts: Int
    private let termCount: Int
    private let base: Int
    private let end: Int
    private let documentCount: Int
    private let postings: Range<Int>
    private let positions: Range<Int>

    /// The dictionary in `section` of `bytes` (`SegmentFormat`).
    init(bytes: SegmentBytes, section: Range<Int>, documentCount: Int, postings: Range<Int>, positions: Range<Int>) throws(FormatError) {
        var reader = try ByteReader(bytes, from: section.lowerBound, to: section.upperBound)
        let count = Int(try reader.u32())
        guard count <= (section.count - 4) / 4 else { throw FormatError(message: "\(count) terms in a dictionary of \(section.count) bytes") }
        self.bytes = bytes
        termCount = count
        starts = reader.offset
        base = starts + 4 * count
        end = section.upperBound
        self.documentCount = documentCount
        self.postings = postings
        self.positions = positions
    }

    var startIndex: Int { 0 }
    var endIndex: Int { termCount }

    /// Where entry `i` starts in the file.
    @inline(__always)
    private func start(_ i: Int) -> Int {
        base + Int(bytes.u32(at: starts + 4 * i))
    }

    /// Checks every entry: its numbers inside the segment, each term after the one before
    /// it, at least one document each (what `stats --check` and the fuzzer ask for).
    func checkEntries() throws(FormatError) {
        var last: UnsafeBufferPointer<UInt8>?
        for i in 0..<termCount {
            var reader = try ByteReader(bytes, from: start(i), to: end)
            let (term, info) = try Self.entry(&reader, documentCount: documentCount, postings: postings, positions: positions)
            guard info.documentFrequency > 0 else { throw FormatError(message: "a term without documents") }
            if let last, !last.lexicographicallyPrecedes(term) { throw FormatError(message: "dictionary out of order") }
            last = term
        }
    }

    /// The bytes of term `i`, copied.
    subscript(i: Int) -> [UInt8] { Array(term(i)) }

    /// The bytes of term `i` in the file, valid while the segment is open.
    func term(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        guard var reader = try? ByteReader(bytes, from: start(i), to: end),
              let length = try? reader.count(atMost: 1 << 16), let term = try? reader.bytes(length) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return term
    }

    /// Where term `i`'s data lies.
    func info(_ i: Int) -> TermInfo {
        do throws(FormatError) {
            var reader = try ByteReader(bytes, from: start(i), to: end)
            return try Self.entry(&reader, documentCount: documentCount, postings: postings, positions: positions).info
        } catch {
            return TermInfo(documentFrequency: 0, postings: postings.lowerBound..<postings.lowerBound, positions: positions.lowerBound..<positions.lowerBound)
        }
    }

    /// Reads one entry: the term, and where its data lies, every number checked against the
    /// segment (what opening checks, and every later read again).
    static func entry(_ reader: inout ByteReader, documentCount: Int, postings: Range<Int>, positions: Range<Int>)
        throws(FormatError) -> (term: UnsafeBufferPointer<UInt8>, info: TermInfo) {
        let term = try reader.bytes(try reader.count(atMost: 1 << 16))
        let df = try reader.count(atMost: documentCount)
        let p = try reader.count(atMost: postings.count), pn = try reader.count(atMost: postings.count - p)
        let q = try reader.count(atMost: positions.count), qn = try reader.count(atMost: positions.count - q)
        return (term, TermInfo(documentFrequency: df, postings: (postings.lowerBound + p)..<(postings.lowerBound + p + pn),
                               positions: (positions.lowerBound + q)..<(positions.lowerBound + q + qn)))
    }

    /// The first term not before `key` in byte order (`count` when none).
    func lowerBound(_ key: some Collection<UInt8>) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if term(mid).lexicographicallyPrecedes(key) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

/// A segment's `TermInfo`s by term number, read from its dictionary when asked.
struct TermInfos: Sendable {
    let dictionary: TermDictionary
    subscript(i: Int) -> TermInfo { dictionary.info(i) }
}
