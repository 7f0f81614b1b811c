import Foundation
import GRDB
import ReferatAnalysis
import ReferatIndexing

extension ArchiveStore {
    /// What `learnWords` did.
    public struct LearnedWords: Sendable, Codable, Equatable {
        /// The words added to the index's lexicon.
        public var words: [String] = []
        /// Search entries re-tokenized because a learned word occurs in them.
        public var reindexedEntries = 0

        public init() {}
    }

    /// True when nothing has been imported yet.
    public func isEmpty() throws(StoreError) -> Bool {
        try read { db in try Self.holdsNoEntries(db) }
    }

    /// True when the records hold no entry, inside the caller's read.
    static func holdsNoEntries(_ db: Database) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM entry LIMIT 1)") == 0
    }

    /// The lexicon stored in an index: the word list plus `lexicon_word`.
    static func storedLexicon(_ db: Database) throws -> IndexLexicons.Entry {
        guard try db.tableExists("lexicon_word") else { return .init(generation: 0, lexicon: .shared) }
        let words = try String.fetchAll(db, sql: "SELECT word FROM lexicon_word ORDER BY word")
        let generation = try Int.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'lexiconGeneration'") ?? 0
        return .init(generation: generation, lexicon: words.isEmpty ? .shared : DanishLexicon.shared.adding(words))
    }

    /// Counts each learnable word once per document (see `WordForms.isLearnable`).
    static func countLearnableWords(_ words: [String], _ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO corpus_word(word, documents) VALUES(?, 1)
            ON CONFLICT(word) DO UPDATE SET documents = documents + 1
            """)
        for word in words { try statement.execute(arguments: [word]) }
    }

    /// Adds to the index's lexicon every word that at least `minimumDocuments` documents use
    /// on their own in lower case but the word list lacks ("botilbud", "frikommune"), so that
    /// compounds built on them split ("botilbudsområdet" → botilbud + området).
    ///
    /// Tokens must stay a function of the text and the index's lexicon (a rebuild from the
    /// records must give the same index), so the entries with a word that now splits
    /// differently are re-indexed in the same commit: each replaced by its tokens under the
    /// new lexicon, analysed on `jobs` threads. A crash rolls it all back.
    public func learnWords(minimumDocuments: Int = 2, jobs: Int = 2) throws(StoreError) -> LearnedWords {
        try writeIndexed { db, index in
            let fresh = try String.fetchAll(db, sql: """
                SELECT word FROM corpus_word WHERE documents >= ? AND word NOT IN (SELECT word FROM lexicon_word) ORDER BY word
                """, arguments: [minimumDocuments])
            let learned = try learn(fresh, jobs: jobs, index, db)
            try Self.mark(.learnWords, done: true, db)
            return learned
        }
    }

    private func learn(_ fresh: [String], jobs: Int, _ index: EngineBatch, _ db: Database) throws -> LearnedWords {
        let file = self.file
        var result = LearnedWords()
        guard !fresh.isEmpty else { return result }
        let old = IndexLexicons.shared[file] ?? .init(generation: 0, lexicon: .shared)
        let new = IndexLexicons.Entry(generation: old.generation + 1, lexicon: old.lexicon.adding(fresh))
        let matcher = LearnedWordMatcher(words: fresh)
        let newAnalyzers = AnalyzerPool(lexicon: new.lexicon)
        // How a word's analysis changes under the new lexicon; asked once per word. Its
        // tokens may change; or only its split, which matters where it closes a list of
        // suspended words ("børne- og ungeområdet" borrows the last part).
        let oldSplitter = DanishAnalyzer(lexicon: old.lexicon), newSplitter = DanishAnalyzer(lexicon: new.lexicon)
        var changes: [String: (tokens: Bool, split: Bool)] = [:]
        func change(_ word: String) -> (tokens: Bool, split: Bool) {
            if let known = changes[word] { return known }
            let tokens = oldSplitter.analyze(word, mode: .document).map(\.term) != newSplitter.analyze(word, mode: .document).map(\.term)
            let result = (tokens: tokens, split: tokens || oldSplitter.compoundParts(word) != newSplitter.compoundParts(word))
            changes[word] = result
            return result
        }
        var lastID: Int64 = 0
        // Entries a bulk import has not indexed yet are analysed with the new lexicon anyway.
        let bound = try Self.indexedEntriesBound(db)
        while true {
            let rows = try Row.fetchAll(db, sql: "SELECT id, title, decisions, body, routing FROM entry_content WHERE id > ? AND id < ? ORDER BY id LIMIT 512",
                                        arguments: [lastID, bound])
            guard let last = rows.last else { break }
            lastID = last[0]
            let entries: [(id: Int64, columns: [String?])] = rows.map { ($0[0], [$0[1], $0[2], $0[3], $0[4]]) }
            // Finding the candidate words reads every byte: on `jobs` threads. Judging them
            // needs the analyzers above, and few entries have any: on this thread.
            let candidates = concurrentMap(count: entries.count, jobs: jobs) { k in
                entries[k].columns.map { $0.map(matcher.candidates) ?? [] }
            }
            let affected = entries.indices.filter { k in
                zip(entries[k].columns, candidates[k]).contains { column, words in
                    guard let column, !words.isEmpty else { return false }
                    if LearnedWordMatcher.hasLineBreakHyphen(column) || words.contains(where: { change($0).tokens }) { return true }
                    return LearnedWordMatcher.hasSuspendedHyphen(column) && words.contains { change($0).split }
                }
            }.map { entries[$0] }
            let newTokens = newAnalyzers.concurrentMap(count: affected.count, jobs: jobs) { i, analyzer in
                AnalysedText.fields(affected[i].columns, analyzer: analyzer)
            }
            for (k, entry) in affected.enumerated() {
                try index.add(entry.id, columns: entry.columns, analysed: newTokens[k], db)
            }
            result.reindexedEntries += affected.count
        }
        let now = ISO8601DateFormatter().string(from: Date())
        let add = try db.cachedStatement(sql: "INSERT INTO lexicon_word(word, learnedAt) VALUES(?, ?)")
        for word in fresh { try add.execute(arguments: [word, now]) }
        try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES('lexiconGeneration', ?)", arguments: [new.generation])
        // Published before commit, from inside the transaction: no other connection of
        // this process writes meanwhile, and readers analyse queries only.
        IndexLexicons.shared.set(new, for: file)
        result.words = fresh
        return result
    }
}
