import Foundation
@testable import ReferatEngine
import ReferatIndex
import ReferatTestSupport
import Testing

/// Commits of an index folder: tombstones for replaced and removed documents, merges that
/// keep the segment count bounded without changing any answer, and the crash rules (a
/// generation nobody recorded leaves the previous one whole, and is removed at the next open).
@Suite struct IndexCommitTests {
    /// A document of three fields from words (title, decisions, body), with a date value.
    static func fields(_ title: String, _ body: String) -> [FieldTokens] {
        func tokens(_ text: String) -> FieldTokens {
            var out = FieldTokens()
            for (p, word) in text.split(separator: " ").enumerated() { out.append(Array(word.utf8), position: UInt32(p)) }
            return out
        }
        return [tokens(title), FieldTokens(), tokens(body)]
    }

    static func values(date: String) -> DocumentValues {
        var v = DocumentValues()
        v.add(.sortDate, date)
        v.add(.date, date)
        return v
    }

    static func ids(_ snapshot: IndexSnapshot, _ word: String, limit: Int = 100) throws -> [Int64] {
        var query = IndexQuery(match: .term(IndexTerm(word)))
        query.limit = limit
        return try snapshot.search(query).entries.map(\.id)
    }

    @Test func replacedAndRemovedDocumentsLeaveOnlyTheirNewEntries() throws {
        let folder = try Scratch.directory("commit")
        let empty = try IndexFolder.openForWriting(folder, generation: nil)
        let first = IndexCommit(base: empty, memoryBudget: 1 << 20)
        for id in 1...3 { try first.add(id: UInt64(id), fields: Self.fields("budget", "old text \(id)"), values: Self.values(date: "2024-01-0\(id)")) }
        let one = try first.prepare()
        let second = IndexCommit(base: one, memoryBudget: 1 << 20)
        try second.add(id: 2, fields: Self.fields("budget", "new text"), values: Self.values(date: "2024-02-01"))
        second.delete(id: 3)
        let two = try second.prepare()

        #expect(try Self.ids(two, "old").sorted() == [1])
        #expect(try Self.ids(two, "new") == [2])
        #expect(try two.search(IndexQuery(match: .term(IndexTerm("budget")))).total == 2)
        #expect(try two.documentFrequency(of: IndexTerm("budget")) == 2)
        #expect(try two.terms(startingWith: "ol", limit: 5) == [TermFrequency(term: "old", entries: 1)])
        // The previous generation is still whole: a search that opened it sees it.
        let reopened = try IndexFolder.open(folder, generation: 1)
        #expect(try Self.ids(reopened, "old").sorted() == [1, 2, 3])
        #expect(try Self.ids(try IndexFolder.open(folder, generation: 2), "old") == [1])
    }

    /// A commit whose merge takes in the segment it has just flushed leaves the folder with
    /// exactly the files its manifest names (the flushed segment was left behind until the
    /// next import's cleaning).
    @Test func aMergeLeavesOnlyTheFilesItsManifestNames() throws {
        let folder = try Scratch.directory("commit")
        var snapshot = try IndexFolder.openForWriting(folder, generation: nil)
        var merged = false
        for id in 1...MergePolicy.factor {
            let commit = IndexCommit(base: snapshot, memoryBudget: 1 << 20)
            try commit.add(id: UInt64(id), fields: Self.fields("budget", "text \(id)"), values: Self.values(date: "2024-01-01"))
            let next = try commit.prepare()
            IndexFolder.removeReplaced(snapshot.manifest, by: next.manifest, in: folder)
            snapshot = next
            merged = merged || next.manifest.segments.contains { $0.contains("-m") }
            let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
            #expect(names == Set(next.manifest.segments + [Manifest.fileName(generation: next.generation)]), "generation \(next.generation)")
        }
        #expect(merged, "no merge happened: the test proved nothing")
        #expect(try Self.ids(snapshot, "budget").count == MergePolicy.factor)
    }

    /// A segment whose every document was replaced or removed leaves the next generation (a
    /// search would look up every term in it for nothing), and no commit writes a segment
    /// without documents, by flushing or by merging.
    @Test func segmentsWithoutLiveDocumentsLeaveTheNextGeneration() throws {
        let folder = try Scratch.directory("commit")
        var snapshot = try IndexFolder.openForWriting(folder, generation: nil)
        // Three segments of two documents each.
        for round in 0..<3 {
            let commit = IndexCommit(base: snapshot, memoryBudget: 1 << 20)
            for k in 0..<2 { try commit.add(id: UInt64(round * 2 + k), fields: Self.fields("budget", "text"), values: Self.values(date: "2024-01-01")) }
            let next = try commit.prepare()
            IndexFolder.removeReplaced(snapshot.manifest, by: next.manifest, in: folder)
            snapshot = next
        }
        #expect(snapshot.segments.count == 3)
        // Both documents of the first segment replaced, both of the second removed, one of the third.
        let commit = IndexCommit(base: snapshot, memoryBudget: 1 << 20)
        for id: UInt64 in [0, 1] { try commit.add(id: id, fields: Self.fields("budget", "new"), values: Self.values(date: "2024-02-01")) }
        for id: UInt64 in [2, 3, 4] { commit.delete(id: id) }
        let next = try commit.prepare()
        IndexFolder.removeReplaced(snapshot.manifest, by: next.manifest, in: folder)
        #expect(!next.manifest.segments.contains(snapshot.manifest.segments[0]))
        #expect(!next.manifest.segments.contains(snapshot.manifest.segments[1]))
        #expect(next.manifest.segments.contains(snapshot.manifest.segments[2]))
        #expect(next.segments.allSatisfy { $0.documentCount > 0 })
        #expect(next.manifest.deleted?.keys.sorted() == [snapshot.manifest.segments[2]])
        #expect(try Self.ids(next, "budget").sorted() == [0, 1, 5])
        #expect(try Self.ids(next, "new").sorted() == [0, 1])
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        #expect(files == Set(next.manifest.segments + [Manifest.fileName(generation: next.generation)]))

        // Everything removed: no segment at all, and searches answer nothing.
        let last = IndexCommit(base: next, memoryBudget: 1 << 20)
        for id: UInt64 in [0, 1, 5] { last.delete(id: id) }
        let emptied = try last.prepare()
        #expect(emptied.manifest.segments.isEmpty)
        #expect(try Self.ids(emptied, "budget").isEmpty)
    }

    /// Documents added on several lanes at once (each lane its own writer and segments,
    /// flushed when its share of the budget is full), mixed with documents added one by one,
    /// re-added and deleted, answer every search as the same documents added one by one on
    /// one writer: the same entries with the same scores, the same counts.
    @Test(arguments: [1, 2, 3])
    func documentsAddedOnLanesAnswerAsDocumentsAddedOneByOne(lanes: Int) throws {
        let words = ["budget", "skole", "vej", "plan", "takst", "ældre", "havn", "sti"]
        var generator = SeededGenerator(state: 7)
        let texts = (0..<240).map { _ in
            (title: words[Int.random(in: 0..<words.count, using: &generator)],
             body: (0..<Int.random(in: 3...40, using: &generator)).map { _ in words[Int.random(in: 0..<words.count, using: &generator)] }.joined(separator: " "))
        }
        let dates = (0..<240).map { "2024-0\($0 % 9 + 1)-1\($0 % 10)" }
        let deleted: [UInt64] = [3, 77, 150, 239]

        let plainFolder = try Scratch.directory("lanes-plain")
        let plain = IndexCommit(base: try IndexFolder.openForWriting(plainFolder, generation: nil), memoryBudget: 1 << 24)
        for (i, text) in texts.enumerated() {
            try plain.add(id: UInt64(i), fields: Self.fields(text.title, text.body), values: Self.values(date: dates[i]))
        }
        for id in deleted { plain.delete(id: id) }
        let expected = try plain.prepare()

        let laneFolder = try Scratch.directory("lanes")
        // A budget that fills a lane's writer every few dozen documents.
        let commit = IndexCommit(base: try IndexFolder.openForWriting(laneFolder, generation: nil), memoryBudget: 6_000 * lanes, lanes: lanes)
        let fields = texts.map { Self.fields($0.title, $0.body) }
        // Ten one by one (buffered in lane 0), then two runs on the lanes: the second re-adds
        // document 5, buffered or written by then.
        for i in 0..<10 { try commit.add(id: UInt64(i), fields: fields[i], values: Self.values(date: dates[i])) }
        try commit.add(ids: (10..<120).map { UInt64($0) }) { i, _ in (fields[10 + i], Self.values(date: dates[10 + i])) }
        commit.delete(id: 77)
        try commit.add(ids: [5] + (120..<240).map { UInt64($0) }) { i, _ in
            let doc = i == 0 ? 5 : 119 + i
            return (fields[doc], Self.values(date: dates[doc]))
        }
        for id in deleted where id != 77 { commit.delete(id: id) }
        let snapshot = try commit.prepare()
        if lanes > 1 { #expect(snapshot.segments.count > lanes, "no lane filled its writer: the test proved less") }

        for word in words {
            var query = IndexQuery(match: .term(IndexTerm(word)))
            query.limit = 300
            let got = try snapshot.search(query), want = try expected.search(query)
            #expect(got.total == want.total, "\(word)")
            let scores = { (page: RankedPage) in Dictionary(uniqueKeysWithValues: page.entries.map { ($0.id, $0.score) }) }
            let (gotScores, wantScores) = (scores(got), scores(want))
            #expect(gotScores.keys.sorted() == wantScores.keys.sorted(), "\(word)")
            for (id, score) in wantScores { #expect(abs((gotScores[id] ?? -1) - score) < 1e-9, "\(word) entry \(id)") }
        }
        #expect(try Self.ids(snapshot, "budget", limit: 300).allSatisfy { !deleted.contains(UInt64($0)) })
        // Segments the merges took in are gone; the empty generation 0 waits for its removal.
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: laneFolder))
        #expect(files == Set(snapshot.manifest.segments + [Manifest.fileName(generation: 0), Manifest.fileName(generation: 1)]))
    }

    /// A bulk import's last commit merges the small segments the lanes left into one; the
    /// answers stay the same.
    @Test func theLastCommitOfABulkImportMergesTheSmallSegments() throws {
        let folder = try Scratch.directory("consolidate")
        var snapshot = try IndexFolder.openForWriting(folder, generation: nil)
        for round in 0..<4 {
            let commit = IndexCommit(base: snapshot, memoryBudget: 1 << 20, lanes: 2)
            try commit.add(ids: (0..<10).map { UInt64(round * 10 + $0) }) { i, _ in
                (Self.fields("budget", "text \(round) \(i)"), Self.values(date: "2024-01-01"))
            }
            commit.consolidates = round >= 2
            let next = try commit.prepare()
            IndexFolder.removeReplaced(snapshot.manifest, by: next.manifest, in: folder)
            // Six small segments become one; two more stay (too few to be worth a rewrite).
            #expect(next.segments.count == [2, 4, 1, 3][round], "round \(round)")
            snapshot = next
        }
        #expect(try Self.ids(snapshot, "budget").sorted() == (0..<40).map { Int64($0) })
        #expect(try snapshot.search(IndexQuery(match: .term(IndexTerm("budget")))).total == 40)
    }

    /// The last commit of a bulk import may add nothing (the entries filled the commit before
    /// it): it still has the small segments to merge.
    @Test func aLastCommitThatAddsNothingStillMerges() throws {
        let folder = try Scratch.directory("consolidate-empty")
        var snapshot = try IndexFolder.openForWriting(folder, generation: nil)
        for round in 0..<3 {
            let commit = IndexCommit(base: snapshot, memoryBudget: 1 << 20, lanes: 2)
            try commit.add(ids: (0..<10).map { UInt64(round * 10 + $0) }) { i, _ in
                (Self.fields("budget", "text \(round) \(i)"), Self.values(date: "2024-01-01"))
            }
            snapshot = try commit.prepare()
        }
        #expect(snapshot.segments.count == 6)
        let last = IndexCommit(base: snapshot, memoryBudget: 1 << 20, lanes: 2)
        #expect(!last.hasWork)
        last.consolidates = true
        #expect(last.hasWork)
        let merged = try last.prepare()
        #expect(merged.segments.count == 1)
        #expect(try Self.ids(merged, "budget").sorted() == (0..<30).map { Int64($0) })
    }

    @Test func aGenerationNobodyRecordedIsRemovedAndThePreviousOneStands() throws {
        let folder = try Scratch.directory("commit")
        let empty = try IndexFolder.openForWriting(folder, generation: nil)
        let first = IndexCommit(base: empty, memoryBudget: 1 << 20)
        try first.add(id: 1, fields: Self.fields("skole", "kept"), values: Self.values(date: "2024-01-01"))
        _ = try first.prepare()
        // Written and synced, but the records never named generation 2 (a crash before their
        // transaction committed).
        let lost = IndexCommit(base: try IndexFolder.open(folder, generation: 1), memoryBudget: 1 << 20)
        try lost.add(id: 2, fields: Self.fields("skole", "lost"), values: Self.values(date: "2024-01-02"))
        lost.delete(id: 1)
        _ = try lost.prepare()
        #expect(FileManager.default.fileExists(atPath: folder + "/" + Manifest.fileName(generation: 2)))

        let reopened = try IndexFolder.openForWriting(folder, generation: 1)
        #expect(try Self.ids(reopened, "skole") == [1])
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        #expect(files == Set(reopened.manifest.segments + [Manifest.fileName(generation: 1)]))
    }

    /// Eighty commits of a few documents each (some replacing earlier ones) against the same
    /// documents in one commit: merges keep the segments few, and every search answers the
    /// same entries in the same order with the same scores.
    @Test func mergesKeepSegmentsFewAndAnswersUnchanged() throws {
        var rng = SeededGenerator(state: 7)
        let words = (0..<30).map { "w\($0)" }
        func document() -> (String, String) {
            let title = (0..<3).map { _ in words[Int.random(in: 0..<words.count, using: &rng)] }.joined(separator: " ")
            let body = (0..<20).map { _ in words[Int.random(in: 0..<words.count, using: &rng)] }.joined(separator: " ")
            return (title, body)
        }
        var latest: [UInt64: (String, String)] = [:]
        var snapshot = try IndexFolder.openForWriting(try Scratch.directory("merge"), generation: nil)
        var maxSegments = 0
        for round in 0..<80 {
            let commit = IndexCommit(base: snapshot, memoryBudget: 1 << 20)
            for k in 0..<6 {
                let id = UInt64(round % 3 == 2 && k < 2 ? Int.random(in: 0..<(round * 6), using: &rng) : round * 6 + k)
                let doc = document()
                latest[id] = doc
                try commit.add(id: id, fields: Self.fields(doc.0, doc.1), values: Self.values(date: "2024-01-01"))
            }
            snapshot = try commit.prepare()
            maxSegments = max(maxSegments, snapshot.segments.count)
        }
        #expect(maxSegments < 2 * MergePolicy.factor)
        #expect(snapshot.manifest.segments.count < snapshot.manifest.generation)

        let single = IndexCommit(base: try IndexFolder.openForWriting(try Scratch.directory("merge"), generation: nil), memoryBudget: 1 << 30)
        for (id, doc) in latest.sorted(by: { $0.key < $1.key }) {
            try single.add(id: id, fields: Self.fields(doc.0, doc.1), values: Self.values(date: "2024-01-01"))
        }
        let reference = try single.prepare()
        #expect(snapshot.liveCount == latest.count)
        for word in words + ["absent"] {
            var query = IndexQuery(match: .any([.term(IndexTerm(word)), .term(IndexTerm("w1"))]))
            query.limit = 20
            let merged = try snapshot.search(query), expected = try reference.search(query)
            #expect(merged.total == expected.total, "\(word)")
            #expect(merged.entries == expected.entries, "\(word)")
        }
    }

    @Test func damagedSegmentsAndManifestsNameTheirFile() throws {
        let folder = try Scratch.directory("damage")
        let commit = IndexCommit(base: try IndexFolder.openForWriting(folder, generation: nil), memoryBudget: 1 << 20)
        try commit.add(id: 1, fields: Self.fields("skole", "tekst"), values: Self.values(date: "2024-01-01"))
        let snapshot = try commit.prepare()
        for file in snapshot.manifest.segments + [Manifest.fileName(generation: 1)] {
            let path = folder + "/" + file
            let original = try Data(contentsOf: URL(fileURLWithPath: path))
            for damage in ["flip", "cut"] {
                var bytes = [UInt8](original)
                if damage == "flip" { bytes[bytes.count / 2] ^= 0x40 } else { bytes.removeLast(bytes.count / 3) }
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                let error = try #require(throws: EngineError.self) { try IndexFolder.open(folder, generation: 1) }
                #expect(error.file == path, "\(damage) \(file)")
            }
            try original.write(to: URL(fileURLWithPath: path))
        }
        #expect(try Self.ids(try IndexFolder.open(folder, generation: 1), "skole") == [1])
    }
}
