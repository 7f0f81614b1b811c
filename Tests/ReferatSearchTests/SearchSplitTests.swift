import Foundation
import ReferatIndex
import ReferatSearch
@testable import ReferatStore
import Testing

/// A large index is searched in parts of its entries at once, on several readers, and the
/// parts' results merged. The corpus index is small enough to run in one piece, so here the
/// same file is also opened with a split forced into three uneven parts: every page, total
/// and facet must come out the same.
@Suite struct SearchSplitTests {
    static let split: ArchiveStore = try! ArchiveStore(
        path: CorpusIndex.store.path, readOnly: true,
        searchSplit: .init(parts: 3, entriesPerPart: 1))

    struct Case: Sendable, CustomTestStringConvertible {
        var query: String
        var offset = 0
        var limit = 10
        var sortByDate = false
        var facets = false
        var testDescription: String { "\(query) offset \(offset) limit \(limit)\(sortByDate ? " by date" : "")" }
    }

    static let cases: [Case] = [
        Case(query: "kommune"), Case(query: "kommune", offset: 3, limit: 4), Case(query: "område", limit: 30),
        Case(query: "børneområdet"), Case(query: "rammeaftale", facets: true), Case(query: "bestyrelse"),
        Case(query: "psykiatri -børn"), Case(query: "\"Region Midtjylland\""), Case(query: "aarhus"), Case(query: "psykiat*"),
        Case(query: "udvalg:KB"), Case(query: "dato:2020..2023", limit: 50), Case(query: "beslutning:godkendt", sortByDate: true),
        Case(query: "budget udvalg:ØU", facets: true), Case(query: "kommune dato:2019..2023", offset: 2, limit: 3, sortByDate: true),
        Case(query: "ingenting_her"),
    ]

    @Test(arguments: cases)
    func splitSearchesGiveTheSamePages(_ c: Case) throws {
        func run(_ store: ArchiveStore) throws -> SearchService.Result {
            var options = SearchService.Options()
            options.offset = c.offset
            options.limit = c.limit
            options.sortByDate = c.sortByDate
            options.facets = c.facets
            return try SearchService(store: store).search(c.query, options: options)
        }
        #expect(try Self.split.partition().count == 3)
        let whole = try run(CorpusIndex.store), parts = try run(Self.split)
        #expect(parts.page.total == whole.page.total)
        let key = { (hit: SearchHit) in "\(hit.path) \(hit.caseNumber ?? "") \(hit.title) \(hit.exact) \(hit.score) \(hit.snippet)" }
        #expect(parts.page.hits.map(key) == whole.page.hits.map(key))
        if c.facets {
            let facets = { (f: Facets?) in f.map { [$0.committee, $0.year, $0.outcome].map { $0.map { "\($0.value)=\($0.count)" } } } }
            #expect(facets(parts.page.facets) == facets(whole.page.facets))
        }
        #expect(whole.page.total == 0 || !whole.page.hits.isEmpty || c.offset > 0)
    }
}
