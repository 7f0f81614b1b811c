import GRDB
public import ReferatAnalysis
import ReferatIndexing

extension ArchiveStore {
    /// A committee abbreviation the index applies in one municipality, with how many of that
    /// municipality's documents spell it out.
    public struct LearnedAbbreviation: Codable, Sendable, Hashable {
        /// The municipality as its documents name it; nil for documents that name none.
        public var municipality: String?
        public var abbreviation: String
        public var name: String
        public var documents: Int

        public init(municipality: String?, abbreviation: String, name: String, documents: Int) {
            self.municipality = municipality
            self.abbreviation = abbreviation
            self.name = name
            self.documents = documents
        }
    }

    /// What `learnAbbreviations` did.
    public struct LearnedAbbreviations: Sendable, Codable, Equatable {
        /// Pairs the index applies now that it did not before (new, or a new name).
        public var learned: [LearnedAbbreviation] = []
        /// Pairs it no longer applies (their documents are gone, or another name won).
        public var dropped: [LearnedAbbreviation] = []
        /// Search entries re-tokenized because they mention a pair that changed.
        public var reindexedEntries = 0

        public init() {}
    }

    /// The committee abbreviations the index applies, by municipality and abbreviation.
    public func committeeAbbreviations() throws(StoreError) -> [LearnedAbbreviation] {
        try read { db in try Self.appliedAbbreviations(db) }
    }

    /// `base` with the abbreviations the index learned, in every municipality: what a
    /// committee filter (`udvalg:KFU`) also accepts as the committee's name.
    public func committeeSynonyms(base: CommitteeSynonyms = .shared) throws(StoreError) -> CommitteeSynonyms {
        base.adding(try committeeAbbreviations().map { ($0.abbreviation, $0.name) })
    }

    /// Records one document's abbreviation evidence, keyed by its municipality.
    static func insertAbbreviationEvidence(_ pairs: [CommitteeAbbreviation], documentID: Int64, municipality: String?, _ db: Database) throws {
        guard !pairs.isEmpty else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO abbreviation_evidence(documentId, municipality, abbreviation, name, explicit) VALUES(?, ?, ?, ?, ?)
            """)
        for pair in pairs {
            try statement.execute(arguments: [documentID, municipality ?? "", pair.abbreviation, pair.name, pair.explicit])
        }
    }

    static func appliedAbbreviations(_ db: Database) throws -> [LearnedAbbreviation] {
        try Row.fetchAll(db, sql: "SELECT municipality, abbreviation, name, documents FROM committee_abbreviation ORDER BY municipality, abbreviation")
            .map { LearnedAbbreviation(municipality: municipality(in: $0), abbreviation: $0[1], name: $0[2], documents: $0[3]) }
    }

    /// The pairs the evidence supports: per municipality and abbreviation, the name most of its
    /// documents give (a name written beside the letters counts before one paired by position;
    /// then the name itself, so the choice never depends on the order of import).
    static func supportedAbbreviations(_ db: Database) throws -> [LearnedAbbreviation] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT municipality, abbreviation, name, count(*) AS documents, sum(explicit) AS explicit
            FROM abbreviation_evidence GROUP BY municipality, abbreviation, name
            ORDER BY municipality, abbreviation, documents DESC, explicit DESC, name
            """)
        var out: [LearnedAbbreviation] = []
        for row in rows {
            let pair = LearnedAbbreviation(municipality: municipality(in: row), abbreviation: row[1], name: row[2], documents: row[3])
            if let last = out.last, last.municipality == pair.municipality, last.abbreviation == pair.abbreviation { continue }
            out.append(pair)
        }
        return out
    }

    /// A row's municipality, "" (stored for documents without one) as nil.
    private static func municipality(in row: Row) -> String? {
        let value: String = row[0]
        return value.isEmpty ? nil : value
    }

    /// Makes the index apply the abbreviations its documents now support: the pairs learned
    /// since the last time, a pair whose documents are gone dropped, and the entries of the
    /// archive that mention a changed abbreviation or name re-indexed in the same commit
    /// (analysed on `jobs` threads), so that older entries are found by what was learned later.
    /// Evidence is kept per document, so importing the same files again changes nothing.
    public func learnAbbreviations(jobs: Int = 2) throws(StoreError) -> LearnedAbbreviations {
        let lexicon = self.lexicon
        return try writeIndexed { db, index in
            var result = LearnedAbbreviations()
            let supported = try Self.supportedAbbreviations(db), applied = try Self.appliedAbbreviations(db)
            func key(_ p: LearnedAbbreviation) -> String { (p.municipality ?? "") + "\u{0}" + p.abbreviation + "\u{0}" + p.name }
            let supportedKeys = Set(supported.map(key)), appliedKeys = Set(applied.map(key))
            result.learned = supported.filter { !appliedKeys.contains(key($0)) }
            result.dropped = applied.filter { !supportedKeys.contains(key($0)) }
            try db.execute(sql: "DELETE FROM committee_abbreviation")
            let add = try db.cachedStatement(sql: "INSERT INTO committee_abbreviation(municipality, abbreviation, name, documents) VALUES(?, ?, ?, ?)")
            for pair in supported { try add.execute(arguments: [pair.municipality ?? "", pair.abbreviation, pair.name, pair.documents]) }
            index.forgetAbbreviations()

            // What an entry must contain to be touched by a changed pair: the letters, or the
            // name's last word without its ending (it may be inflected). A pair is every other
            // municipality's fallback too (`LocalAbbreviations.fallback`): entries anywhere.
            var words: Set<String> = []
            for pair in result.learned + result.dropped {
                let last = pair.name.split(whereSeparator: { $0 == " " || $0 == "-" }).last.map(String.init) ?? pair.name
                words.formUnion([pair.abbreviation, String(last.prefix(max(3, last.count - 3)))])
            }
            let analyzers = AnalyzerPool(lexicon: lexicon)
            if !words.isEmpty {
                // The entries a few hundred at a time: a large archive's texts and their
                // tokens never sit in memory at once.
                // Entries a bulk import has not indexed yet get the pairs when it indexes them.
                let ids = try Int64.fetchAll(db, sql: "SELECT id FROM entry WHERE id < ? ORDER BY id", arguments: [try Self.indexedEntriesBound(db)])
                for start in stride(from: 0, to: ids.count, by: 256) {
                    let share = Array(ids[start..<min(ids.count, start + 256)])
                    let rows = try Row.fetchAll(db, sql: """
                        SELECT c.id, c.title, c.decisions, c.body, c.routing FROM entry_content c WHERE c.id IN (\(share.map { _ in "?" }.joined(separator: ","))) ORDER BY c.id
                        """, arguments: StatementArguments(share))
                    let entries: [(id: Int64, columns: [String?])] = rows.map { ($0[0], [$0[1], $0[2], $0[3], $0[4]]) }
                        .filter { entry in entry.columns.contains { column in column.map { text in
                            let folded = text.lowercased()
                            return words.contains { folded.contains($0) }
                        } ?? false } }
                    let analysed = analyzers.concurrentMap(count: entries.count, jobs: jobs) { i, analyzer in
                        AnalysedText.fields(entries[i].columns, analyzer: analyzer)
                    }
                    for (k, entry) in entries.enumerated() { try index.add(entry.id, columns: entry.columns, analysed: analysed[k], db) }
                    result.reindexedEntries += entries.count
                }
            }
            try Self.mark(.learnAbbreviations, done: true, db)
            return result
        }
    }
}
