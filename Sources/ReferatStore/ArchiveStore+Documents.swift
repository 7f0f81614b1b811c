import Foundation
import GRDB
public import ReferatRecords

/// A source document as the archive holds it, for the web page's document view: served by its
/// id in the index only, so no path a reader types ever reaches the file system.
public struct StoredDocument: Codable, Sendable {
    public var id: Int64
    public var path: String
    public var sha256: String
    public var size: Int
    public var kind: String
    public var title: String
    public var municipality: String?
    public var date: String?
    public var meetingBody: String?
    public var meetingDate: String?
    /// The cleaned text of a document without agenda items (a letter, a web page); a minutes
    /// document's text is its cases' sections.
    public var text: String?
    public var cases: [CaseRecord]
}

extension ArchiveStore {
    /// The document with this id, with its cases in order; nil when the index has none.
    public func document(id: Int64) throws(StoreError) -> StoredDocument? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT id, path, sha256, size, kind, title, municipality, date, meetingBody, meetingDate, text FROM document WHERE id = ?
                """, arguments: [id]) else { return nil }
            let cases = try Int64.fetchAll(db, sql: "SELECT id FROM \"case\" WHERE documentId = ? ORDER BY ordinal", arguments: [id])
            return StoredDocument(id: row[0], path: row[1], sha256: row[2], size: row[3], kind: row[4], title: row[5], municipality: row[6],
                                  date: row[7], meetingBody: row[8], meetingDate: row[9], text: row[10],
                                  cases: try cases.map { try Self.loadCase(id: $0, db) })
        }
    }

    /// The ids of the documents at these paths (as hits and cases name them), for links.
    public func documentIDs(paths: [String]) throws(StoreError) -> [String: Int64] {
        let unique = Array(Set(paths))
        guard !unique.isEmpty else { return [:] }
        return try read { db in
            var out: [String: Int64] = [:]
            for chunk in stride(from: 0, to: unique.count, by: 500).map({ Array(unique[$0..<min($0 + 500, unique.count)]) }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                for row in try Row.fetchAll(db, sql: "SELECT path, id FROM document WHERE path IN (\(marks))", arguments: StatementArguments(chunk)) {
                    out[row[0]] = row[1]
                }
            }
            return out
        }
    }
}
