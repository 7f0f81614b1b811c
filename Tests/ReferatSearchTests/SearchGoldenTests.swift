import Foundation
import ReferatImport
import ReferatIndex
import ReferatSearch
import ReferatStore
import ReferatTestSupport
import Testing

/// What searches on the first twenty `Corpus/` files (the seeds and the layout samples 101-116)
/// find, pinned in `Golden/search.json`: the total, the hits in order (file and case), their
/// tier, the facets, the suggestion and the correction shown. An engine behind the seam may change scores, never
/// these, unless on purpose. A fixed set of files, so that samples added to `Corpus/` for the
/// parser do not move it.
///
/// Re-record after an intended change with `REFERAT_RECORD_GOLDENS=1 swift test`, then review the diff.
@Suite struct SearchGoldenTests {
    static let recording = ProcessInfo.processInfo.environment["REFERAT_RECORD_GOLDENS"] == "1"
    static let goldenPath: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        return url.path + "/Golden/search.json"
    }()

    /// An index of copies of the files up to 116.
    static let store: ArchiveStore = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let corpus = url.path + "/Corpus"
        let folder = try! Scratch.directory("golden")
        let names = try! FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.prefix(3) <= "116" }
        precondition(names.count == 20, "the golden corpus is the 20 files 000-116")
        for name in names { try! FileManager.default.copyItem(atPath: corpus + "/" + name, toPath: folder + "/" + name) }
        let store = try! ArchiveStore(path: folder + "/index.sqlite")
        _ = try! Importer(store: store).run(paths: [folder])
        return store
    }()

    /// Every kind of query the language has: words, compound parts, variants, phrases,
    /// prefixes, OR, NOT, filters alone and with words, facets, date order, paging, typos.
    static let queries: [(query: String, configure: @Sendable (inout SearchService.Options) -> Void)] = [
        ("kommune", { _ in }), ("kommune", { $0.offset = 5; $0.limit = 5 }), ("rammeaftale", { $0.facets = true }),
        ("psykiatri", { _ in }), ("\"nære psykiatri\"", { _ in }), ("psykiat*", { _ in }), ("rammeaf* OR budget*", { _ in }),
        ("bestyrelse", { _ in }), ("børneområdet", { _ in }), ("Århus", { _ in }), ("område", { $0.limit = 30 }),
        ("affald OR cykelsti", { _ in }), ("rammeaftale -psykiatri", { _ in }), ("(takster OR priser) region", { _ in }),
        ("\"region midtjylland\" -psykiatri", { _ in }), ("23/222", { _ in }), ("psykiatrei", { _ in }), ("psykiatrei", { $0.exact = true }), ("demenz", { _ in }),
        ("udvalg:KB", { _ in }), ("godkendt udvalg:KB dato:2023", { _ in }), ("dato:2019..2021", { $0.limit = 50 }),
        ("beslutning:godkendt", { $0.sortByDate = true; $0.limit = 20 }), ("godkendt", { $0.facets = true; $0.limit = 20 }),
        ("type:brev", { _ in }), ("person:holm", { _ in }), ("parti:A", { $0.facets = true }), ("kommune:odder", { _ in }),
    ]

    struct Outcome: Codable, Equatable {
        var query: String
        var total: Int
        var hits: [String]
        var suggestion: String?
        var correctedQuery: String?
        var facets: Facets?
    }

    static func outcome(_ query: String, _ configure: (inout SearchService.Options) -> Void) throws -> Outcome {
        var options = SearchService.Options()
        configure(&options)
        let result = try SearchService(store: store).search(query, options: options)
        let hits = result.page.hits.map { hit in
            let file = (hit.path as NSString).lastPathComponent
            return "\(file) \(hit.caseNumber ?? hit.title)\(hit.exact ? "" : " (weak)")"
        }
        return Outcome(query: query, total: result.page.total, hits: hits, suggestion: result.suggestion, correctedQuery: result.correctedQuery, facets: result.page.facets)
    }

    @Test func corpusSearchesMatchTheGolden() throws {
        let outcomes = try Self.queries.map { try Self.outcome($0.query, $0.configure) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if Self.recording || !FileManager.default.fileExists(atPath: Self.goldenPath) {
            try (String(decoding: try encoder.encode(outcomes), as: UTF8.self) + "\n").write(toFile: Self.goldenPath, atomically: true, encoding: .utf8)
            if !Self.recording { Issue.record("golden \(Self.goldenPath) was missing and has been written; review it") }
            return
        }
        let golden = try JSONDecoder().decode([Outcome].self, from: Data(contentsOf: URL(fileURLWithPath: Self.goldenPath)))
        #expect(golden.map(\.query) == outcomes.map(\.query), "the query list changed; re-record with REFERAT_RECORD_GOLDENS=1")
        for (expected, found) in zip(golden, outcomes) {
            #expect(found == expected, "\(found.query) differs from its golden; re-record with REFERAT_RECORD_GOLDENS=1 if intended")
        }
        #expect(outcomes.filter { $0.total > 0 }.count >= 20)
        #expect(outcomes.contains { $0.suggestion != nil } && outcomes.contains { $0.correctedQuery != nil } && outcomes.contains { $0.hits.contains { $0.hasSuffix("(weak)") } })
    }
}
