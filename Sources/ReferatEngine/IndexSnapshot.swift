import Foundation

/// One committed state of an index folder: the segments its manifest names, opened and
/// verified, with their deletions applied. Immutable: a search runs on the snapshot it was
/// given while an import commits the next one.
///
/// Documents are numbered across the segments in manifest order (`bases`). Only live
/// documents (not deleted) count in the statistics a score uses.
public final class IndexSnapshot: Sendable {
    public let folder: String
    public let manifest: Manifest
    public let segments: [SegmentReader]
    /// The number of each segment's first document.
    let bases: [Int]
    /// Documents in all segments, deleted ones included.
    let capacity: Int
    let live: DocumentSet
    public let liveCount: Int
    /// External id to document number, live documents only: made when first asked for (a
    /// writer's deletes and `values(ofID:)`; a search never asks).
    var locations: [UInt64: Int] {
        lazyLocations.value {
            var out: [UInt64: Int] = [:]
            out.reserveCapacity(liveCount)
            for (s, segment) in segments.enumerated() {
                for d in 0..<segment.documentCount where live.contains(bases[s] + d) { out[segment.ids[d]] = bases[s] + d }
            }
            return out
        }
    }
    private let lazyLocations = LazyValue<[UInt64: Int]>()
    /// Per segment, its deleted documents (local numbers, ascending).
    let deletedDocuments: [[Int]]
    /// The ranking's BM25F: the field weights and each field's average length over the live
    /// documents.
    let scoring: BM25F
    /// Per segment, each document's length normalisation in each ranked field
    /// (`BM25F.norm(length:field:)`, `fieldWeights.count` per document): worked out once
    /// here instead of for every posting a search scores.
    let norms: [NormTable]

    public var generation: Int { manifest.generation }

    /// An empty index at generation `generation`, in memory.
    public convenience init(emptyIn folder: String, generation: Int) {
        try! self.init(folder: folder, manifest: Manifest(generation: generation, segments: []), segments: [])
    }

    /// Opens the segments `manifest` names in `folder`, each verified whole; with
    /// `trustingVerified`, those a search verified before as the same files are not read whole
    /// again, and those verified now are stamped for the next (`VerifiedSegments`).
    public convenience init(folder: String, manifest: Manifest, trustingVerified: Bool = false) throws(EngineError) {
        var readers: [SegmentReader] = []
        var stamps = trustingVerified ? VerifiedSegments(folder: folder) : nil
        for name in manifest.segments {
            let reader = try SegmentReader(path: folder + "/" + name) { identity in stamps?.holds(name, identity) ?? false }
            if reader.wasVerified, let identity = reader.bytes.identity { stamps?.record(name, identity) }
            readers.append(reader)
        }
        stamps?.save(keeping: manifest.segments)
        try self.init(folder: folder, manifest: manifest, segments: readers)
    }

    /// The same, with segments already open (those an import wrote or kept).
    public init(folder: String, manifest: Manifest, segments: [SegmentReader]) throws(EngineError) {
        self.folder = folder
        self.manifest = manifest
        self.segments = segments
        var bases: [Int] = [], count = 0
        for segment in segments {
            bases.append(count)
            count += segment.documentCount
        }
        self.bases = bases
        capacity = count
        var live = DocumentSet(capacity: count)
        var liveCount = 0
        var deletedDocuments: [[Int]] = []
        // Tokens per field over the live documents, for the fields' average lengths.
        var fieldTotals = [Double](repeating: 0, count: Self.fieldWeights.count)
        for (s, segment) in segments.enumerated() {
            let deleted = Set(manifest.deleted?[manifest.segments[s]] ?? [])
            deletedDocuments.append(deleted.sorted())
            for d in 0..<segment.documentCount {
                guard !deleted.contains(d) else { continue }
                for f in 0..<min(segment.fieldCount, fieldTotals.count) { fieldTotals[f] += Double(segment.length(d, f)) }
                live.insert(bases[s] + d)
                liveCount += 1
            }
        }
        self.deletedDocuments = deletedDocuments
        self.live = live
        self.liveCount = liveCount
        let scoring = BM25F(weights: Self.fieldWeights, documentCount: liveCount,
                            averageLengths: fieldTotals.map { liveCount > 0 ? $0 / Double(liveCount) : 0 })
        self.scoring = scoring
        let fields = Self.fieldWeights.count
        norms = segments.map { segment in
            NormTable((0..<segment.documentCount * fields).map { i in
                let (d, f) = i.quotientAndRemainder(dividingBy: fields)
                return f < segment.fieldCount ? scoring.norm(length: segment.length(d, f), field: f) : 1
            })
        }
    }

    /// The segment holding document `doc`, and its local number there.
    func locate(_ doc: Int) -> (segment: Int, local: Int) {
        var low = 0, high = bases.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if bases[mid] <= doc { low = mid } else { high = mid - 1 }
        }
        return (low, doc - bases[low])
    }

    func id(of doc: Int) -> UInt64 {
        let (s, d) = locate(doc)
        return segments[s].ids[d]
    }

    func values(of doc: Int) -> DocumentValues {
        let (s, d) = locate(doc)
        return segments[s].values[d]
    }

    /// True when the index holds a live document with this external id.
    public func contains(id: UInt64) -> Bool { locations[id] != nil }

    /// The values of the live document with this external id.
    public func values(ofID id: UInt64) -> DocumentValues? { locations[id].map(values(of:)) }

    /// Documents in the segments, deleted ones included.
    public var documentCapacity: Int { capacity }

    /// Throws when a segment's file was cut short while mapped (`SegmentBytes`).
    public func checkIntact() throws(EngineError) {
        for segment in segments { try segment.checkIntact() }
    }

    /// Runs `read` over the segments' postings and answers with its answer or its error,
    /// unless a file was cut short under it (`SegmentBytes`): then what it read may have
    /// been zeros, and the error names that file. Every read of postings runs in one.
    func intact<T>(_ read: () throws(EngineError) -> T) throws(EngineError) -> T {
        let result: Result<T, EngineError>
        do { result = .success(try read()) } catch { result = .failure(error) }
        try checkIntact()
        return try result.get()
    }
}

extension IndexSnapshot {
    /// Every term of the live documents with the number of documents holding it and of its
    /// occurrences, a weak form written behind "~". Does not depend on document numbers or
    /// segments, so two indexes of the same entries compare equal however they got there.
    public func vocabulary() throws(EngineError) -> [String: [Int]] {
        try intact { () throws(EngineError) in try countTerms() }
    }

    private func countTerms() throws(EngineError) -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        for (s, segment) in segments.enumerated() {
            for t in 0..<segment.terms.count {
                var cursor = try PostingCursor(segment: segment, term: t)
                try cursor.advance(to: 0)
                var documents = 0, occurrences = 0
                while cursor.document != PostingCursor.exhausted {
                    if live.contains(bases[s] + cursor.document) {
                        documents += 1
                        for f in 0..<segment.fieldCount { occurrences += Int(cursor.frequency(f)) }
                    }
                    try cursor.next()
                }
                guard documents > 0 else { continue }
                let bytes = segment.terms[t]
                let name = bytes.first == TermEncoding.weakMark ? "~" + String(decoding: bytes.dropFirst(), as: UTF8.self) : String(decoding: bytes, as: UTF8.self)
                out[name, default: [0, 0]][0] += documents
                out[name, default: [0, 0]][1] += occurrences
            }
        }
        return out
    }
}

/// One segment's length normalisations (`IndexSnapshot.norms`), read in place by scoring.
/// Written once when made, never after: safe to share.
final class NormTable: @unchecked Sendable {
    private let values: UnsafeMutableBufferPointer<Double>

    init(_ values: [Double]) {
        self.values = .allocate(capacity: values.count)
        _ = self.values.initialize(from: values)
    }

    deinit { values.deallocate() }

    var buffer: UnsafeBufferPointer<Double> { UnsafeBufferPointer(values) }
}

/// A value made once, when first asked for, by whichever thread asks first.
final class LazyValue<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T?

    func value(_ make: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        let made = make()
        stored = made
        return made
    }
}
