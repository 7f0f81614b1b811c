import Foundation

/// The changes one write transaction makes to an index folder: documents added (buffered in a
/// segment writer, flushed to a segment file whenever its memory budget is reached) and
/// documents deleted (tombstones in the next manifest), committed as one new generation.
///
///     let commit = IndexCommit(base: snapshot, memoryBudget: 64 << 20)
///     commit.delete(id: 17)
///     commit.add(id: 18, fields: fields, values: values)
///     let next = try commit.prepare()      // segments and manifest-<g+1> written and synced
///     // … store g+1 with the records, in their transaction; then use `next`
///
/// Nothing is visible until the caller records the new generation: readers open the manifest
/// of the generation the records name. Files of a generation that never got recorded are
/// removed by the next writer's `IndexFolder.openForWriting`.
public final class IndexCommit {
    public let base: IndexSnapshot
    public let generation: Int
    private let writer: SegmentWriter
    private var written: [SegmentReader] = []
    /// Tombstones: per segment name, local numbers.
    private var deleted: [String: Set<Int>]
    /// Documents added in this commit: external id → (segment index in `written`, or the
    /// writer's buffer when nil, and the local number).
    private var added: [UInt64: (segment: Int?, local: Int)] = [:]
    private var pendingDeletes: Set<Int> = []
    /// Segments of the base left out of the next generation (merged into a new one).
    private var dropped: Set<String> = []
    /// Merged segments written by this commit, for their names.
    private var merges = 0
    public private(set) var changed = false

    public init(base: IndexSnapshot, memoryBudget: Int) {
        self.base = base
        generation = base.generation + 1
        writer = SegmentWriter(fieldCount: IndexSnapshot.fieldWeights.count, memoryBudget: memoryBudget)
        deleted = (base.manifest.deleted ?? [:]).mapValues(Set.init)
    }

    private var folder: String { base.folder }

    /// Deletes the document with this external id, if the index or this commit holds it.
    public func delete(id: UInt64) {
        if let where_ = added.removeValue(forKey: id) {
            changed = true
            if let s = where_.segment { deleted[written[s].fileName, default: []].insert(where_.local) } else { pendingDeletes.insert(where_.local) }
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
        added[id] = (nil, writer.documentCount)
        writer.add(id: id, tokens: fields, values: values)
        if writer.isFull { try flush() }
    }

    /// The values of a live document (of the base or added here).
    public func values(ofID id: UInt64) -> DocumentValues? {
        if added[id] != nil { return nil }
        return base.values(ofID: id)
    }

    private func flush() throws(EngineError) {
        guard !writer.isEmpty else { return }
        let name = "\(generation)-\(written.count).seg"
        let reader = try writer.flush(to: folder + "/" + name)
        TestHook.reached("segmentWritten")
        let index = written.count
        written.append(reader)
        for (id, place) in added where place.segment == nil { added[id] = (index, place.local) }
        if !pendingDeletes.isEmpty { deleted[name] = pendingDeletes }
        pendingDeletes = []
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
            guard let group = MergePolicy.pick(sizes: sizes) else { return }
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
