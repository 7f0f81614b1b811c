import Foundation
import ReferatImport
import ReferatIndex
import ReferatSearch
import ReferatStore
import ReferatTestSupport
import Testing

/// One index of the search corpus (`SearchCorpus`: the seeds and first samples of `Corpus/`),
/// built once for all search tests.
enum CorpusIndex {
    static let store: ArchiveStore = {
        let path = try! Scratch.directory("search") + "/index.sqlite"
        let store = try! ArchiveStore(path: path)
        _ = try! Importer(store: store).run(paths: [try! SearchCorpus.copy()])
        return store
    }()

    static func search(_ query: String, _ configure: (inout SearchService.Options) -> Void = { _ in }) throws -> SearchService.Result {
        var options = SearchService.Options()
        configure(&options)
        return try SearchService(store: store).search(query, options: options)
    }
}

/// Queries that only Danish-aware analysis answers, each with the expected top hit.
@Suite struct DanishSearchTests {
    @Test(arguments: [
        ("kommunerne", nil, "Rammeaftale for kommunerne"),            // the word in its title and many times in its text
        ("demensvenlige", "22/5890", nil),                            // inflection: its title says "Demensvenlig"
        ("bestyrelse", nil, nil),                                     // compound part of kommunalbestyrelsen
        ("børneområdet", "2016/05120", nil),                          // suspended hyphen: "Børne- og ungeområdet"
        ("socialområdet", "23/222|22/44120", nil),                    // 23/222's title says it; 22/44120's restored from "social- og specialundervisningsområde"
        ("Århus", "19/12001", nil),                                   // aa/å: the item says both Aarhus and Århus
        ("Åbenrå", "18/9088", nil),                                   // the file says Aabenraa
        ("23/222", "23/222", nil),                                    // case number kept whole
        ("330-2021-3619", "330-2021-3619", nil),
        ("\"nære psykiatri\"", "22/5128", nil),                        // phrase
        ("psykiat*", "1-31-72-114-21|20/12877", nil),                 // prefix: either item with it in its title
        ("affaldsøer", "330-2021-3619", nil),
        ("cykelstien", "19/40512", nil),                              // definite form of cykelsti
    ] as [(String, String?, String?)])
    func topHit(_ query: String, _ caseNumber: String?, _ titlePrefix: String?) throws {
        let result = try CorpusIndex.search(query)
        let top = try #require(result.page.hits.first, "no hit for \(query)")
        if let caseNumber {
            let accepted = caseNumber.split(separator: "|").map(String.init)
            #expect(top.caseNumber.map(accepted.contains) == true, "\(query): \(result.page.hits.map { $0.caseNumber ?? $0.title })")
        }
        if let titlePrefix { #expect(top.title.hasPrefix(titlePrefix) || top.documentTitle.hasPrefix(titlePrefix)) }
    }

    /// Text before the first item is searchable: a member named only in the meeting header,
    /// the meeting room; the hit is the document, below its items in rank (#19 item 1).
    @Test(arguments: ["\"Sofie Dahl\"", "\"Lise Krogh\"", "mødelokale"])
    func headerTextIsSearchable(_ query: String) throws {
        let hits = try CorpusIndex.search(query).page.hits
        let hit = try #require(hits.first { $0.path.hasSuffix("101_oekonomiudvalget_2019-03-04.txt") }, "\(query) finds nothing in 101")
        #expect(hit.caseNumber == nil)
        #expect(hit.title.contains("Økonomiudvalget"))
    }

    @Test func aHeaderRanksBelowTheItemsItLists() throws {
        let hits = try CorpusIndex.search("cykelsti").page.hits.filter { $0.path.hasSuffix("101_oekonomiudvalget_2019-03-04.txt") }
        #expect(hits.first?.caseNumber == "19/40512")
        #expect(hits.contains { $0.caseNumber == nil })
    }

    @Test func compoundPartFindsTheCompound() throws {
        let hits = try CorpusIndex.search("bestyrelse").page.hits
        #expect(hits.contains { $0.snippet.contains("Kommunalbestyrelsen") })
    }

    @Test func wholeWordMatchesRankAbovePartMatches() throws {
        let hits = try CorpusIndex.search("område").page.hits
        let firstPart = hits.firstIndex { !$0.exact } ?? hits.count
        #expect(hits[..<firstPart].allSatisfy { $0.exact })
        #expect(hits[firstPart...].allSatisfy { !$0.exact })
        #expect(firstPart > 0 && firstPart < hits.count)
    }

    @Test func aTypoGetsASuggestionFromTheIndex() throws {
        let result = try CorpusIndex.search("psykiatrei") { $0.exact = true }
        #expect(result.page.total == 0)
        #expect(result.suggestion == "psykiatri")
        #expect(result.correctedQuery == nil)
    }

    /// A query that finds nothing shows its correction's results, named as such; `exact`
    /// keeps to what was typed. A typo in an ending the stemmer strips ("budgetopfølgnig")
    /// is corrected by the word as typed.
    @Test(arguments: ["psykiatrei", "cykelstii", "rammeaftle", "budgetopfølgnig", "specialundervisnig"])
    func aTypoShowsTheCorrectionsResults(_ typed: String) throws {
        let result = try CorpusIndex.search(typed)
        let corrected = try #require(result.correctedQuery)
        #expect(result.page.total > 0)
        #expect(result.page.total == (try CorpusIndex.search(corrected).page.total))
        #expect(result.suggestion == nil)
    }

    @Test func exclusionsAndOr() throws {
        let all = try CorpusIndex.search("rammeaftale").page.total
        let without = try CorpusIndex.search("rammeaftale -psykiatri").page.total
        #expect(without < all && without > 0)
        let either = try CorpusIndex.search("affald OR cykelsti").page.hits.compactMap(\.caseNumber)
        #expect(Set(either).isSuperset(of: ["330-2021-3619", "19/40512"]))
    }

    @Test func nothingShouldMatchTheseQueries() throws {
        #expect(try CorpusIndex.search("kvantecomputer").page.total == 0)
        #expect(try CorpusIndex.search("rammeaftale udvalg:Regionsrådet").page.total == 0)
    }
}

@Suite struct FilterTests {
    @Test(arguments: [
        ("udvalg:KB", ["23/222"]), ("committee:\"Teknik- og Miljøudvalget\"", ["330-2021-3619", "330-2021-4101", "19/5611"]),
        ("dato:2021-11", ["330-2021-3619", "330-2021-4101"]), ("dato:2022-05..2023-02", ["22/5128", "22/44120", "23/222"]),
        ("sag:19/40512", ["19/40512"]), ("person:\"Bente Holm\"", ["330-2021-3619", "330-2021-4101"]),
        ("beslutning:afvist", ["19/5611"]), ("kommune:Odder beslutning:anbefalet", ["19/40512"]),
    ])
    func filtersSelectTheRightCases(_ query: String, _ expected: [String]) throws {
        let hits = try CorpusIndex.search(query) { $0.limit = 50 }.page.hits
        #expect(Set(hits.compactMap(\.caseNumber)).isSuperset(of: expected), "\(hits.map { $0.caseNumber ?? $0.title })")
        // Items of other cases must not pass the filter (documents without items may: prose decisions).
        #expect(hits.allSatisfy { $0.caseNumber.map(expected.contains) ?? true }, "\(hits.map { $0.caseNumber ?? $0.title })")
    }

    @Test func typeFilterAndFacets() throws {
        let letters = try CorpusIndex.search("type:brev").page.hits
        #expect(!letters.isEmpty && letters.allSatisfy { $0.kind == "letter" })
        let page = try CorpusIndex.search("godkendt") { $0.facets = true }.page
        #expect(page.facets?.year.isEmpty == false)
        #expect(page.facets?.outcome.contains { $0.value == "approved" } == true)
    }

    @Test func sortByDateIsNewestFirst() throws {
        let hits = try CorpusIndex.search("godkendt") { $0.sortByDate = true; $0.limit = 20 }.page.hits.compactMap(\.date)
        #expect(hits == hits.sorted(by: >))
    }
}

@Suite struct QueryLanguageTests {
    @Test(arguments: [
        ("\"unclosed", 0, "closing quote"), ("(a OR b", 0, "never closed"), ("a )", 2, "without a matching"),
        ("OR takster", 0, "OR needs"), ("dato:", 0, "needs a value"),
    ])
    func syntaxErrorsPointAtThePosition(_ query: String, _ position: Int, _ message: String) {
        do {
            _ = try QueryParser().parse(query)
            Issue.record("\(query) parsed")
        } catch {
            #expect(error.position == position)
            #expect(error.description.contains(message))
        }
    }

    @Test(arguments: ["\"", "*", ":", "NEAR", "^", "a\"b", "NEAR(a b)", "col:x", "\"\"", "-", "((()))", "a * b", "^start"])
    func fts5SyntaxCharactersNeverBreakTheSearch(_ query: String) {
        do {
            _ = try CorpusIndex.search(query)
        } catch is QuerySyntaxError {
            // A clear message is fine; a database error is not.
        } catch {
            Issue.record("\(query): \(error)")
        }
    }

    @Test func aVeryLongQueryIsRefusedClearly() {
        #expect(throws: QuerySyntaxError.self) { try QueryParser().parse(String(repeating: "kommune ", count: 1300)) }
    }

    @Test func parsesTheGrammar() throws {
        let query = "psykiatri \"nære psykiatri\" -børn (takster OR priser) rammeaft* udvalg:KB"
        let r = try QueryParser().parse(query)
        let position = query.distance(from: query.startIndex, to: query.firstRange(of: "udvalg")!.lowerBound)
        #expect(r.filters == [FieldFilter(field: .committee, value: "KB", position: position)])
        #expect(r.node == .and([.word("psykiatri"), .phrase("nære psykiatri"), .not(.word("børn")), .or([.word("takster"), .word("priser")]), .prefix("rammeaft")]))
    }
}
