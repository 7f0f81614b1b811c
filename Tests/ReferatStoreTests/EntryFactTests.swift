import Foundation
import GRDB
@testable import ReferatStore
import Testing

/// Filters read `entry_fact`; the import writes it from parsed records, and the v5 migration
/// rebuilds it from stored ones. Both must give the same facts.
@Suite struct EntryFactTests {
    @Test func factsRebuiltFromStoredRecordsEqualTheImportedOnes() throws {
        let ws = try Workspace()
        _ = try ws.importAll()
        let store = try ws.store()
        let imported = try store.read { db in
            try String.fetchAll(db, sql: "SELECT entryId || ' ' || kind || ' ' || value FROM entry_fact ORDER BY 1")
        }
        let rebuilt = try store.write { db in
            try db.execute(sql: "DELETE FROM entry_fact")
            try ArchiveStore.fillEntryFacts(db)
            return try String.fetchAll(db, sql: "SELECT entryId || ' ' || kind || ' ' || value FROM entry_fact ORDER BY 1")
        }
        #expect(imported.count > 100)
        #expect(Set(imported.map { $0.split(separator: " ")[1] }) == ["1", "2", "3", "4", "5"])
        #expect(rebuilt == imported)
    }

    @Test func removingADocumentRemovesItsFacts() throws {
        let ws = try Workspace()
        _ = try ws.importAll()
        let store = try ws.store()
        let path = try store.read { db in try String.fetchOne(db, sql: "SELECT path FROM document ORDER BY path LIMIT 1")! }
        try store.remove(paths: [path])
        let orphans = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM entry_fact WHERE entryId NOT IN (SELECT id FROM entry)")!
        }
        #expect(orphans == 0)
    }
}
