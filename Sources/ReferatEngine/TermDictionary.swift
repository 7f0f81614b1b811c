/// A segment's terms in byte order, read in place from its mapped dictionary section: one
/// number per term (where its entry starts) in memory, the terms' bytes and data in the file.
///
/// An array of terms and an array of their `TermInfo` cost a hundred bytes and more a term,
/// which made a search process as large as its index's dictionaries; a lookup reads the few
/// entries its binary search visits instead. The entries were checked when the segment was
/// opened (`SegmentReader`), and are read again with every read bounds-checked: a file cut
/// short under it reads as empty entries, never out of bounds.
struct TermDictionary: RandomAccessCollection, Sendable {
    let bytes: SegmentBytes
    /// Where each entry starts, from `base`.
    private let starts: [UInt32]
    private let base: Int
    private let end: Int
    private let documentCount: Int
    private let postings: Range<Int>
    private let positions: Range<Int>

    init(bytes: SegmentBytes, base: Int, end: Int, starts: [UInt32], documentCount: Int, postings: Range<Int>, positions: Range<Int>) {
        self.bytes = bytes
        self.base = base
        self.end = end
        self.starts = starts
        self.documentCount = documentCount
        self.postings = postings
        self.positions = positions
    }

    var startIndex: Int { 0 }
    var endIndex: Int { starts.count }

    /// The bytes of term `i`, copied.
    subscript(i: Int) -> [UInt8] { Array(term(i)) }

    /// The bytes of term `i` in the file, valid while the segment is open.
    func term(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        guard var reader = try? ByteReader(bytes, from: base + Int(starts[i]), to: end),
              let length = try? reader.count(atMost: 1 << 16), let term = try? reader.bytes(length) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return term
    }

    /// Where term `i`'s data lies.
    func info(_ i: Int) -> TermInfo {
        do throws(FormatError) {
            var reader = try ByteReader(bytes, from: base + Int(starts[i]), to: end)
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
