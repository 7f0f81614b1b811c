import CSQLiteTuning
import Foundation
import GRDB
public import ReferatAnalysis

/// The archive: one SQLite database (WAL mode) holding parsed records and their Danish index.
///
///     let store = try ArchiveStore(path: "Index/referat.sqlite")
///     try store.replace([document])
///
/// The only type that touches GRDB; its API speaks in record types. Safe to share between
/// threads: GRDB's `DatabasePool` serialises writes and lets reads run beside them on snapshots.
public final class ArchiveStore: Sendable {
    let writer: DatabasePool
    public let path: String
    /// The database file as SQLite names it: the key of this index's lexicon.
    let file: String
    /// How a search splits the entries to rank them on several readers at once (see `search`).
    let searchSplit: SearchSplit

    /// The lexicon this index analyses with: the word list plus the words it learned.
    public var lexicon: DanishLexicon { IndexLexicons.shared[file]?.lexicon ?? .shared }

    /// The schema version this build writes; a newer file is refused rather than damaged.
    static let applicationID: Int32 = 0x5245_4652  // "REFR"

    /// Opens (and creates or migrates) the index at `path`.
    ///
    /// A file that is not a referat index, or is damaged, is refused with a clear error and
    /// never overwritten.
    public convenience init(path: String, readOnly: Bool = false) throws(StoreError) {
        try self.init(path: path, readOnly: readOnly, searchSplit: SearchSplit())
    }

    init(path: String, readOnly: Bool, searchSplit: SearchSplit) throws(StoreError) {
        _ = Self.tuneSQLite
        self.path = path
        self.searchSplit = searchSplit
        let exists = FileManager.default.fileExists(atPath: path)
        if readOnly && !exists {
            throw StoreError(path: path, message: "no index here yet; run 'referat import FOLDER' first")
        }
        if exists { try Self.checkForeign(path) } else {
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty { try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        }
        var config = Configuration()
        config.readonly = readOnly && exists
        config.busyMode = .timeout(30)
        config.prepareDatabase { db in
            // 8 KiB pages for a new index: a case's packed sections (about 2 KiB) leave half
            // of a 4 KiB page empty. Incremental auto-vacuum, so that compacting can give free
            // pages back without rewriting the file (see `compact`). No effect on an existing
            // file.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA page_size = 8192; PRAGMA auto_vacuum = INCREMENTAL") }
            // Readers read pages through a memory map and keep more of them: a search walks
            // FTS5 doclists and the records of every match, and through read(2) with SQLite's
            // 2 MB default cache a fifth of its time went to copying pages from the kernel.
            // Not the writer: pages it maps count towards the import's resident memory, which
            // would then grow with the index. The writer keeps a 16 MB cache (SQLite's default
            // is 2 MB): FTS5 merges read back the segments it just wrote, and at 100 MB the
            // import's system time went from 2.6 s to 1.5 s for 12 MB more resident memory.
            if db.configuration.readonly { try db.execute(sql: "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -32768") }
            else { try db.execute(sql: "PRAGMA cache_size = -16384") }
            db.add(tokenizer: DanishTokenizer.self)
            // Danish-aware lower-casing for filters: SQLite's lower() folds ASCII only.
            db.add(function: DatabaseFunction("referat_fold", argumentCount: 1, pure: true) { values in
                (String.fromDatabaseValue(values[0])).map { $0.lowercased() }
            })
            // A case's body sections, inflated for the view `entry_content` (`PackedSections`).
            db.add(function: DatabaseFunction("referat_sections", argumentCount: 1, pure: true) { values in
                guard let blob = Data.fromDatabaseValue(values[0]) else { return nil }
                return try PackedSections.bodyText(Array(blob))
            })
        }
        do {
            var pool = try DatabasePool(path: path, configuration: config)
            // An index from an older referat is upgraded even by a reading command: the
            // reads expect the current schema. Upgrading needs write access once.
            if config.readonly, try !pool.read(Self.migrator.hasCompletedMigrations) {
                config.readonly = false
                pool = try DatabasePool(path: path, configuration: config)
            }
            writer = pool
            if !config.readonly { try Self.migrate(writer) }
            file = try writer.read { db in
                let file = IndexLexicons.file(of: db)
                IndexLexicons.shared.set(try Self.storedLexicon(db), for: file)
                return file
            }
            if !config.readonly { try Self.rebuildIfAnalyzerChanged(writer) }
            try writer.read { db in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                guard id == Self.applicationID else { throw StoreError(path: path, message: "not a referat index (application_id \(id))") }
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError(path: path, message: Self.explain(error))
        } catch {
            throw StoreError(path: path, message: "cannot open the index: \(error)")
        }
    }

    /// Process-wide SQLite settings, made once before the first connection opens.
    private static let tuneSQLite: Void = { _ = csqlite_disable_memory_statistics() }()

    /// Brings the schema up to date. An index upgraded past v4 (compressed sections) is
    /// vacuumed once, so that the upgrade gives back the space it saves.
    static func migrate(_ writer: DatabasePool) throws {
        let applied = try writer.read(migrator.appliedIdentifiers)
        try migrator.migrate(writer)
        if !applied.isEmpty && !applied.contains("v4") {
            try writer.writeWithoutTransaction(vacuum)
        }
    }

    /// Rewrites the file without its free pages. In WAL mode VACUUM writes the whole database
    /// through the WAL: checkpoints before and after keep the WAL from holding a second copy.
    static func vacuum(_ db: Database) throws {
        try db.checkpoint(.truncate)
        try db.execute(sql: "VACUUM")
        try db.checkpoint(.truncate)
    }

    /// Re-tokenizes the whole FTS index when it was built by another analyzer version.
    static func rebuildIfAnalyzerChanged(_ writer: DatabasePool) throws {
        try writer.write { db in
            let stored = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'analyzerVersion'")
            guard stored != DanishAnalyzer.version else { return }
            // A fresh index has nothing to re-tokenize; an older one (or one from before the
            // version was recorded) is rebuilt from its records.
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM entry") ?? 0 > 0 {
                try db.execute(sql: "INSERT INTO search(search) VALUES('rebuild')")
            }
            try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES('analyzerVersion', ?)", arguments: [DanishAnalyzer.version])
        }
    }

    /// Refuses a file that is not SQLite, or an SQLite database of another program.
    static func checkForeign(_ path: String) throws(StoreError) {
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue { throw StoreError(path: path, message: "is a directory; give the index file, e.g. \(path)/referat.sqlite") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StoreError(path: path, message: "cannot read the index file (permissions?)") }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        if header.isEmpty { return }  // an empty file: a fresh index may be created in it
        guard header.count >= 72, header.starts(with: Array("SQLite format 3\0".utf8)) else {
            throw StoreError(path: path, message: "not a referat index (not an SQLite database); refusing to overwrite it")
        }
        let appID = header[68..<72].reduce(Int32(0)) { $0 << 8 | Int32($1) }
        if appID == applicationID { return }
        if appID != 0 {
            throw StoreError(path: path, message: "an SQLite database of another program (application_id \(appID)); refusing to use it")
        }
        // No application id: only an empty database may become an index. Look, read-only,
        // before any migration could add tables to someone else's data.
        var config = Configuration()
        config.readonly = true
        let tables: [String]
        do {
            tables = try DatabaseQueue(path: path, configuration: config).read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
            }
        } catch {
            throw StoreError(path: path, message: "not a referat index (\(error)); refusing to overwrite it")
        }
        if !tables.isEmpty && !tables.contains("meta") {
            throw StoreError(path: path, message: "an SQLite database of another program (tables: \(tables.prefix(5).joined(separator: ", "))); refusing to use it")
        }
    }

    static func explain(_ error: DatabaseError) -> String {
        switch error.resultCode {
        case .SQLITE_NOTADB: "not a referat index (not an SQLite database); refusing to overwrite it"
        case .SQLITE_CORRUPT: "the index is damaged (\(error.message ?? "corrupt")); move it aside and import again"
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM: "cannot open the index for writing (\(error.message ?? "permission denied"))"
        case .SQLITE_BUSY, .SQLITE_LOCKED: "the index is busy with another writer; try again"
        default: "\(error)"
        }
    }

    /// Bytes on disk: the database and its WAL.
    public func sizeOnDisk() -> Int64 {
        [path, path + "-wal"].reduce(Int64(0)) { total, p in
            total + ((try? FileManager.default.attributesOfItem(atPath: p)[.size] as? Int64) ?? 0)
        }
    }

    /// Merges the full-text index into one segment and gives free pages back to the disk.
    ///
    /// FTS5 writes each transaction's terms as a new segment and merges segments as it goes;
    /// a term's entries spread over several segments cost space and lookups. After a large
    /// import, one full merge ('optimize') leaves the pages of the old segments free.
    ///
    /// A large index gives them back with an incremental vacuum, which moves only the pages
    /// at the end of the file into the free ones: 0.04 s at 100 MB of text, where `VACUUM`
    /// rewrites the whole file in 0.7 s to save another 1.5 % by repacking half-full pages.
    /// Below `fullVacuumLimit` a full `VACUUM` is cheap, and it matters more: a small index
    /// has more half-full pages for its size. An index made before incremental auto-vacuum
    /// is switched to it by its next full `VACUUM`.
    public func compact() throws(StoreError) {
        try compact(fullVacuumLimit: Self.fullVacuumLimit)
    }

    func compact(fullVacuumLimit: Int) throws(StoreError) {
        try mappingErrors {
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "INSERT INTO search(search) VALUES('optimize')")
                let incremental = try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") == 2
                let bytes = try Int.fetchOne(db, sql: "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size") ?? 0
                if incremental && bytes >= fullVacuumLimit {
                    try db.execute(sql: "PRAGMA incremental_vacuum")
                    try db.checkpoint(.truncate)
                } else {
                    if !incremental { try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL") }
                    try Self.vacuum(db)
                }
            }
        }
    }

    /// The index size (bytes) from which `compact` vacuums incrementally: a full `VACUUM`
    /// costs about 5 ms per MB of index, so below this it takes under a third of a second.
    static let fullVacuumLimit = 64 << 20

    /// Pages in the file, free pages among them, and the auto-vacuum mode (2: incremental).
    func pageCounts() throws -> (pages: Int, free: Int, autoVacuum: Int) {
        try writer.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0, try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0,
             try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") ?? 0)
        }
    }

    /// Runs SQLite's and FTS5's integrity checks; returns problems found (empty when sound).
    public func integrityCheck() throws(StoreError) -> [String] {
        do {
            return try writer.write { db in
                var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
                do {
                    try db.execute(sql: "INSERT INTO search(search) VALUES('integrity-check')")
                } catch {
                    problems.append("fts5: \(error)")
                }
                return problems
            }
        } catch {
            throw StoreError(path: path, message: "integrity check failed: \(error)")
        }
    }

    /// Every term in the FTS index with the number of entries and of places it occurs in.
    /// Does not depend on row ids, so two indexes of the same files compare equal however they
    /// got there; tests use it to show that deletes remove exactly what inserts added.
    func searchVocabulary() throws(StoreError) -> [String: [Int]] {
        try read { db in
            var out: [String: [Int]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT term, doc, cnt FROM search_vocab") {
                out[row[0]] = [row[1], row[2]]
            }
            return out
        }
    }
}
