import Foundation
import GRDB
import GRDBSQLite
import ReferatAnalysis

/// The lexicon each open index analyses with: the word list plus the words the index learned
/// from its own corpus (table `lexicon_word`), keyed by the database file.
///
/// Every store of one index file in this process shares it, and a search analyses its query
/// with it; the generation changes when the index learns words (`ArchiveStore.learnWords`).
/// Tokens must stay a function of the text and the index's lexicon: a rebuild of the search
/// index from the records must give the index it replaces.
final class IndexLexicons: @unchecked Sendable {
    static let shared = IndexLexicons()

    struct Entry {
        var generation: Int
        var lexicon: DanishLexicon
    }

    private var entries: [String: Entry] = [:]
    private let lock = NSLock()

    subscript(file: String) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        return entries[file]
    }

    func set(_ entry: Entry, for file: String) {
        lock.lock()
        entries[file] = entry
        lock.unlock()
    }

    /// The main database file of a connection, as SQLite names it (absolute).
    static func file(of db: Database) -> String {
        guard let name = sqlite3_db_filename(db.sqliteConnection, "main") else { return "" }
        return String(cString: name)
    }
}
