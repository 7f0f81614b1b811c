import Foundation
import GRDB
import ReferatAnalysis
import ReferatEngine
import ReferatIndexing

/// The search index a store searches: the last snapshot it opened, and whether opening it
/// for writing rebuilt it.
final class EngineState: @unchecked Sendable {
    private let lock = NSLock()
    private var snapshot: IndexSnapshot?
    private var rebuiltEntries: Int?

    var current: IndexSnapshot? { lock.withLock { snapshot } }
    func set(_ next: IndexSnapshot) { lock.withLock { snapshot = next } }
    var rebuilt: Int? { lock.withLock { rebuiltEntries } }
    func setRebuilt(_ count: Int) { lock.withLock { rebuiltEntries = count } }

    /// Folders this process has cleaned of unfinished commits (once per process: a crash is
    /// another process's, and a second store of this one may be writing).
    nonisolated(unsafe) private static var cleaned: Set<String> = []
    private static let cleanedLock = NSLock()

    static func firstOpen(of folder: String) -> Bool {
        cleanedLock.withLock { cleaned.insert(folder).inserted }
    }
}

extension ArchiveStore {
    /// The generation of the search index committed with the records; nil in an index made
    /// before the engine (or whose analyzer changed), which the next import rebuilds.
    static func engineGeneration(_ db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'engineGeneration'")
    }

    /// How many entries opening this store for writing put into a rebuilt search index (an
    /// index made by an older referat, or analysed by an older analyzer), or nil.
    public var rebuiltSearchEntries: Int? { engine.rebuilt }

    /// The search index of the generation the records name now.
    func engineSnapshot() throws(StoreError) -> IndexSnapshot {
        var attempt = 0
        while true {
            // Both from one snapshot of the records: an import may commit between two reads.
            let (generation, empty) = try read { db in
                let row = try Row.fetchOne(db.cachedStatement(sql: """
                    SELECT (SELECT value FROM meta WHERE key = 'analyzerVersion'),
                           (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'engineGeneration'),
                           EXISTS (SELECT 1 FROM entry)
                    """))!
                // Segments of another format are not read: such an index is searched again
                // once an import has rebuilt it (`rebuildIfSearchIndexChanged`).
                let generation: Int? = Self.readsSegments(ofVersion: row[0]) ? row[1] : nil
                return (generation, !(row[2] as Bool))
            }
            do {
                return try snapshot(of: generation, empty: empty)
            } catch {
                // A reader racing an import that removed what it had just replaced tries
                // again with the generation committed since.
                attempt += 1
                if attempt == 5 { throw error }
            }
        }
    }

    /// The snapshot of `generation` (of records that hold no entries when `empty`), from the
    /// cache or opened.
    func snapshot(of generation: Int?, empty: Bool) throws(StoreError) -> IndexSnapshot {
        if let generation, let current = engine.current, current.generation == generation { return current }
        // A new index before its first import has opened its search index, or its first
        // commit: nothing to search yet.
        if generation == nil || generation == 0, empty {
            return IndexSnapshot(emptyIn: segmentsFolder, generation: generation ?? 0)
        }
        guard let generation else {
            throw StoreError(path: path, message: "made by an older referat: its search index is rebuilt by the next 'referat import' into it")
        }
        return try load(generation, forSearching: true)
    }

    /// The snapshot of `generation`, from the cache or opened from the folder: for a search,
    /// trusting the segments a search verified before (`VerifiedSegments`); for a writer and
    /// `stats --check`, each verified whole.
    func load(_ generation: Int, forSearching: Bool = false) throws(StoreError) -> IndexSnapshot {
        if let current = engine.current, current.generation == generation { return current }
        do {
            let snapshot = try IndexFolder.open(segmentsFolder, generation: generation, trustingVerified: forSearching)
            engine.set(snapshot)
            return snapshot
        } catch {
            throw StoreError(path: error.file, message: error.message + "; move the index aside and import again")
        }
    }

    /// Runs `body` in one write transaction with a batch of search-index changes, and commits
    /// both as one: the batch's segments and manifest written and synced, then the new
    /// generation recorded in the same transaction (see `EngineBatch`). The batch adds on
    /// `lanes` threads where it is given many entries at once (`EngineBatch.add(_:analyzers:_:)`).
    func writeIndexed<T>(lanes: Int = 1, _ body: (Database, EngineBatch) throws -> T) throws(StoreError) -> T {
        var next: IndexSnapshot?, replaced: IndexSnapshot?
        let lexicon = self.lexicon
        let result = try mappingErrors {
            try writer.write { db in
                guard let generation = try Self.engineGeneration(db) else {
                    throw StoreError(path: self.path, message: "the search index was not opened for writing")
                }
                let base = try self.load(generation)
                let batch = EngineBatch(base: base, lexicon: lexicon, lanes: lanes)
                let result = try body(db, batch)
                if batch.commit.hasWork {
                    let prepared: IndexSnapshot
                    do throws(EngineError) { prepared = try batch.commit.prepare() } catch {
                        throw StoreError(path: error.file, message: error.message)
                    }
                    try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES('engineGeneration', ?)", arguments: [prepared.generation])
                    next = prepared
                    replaced = base
                }
                return result
            }
        }
        if let next {
            TestHook.reached("recorded")
            engine.set(next)
            if let replaced { IndexFolder.removeReplaced(replaced.manifest, by: next.manifest, in: segmentsFolder) }
        }
        return result
    }

    /// Opens the search index for an import: removes what unfinished commits left, and
    /// rebuilds it from the records when there is none (an index made by an older referat,
    /// a changed analyzer, a missing folder).
    func openEngineForWriting() throws(StoreError) {
        let generation = try read { db in try Self.engineGeneration(db) }
        let folderExists = FileManager.default.fileExists(atPath: segmentsFolder)
        if let generation, folderExists {
            let firstOpen = EngineState.firstOpen(of: segmentsFolder)
            do {
                engine.set(firstOpen ? try IndexFolder.openForWriting(segmentsFolder, generation: generation)
                                     : try IndexFolder.open(segmentsFolder, generation: generation))
            } catch {
                throw StoreError(path: error.file, message: error.message + "; move the index aside and import again")
            }
            return
        }
        let empty: IndexSnapshot
        do { empty = try IndexFolder.openForWriting(segmentsFolder, generation: nil) } catch {
            throw StoreError(path: error.file, message: error.message)
        }
        _ = EngineState.firstOpen(of: segmentsFolder)
        engine.set(empty)
        try write { db in try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES('engineGeneration', '0')") }
        if try !isEmpty() {
            engine.setRebuilt(try rebuildSearchIndex())
        }
    }

    /// Indexes every entry from its records: the text the view gives, analysed and added on
    /// two threads.
    func rebuildSearchIndex() throws(StoreError) -> Int {
        let analyzers = AnalyzerPool(lexicon: lexicon)
        return try writeIndexed(lanes: 2) { db, batch in
            let count = try Self.indexFromRecords(from: 0, analyzers: analyzers, batch, db).count
            batch.commit.consolidates = true
            // Every entry is in the search index now, those a cut-short import left too.
            try Self.setIndexedEntriesBound(nil, db)
            return count
        }
    }

    /// Problems of the search index: every segment and the manifest of the current generation
    /// opened and verified (checksums, structure).
    func engineProblems() -> [String] {
        do {
            let generation = try read { db in try Self.engineGeneration(db) }
            guard let generation else { return [] }
            _ = try IndexFolder.open(segmentsFolder, generation: generation)
            return []
        } catch let error as EngineError {
            return ["\(error.file): \(error.message)"]
        } catch {
            return ["\(error)"]
        }
    }
}
