import Foundation

/// The changes one write transaction makes to an index folder: documents added (buffered in
/// segment writers, one per lane, each flushed to a segment file whenever its share of the
/// memory budget is reached) and documents deleted (tombstones in the next manifest), committed
/// as one new generation.
///
///     let commit = IndexCommit(base: snapshot, memoryBudget: 64 << 20, lanes: 2)
///     commit.delete(id: 17)
///     commit.add(id: 18, fields: fields, values: values)
///     try commit.add(ids: [19, 20, 21]) { i, lane in (tokens(i, analyzers[lane]), values(i)) }
///     let next = try commit.prepare()      // segments and manifest-<g+1> written and synced
///     // … store g+1 with the records, in their transaction; then use `next`
///
/// Nothing is visible until the caller records the new generation: readers open the manifest
/// of the generation the records name. Files of a generation that never got recorded are
/// removed by the next writer's `IndexFolder.openForWriting`.
public final class IndexCommit {
    public let base: IndexSnapshot
    public let generation: Int
    /// One segment writer per lane: `add(id:fields:values:)` fills lane 0, and
    /// `add(ids:document:)` fills every lane at once, each on its own thread, as an import
    /// thread owns its writer (no locks while documents are added).
    private let lanes: [Lane]
    private var written: [SegmentReader] = []
    /// Tombstones: per segment name, local numbers.
    private var deleted: [String: Set<Int>]
    /// Where a document added in this commit is: in a written segment, or still in a lane's
    /// writer.
    private enum Place {
        case written(segment: Int, local: Int)
        case buffered(lane: Int, local: Int)
    }
    /// Documents added in this commit, by external id.
    private var added: [UInt64: Place] = [:]
    /// Segments of the base left out of the next generation (merged into a new one).
    private var dropped: Set<String> = []
    /// Segments this commit flushed, and merged, so far: for their names.
    private var flushes = 0
    private var merges = 0
    public private(set) var changed = false
    /// Set for the last commit of a bulk import: the small segments its lanes wrote are merged
    /// into one (`MergePolicy.small`), so that searches look terms up in fewer segments than the
    /// lanes left (each writes its own at every commit).
    public var consolidates = false

    /// Whether `prepare` has a new generation to write: documents added or deleted, or small
    /// segments to merge for a bulk import's last commit (which may add nothing itself, when
    /// the import's entries filled the commit before it).
    public var hasWork: Bool { changed || consolidates }

    /// `memoryBudget` is shared by the `lanes` writers.
    public init(base: IndexSnapshot, memoryBudget: Int, lanes: Int = 1) {
        self.base = base
        generation = base.generation + 1
        let count = max(1, lanes)
        self.lanes = (0..<count).map { _ in
            Lane(SegmentWriter(fieldCount: IndexSnapshot.fieldWeights.count, memoryBudget: max(1, memoryBudget / count)))
        }
        deleted = (base.manifest.deleted ?? [:]).mapValues(Set.init)
    }

    /// How many threads `add(ids:document:)` adds on.
    public var laneCount: Int { lanes.count }

    private var folder: String { base.folder }

    /// Deletes the document with this external id, if the index or this commit holds it.
    public func delete(id: UInt64) {
        if let place = added.removeValue(forKey: id) {
            changed = true
            switch place {
            case .written(let s, let local): deleted[written[s].fileName, default: []].insert(local)
            case .buffered(let lane, let local): lanes[lane].pendingDeletes.insert(local)
            }
            return
        }
        guard let doc = base.locations[id] else { return }
        let (s, local) = base.locate(doc)
        let name = base.manifest.segments[s]
        if deleted[name, default: []].insert(local).inserted { changed = true }
    }

    /// Adds a document; the same id deleted first when present.
    public func add(id: UInt64, fields: some DocumentTokens, values: DocumentValues) throws(EngineError) {
        delete(id: id)
        changed = true
        let writer = lanes[0].writer
        added[id] = .buffered(lane: 0, local: writer.documentCount)
        writer.add(id: id, tokens: fields, values: values)
        if writer.isFull { try flush(only: 0) }
    }

    /// Adds the documents `ids` (each once; the same ids deleted first when present) on
    /// `laneCount` threads: lane k takes the k-th of as many consecutive runs of `ids`, asks
    /// `document(i, k)` for document i's tokens and values, and adds it to its own writer,
    /// which writes its segment whenever it is full. `document` runs on lane k's thread; the
    /// lane number lets the caller give each thread its own analyzer.
    public func add<Tokens: DocumentTokens & SendableMetatype>(ids: [UInt64],
                                            document: @Sendable (_ index: Int, _ lane: Int) -> (tokens: Tokens, values: DocumentValues)) throws(EngineError) {
        guard !ids.isEmpty else { return }
        for id in ids { delete(id: id) }
        changed = true
        let count = min(lanes.count, ids.count)
        let runs = (0..<count).map { k in (k * ids.count / count)..<((k + 1) * ids.count / count) }
        let names = segmentNames()
        let all = lanes
        DispatchQueue.concurrentPerform(iterations: count) { k in
            let lane = all[k]
            for i in runs[k] {
                let (tokens, values) = document(i, k)
                lane.placed.append((ids[i], lane.flushed.count, lane.writer.documentCount))
                lane.writer.add(id: ids[i], tokens: tokens, values: values)
                if lane.writer.isFull, !lane.flush(to: names(k, lane.flushed.count)) { return }
            }
        }
        try register()
    }

    /// Writes the lanes' buffered documents as segments (only lane `only`, when given), each
    /// lane on its own thread.
    private func flush(only: Int? = nil) throws(EngineError) {
        let full = (only.map { [$0] } ?? Array(lanes.indices)).filter { !lanes[$0].writer.isEmpty }
        guard !full.isEmpty else { return }
        let names = segmentNames()
        let all = lanes
        DispatchQueue.concurrentPerform(iterations: full.count) { j in
            let k = full[j]
            _ = all[k].flush(to: names(k, 0))
        }
        try register()
    }

    /// Names for the segments the lanes write next: lane k's n-th.
    private func segmentNames() -> @Sendable (Int, Int) -> String {
        let folder = self.folder, generation = self.generation, first = flushes
        return { k, n in folder + "/\(generation)-\(first + n)-\(k).seg" }
    }

    /// Takes in what the lanes wrote since the last call, in lane order: their segments, the
    /// tombstones of documents deleted while buffered, and where each document they placed
    /// is now. Throws the first error a lane met.
    private func register() throws(EngineError) {
        var flushed = 0
        for (k, lane) in lanes.enumerated() {
            let first = written.count
            if let segment = lane.flushed.first {
                // What the lane buffered before: in its first segment now, with its deletes.
                if !lane.pendingDeletes.isEmpty { deleted[segment.fileName] = lane.pendingDeletes }
                lane.pendingDeletes = []
                for (id, place) in added {
                    if case .buffered(k, let local) = place { added[id] = .written(segment: first, local: local) }
                }
            }
            written += lane.flushed
            for (id, segment, local) in lane.placed {
                added[id] = segment < lane.flushed.count ? .written(segment: first + segment, local: local) : .buffered(lane: k, local: local)
            }
            flushed = max(flushed, lane.flushed.count)
            lane.flushed = []
            lane.placed = []
        }
        flushes += flushed
        if let error = lanes.lazy.compactMap(\.error).first {
            for lane in lanes { lane.error = nil }
            throw error
        }
    }

    /// A writer and what its thread did since the commit last took it in (`register`): only
    /// that thread touches it meanwhile.
    private final class Lane: @unchecked Sendable {
        let writer: SegmentWriter
        /// Local numbers of buffered documents deleted again.
        var pendingDeletes: Set<Int> = []
        var flushed: [SegmentReader] = []
        /// Documents added: (id, how many segments the lane had written before it, local number).
        var placed: [(id: UInt64, segment: Int, local: Int)] = []
        var error: EngineError?

        init(_ writer: SegmentWriter) { self.writer = writer }

        /// Writes the buffered documents to `path`; false (the error kept) when it fails.
        func flush(to path: String) -> Bool {
            do throws(EngineError) {
                flushed.append(try writer.flush(to: path))
                TestHook.reached("segmentWritten")
                return true
            } catch {
                self.error = error
                return false
            }
        }
    }

    /// The values of a live document (of the base or added here).
    public func values(ofID id: UInt64) -> DocumentValues? {
        if added[id] != nil { return nil }
        return base.values(ofID: id)
    }

    /// Leaves out the segments none of whose documents is live, and merges segments while
    /// `MergePolicy` asks for it: their live documents into one new segment, their
    /// tombstones gone, streamed from the mapped inputs (`SegmentMerger`). Every search
    /// looks up each query term in every segment, so segments that hold nothing go at once.
    private func mergeIfNeeded() throws(EngineError) {
        while true {
            let names = base.manifest.segments.filter { !dropped.contains($0) } + written.map(\.fileName)
            var readers: [String: SegmentReader] = [:]
            for (s, name) in base.manifest.segments.enumerated() { readers[name] = base.segments[s] }
            for reader in written { readers[reader.fileName] = reader }
            let sizes = names.map { name in readers[name]!.documentCount - (deleted[name]?.count ?? 0) }
            let empty = names.indices.filter { sizes[$0] == 0 }
            if !empty.isEmpty {
                leaveOut(Set(empty.map { names[$0] }))
                continue
            }
            guard let group = MergePolicy.pick(sizes: sizes) ?? (consolidates ? MergePolicy.small(sizes: sizes) : nil) else { return }
            let inputs = group.map { k in SegmentMerger.Input(segment: readers[names[k]]!, deleted: deleted[names[k]] ?? []) }
            let mergedName = "\(generation)-m\(merges).seg"
            merges += 1
            let merged = try SegmentMerger.merge(inputs, to: folder + "/" + mergedName)
            TestHook.reached("mergeWritten")
            leaveOut(Set(group.map { names[$0] }))
            written.append(merged)
        }
    }

    /// Takes segments out of the next generation (merged, or with no live document).
    private func leaveOut(_ names: Set<String>) {
        // This commit's own segments were never named by a manifest, so no reader has them;
        // left on disk, they would wait for the next import's cleaning.
        for reader in written where names.contains(reader.fileName) { try? FileManager.default.removeItem(atPath: reader.file) }
        dropped.formUnion(names)
        written = written.filter { !names.contains($0.fileName) }
        for name in names { deleted[name] = nil }
    }

    /// Writes what is buffered as a segment, merges if the policy asks, and writes the next
    /// generation's manifest, all synced. Returns the next snapshot; it becomes the index's
    /// state once the caller has recorded `generation` with the records.
    public func prepare() throws(EngineError) -> IndexSnapshot {
        try flush()
        try mergeIfNeeded()
        let kept = base.manifest.segments.enumerated().filter { !dropped.contains($0.element) }
        let names = kept.map(\.element) + written.map(\.fileName)
        let readers = kept.map { base.segments[$0.offset] } + written
        var tombstones: [String: [Int]] = [:]
        for name in names { if let set = deleted[name], !set.isEmpty { tombstones[name] = set.sorted() } }
        let manifest = Manifest(generation: generation, segments: names, deleted: tombstones.isEmpty ? nil : tombstones)
        do { try manifest.commitGeneration(in: folder) } catch let error as EngineError { throw error } catch {
            throw EngineError(file: folder + "/" + Manifest.fileName(generation: generation), message: "\(error)")
        }
        TestHook.reached("manifestWritten")
        return try IndexSnapshot(folder: folder, manifest: manifest, segments: readers)
    }
}

/// When to merge: segments fall into levels by their live documents (powers of `factor`);
/// when a level holds `factor` segments, they become one of the next level. The number of
/// segments stays about `factor` per level, the levels logarithmic in the index's size, and
/// each document is rewritten once per level it climbs (tantivy's log merge policy works
/// alike).
enum MergePolicy {
    static let factor = 8

    /// Indexes (into `sizes`) of the segments to merge, or nil.
    static func pick(sizes: [Int]) -> [Int]? {
        var levels: [Int: [Int]] = [:]
        for (k, size) in sizes.enumerated() {
            var level = 0, bound = factor * 64
            while size >= bound { level += 1; bound *= factor }
            levels[level, default: []].append(k)
        }
        for level in levels.keys.sorted() where levels[level]!.count >= factor { return Array(levels[level]!.prefix(factor)) }
        return nil
    }

    /// Indexes of the segments below the second level (fewer live documents than
    /// `factor` × 64 × `factor`), when there are more than half a level's worth: one merge
    /// makes them one. A few small segments cost a search less than rewriting them costs
    /// a small import.
    static func small(sizes: [Int]) -> [Int]? {
        let found = sizes.indices.filter { sizes[$0] < factor * 64 * factor }
        return found.count > factor / 2 ? found : nil
    }
}

/// Opening an index folder: the snapshot of the generation the records name.
public enum IndexFolder {
    /// The folder of the index at `indexPath`: beside it, named after it.
    public static func path(forIndex indexPath: String) -> String { indexPath + ".segments" }

    /// The snapshot of `generation` (read-only: no segment or manifest is removed or
    /// created). With `trustingVerified`, for searching: segments a search verified before
    /// are not read whole again (`VerifiedSegments`).
    public static func open(_ folder: String, generation: Int, trustingVerified: Bool = false) throws(EngineError) -> IndexSnapshot {
        guard let manifest = try Manifest.load(generation: generation, from: folder) else {
            throw EngineError(file: folder + "/" + Manifest.fileName(generation: generation), message: "missing: the search index does not match the records")
        }
        return try IndexSnapshot(folder: folder, manifest: manifest, trustingVerified: trustingVerified)
    }

    /// Removes what generation `old` had and `new` no longer needs (its manifest, segments
    /// merged away), once `new` is recorded. A search that was opening `old` meanwhile finds
    /// a file gone and opens the generation recorded now; one that opened it keeps its bytes.
    public static func removeReplaced(_ old: Manifest, by new: Manifest, in folder: String) {
        guard old.generation != new.generation else { return }
        let kept = Set(new.segments)
        for name in old.segments where !kept.contains(name) { try? FileManager.default.removeItem(atPath: folder + "/" + name) }
        try? FileManager.default.removeItem(atPath: folder + "/" + Manifest.fileName(generation: old.generation))
    }

    /// For a writer: creates the folder when needed, opens `generation` and removes every
    /// file it does not need (what a crash left between writing and recording a commit).
    /// Nil generation: a new, empty index (whatever the folder held is removed).
    public static func openForWriting(_ folder: String, generation: Int?) throws(EngineError) -> IndexSnapshot {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw EngineError(file: folder, message: "cannot create the folder (\(error.localizedDescription))")
        }
        let snapshot: IndexSnapshot
        if let generation {
            snapshot = try open(folder, generation: generation)
        } else {
            let manifest = Manifest(generation: 0, segments: [])
            do { try manifest.commitGeneration(in: folder) } catch let error as EngineError { throw error } catch {
                throw EngineError(file: folder, message: "\(error)")
            }
            snapshot = try IndexSnapshot(folder: folder, manifest: manifest, segments: [])
        }
        do { try snapshot.manifest.removeOthers(in: folder) } catch {
            throw EngineError(file: folder, message: "cannot remove files of unfinished commits (\(error.localizedDescription))")
        }
        return snapshot
    }
}
