/// A segment's terms in byte order, read in place from its mapped dictionary section: an
/// anchor per group of `SegmentFormat.termGroup` terms (where the group's first entry, its
/// postings and its positions start, fixed-width) and the entries themselves stay in the file.
///
/// An array of terms and an array of their `TermInfo` cost a hundred bytes and more a term,
/// which made a search process as large as its index's dictionaries, and walking every entry
/// to find where each starts made opening a large index slow; a lookup reads the few entries
/// its binary search visits instead. Every read is bounds-checked against the section: a
/// damaged number or a file cut short under it reads as an empty entry, never out of bounds.
struct TermDictionary: RandomAccessCollection, Sendable {
    let bytes: SegmentBytes
    /// Where the groups' anchors are (`SegmentFormat.termGroup` terms each).
    private let anchors: Int
    private let termCount: Int
    /// Where the entries start, and the section's end.
    private let base: Int
    private let end: Int
    private let documentCount: Int
    private let postings: Range<Int>
    private let positions: Range<Int>

    /// The dictionary in `section` of `bytes` (`SegmentFormat`).
    init(bytes: SegmentBytes, section: Range<Int>, documentCount: Int, postings: Range<Int>, positions: Range<Int>) throws(FormatError) {
        var reader = try ByteReader(bytes, from: section.lowerBound, to: section.upperBound)
        let count = Int(try reader.u32())
        let groups = (count + SegmentFormat.termGroup - 1) / SegmentFormat.termGroup
        guard groups <= (section.count - 4) / SegmentFormat.anchorSize else { throw FormatError(message: "\(count) terms in a dictionary of \(section.count) bytes") }
        self.bytes = bytes
        termCount = count
        anchors = reader.offset
        base = anchors + SegmentFormat.anchorSize * groups
        end = section.upperBound
        self.documentCount = documentCount
        self.postings = postings
        self.positions = positions
    }

    var startIndex: Int { 0 }
    var endIndex: Int { termCount }

    /// Where entry `i` starts in the file and where its postings and positions start: its
    /// group's anchor, then the entries before it in the group. A damaged anchor or entry
    /// reads as an entry at the section's end (which reads as empty).
    private func locate(_ i: Int) -> (entry: Int, postings: Int, positions: Int) {
        let g = i / SegmentFormat.termGroup, anchor = anchors + SegmentFormat.anchorSize * g
        let entry = base + Int(bytes.u32(at: anchor))
        let p = Int(clamping: bytes.u64(at: anchor + 4)), q = Int(clamping: bytes.u64(at: anchor + 12))
        guard entry <= end, var reader = try? ByteReader(bytes, from: entry, to: end) else { return (end, 0, 0) }
        var (postingsStart, positionsStart) = (p, q)
        for _ in 0..<(i - g * SegmentFormat.termGroup) {
            guard let (_, info) = try? Self.entry(&reader, at: postingsStart, positionsStart, documentCount: documentCount,
                                                  postings: postings, positions: positions) else { return (end, 0, 0) }
            postingsStart += info.postings.count
            positionsStart += info.positions.count
        }
        return (reader.offset, postingsStart, positionsStart)
    }

    /// Checks every entry: its numbers inside the segment, each group's anchor where the
    /// entries before it end, each term after the one before it, at least one document each
    /// (what `stats --check` and the fuzzer ask for).
    func checkEntries() throws(FormatError) {
        var last: UnsafeBufferPointer<UInt8>?
        var reader = try ByteReader(bytes, from: base, to: end)
        var p = 0, q = 0
        for i in 0..<termCount {
            if i % SegmentFormat.termGroup == 0 {
                let anchor = anchors + SegmentFormat.anchorSize * (i / SegmentFormat.termGroup)
                guard base + Int(bytes.u32(at: anchor)) == reader.offset, bytes.u64(at: anchor + 4) == UInt64(p), bytes.u64(at: anchor + 12) == UInt64(q) else {
                    throw FormatError(message: "dictionary group \(i / SegmentFormat.termGroup) does not start where the one before it ends")
                }
            }
            let (term, info) = try Self.entry(&reader, at: p, q, documentCount: documentCount, postings: postings, positions: positions)
            guard info.documentFrequency > 0 else { throw FormatError(message: "a term without documents") }
            if let last, !last.lexicographicallyPrecedes(term) { throw FormatError(message: "dictionary out of order") }
            last = term
            p += info.postings.count
            q += info.positions.count
        }
    }

    /// The bytes of term `i`, copied.
    subscript(i: Int) -> [UInt8] { Array(term(i)) }

    /// The bytes of term `i` in the file, valid while the segment is open.
    func term(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        guard var reader = try? ByteReader(bytes, from: locate(i).entry, to: end),
              let length = try? reader.count(atMost: 1 << 16), let term = try? reader.bytes(length) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return term
    }

    /// Where term `i`'s data lies.
    func info(_ i: Int) -> TermInfo {
        do throws(FormatError) {
            let (entry, p, q) = locate(i)
            var reader = try ByteReader(bytes, from: entry, to: end)
            return try Self.entry(&reader, at: p, q, documentCount: documentCount, postings: postings, positions: positions).info
        } catch {
            return TermInfo(documentFrequency: 0, postings: postings.lowerBound..<postings.lowerBound, positions: positions.lowerBound..<positions.lowerBound)
        }
    }

    /// Calls `body` with each term from `first` on, its number and where its data lies, read
    /// one entry after the other (a walk over many terms reads each entry once, where `term`
    /// and `info` read from the group's anchor), until `body` returns false or the terms end.
    /// A damaged entry ends the walk.
    func scan(from first: Int, _ body: (Int, UnsafeBufferPointer<UInt8>, TermInfo) -> Bool) {
        guard first < termCount else { return }
        let (entry, start, positionsStart) = locate(first)
        var (p, q) = (start, positionsStart)
        guard var reader = try? ByteReader(bytes, from: entry, to: end) else { return }
        for i in first..<termCount {
            guard let (term, info) = try? Self.entry(&reader, at: p, q, documentCount: documentCount, postings: postings, positions: positions),
                  body(i, term, info) else { return }
            p += info.postings.count
            q += info.positions.count
        }
    }

    /// Reads one entry whose postings start `p` bytes into the postings section and whose
    /// positions start `q` bytes into theirs: the term, and where its data lies, every number
    /// checked against the segment (what opening checks, and every later read again).
    static func entry(_ reader: inout ByteReader, at p: Int, _ q: Int, documentCount: Int, postings: Range<Int>, positions: Range<Int>)
        throws(FormatError) -> (term: UnsafeBufferPointer<UInt8>, info: TermInfo) {
        let term = try reader.bytes(try reader.count(atMost: 1 << 16))
        let df = try reader.count(atMost: documentCount)
        guard p >= 0, p <= postings.count, q >= 0, q <= positions.count else { throw FormatError(message: "a term's data outside its section") }
        let pn = try reader.count(atMost: postings.count - p), qn = try reader.count(atMost: positions.count - q)
        return (term, TermInfo(documentFrequency: df, postings: (postings.lowerBound + p)..<(postings.lowerBound + p + pn),
                               positions: (positions.lowerBound + q)..<(positions.lowerBound + q + qn)))
    }

    /// The first term not before `key` in byte order (`count` when none): the group by its
    /// first term, then the terms in it.
    func lowerBound(_ key: some Collection<UInt8>) -> Int {
        var low = 0, high = (termCount + SegmentFormat.termGroup - 1) / SegmentFormat.termGroup
        // The first group whose first term is not before the key; the answer lies in the one
        // before it or is that group's first term.
        while low < high {
            let mid = (low + high) / 2
            if term(mid * SegmentFormat.termGroup).lexicographicallyPrecedes(key) { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return 0 }
        // In the group before: its first term not before the key, else the next group's first.
        var first = Swift.min(termCount, low * SegmentFormat.termGroup)
        scan(from: (low - 1) * SegmentFormat.termGroup) { i, term, _ in
            guard i < first, term.lexicographicallyPrecedes(key) else {
                first = Swift.min(first, i)
                return false
            }
            return true
        }
        return first
    }
}

/// A segment's `TermInfo`s by term number, read from its dictionary when asked.
struct TermInfos: Sendable {
    let dictionary: TermDictionary
    subscript(i: Int) -> TermInfo { dictionary.info(i) }
}
