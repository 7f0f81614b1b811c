import Foundation

/// One segment file, verified and opened: its documents, its term dictionary, and cursors
/// over its postings.
///
/// Opening maps the file (`SegmentBytes`) and checks its length, its magic numbers and its
/// checksum before anything else, then the structure of its documents, values and dictionary;
/// any damage is an `EngineError` naming the file. A file a search verified before as the
/// same file (`VerifiedSegments`) skips the checksum and the walk over every dictionary entry,
/// the two reads of the whole file. Postings are decoded when a query reads them, with every
/// read bounds-checked, and only the pages a query reads are brought in.
public final class SegmentReader: Sendable {
    public let file: String
    public let fieldCount: Int
    /// The external id of each document, by local number.
    public let ids: [UInt64]
    /// `fieldCount` lengths per document.
    let lengths: [UInt32]
    /// Each document's values, by local number, read from the file when asked: what facets
    /// and the records read.
    public var values: StoredValues { StoredValues(columns: columns, documentCount: ids.count) }
    /// The same values as numbers into a table of distinct strings, read in place: what
    /// filters and sorting read.
    let columns: ValueColumns
    /// Terms in byte order, read in place, and where each one's data lies.
    let terms: TermDictionary
    var infos: TermInfos { TermInfos(dictionary: terms) }
    let bytes: SegmentBytes
    let postingsSection: Range<Int>
    let positionsSection: Range<Int>
    /// Each field's average length in this segment, as the writer computed it.
    let averageLengths: [Double]

    public var documentCount: Int { ids.count }

    /// Opens the segment at `path`, mapped; its checksum is not computed when `verified`
    /// says a search verified this very file before (`VerifiedSegments`).
    convenience init(path: String, verified: (VerifiedSegments.Identity) -> Bool) throws(EngineError) {
        try self.init(storage: try SegmentBytes(mapping: path, verified: verified), file: path)
    }

    /// Opens the segment at `path`, mapped, and verifies it whole.
    public convenience init(path: String) throws(EngineError) {
        try self.init(path: path) { _ in false }
    }

    /// True when opening computed the file's checksum and found it right.
    var wasVerified: Bool { bytes.checksum != nil }

    /// Opens a segment from its bytes, copied; `file` names it in errors.
    public convenience init(bytes: [UInt8], file: String) throws(EngineError) {
        try self.init(storage: SegmentBytes(copying: bytes), file: file)
    }

    init(storage bytes: SegmentBytes, file: String) throws(EngineError) {
        self.file = file
        self.bytes = bytes
        do throws(FormatError) {
            let footerStart = bytes.count - SegmentFormat.footerSize
            guard footerStart >= SegmentFormat.magic.count else { throw FormatError(message: "too short to be a segment (\(bytes.count) bytes)") }
            var header = try ByteReader(bytes, to: SegmentFormat.magic.count)
            let magic = try header.bytes(SegmentFormat.magic.count)
            guard magic.prefix(5).elementsEqual(SegmentFormat.magic.prefix(5)) else { throw FormatError(message: "not a referat segment") }
            guard magic.elementsEqual(SegmentFormat.magic) else {
                throw FormatError(message: "written in segment format \(magic.last!) by another version of referat; this one reads format \(SegmentFormat.version)")
            }
            var tail = try ByteReader(bytes, from: bytes.count - 8)
            guard try tail.bytes(8).elementsEqual(SegmentFormat.endMagic) else { throw FormatError(message: "cut short: no end marker") }
            var footer = try ByteReader(bytes, from: footerStart)
            let offsets = try (0..<6).map { _ throws(FormatError) in try footer.u64() }
            let fieldCount = Int(try footer.u32())
            let stored = try footer.u32()
            guard offsets[5] == UInt64(bytes.count) else { throw FormatError(message: "length \(bytes.count), expected \(offsets[5]): cut short or extended") }
            if let checksum = bytes.checksum, checksum != stored { throw FormatError(message: "checksum mismatch: the file is damaged") }
            guard fieldCount > 0, fieldCount <= SegmentFormat.maxFields else { throw FormatError(message: "\(fieldCount) fields") }
            let starts = offsets[0..<5].map { Int(clamping: $0) }
            guard starts[0] == SegmentFormat.magic.count, zip(starts, starts.dropFirst() + [footerStart]).allSatisfy({ $0 <= $1 }) else {
                throw FormatError(message: "sections out of order")
            }
            self.fieldCount = fieldCount
            postingsSection = starts[1]..<starts[2]
            positionsSection = starts[2]..<starts[3]

            // Offsets into a section are kept in 32 bits.
            guard starts[1] - starts[0] <= Int(UInt32.max), starts[4] - starts[3] <= Int(UInt32.max) else {
                throw FormatError(message: "a section of more than 4 GiB")
            }
            var documents = try ByteReader(bytes, from: starts[0], to: starts[1])
            let count = try documents.count(atMost: Int(UInt32.max) - 1)
            var ids: [UInt64] = [], lengths: [UInt32] = []
            ids.reserveCapacity(count)
            lengths.reserveCapacity(count * fieldCount)
            for _ in 0..<count {
                ids.append(try documents.varint())
                for _ in 0..<fieldCount { lengths.append(UInt32(try documents.count(atMost: Int(UInt32.max)))) }
            }
            guard documents.isAtEnd else { throw FormatError(message: "bytes after the documents") }
            self.ids = ids
            self.lengths = lengths
            averageLengths = (0..<fieldCount).map { f in
                ids.isEmpty ? 0 : stride(from: f, to: lengths.count, by: fieldCount).reduce(0.0) { $0 + Double(lengths[$1]) } / Double(ids.count)
            }

            columns = try ValueColumns(bytes, in: starts[4]..<footerStart, documentCount: count)

            terms = try TermDictionary(bytes: bytes, section: starts[3]..<starts[4], documentCount: count,
                                       postings: postingsSection, positions: positionsSection)
            if bytes.checksum != nil { try terms.checkEntries() }
        } catch {
            throw EngineError(file: file, message: error.message)
        }
        try checkIntact()
        bytes.releasePages()
    }

    /// Throws when the file was cut short while mapped (`SegmentBytes`): what was read from
    /// it since may be zeros. Every path that reads postings asks before it answers.
    public func checkIntact() throws(EngineError) {
        if let error = bytes.cutShortError(file: file) { throw error }
    }

    /// The field lengths of a document.
    func length(_ doc: Int, _ field: Int) -> UInt32 { lengths[doc * fieldCount + field] }

    /// The dictionary index of `term`, if the segment has it.
    public func lookup(_ term: [UInt8]) -> Int? {
        let i = lowerBound(term)
        return i < terms.count && terms.term(i).elementsEqual(term) ? i : nil
    }

    /// The dictionary indexes of the terms that start with `prefix`.
    public func range(withPrefix prefix: [UInt8]) -> Range<Int> {
        let start = lowerBound(prefix)
        var end = start
        forEachTerm(from: start, withPrefix: prefix) { _, _, _ in end += 1 }
        return start..<end
    }

    /// Calls `body` with each term that starts with `prefix` (its number, bytes and document
    /// frequency), in byte order, reading the dictionary's entries once each.
    public func forEachTerm(withPrefix prefix: [UInt8], _ body: (Int, UnsafeBufferPointer<UInt8>, Int) -> Void) {
        forEachTerm(from: lowerBound(prefix), withPrefix: prefix, body)
    }

    private func forEachTerm(from start: Int, withPrefix prefix: [UInt8], _ body: (Int, UnsafeBufferPointer<UInt8>, Int) -> Void) {
        terms.scan(from: start) { i, term, info in
            guard term.starts(with: prefix) else { return false }
            body(i, term, info.documentFrequency)
            return true
        }
    }

    public func term(at index: Int) -> [UInt8] { terms[index] }
    public func documentFrequency(at index: Int) -> Int { terms.info(index).documentFrequency }

    private func lowerBound(_ term: [UInt8]) -> Int { terms.lowerBound(term) }
}

extension SegmentReader {
    /// The file's name in its folder.
    var fileName: String { (file as NSString).lastPathComponent }
}
