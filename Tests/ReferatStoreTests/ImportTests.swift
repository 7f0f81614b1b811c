import Foundation
import ReferatAnalysis
import ReferatEngine
@testable import ReferatImport
import ReferatParsing
import ReferatRecords
@testable import ReferatStore
import ReferatTestSupport
import Testing

/// A temporary folder with copies of corpus files, and an index beside it.
struct Workspace {
    let root: String
    var index: String { root + "/index.sqlite" }
    var archive: String { root + "/archive" }

    static let corpus: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/Corpus"
    }()

    init(files: [String]? = nil) throws {
        root = try Scratch.directory("store")
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/archive/2023", withIntermediateDirectories: true)
        // The search corpus by default: the counts below are its own (see `SearchCorpus`).
        let names = files ?? SearchCorpus.names
        for (i, name) in names.enumerated() {
            let folder = i % 2 == 0 ? "/archive/" : "/archive/2023/"
            try fm.copyItem(atPath: Self.corpus + "/" + name, toPath: root + folder + name)
        }
    }

    func store() throws -> ArchiveStore { try ArchiveStore(path: index) }

    /// Runs SQL on a database (the index unless `path` says another) with the sqlite3 tool,
    /// as another program would; its exit status.
    func sqlite(_ sql: String, on path: String? = nil) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path ?? index, sql]
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func importAll(prune: Bool = false) throws -> ImportSummary {
        try Importer(store: store(), options: .init(jobs: 2, prune: prune, batchSize: 4)).run(paths: [archive])
    }
}

@Suite struct ImportTests {
    @Test func importThenReimportChangesNothing() throws {
        let ws = try Workspace()
        let first = try ws.importAll()
        #expect(first.imported == 35)
        #expect(first.failed == 0)
        #expect(first.compacted)
        let stats1 = try ws.store().stats()
        #expect(stats1.cases == 76)
        let second = try ws.importAll()
        #expect(!second.compacted)
        #expect(second.imported == 0)
        #expect(second.skipped == 35)
        let stats2 = try ws.store().stats()
        #expect(stats2.documents == stats1.documents && stats2.cases == stats1.cases && stats2.decisions == stats1.decisions && stats2.people == stats1.people)
        let problems = try ws.store().integrityCheck()
        #expect(problems.isEmpty, "\(problems)")
    }

    /// Each run reports its own CPU time: the same importer's second run, which only hashes
    /// unchanged files, reports less parsing CPU than the first, which parsed and analysed
    /// them, instead of the two runs' total.
    @Test func eachRunReportsItsOwnCPUTime() throws {
        let ws = try Workspace()
        let importer = try Importer(store: ws.store(), options: .init(jobs: 2, batchSize: 4))
        let first = try importer.run(paths: [ws.archive])
        let second = try importer.run(paths: [ws.archive])
        #expect(first.imported == 35 && second.skipped == 35)
        #expect(first.parsingCPUSeconds > 0 && first.writingCPUSeconds > 0)
        #expect(second.parsingCPUSeconds < first.parsingCPUSeconds)
        #expect(second.writingCPUSeconds < first.writingCPUSeconds)
    }

    /// A new index vacuums incrementally; compacting gives back every free page either way,
    /// and the index stays sound.
    @Test(arguments: [0, ArchiveStore.fullVacuumLimit])
    func compactingGivesBackEveryFreePage(_ fullVacuumLimit: Int) throws {
        let ws = try Workspace()
        _ = try ws.importAll()
        let store = try ws.store()
        #expect(try store.pageCounts().autoVacuum == 2)
        // Removing all documents but two frees the pages of their rows.
        let paths = try store.knownFiles().keys.sorted()
        let removed = try store.remove(paths: Array(paths.dropFirst(2)))
        #expect(removed == paths.count - 2)
        let before = try store.pageCounts()
        #expect(before.free > 0)
        try store.compact(fullVacuumLimit: fullVacuumLimit)
        let after = try store.pageCounts()
        #expect(after.free == 0)
        #expect(after.pages < before.pages)
        #expect(after.autoVacuum == 2)
        #expect(try store.integrityCheck().isEmpty)
        #expect(try store.stats().documents == paths.count - removed)
    }

    /// A changed file's old entries are deleted from the search index (tombstones) and its new
    /// ones added: if a delete missed an entry, the index would keep stale terms. Changing a
    /// file and changing it back must leave every term's counts as they were.
    @Test func aFileChangedAndChangedBackLeavesTheSameTerms() throws {
        let ws = try Workspace()
        _ = try ws.importAll()
        let before = try ws.store().searchVocabulary()
        let path = ws.archive + "/2023/002_57d07c45436e4040.txt"
        let original = try String(contentsOfFile: path, encoding: .utf8)
        try original.replacingOccurrences(of: "Kommunalbestyrelsen", with: "Byrådet").write(toFile: path, atomically: false, encoding: .utf8)
        #expect(try ws.importAll().imported == 1)
        let changed = try ws.store().searchVocabulary()
        #expect(changed != before)
        try original.write(toFile: path, atomically: false, encoding: .utf8)
        #expect(try ws.importAll().imported == 1)
        #expect(try ws.store().searchVocabulary() == before)
    }

    /// An import into an empty index writes the records first and indexes each entry once,
    /// after the learning steps; an import into a filled one indexes as it writes and
    /// re-indexes what a learned word or abbreviation changes. Importing the same files in one
    /// go or in four must give the same search index.
    @Test func aBulkImportIndexesAsImportingTheFilesInStepsDoes() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Workspace.corpus).sorted()
            .filter { [".txt", ".html", ".htm", ".pdf"].contains(where: $0.hasSuffix) }
        let bulk = try Workspace(files: names)
        let summary = try bulk.importAll()
        #expect(summary.indexedAfterLearning > names.count && summary.reindexedEntries == 0, "\(summary)")
        #expect(summary.learnedWords > 0 && summary.learnedAbbreviations > 0, "the files must teach words and abbreviations: \(summary)")

        let steps = try Workspace(files: [])
        var reindexed = 0
        for group in 0..<4 {
            for (i, name) in names.enumerated() where i % 4 == group {
                try FileManager.default.copyItem(atPath: Workspace.corpus + "/" + name, toPath: steps.archive + "/" + name)
            }
            let step = try steps.importAll()
            #expect(step.indexedAfterLearning == (group == 0 ? step.indexedAfterLearning : 0))
            reindexed += step.reindexedEntries
        }
        #expect(reindexed > 0, "later steps must re-index entries for what they learned")
        let a = try bulk.store(), b = try steps.store()
        #expect(a.lexicon.addedWords == b.lexicon.addedWords)
        #expect(try a.committeeAbbreviations() == (try b.committeeAbbreviations()))
        let va = try a.searchVocabulary(), vb = try b.searchVocabulary()
        #expect(va.count > 1000)
        for term in Set(va.keys).union(vb.keys).sorted() where va[term] != vb[term] {
            Issue.record("\(term): bulk \(va[term] ?? []), in steps \(vb[term] ?? [])")
        }
        #expect(try a.integrityCheck().isEmpty && (try b.integrityCheck().isEmpty))
    }

    /// An import into an empty index that is stopped keeps the batches it committed, whose
    /// entries it had not indexed yet: `stats` says how many, searches do not find them, and
    /// the next import, with nothing new to read, indexes them as an uninterrupted import would.
    @Test func aStoppedBulkImportIsIndexedByTheNextOne() throws {
        let names = Array(SearchCorpus.names.prefix(8))
        let ws = try Workspace(files: names)
        let batches = Counter()
        let stopped = try Importer(store: ws.store(), options: .init(jobs: 2, batchSize: 1))
            .run(paths: [ws.archive], shouldStop: { batches.next() > 3 })
        #expect(stopped.interrupted && stopped.imported == 3 && stopped.indexedAfterLearning == 0, "\(stopped)")
        let waiting = try ws.store().stats().unindexedEntries
        #expect(waiting >= 3)
        #expect(try ws.store().searchVocabulary().isEmpty)

        let resumed = try ws.importAll()
        #expect(resumed.imported == names.count - 3 && resumed.indexedAfterLearning > waiting, "\(resumed)")
        #expect(try ws.store().stats().unindexedEntries == 0)
        let whole = try Workspace(files: names)
        _ = try whole.importAll()
        #expect(try ws.store().searchVocabulary() == (try whole.store().searchVocabulary()))
        #expect(try ws.store().integrityCheck().isEmpty)
    }

    @Test func aChangedFileReplacesItsRecordsAndPruneRemovesDeletedOnes() throws {
        let ws = try Workspace()
        _ = try ws.importAll()
        let store = try ws.store()
        let changed = ws.archive + "/2023/002_57d07c45436e4040.txt"
        var text = try String(contentsOfFile: changed, encoding: .utf8)
        text = text.replacingOccurrences(of: "23/222 Åben Sag", with: "23/999 Åben Sag")
        try text.write(toFile: changed, atomically: false, encoding: .utf8)
        let again = try ws.importAll()
        #expect(again.imported == 1)
        #expect(!again.compacted, "one small file does not warrant rewriting the index")
        #expect(try store.cases(number: "23/222").isEmpty)
        #expect(try store.cases(number: "23/999").count == 1)

        try FileManager.default.removeItem(atPath: changed)
        let withoutPrune = try ws.importAll()
        #expect(withoutPrune.pruned == 0)
        #expect(try store.cases(number: "23/999").count == 1)
        let pruned = try ws.importAll(prune: true)
        #expect(pruned.pruned == 1)
        #expect(try store.cases(number: "23/999").isEmpty)
        #expect(try store.stats().documents == 34)
        #expect(try store.integrityCheck().isEmpty)
    }

    /// Chunks cover every file once, in order; the first is a whole batch (the importer learns
    /// from it) and the last ones are smaller.
    @Test(arguments: [(157, 64), (1554, 64), (20, 4), (3, 1), (1, 64), (64, 64), (129, 64)] as [(Int, Int)])
    func chunksCoverEveryFileOnce(_ total: Int, _ batchSize: Int) {
        var sizes: [Int] = []
        var index = 0
        while index < total {
            let size = min(Importer.chunkSize(at: index, of: total, batchSize: batchSize), total - index)
            sizes.append(size)
            index += size
        }
        #expect(sizes.reduce(0, +) == total)
        #expect(sizes.first == min(batchSize, total))
        #expect(sizes.allSatisfy { $0 >= 1 && $0 <= batchSize })
        if total > 3 * batchSize && batchSize >= 4 { #expect(sizes.last! <= batchSize / 4) }
    }

    @Test func progressReportsTheFinishingStagesAfterTheFiles() throws {
        let ws = try Workspace(files: ["002_57d07c45436e4040.txt", "003_746e95f34020876c.txt", "004_31d5589ebbea57ad.txt"])
        var stages: [ImportProgress.Stage] = []
        let summary = try Importer(store: ws.store(), options: .init(jobs: 2, batchSize: 1)).run(paths: [ws.archive], progress: { stages.append($0.stage) })
        #expect(summary.compacted)
        // An import into an empty index puts its entries into the search index after learning.
        #expect(stages == [.files, .files, .files, .learningWords, .indexing, .compacting])
        #expect(summary.indexedAfterLearning > summary.cases && summary.reindexedEntries == 0, "\(summary)")
        stages = []
        _ = try Importer(store: ws.store(), options: .init(jobs: 2, batchSize: 1)).run(paths: [ws.archive], progress: { stages.append($0.stage) })
        #expect(stages == [.files, .files, .files], "nothing imported: no finishing stages")
    }

    @Test func aBadFileAmongGoodOnesIsReportedAndSkipped() throws {
        let ws = try Workspace(files: ["002_57d07c45436e4040.txt", "003_746e95f34020876c.txt"])
        try Data([0x00, 0x01, 0x02, 0x03, 0xFF]).write(to: URL(fileURLWithPath: ws.archive + "/broken.txt"))
        _ = FileManager.default.createFile(atPath: ws.archive + "/empty.html", contents: Data())
        let summary = try ws.importAll()
        #expect(summary.imported == 2)
        #expect(summary.failed == 2)
        #expect(summary.failures.map(\.path).sorted() == [ws.archive + "/broken.txt", ws.archive + "/empty.html"])
        #expect(summary.failures.contains { $0.description.contains("broken.txt:1: binary data") })
        #expect(try ws.store().stats().cases == 2)
    }

    @Test func aForeignFileIsRefusedAndNotOverwritten() throws {
        let ws = try Workspace(files: [])
        let foreign = ws.root + "/notes.sqlite"
        let content = Data("these are my notes, not an index".utf8)
        try content.write(to: URL(fileURLWithPath: foreign))
        #expect(throws: StoreError.self) { try ArchiveStore(path: foreign) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: foreign)) == content)
        #expect(throws: StoreError.self) { try ArchiveStore(path: ws.root) }
        // Another program's SQLite database, without an application id, is left untouched.
        let other = ws.root + "/other.sqlite"
        #expect(try ws.sqlite("CREATE TABLE notes(text); INSERT INTO notes VALUES('mine');", on: other) == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        #expect(throws: StoreError.self) { try ArchiveStore(path: other) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)
    }

    /// An index built by another analyzer version is re-tokenized on open, so later deletes
    /// see the tokens that were inserted and FTS5 stays consistent.
    @Test func anOlderAnalyzerVersionIsRebuiltOnOpen() throws {
        let ws = try Workspace(files: ["002_57d07c45436e4040.txt", "003_746e95f34020876c.txt"])
        _ = try ws.importAll()
        #expect(try ws.sqlite("UPDATE meta SET value = '0' WHERE key = 'analyzerVersion'") == 0)
        let store = try ws.store()
        #expect(try store.integrityCheck().isEmpty)
        // Replacing a document deletes its old FTS rows: this must not corrupt the index.
        let file = ws.archive + "/002_57d07c45436e4040.txt"
        try (try String(contentsOfFile: file, encoding: .utf8) + "\nTillæg.\n").write(toFile: file, atomically: false, encoding: .utf8)
        #expect(try ws.importAll().imported == 1)
        #expect(try store.integrityCheck().isEmpty)
    }

    /// Segments of another format are never read: a search of such an index says that the
    /// next import rebuilds it, and the next import does, from the records.
    @Test func segmentsOfAnotherFormatAreRebuiltByTheNextImport() throws {
        let ws = try Workspace(files: ["002_57d07c45436e4040.txt", "003_746e95f34020876c.txt"])
        _ = try ws.importAll()
        let before = try ws.store().searchVocabulary()
        let older = ArchiveStore.searchIndexVersion(segments: SegmentFormat.version - 1)
        #expect(try ws.sqlite("UPDATE meta SET value = '\(older)' WHERE key = 'analyzerVersion'") == 0)
        let reader = try ArchiveStore(path: ws.index, readOnly: true)
        #expect { try reader.searchVocabulary() } throws: { error in
            (error as? StoreError)?.message.contains("rebuilt by the next 'referat import'") == true
        }
        _ = try ws.importAll()
        #expect(try ws.store().searchVocabulary() == before)
    }

    @Test func recordsRoundTripThroughTheStore() throws {
        let ws = try Workspace(files: ["002_57d07c45436e4040.txt"])
        _ = try ws.importAll()
        let stored = try #require(try ws.store().cases(number: "23/222").first)
        let parsed = try DocumentParser().parse(fileAt: ws.archive + "/002_57d07c45436e4040.txt").cases[0]
        #expect(stored.record.decisions.map(\.body) == parsed.decisions.map(\.body))
        #expect(stored.record.decisions.map(\.absent) == parsed.decisions.map(\.absent))
        #expect(stored.record.attachments == parsed.attachments)
        #expect(stored.record.routing == parsed.routing)
        #expect(stored.record.sections == parsed.sections)
    }
}

/// Counts calls across threads: how many batches an import has begun.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func next() -> Int { lock.withLock { value += 1; return value } }
}
