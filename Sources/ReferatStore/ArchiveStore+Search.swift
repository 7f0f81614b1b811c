import Foundation
import GRDB
public import ReferatIndex
import ReferatAnalysis

extension ArchiveStore {
    /// Runs a search: the count, one page of ranked entries, and facets when asked.
    ///
    /// Ranking is bm25 over every match, and a common word matches most of an archive, so it
    /// costs time in proportion to the matches. Large result sets are therefore ranked in parts
    /// of the entry id range at once, each part on its own reader connection and core, and the
    /// parts' best entries merged. bm25 takes its statistics from the whole table in every
    /// part, so scores compare across parts. (Each part reads its own snapshot: an import
    /// committing meanwhile may show in one part and not another, as it would between two
    /// searches.)
    ///
    /// Without filters, FTS5 ranks (`ORDER BY rank LIMIT`): exact-form matches first
    /// (`MatchNode.exactTier`), then entries that match only through compound parts or
    /// variants (`MatchNode.closeTier`), then those that match only through a query compound's
    /// parts written apart (`FTS5Query.tiers`). With filters, the matches are joined with
    /// `entry_fact` and ranked the same way in SQL.
    public func search(_ indexQuery: IndexQuery) throws(StoreError) -> RankedPage {
        let query = FTS5Query(indexQuery)
        let wanted = query.offset + query.limit
        let total: Int
        var ranked: [Ranked]
        let parts = try partition()
        if let match = query.match, query.filters.isEmpty, !query.sortByDate {
            // Each part counts its matches and ranks its whole-word ones; each wider tier is
            // ranked only when the tiers before it leave the page short.
            let tiers = query.tiers
            // One (count, best) pair per part.
            let firstTier = try inParallel(parts) { db, range in
                [(try Self.count(match, in: range, db), try Self.topByRank(match: tiers[0], excluding: nil, in: range, limit: wanted, db))]
            }
            total = firstTier.reduce(0) { $0 + $1.0 }
            ranked = Self.best(firstTier.flatMap(\.1), tier: 0, limit: wanted)
            for tier in tiers.indices.dropFirst() where ranked.count < wanted {
                let limit = wanted - ranked.count
                ranked += Self.best(try inParallel(parts) { db, range in try Self.topByRank(match: tiers[tier], excluding: tiers[tier - 1], in: range, limit: limit, db) },
                                    tier: tier, limit: limit)
            }
        } else {
            let pages = try inParallel(parts) { db, range in try Self.filteredPage(query, in: range, limit: wanted, db) }
            total = pages.reduce(0) { $0 + $1.total }
            ranked = pages.flatMap(\.ranked).sorted(by: query.sortByDate ? Ranked.newestFirst : Ranked.bestFirst)
            ranked = Array(ranked.prefix(wanted))
        }
        let entries = ranked.dropFirst(query.offset).map { RankedEntry(id: $0.id, score: $0.score, exact: $0.exact) }
        let facets = query.facets ? try read { db in try Self.facets(query, db) } : nil
        return RankedPage(total: total, entries: entries, facets: facets)
    }

    /// The records and text (for the snippet) of ranked entries, fetched in as many shares
    /// at once as a search ranks parts.
    public func hits(_ entries: [RankedEntry]) throws(StoreError) -> [SearchHit] {
        guard !entries.isEmpty else { return [] }
        let parts = try partition().count
        let share = max(1, (entries.count + parts - 1) / parts)
        let shares = stride(from: 0, to: entries.count, by: share).map { Array(entries[$0..<min(entries.count, $0 + share)]) }
        return try inParallel(shares) { db, share in try Self.hits(share, db) }
    }

    /// How many entries hold the term (0 when it is not in the index).
    public func documentFrequency(of term: IndexTerm) throws(StoreError) -> Int {
        let indexed = FTS5Expression.indexed(term)
        return try read { db in try Int.fetchOne(db, sql: "SELECT doc FROM search_vocab WHERE term = ?", arguments: [indexed]) ?? 0 }
    }

    /// Exact-form terms starting with `prefix`, the `limit` most frequent, most frequent first.
    public func terms(startingWith prefix: String, limit: Int) throws(StoreError) -> [TermFrequency] {
        // A weak form starts with the weak mark, so a non-empty prefix never finds one.
        guard !prefix.isEmpty, !prefix.hasPrefix(String(DanishTokenizer.weakMark)) else { return [] }
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT term, doc FROM search_vocab WHERE term >= ? AND term < ? ORDER BY doc DESC LIMIT ?",
                             arguments: [prefix, prefix + "\u{10FFFF}", limit]).map { TermFrequency(term: $0[0], entries: $0[1]) }
        }
    }

    /// How many entries in `range` match an FTS5 expression: cheap, no ranking.
    static func count(_ match: String, in range: ClosedRange<Int64>, _ db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM search WHERE search MATCH ? AND rowid BETWEEN ? AND ?"),
                         arguments: [match, range.lowerBound, range.upperBound]) ?? 0
    }

    /// The best `limit` of the parts' best entries.
    static func best(_ entries: [(id: Int64, score: Double)], tier: Int, limit: Int) -> [Ranked] {
        entries.map { Ranked(id: $0.id, score: $0.score, tier: tier) }.sorted(by: Ranked.bestFirst).prefix(limit).map { $0 }
    }

    /// A ranked entry. `tier` is the first of `StoreQuery.tiers` it matches; `score` is FTS5's
    /// rank (lower is better); ties go to the lower id.
    struct Ranked: Sendable {
        var id: Int64
        var score: Double
        var tier: Int
        var date: String? = nil

        /// Matched whole words.
        var exact: Bool { tier == 0 }

        static func bestFirst(_ a: Ranked, _ b: Ranked) -> Bool {
            if a.tier != b.tier { return a.tier < b.tier }
            if a.score != b.score { return a.score < b.score }
            if a.date != b.date { return (a.date ?? "") > (b.date ?? "") }
            return a.id < b.id
        }

        static func newestFirst(_ a: Ranked, _ b: Ranked) -> Bool {
            if a.date != b.date { return (a.date ?? "") > (b.date ?? "") }
            return bestFirst(a, b)
        }
    }

    /// How many parts a search ranks at once, and from what index size.
    struct SearchSplit: Sendable {
        /// One per core, at most four.
        var parts = min(ProcessInfo.processInfo.activeProcessorCount, 4)
        /// Below twice this many entries a search runs in one piece: a second reader would
        /// cost more than it saves.
        var entriesPerPart: Int64 = 500
    }

    /// Entry id ranges to search at once, in id order.
    func partition() throws(StoreError) -> [ClosedRange<Int64>] {
        let (low, high) = try read { db in
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(min(id), 0), COALESCE(max(id), 0) FROM entry"))!
            return (row[0] as Int64, row[1] as Int64)
        }
        let entries = high - low + 1
        let parts = Int64(searchSplit.parts)
        guard parts > 1, entries >= searchSplit.entriesPerPart * 2, entries >= parts else { return [low...max(low, high)] }
        let step = entries / parts
        return (0..<parts).map { i in low + i * step...(i == parts - 1 ? high : low + (i + 1) * step - 1) }
    }

    /// `body` over each item (a range of entries, a share of the hits) on its own reader
    /// connection, at once; the results in item order, flattened.
    func inParallel<Item: Sendable, T: Sendable>(_ items: [Item], _ body: @escaping @Sendable (Database, Item) throws -> [T]) throws(StoreError) -> [T] {
        if items.count == 1 { return try read { db in try body(db, items[0]) } }
        let results = concurrentMap(count: items.count, jobs: items.count) { i in
            Result { () throws(StoreError) -> [T] in try read { db in try body(db, items[i]) } }
        }
        var all: [T] = []
        for result in results { all += try result.get() }
        return all
    }

    /// The best `limit` entries in `range` matching `match` and not `excluding`, best first.
    static func topByRank(match: String, excluding: String?, in range: ClosedRange<Int64>, limit: Int, _ db: Database) throws -> [(id: Int64, score: Double)] {
        let sql = excluding == nil
            ? "SELECT rowid, rank FROM search WHERE search MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rank LIMIT ?"
            : "SELECT rowid, rank FROM search WHERE search MATCH ? AND rowid BETWEEN ? AND ? AND rowid NOT IN (SELECT rowid FROM search WHERE search MATCH ? AND rowid BETWEEN ? AND ?) ORDER BY rank LIMIT ?"
        let arguments: StatementArguments = excluding.map { [match, range.lowerBound, range.upperBound, $0, range.lowerBound, range.upperBound, limit] }
            ?? [match, range.lowerBound, range.upperBound, limit]
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map { ($0[0], $0[1]) }
    }

    /// Joins the filters (see `filterSQL`) for the entries in `range`: how many match, and the
    /// best `limit` of them (one element, as `inParallel` concatenates the parts' arrays).
    static func filteredPage(_ query: FTS5Query, in range: ClosedRange<Int64>, limit: Int, _ db: Database) throws -> [(total: Int, ranked: [Ranked])] {
        var arguments: [(any DatabaseValueConvertible)?] = []
        var from: String
        if let match = query.match {
            from = "(SELECT rowid AS id, rank AS score FROM search WHERE search MATCH ? AND rowid BETWEEN ? AND ?) m JOIN entry e ON e.id = m.id"
            arguments += [match, range.lowerBound, range.upperBound] as [(any DatabaseValueConvertible)?]
        } else {
            from = "(SELECT id, 0.0 AS score FROM entry WHERE id BETWEEN ? AND ?) m JOIN entry e ON e.id = m.id"
            arguments += [range.lowerBound, range.upperBound] as [(any DatabaseValueConvertible)?]
        }
        from += " JOIN document d ON d.id = e.documentId LEFT JOIN \"case\" c ON c.id = e.caseId"
        let (whereSQL, whereArgs) = filterSQL(query.filters)
        arguments += whereArgs
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(from) WHERE \(whereSQL)", arguments: StatementArguments(arguments)) ?? 0
        // The first tier each entry matches (the last tier is `match` itself).
        var tierSQL = "1"  // a search by filters alone matched no words
        var pageArguments = arguments
        if query.match != nil {
            let narrower = query.tiers.dropLast()
            tierSQL = narrower.isEmpty ? "0" : "CASE " + narrower.indices.map { "WHEN e.id IN (SELECT rowid FROM search WHERE search MATCH ? AND rowid BETWEEN ? AND ?) THEN \($0) " }.joined() + "ELSE \(narrower.count) END"
            pageArguments.insert(contentsOf: narrower.flatMap { [$0, range.lowerBound, range.upperBound] as [(any DatabaseValueConvertible)?] }, at: 0)
        }
        let order = query.sortByDate ? "entryDate DESC, tier, m.score, e.id" : "tier, m.score, entryDate DESC, e.id"
        pageArguments.append(limit)
        let ranked = try Row.fetchAll(db, sql: """
            SELECT e.id, m.score, \(tierSQL) AS tier, COALESCE(c.latestDate, d.meetingDate, d.date) AS entryDate
            FROM \(from) WHERE \(whereSQL) ORDER BY \(order) LIMIT ?
            """, arguments: StatementArguments(pageArguments)).map { row in
            Ranked(id: row[0], score: row[1], tier: row[2], date: row[3])
        }
        return [(total, ranked)]
    }

    /// Each ranked entry's record fields and text (for the snippet), in rank order.
    static func hits(_ ranked: [RankedEntry], _ db: Database) throws -> [SearchHit] {
        var hits: [SearchHit] = []
        for entry in ranked {
            // Cached: the view makes this statement costly to prepare, and it runs per hit.
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT d.path, d.kind, d.title, d.municipality, c.caseNumber, COALESCE(c.title, d.title), c.latestBody,
                    COALESCE(c.latestDate, d.meetingDate, d.date), c.latestOutcome, c.firstLine,
                    x.decisions, x.body
                FROM entry e JOIN document d ON d.id = e.documentId LEFT JOIN "case" c ON c.id = e.caseId
                JOIN entry_content x ON x.id = e.id WHERE e.id = ?
                """), arguments: [entry.id]) else { continue }
            let decisions: String = row[10] ?? ""
            let body: String = row[11] ?? ""
            hits.append(SearchHit(
                path: row[0], kind: row[1], documentTitle: row[2], municipality: row[3], caseNumber: row[4], title: row[5],
                committee: row[6], date: row[7], outcome: row[8], snippet: "", line: row[9], score: entry.score, exact: entry.exact,
                text: decisions.isEmpty ? body : decisions + "\n" + body))
        }
        return hits
    }

    /// Counts of the matching entries by committee, year and latest outcome.
    static func facets(_ query: FTS5Query, _ db: Database) throws -> Facets {
        var arguments: [(any DatabaseValueConvertible)?] = []
        var from: String
        if let match = query.match {
            from = "(SELECT rowid AS id FROM search WHERE search MATCH ?) m JOIN entry e ON e.id = m.id"
            arguments.append(match)
        } else {
            from = "entry e"
        }
        from += " JOIN document d ON d.id = e.documentId LEFT JOIN \"case\" c ON c.id = e.caseId"
        let (whereSQL, whereArgs) = filterSQL(query.filters)
        arguments += whereArgs
        func facet(_ expr: String, _ joinDecisions: Bool) throws -> [Facets.Count] {
            let source = joinDecisions ? "\(from) JOIN decision x ON x.caseId = c.id" : from
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(expr) AS v, count(DISTINCT e.id) FROM \(source) WHERE \(whereSQL) AND v IS NOT NULL GROUP BY v ORDER BY 2 DESC, 1 LIMIT 20
                """, arguments: StatementArguments(arguments))
            return rows.map { Facets.Count(value: $0[0], count: $0[1]) }
        }
        return .init(committee: try facet("x.body", true), year: try facet("substr(COALESCE(c.latestDate, d.meetingDate, d.date), 1, 4)", false),
                     outcome: try facet("c.latestOutcome", false))
    }

    static func filterSQL(_ f: EntryFilters) -> (String, [(any DatabaseValueConvertible)?]) {
        var clauses = ["1"]
        var args: [(any DatabaseValueConvertible)?] = []
        /// Entries with a fact of this kind matching the condition (see `EntryFact`).
        func facts(_ kind: EntryFact.Kind, _ condition: String, _ values: [String]) {
            clauses.append("e.id IN (SELECT entryId FROM entry_fact WHERE kind = \(kind.rawValue) AND (\(condition)))")
            args += values
        }
        for names in f.committees where !names.isEmpty {
            facts(.committee, names.map { _ in "value LIKE ?" }.joined(separator: " OR "), names.map { "%\($0)%" })
        }
        if f.from != nil || f.to != nil {
            facts(.date, "value BETWEEN ? AND ?", [f.from ?? "0000", (f.to ?? "9999") + "\u{FFFF}"])
        }
        if !f.caseNumbers.isEmpty {
            let one = "(c.caseNumber = ? OR c.kleNumber = ? OR instr(' ' || COALESCE(c.otherCaseNumbers, '') || ' ', ' ' || ? || ' ') > 0)"
            clauses.append("(" + f.caseNumbers.map { _ in one }.joined(separator: " OR ") + ")")
            for n in f.caseNumbers { args += [n, n, n] }
        }
        for person in f.persons {
            facts(.person, "value LIKE ?", ["%\(person.lowercased())%"])
        }
        if !f.parties.isEmpty {
            facts(.party, "value IN (\(f.parties.map { _ in "?" }.joined(separator: ",")))", f.parties)
        }
        if !f.outcomes.isEmpty {
            facts(.outcome, "value IN (\(f.outcomes.map { _ in "?" }.joined(separator: ",")))", f.outcomes)
        }
        if !f.municipalities.isEmpty {
            clauses.append("(" + f.municipalities.map { _ in "referat_fold(d.municipality) LIKE ?" }.joined(separator: " OR ") + ")")
            args += f.municipalities.map { "%\($0.lowercased())%" }
        }
        if !f.kinds.isEmpty {
            clauses.append("d.kind IN (\(f.kinds.map { _ in "?" }.joined(separator: ",")))")
            args += f.kinds.map { $0 }
        }
        return (clauses.joined(separator: " AND "), args)
    }
}
