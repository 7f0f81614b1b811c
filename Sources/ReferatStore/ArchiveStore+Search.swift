import Foundation
import GRDB
public import ReferatIndex
import ReferatAnalysis
import ReferatEngine

extension ArchiveStore {
    /// Runs a search on the search index (`ReferatEngine`) of the generation committed with
    /// the records: the count, one page of ranked entries, and facets when asked.
    public func search(_ indexQuery: IndexQuery) throws(StoreError) -> RankedPage {
        let snapshot = try engineSnapshot()
        do { return try snapshot.search(indexQuery) } catch { throw StoreError(path: error.file, message: error.message) }
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
        let snapshot = try engineSnapshot()
        do { return try snapshot.documentFrequency(of: term) } catch { throw StoreError(path: error.file, message: error.message) }
    }

    /// Exact-form terms starting with `prefix`, the `limit` most frequent, most frequent first.
    public func terms(startingWith prefix: String, limit: Int) throws(StoreError) -> [TermFrequency] {
        let snapshot = try engineSnapshot()
        do { return try snapshot.terms(startingWith: prefix, limit: limit) } catch { throw StoreError(path: error.file, message: error.message) }
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
            // Two subqueries: SQLite reads a lone min() or max() from the end of the rowid
            // tree, but scans the whole table for both in one SELECT.
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT COALESCE((SELECT min(id) FROM entry), 0), COALESCE((SELECT max(id) FROM entry), 0)"))!
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

    /// Each ranked entry's record fields and text (for the snippet), in rank order.
    static func hits(_ ranked: [RankedEntry], _ db: Database) throws -> [SearchHit] {
        var hits: [SearchHit] = []
        for entry in ranked {
            // Cached: the view makes this statement costly to prepare, and it runs per hit.
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT d.path, d.kind, d.title, d.municipality, c.caseNumber, COALESCE(c.title, d.title),
                    CASE WHEN c.id IS NULL THEN d.meetingBody ELSE c.latestBody END,
                    COALESCE(c.latestDate, d.meetingDate, d.date), c.latestOutcome, c.firstLine,
                    x.decisions, x.body, x.routing
                FROM entry e JOIN document d ON d.id = e.documentId LEFT JOIN "case" c ON c.id = e.caseId
                JOIN entry_content x ON x.id = e.id WHERE e.id = ?
                """), arguments: [entry.id]) else { continue }
            let decisions: String = row[10] ?? ""
            let body = [row[11] as String?, row[12] as String?].compactMap { $0 }.joined(separator: "\n")
            hits.append(SearchHit(
                path: row[0], kind: row[1], documentTitle: row[2], municipality: row[3], caseNumber: row[4], title: row[5],
                committee: row[6], date: row[7], outcome: row[8], snippet: "", line: row[9], score: entry.score, exact: entry.exact,
                text: decisions.isEmpty ? body : decisions + "\n" + body))
        }
        return hits
    }
}
