import GRDB

extension ArchiveStore {
    /// Finishing steps an import owes the index, recorded in `meta` in the same transaction as
    /// the data that makes them due; a step clears its mark when it is done.
    ///
    /// A kill or a full disk during "learning the archive's words" or compacting would
    /// otherwise lose the step: the files are committed, so the next import finds nothing new
    /// and would not run it. The next import runs whatever is still marked.
    public struct PendingSteps: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Learn the words the documents share (`learnWords`): due after any documents were written.
        public static let learnWords = PendingSteps(rawValue: 1)
        /// Give the records' free pages back (`compact`).
        public static let compact = PendingSteps(rawValue: 2)
        /// Apply the committee abbreviations the documents' evidence now supports
        /// (`learnAbbreviations`): due after documents were written or removed.
        public static let learnAbbreviations = PendingSteps(rawValue: 4)
        /// Put the entries a bulk import wrote to the records into the search index
        /// (`indexDeferredEntries`), after the learning steps: due from the first batch of an
        /// import into an empty index.
        public static let indexEntries = PendingSteps(rawValue: 8)
    }

    /// The steps marked as owed.
    public func pendingSteps() throws(StoreError) -> PendingSteps {
        try read { db in try Self.pendingSteps(db) }
    }

    static func pendingSteps(_ db: Database) throws -> PendingSteps {
        PendingSteps(rawValue: try Int.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'pendingSteps'") ?? 0)
    }

    /// Marks `steps` as owed, or (`done`) as done, inside the caller's transaction.
    static func mark(_ steps: PendingSteps, done: Bool = false, _ db: Database) throws {
        let now = try pendingSteps(db)
        let next = done ? now.subtracting(steps) : now.union(steps)
        guard next != now else { return }
        try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES('pendingSteps', ?)", arguments: [String(next.rawValue)])
    }
}
