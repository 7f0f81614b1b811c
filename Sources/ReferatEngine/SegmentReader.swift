import Foundation

/// One segment file, verified and opened: its documents, its term dictionary, and cursors
/// over its postings.
///
/// Opening reads the whole file and checks its length, its magic numbers and its checksum
/// before anything else, then the structure of its documents and dictionary; any damage is an
/// `EngineError` naming the file. Postings are decoded when a query reads them, with every
/// read bounds-checked.
public final class SegmentReader: Sendable {
    public let file: String
    public let fieldCount: Int
    /// The external id of each document, by local number.
    public let ids: [UInt64]
    /// `fieldCount` lengths per document.
    let lengths: [UInt32]
    /// Each document's values, by local number: what filters, facets and date sorting read.
    public let values: [DocumentValues]
    /// The same values as numbers into a table of distinct strings, for filters.
    let columns: ValueColumns
    /// Terms in byte order, and where each one's data lies.
    let terms: [[UInt8]]
    let infos: [TermInfo]
    let bytes: [UInt8]
    let postingsSection: Range<Int>
    let positionsSection: Range<Int>
    /// Each field's average length in this segment, as the writer computed it.
    let averageLengths: [Double]

    public var documentCount: Int { ids.count }

    /// Opens the segment at `path`.
    public convenience init(path: String) throws(EngineError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw EngineError(file: path, message: "cannot read") }
        try self.init(bytes: Array(data), file: path)
    }

    /// Opens a segment from its bytes; `file` names it in errors.
    public init(bytes: [UInt8], file: String) throws(EngineError) {
        self.file = file
        self.bytes = bytes
        do throws(FormatError) {
            let footerStart = bytes.count - SegmentFormat.footerSize
            guard footerStart >= SegmentFormat.magic.count else { throw FormatError(message: "too short to be a segment (\(bytes.count) bytes)") }
            guard bytes.starts(with: SegmentFormat.magic) else { throw FormatError(message: "not a referat segment") }
            guard bytes[(bytes.count - 8)...].elementsEqual(SegmentFormat.endMagic) else { throw FormatError(message: "cut short: no end marker") }
            var footer = try ByteReader(bytes, from: footerStart)
            let offsets = try (0..<5).map { _ throws(FormatError) in try footer.u64() }
            let fieldCount = Int(try footer.u32())
            let stored = try footer.u32()
            guard offsets[4] == UInt64(bytes.count) else { throw FormatError(message: "length \(bytes.count), expected \(offsets[4]): cut short or extended") }
            guard Checksum.crc32c(bytes[..<(bytes.count - 12)]) == stored else { throw FormatError(message: "checksum mismatch: the file is damaged") }
            guard fieldCount > 0, fieldCount <= SegmentFormat.maxFields else { throw FormatError(message: "\(fieldCount) fields") }
            let starts = offsets[0..<4].map { Int(clamping: $0) }
            guard starts[0] == SegmentFormat.magic.count, zip(starts, starts.dropFirst() + [footerStart]).allSatisfy({ $0 <= $1 }) else {
                throw FormatError(message: "sections out of order")
            }
            self.fieldCount = fieldCount
            postingsSection = starts[1]..<starts[2]
            positionsSection = starts[2]..<starts[3]

            var documents = try ByteReader(bytes, from: starts[0], to: starts[1])
            let count = try documents.count(atMost: Int(UInt32.max) - 1)
            var ids: [UInt64] = [], lengths: [UInt32] = [], values: [DocumentValues] = []
            for _ in 0..<count {
                ids.append(try documents.varint())
                for _ in 0..<fieldCount { lengths.append(UInt32(try documents.count(atMost: Int(UInt32.max)))) }
                values.append(try DocumentValues.decode(&documents))
            }
            self.values = values
            columns = ValueColumns(values)
            guard documents.isAtEnd else { throw FormatError(message: "bytes after the documents") }
            self.ids = ids
            self.lengths = lengths
            averageLengths = (0..<fieldCount).map { f in
                ids.isEmpty ? 0 : stride(from: f, to: lengths.count, by: fieldCount).reduce(0.0) { $0 + Double(lengths[$1]) } / Double(ids.count)
            }

            var dictionary = try ByteReader(bytes, from: starts[3], to: footerStart)
            let termCount = try dictionary.count(atMost: footerStart)
            var terms: [[UInt8]] = [], infos: [TermInfo] = []
            for _ in 0..<termCount {
                let term = Array(try dictionary.bytes(try dictionary.count(atMost: 1 << 16)))
                let df = try dictionary.count(atMost: count)
                let p = try dictionary.count(atMost: postingsSection.count), pn = try dictionary.count(atMost: postingsSection.count - p)
                let q = try dictionary.count(atMost: positionsSection.count), qn = try dictionary.count(atMost: positionsSection.count - q)
                guard df > 0 else { throw FormatError(message: "a term without documents") }
                if let last = terms.last, !last.lexicographicallyPrecedes(term) { throw FormatError(message: "dictionary out of order") }
                terms.append(term)
                infos.append(TermInfo(documentFrequency: df, postings: (postingsSection.lowerBound + p)..<(postingsSection.lowerBound + p + pn),
                                      positions: (positionsSection.lowerBound + q)..<(positionsSection.lowerBound + q + qn)))
            }
            guard dictionary.isAtEnd else { throw FormatError(message: "bytes after the dictionary") }
            self.terms = terms
            self.infos = infos
        } catch {
            throw EngineError(file: file, message: error.message)
        }
    }

    /// The field lengths of a document.
    func length(_ doc: Int, _ field: Int) -> UInt32 { lengths[doc * fieldCount + field] }

    /// The dictionary index of `term`, if the segment has it.
    public func lookup(_ term: [UInt8]) -> Int? {
        let i = lowerBound(term)
        return i < terms.count && terms[i] == term ? i : nil
    }

    /// The dictionary indexes of the terms that start with `prefix`.
    public func range(withPrefix prefix: [UInt8]) -> Range<Int> {
        let start = lowerBound(prefix)
        var end = start
        while end < terms.count && terms[end].starts(with: prefix) { end += 1 }
        return start..<end
    }

    public func term(at index: Int) -> [UInt8] { terms[index] }
    public func documentFrequency(at index: Int) -> Int { infos[index].documentFrequency }

    private func lowerBound(_ term: [UInt8]) -> Int {
        var low = 0, high = terms.count
        while low < high {
            let mid = (low + high) / 2
            if terms[mid].lexicographicallyPrecedes(term) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

extension SegmentReader {
    /// The file's name in its folder.
    var fileName: String { (file as NSString).lastPathComponent }

    /// A document rebuilt from the postings, for a merge.
    struct StoredDocument {
        var id: UInt64
        var fields: [FieldTokens]
        var values: DocumentValues
    }

    /// Every document but those `skipping`, rebuilt from the postings: its terms at their
    /// positions in each field, and its values.
    func documents(skipping: Set<Int>) throws(EngineError) -> [StoredDocument] {
        // Per document, its occurrences as (field, position, term index), packed to sort.
        var occurrences = [[UInt64]](repeating: [], count: documentCount)
        for t in terms.indices {
            var cursor = try PostingCursor(segment: self, term: t)
            try cursor.advance(to: 0)
            while cursor.document != PostingCursor.exhausted {
                let d = cursor.document
                if !skipping.contains(d) {
                    for f in 0..<fieldCount {
                        for p in try cursor.positions(f) { occurrences[d].append(UInt64(f) << 60 | UInt64(p) << 28 | UInt64(t)) }
                    }
                }
                try cursor.next()
            }
        }
        var out: [StoredDocument] = []
        for d in 0..<documentCount where !skipping.contains(d) {
            var fields = [FieldTokens](repeating: FieldTokens(), count: fieldCount)
            for o in occurrences[d].sorted() {
                fields[Int(o >> 60)].append(terms[Int(o & 0xFFF_FFFF)], position: UInt32(o >> 28 & 0xFFF_FFFF))
            }
            occurrences[d] = []
            out.append(StoredDocument(id: ids[d], fields: fields, values: values[d]))
        }
        return out
    }
}
