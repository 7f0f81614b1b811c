import Foundation
import GRDB
@testable import ReferatImport
import ReferatParsing
import ReferatRecords
import ReferatTestSupport
@testable import ReferatStore
import Testing

/// Sections packed again with a dictionary trained on the index (`ArchiveStore.packSections`)
/// must read exactly as before, through `show`'s path and the search index's, in this process
/// and in a new one; take less room; and survive an interruption half way.
@Suite(.serialized) struct PackingDictionaryTests {
    /// Every case as `show` reads it, and every entry's text as the search index reads it.
    struct Contents: Equatable {
        var cases: [Int64: CaseRecord] = [:]
        var entries: [Int64: [String?]] = [:]
    }

    static func contents(_ store: ArchiveStore) throws -> Contents {
        try store.read { db in
            var out = Contents()
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM \"case\"") { out.cases[id] = try ArchiveStore.loadCase(id: id, db) }
            for row in try Row.fetchAll(db, sql: "SELECT id, title, decisions, body, routing FROM entry_content") {
                out.entries[row[0]] = [row[1], row[2], row[3], row[4]]
            }
            return out
        }
    }

    static func count(_ sql: String, _ store: ArchiveStore) throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }

    static let notPackedWithDictionary = """
        SELECT count(*) FROM "case" WHERE (sectionData IS NOT NULL AND substr(sectionData, 1, 1) <> x'03')
            OR (attachmentData IS NOT NULL AND substr(attachmentData, 1, 1) <> x'03')
        """
    static let packedBytes = "SELECT sum(length(sectionData)) + sum(length(attachmentData)) FROM \"case\""

    @Test func packingAgainReadsTheSameAndTakesLess() throws {
        let ws = try Workspace()
        let summary = try ws.importAll()
        // The search corpus is below the size that trains a dictionary on import.
        #expect(!summary.packedWithDictionary)
        let store = try ws.store()
        let before = try Self.contents(store)
        let bytesBefore = try Self.count(Self.packedBytes, store)
        let withSections = try Self.count("SELECT count(*) FROM \"case\" WHERE sectionData IS NOT NULL OR attachmentData IS NOT NULL", store)
        #expect(withSections > 50)
        #expect(before.cases.values.contains { !$0.attachments.isEmpty })
        // A recommendation is kept as the number of the section that holds it, not a second copy.
        #expect(try Self.count("SELECT count(*) FROM \"case\" WHERE recommendation IS NOT NULL", store) == 0)
        #expect(try Self.count("SELECT count(*) FROM \"case\" WHERE recommendationSection IS NOT NULL", store) > 10)
        #expect(before.cases.values.contains { $0.recommendation != nil })

        let pagesBefore = try store.pageCounts().pages
        let packing = try store.packSections(minimumSampleBytes: 1, casesPerCommit: 7)
        #expect(packing == .init(trained: true, repacked: withSections))
        // The rows written again leave part-empty pages, which compacting packs.
        try store.compact(rewritten: true)
        #expect(try store.pageCounts().pages < pagesBefore)
        #expect(try Self.count(Self.notPackedWithDictionary, store) == 0)
        #expect(try Self.count(Self.packedBytes, store) < bytesBefore)
        #expect(try Self.contents(store) == before)
        #expect(try store.packSections(minimumSampleBytes: 1, casesPerCommit: 7) == .init())

        // A new process reads the dictionary from the index, for `show` and for the view.
        PackingDictionary.forgetAll()
        #expect(try Self.contents(try ArchiveStore(path: ws.index, readOnly: true)) == before)
    }

    @Test func anInterruptedRepackIsFinishedByTheNextImport() throws {
        let ws = try Workspace()
        _ = try ws.importAll()
        let store = try ws.store()
        let before = try Self.contents(store)
        try store.packSections(minimumSampleBytes: 1, casesPerCommit: 7)
        // As a kill half way leaves it: the later half still packed without the dictionary.
        let halfway = try store.write { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM \"case\" WHERE sectionData IS NOT NULL ORDER BY id")
            let middle = ids[ids.count / 2]
            for row in try Row.fetchAll(db, sql: "SELECT id, sectionData FROM \"case\" WHERE id > ? AND sectionData IS NOT NULL", arguments: [middle]) {
                let payload = try PackedSections.payload(of: [UInt8](row[1] as Data), PackedSections.dictionaries(db))
                try db.execute(sql: "UPDATE \"case\" SET sectionData = ? WHERE id = ?", arguments: [Data(PackedSections.pack(payload: payload, dictionary: nil)), row[0] as Int64])
            }
            try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES('repackThrough', ?), ('repackedFrom', ?)", arguments: [String(ids.last!), String(middle)])
            try ArchiveStore.mark(.compact, db)
            return ids.count - ids.count / 2 - 1
        }
        #expect(try Self.count(Self.notPackedWithDictionary, store) == halfway)
        #expect(try Self.contents(store) == before)
        // The import finds nothing new, but compacting is owed: it packs the rest first.
        let summary = try ws.importAll()
        #expect(summary.imported == 0 && summary.repackedCases == halfway && !summary.packedWithDictionary)
        #expect(try Self.count(Self.notPackedWithDictionary, store) == 0)
        #expect(try Self.contents(store) == before)
    }

    @Test func filesImportedAfterTrainingArePackedWithTheDictionary() throws {
        let ws = try Workspace(files: Array(SearchCorpus.names.dropFirst()))
        _ = try ws.importAll()
        try ws.store().packSections(minimumSampleBytes: 1, casesPerCommit: 64)
        let added = SearchCorpus.names[0]
        try FileManager.default.copyItem(atPath: Workspace.corpus + "/" + added, toPath: ws.archive + "/" + added)
        let summary = try ws.importAll()
        #expect(summary.imported == 1)
        let store = try ws.store()
        #expect(try Self.count(Self.notPackedWithDictionary, store) == 0)
        let parsed = try DocumentParser().parse(fileAt: ws.archive + "/" + added)
        let stored = try store.read { db in
            try Int64.fetchAll(db, sql: "SELECT c.id FROM \"case\" c JOIN document d ON d.id = c.documentId WHERE d.path LIKE ? ORDER BY c.ordinal", arguments: ["%" + added])
                .map { try ArchiveStore.loadCase(id: $0, db) }
        }
        #expect(stored.map(\.sections) == parsed.cases.map(\.sections))
        #expect(stored.map(\.recommendation) == parsed.cases.map(\.recommendation))
    }
}
