import CSQLiteTuning
import Foundation
import GRDB
public import ReferatAnalysis
import ReferatEngine

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

    /// The write lock on the index file while this store may write (nil when read-only).
    let writeLock: IndexFile.WriteLock?
    /// The search index's folder (`IndexFolder.path(forIndex:)`): segments and manifests.
    let segmentsFolder: String
    /// The search index snapshot this store last opened.
    let engine = EngineState()

    /// Opens the index at `path`: read-only, or for writing, creating or migrating it.
    ///
    /// A read-only store opens SQLite read-only and only on a finished referat index: nothing
    /// is created, migrated or switched to WAL. A writing store waits while another process
    /// writes to the same index (calling `whenWaiting` first). A file that is not a referat
    /// index, or is damaged, is refused with a clear error and never overwritten.
    public convenience init(path: String, readOnly: Bool = false, whenWaiting: () -> Void = {}) throws(StoreError) {
        try self.init(path: path, readOnly: readOnly, searchSplit: SearchSplit(), whenWaiting: whenWaiting)
    }

    init(path: String, readOnly: Bool, searchSplit: SearchSplit, whenWaiting: () -> Void = {}) throws(StoreError) {
        _ = Self.tuneSQLite
        self.path = path
        self.searchSplit = searchSplit
        segmentsFolder = IndexFolder.path(forIndex: path)
        let config = Self.configuration(readOnly: readOnly)
        if readOnly {
            try IndexFile.checkReadable(path)
            writeLock = nil
        } else {
            writeLock = try IndexFile.lockForWriting(path, whenWaiting: whenWaiting) { temp in
                let queue = try DatabaseQueue(path: temp, configuration: Self.configuration(readOnly: false))
                // 32 KiB pages: a page holds whole rows, and the space a case's packed sections
                // (a KiB or two) leave at the end of a page is a smaller share of a larger one
                // (with 8 KiB pages such ends were a large part of the case table). Incremental
                // auto-vacuum, so that compacting can give free pages back without rewriting
                // the file (see `compact`).
                try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA page_size = 32768; PRAGMA auto_vacuum = INCREMENTAL") }
                try Self.migrate(queue)
                try Self.rebuildIfSearchIndexChanged(queue)
                try queue.close()
            }
        }
        do {
            writer = try Self.openPool(path, config)
            if readOnly {
                guard try writer.read(Self.migrator.hasCompletedMigrations) else {
                    throw StoreError(path: path, message: "made by an older referat; any 'referat import' into it upgrades it (reading commands never write)")
                }
            } else {
                try Self.migrate(writer)
            }
            file = try writer.read { db in
                let file = IndexLexicons.file(of: db)
                IndexLexicons.shared.set(try Self.storedLexicon(db), for: file)
                return file
            }
            if !readOnly {
                try Self.rebuildIfSearchIndexChanged(writer)
                try openEngineForWriting()
            }
        } catch {
            if let writeLock { IndexFile.release(writeLock) }
            if let error = error as? StoreError { throw error }
            if let error = error as? DatabaseError { throw StoreError(path: path, message: Self.explain(error)) }
            throw StoreError(path: path, message: "cannot open the index: \(error)")
        }
    }

    deinit {
        if let writeLock {
            try? writer.close()
            IndexFile.release(writeLock)
        }
    }

    /// Opens the pool. A read-only open of an index left in WAL mode needs its `-shm` file;
    /// in a folder nobody may write to (a read-only mount) with no `-wal` beside it, nobody can
    /// be writing to it either, and SQLite opens it as immutable.
    static func openPool(_ path: String, _ config: Configuration) throws -> DatabasePool {
        // With URI file names on, a plain path that starts with "file:" must not read as one.
        let plain = path.hasPrefix("file:") ? "./" + path : path
        do {
            let pool = try DatabasePool(path: plain, configuration: config)
            // Reader connections open lazily: read once, so that a WAL index that cannot be
            // read this way fails here.
            if config.readonly { _ = try pool.read { db in try Int.fetchOne(db, sql: "PRAGMA schema_version") } }
            return pool
        } catch let error as DatabaseError where config.readonly && [.SQLITE_CANTOPEN, .SQLITE_READONLY].contains(error.resultCode)
            && !FileManager.default.fileExists(atPath: path + "-wal") {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            let uri = "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute) + "?immutable=1"
            return try DatabasePool(path: uri, configuration: config)
        }
    }

    /// The connections' settings: the functions every connection needs, and
    /// page and cache sizes.
    static func configuration(readOnly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readOnly
        config.busyMode = .timeout(30)
        config.prepareDatabase { db in
            // Readers read pages through a memory map and keep more of them: a search reads
            // the records of its hits, and through read(2) with SQLite's 2 MB default cache
            // much of its time went to copying pages from the kernel. Not the writer: pages it
            // maps count towards the import's resident memory, which would then grow with the
            // index. The writer keeps a 16 MB cache (SQLite's default is 2 MB).
            if db.configuration.readonly { try db.execute(sql: "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -32768") }
            else { try db.execute(sql: "PRAGMA cache_size = -16384") }
            // Danish-aware lower-casing for filters: SQLite's lower() folds ASCII only.
            db.add(function: DatabaseFunction("referat_fold", argumentCount: 1, pure: true) { values in
                (String.fromDatabaseValue(values[0])).map { $0.lowercased() }
            })
            // A case's body sections, inflated for the view `entry_content` (`PackedSections`).
            // A dictionary this process has not read yet is read through the same connection,
            // from the snapshot the statement reads (SQLite lets a function run statements).
            nonisolated(unsafe) unowned let connection = db
            db.add(function: DatabaseFunction("referat_sections", argumentCount: 1, pure: true) { values in
                guard let blob = Data.fromDatabaseValue(values[0]) else { return nil }
                return try PackedSections.bodyText(Array(blob), dictionaries: PackedSections.dictionaries(connection))
            })
            // A case's attachments' titles, one per line, for the same view (`PackedAttachments`).
            db.add(function: DatabaseFunction("referat_attachment_titles", argumentCount: 1, pure: true) { values in
                guard let blob = Data.fromDatabaseValue(values[0]) else { return nil }
                return try PackedAttachments.titles(Array(blob), dictionaries: PackedSections.dictionaries(connection))
            })
        }
        return config
    }

    /// Process-wide SQLite settings, made once before the first connection opens.
    private static let tuneSQLite: Void = {
        _ = csqlite_disable_memory_statistics()
        _ = csqlite_enable_uri_filenames()
    }()

    /// Brings the schema up to date. An index upgraded past v4 (compressed sections) is
    /// vacuumed once, so that the upgrade gives back the space it saves.
    static func migrate(_ writer: some DatabaseWriter) throws {
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

    /// What the search index's terms and files depend on: the analyzer's version and the
    /// segments' format. Kept in `meta` under its historical key, `analyzerVersion`.
    static let searchIndexVersion = searchIndexVersion(segments: SegmentFormat.version)

    /// The version of an index analysed by this analyzer whose segments are in `format`.
    static func searchIndexVersion(segments format: UInt8) -> String { "\(DanishAnalyzer.version).\(format)" }

    /// Whether an index whose stored version is `stored` has segments this referat reads
    /// (whatever its analyzer: such an index is searched until an import rebuilds it).
    static func readsSegments(ofVersion stored: String?) -> Bool {
        stored?.hasSuffix(".\(SegmentFormat.version)") == true
    }

    /// Marks the search index for a rebuild from the records when it was built by another
    /// analyzer or in another segment format (opening it for writing then rebuilds it).
    static func rebuildIfSearchIndexChanged(_ writer: some DatabaseWriter) throws {
        try writer.write { db in
            let stored = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'analyzerVersion'")
            guard stored != searchIndexVersion else { return }
            // A fresh index has nothing to re-tokenize; an older one (or one from before the
            // version was recorded) is rebuilt from its records.
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM entry") ?? 0 > 0 {
                try db.execute(sql: "DELETE FROM meta WHERE key = 'engineGeneration'")
            }
            try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES('analyzerVersion', ?)", arguments: [searchIndexVersion])
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

    /// Puts the index in WAL mode while an import writes (readers then read beside the writer)
    /// and back in rollback-journal mode after it (`false`). At rest an index needs no `-wal`
    /// or `-shm` file, so reading it needs no write access to its folder: it can be read from
    /// a read-only folder or mount. Leaving WAL needs a moment without readers; if readers
    /// keep it busy, the index stays in WAL mode, which readers can read as well.
    public func setWriting(_ writing: Bool) throws(StoreError) {
        // SQLite leaves WAL only when no other connection is open: close the idle readers
        // (the pool opens new ones when it reads again).
        if !writing { writer.releaseMemory() }
        try mappingErrors {
            try writer.writeWithoutTransaction { db in
                if writing {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                } else {
                    try db.checkpoint(.truncate)
                    try db.execute(sql: "PRAGMA journal_mode = DELETE")
                }
            }
        }
    }

    /// Bytes on disk: the database, its WAL and the search index's segments and manifests
    /// (not the searches' note of the segments they verified, which a search may write, so
    /// that a search never changes what `stats` says).
    public func sizeOnDisk() -> Int64 {
        let segments = ((try? FileManager.default.contentsOfDirectory(atPath: segmentsFolder)) ?? [])
            .filter { $0.hasSuffix(".seg") || $0.hasPrefix("manifest") }.map { segmentsFolder + "/" + $0 }
        return ([path, path + "-wal"] + segments).reduce(Int64(0)) { total, p in
            total + ((try? FileManager.default.attributesOfItem(atPath: p)[.size] as? Int64) ?? 0)
        }
    }

    /// Gives the free pages of the records back to the disk (the search index merges its
    /// segments as it commits them, see `MergePolicy`).
    ///
    /// A large index gives them back with an incremental vacuum, which moves only the pages
    /// at the end of the file into the free ones: 0.04 s at 100 MB of text, where `VACUUM`
    /// rewrites the whole file in 0.7 s to save another 1.5 % by repacking half-full pages.
    /// Below `fullVacuumLimit` a full `VACUUM` is cheap, and it matters more: a small index
    /// has more half-full pages for its size. An index made before incremental auto-vacuum
    /// is switched to it by its next full `VACUUM`.
    ///
    /// `rewritten`: most of the records were just written again (`packSections`), which
    /// leaves their pages part empty rather than free; only a full `VACUUM` packs them.
    public func compact(rewritten: Bool = false) throws(StoreError) {
        try compact(fullVacuumLimit: rewritten ? .max : Self.fullVacuumLimit)
    }

    func compact(fullVacuumLimit: Int) throws(StoreError) {
        try mappingErrors {
            try writer.writeWithoutTransaction { db in
                let incremental = try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") == 2
                let bytes = try Int.fetchOne(db, sql: "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size") ?? 0
                if incremental && bytes >= fullVacuumLimit {
                    try db.execute(sql: "PRAGMA incremental_vacuum")
                    try db.checkpoint(.truncate)
                } else {
                    if !incremental { try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL") }
                    try Self.vacuum(db)
                }
                try db.inTransaction {
                    try Self.mark(.compact, done: true, db)
                    return .commit
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

    /// Runs SQLite's integrity check and verifies the search index (every segment and the
    /// manifest of the committed generation: checksums and structure); returns the problems
    /// found (empty when sound). A check that cannot even run (the file is too damaged to
    /// read) is itself a problem found.
    public func integrityCheck() throws(StoreError) -> [String] {
        var problems: [String]
        do {
            problems = try writer.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" } }
        } catch {
            return ["sqlite: \(error)"]
        }
        return problems + engineProblems()
    }

    /// Refuses to write to a damaged index: SQLite's quick check (every page read once, the
    /// records' indexes not cross-checked), before an import adds to it. An import that finds
    /// nothing new would otherwise never read the damaged pages and report success.
    public func checkBeforeWriting() throws(StoreError) {
        let problems: [String]
        do {
            problems = try writer.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(5)").filter { $0 != "ok" } }
        } catch {
            throw StoreError(path: path, message: "the index is damaged (\(error)); move it aside and import again")
        }
        if !problems.isEmpty {
            throw StoreError(path: path, message: "the index is damaged (\(problems.joined(separator: "; "))); move it aside and import again")
        }
    }

    /// Every term in the search index with the number of entries and of places it occurs in
    /// (a weak form behind "~"). Does not depend on row ids or segments, so two indexes of the
    /// same files compare equal however they got there; tests use it to show that deletes
    /// remove exactly what inserts added.
    func searchVocabulary() throws(StoreError) -> [String: [Int]] {
        let snapshot = try engineSnapshot()
        do { return try snapshot.vocabulary() } catch { throw StoreError(path: error.file, message: error.message) }
    }
}
