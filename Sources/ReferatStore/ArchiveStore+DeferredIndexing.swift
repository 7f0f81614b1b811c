import GRDB
import ReferatAnalysis
import ReferatEngine
import ReferatIndexing

extension ArchiveStore {
    /// A bulk import into an empty index writes the records first and puts their entries into
    /// the search index once, after the archive's words and abbreviations are learned
    /// (`PendingSteps.indexEntries`). Indexing as it writes would analyse every entry, and then
    /// analyse again every entry a learned word or abbreviation changes: in an archive whose
    /// entries name its committees, that is nearly all of them.
    ///
    /// While the step is owed, the entries from `unindexedFrom` on are in the records and not
    /// in the search index: a search does not find them yet, and the learning steps leave them
    /// to this one (`indexedEntriesBound`).
    ///
    /// The step commits every `entriesPerCommit` entries: each piece resumable after a crash
    /// and visible to searches, and the writer's memory bounded by the piece, not the archive.
    public static let defaultEntriesPerCommit = 4096

    /// The first entry id the search index does not hold yet; `Int64.max` when it holds every
    /// entry. The learning steps re-index only entries below it.
    static func indexedEntriesBound(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'unindexedFrom'") ?? .max
    }

    /// Records that entries from `first` on are not in the search index, inside the caller's
    /// transaction: the lower of `first` and what an earlier batch recorded.
    static func markUnindexed(from first: Int64, _ db: Database) throws {
        guard first < (try indexedEntriesBound(db)) else { return }
        try setIndexedEntriesBound(first, db)
    }

    /// Sets the first entry id not yet indexed, owing the step; nil: every entry is indexed
    /// and the step is done.
    static func setIndexedEntriesBound(_ first: Int64?, _ db: Database) throws {
        if let first {
            try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES('unindexedFrom', ?)", arguments: [String(first)])
            try mark(.indexEntries, db)
        } else {
            try db.execute(sql: "DELETE FROM meta WHERE key = 'unindexedFrom'")
            try mark(.indexEntries, done: true, db)
        }
    }

    /// Whether an import into this index should leave indexing to the end: when the search
    /// index holds nothing, or an import that did so was cut short.
    public func defersIndexing() throws(StoreError) -> Bool {
        try read { db in try Self.pendingSteps(db).contains(.indexEntries) || Self.holdsNoEntries(db) }
    }

    /// The owed step: indexes the entries the records hold and the search index does not, from
    /// their records (the text `entry_content` gives), analysed and added on `jobs` threads with the
    /// lexicon and abbreviations learned. Commits every `entriesPerCommit` entries, calling
    /// `progress` with the entries indexed so far and the total. Returns how many it indexed.
    public func indexDeferredEntries(jobs: Int = 2, entriesPerCommit: Int = defaultEntriesPerCommit,
                                     progress: (Int, Int) -> Void = { _, _ in }) throws(StoreError) -> Int {
        let analyzers = AnalyzerPool(lexicon: lexicon)
        let total = try read { db -> Int in
            let from = try Self.indexedEntriesBound(db)
            return from == .max ? 0 : try Int.fetchOne(db, sql: "SELECT count(*) FROM entry WHERE id >= ?", arguments: [from]) ?? 0
        }
        var done = 0
        while true {
            let (count, finished) = try writeIndexed(lanes: jobs) { db, index -> (Int, Bool) in
                let from = try Self.indexedEntriesBound(db)
                guard from != .max else {
                    try Self.setIndexedEntriesBound(nil, db)
                    return (0, true)
                }
                let (count, next) = try Self.indexFromRecords(from: from, limit: max(1, entriesPerCommit), analyzers: analyzers, index, db)
                try Self.setIndexedEntriesBound(next, db)
                // The last piece: the lanes' small segments become one (`IndexCommit.consolidates`).
                if next == nil || count < entriesPerCommit { index.commit.consolidates = true }
                return (count, next == nil)
            }
            done += count
            progress(done, total)
            if finished { return done }
        }
    }

    /// Adds the entries from id `from` on to `index`, at most `limit` of them, analysed from
    /// their records on the batch's lanes: one definition for a rebuild and for the deferred
    /// step. Returns how many it added and the id to go on from (nil when none is left).
    static func indexFromRecords(from: Int64, limit: Int = .max, analyzers: AnalyzerPool,
                                 _ index: EngineBatch, _ db: Database) throws -> (count: Int, next: Int64?) {
        var next = from, count = 0
        while count < limit {
            let rows = try Row.fetchAll(db, sql: "SELECT id, title, decisions, body, routing FROM entry_content WHERE id >= ? ORDER BY id LIMIT ?",
                                        arguments: [next, min(512, limit - count)])
            guard let last = rows.last else { return (count, nil) }
            next = (last[0] as Int64) + 1
            let entries: [(id: Int64, columns: [String?])] = rows.map { ($0[0], [$0[1], $0[2], $0[3], $0[4]]) }
            try index.add(entries, analyzers: analyzers, db)
            count += entries.count
        }
        // Whether anything is left is for the next piece to find.
        return (count, next)
    }
}
