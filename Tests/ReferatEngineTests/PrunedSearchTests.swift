import ReferatIndex
@testable import ReferatEngine
import ReferatTestSupport
import Testing

/// Pruned top k (`QueryRun.prunedSearch`) skips documents that cannot reach the page; it must
/// never change the page. Over a generated index in several segments, with deleted entries,
/// weak forms (tiers), values (filters), for 1,200 random queries of every shape (single
/// words, AND of rare and common words, OR, prefixes, phrases, exclusions, compounds written
/// apart, filters) at random pages, the pruned page equals exhaustive scoring's: the same
/// entries, scores and order; the total equals it up to `QueryRun.countLimit`, then says
/// "at least".
@Suite struct PrunedSearchTests {
    static let words = 300

    /// Word `rank`: common when the rank is low (a Zipf-like spread).
    static func word(_ rank: Int) -> String { "w\(rank)" }

    static let snapshot: IndexSnapshot = {
        var rng = SeededGenerator(state: 1818)
        var cumulative: [Double] = [], total = 0.0
        for rank in 0..<words {
            total += 1 / Double(rank + 1)
            cumulative.append(total)
        }
        func draw() -> Int {
            let x = Double.random(in: 0..<total, using: &rng)
            return cumulative.firstIndex { $0 > x } ?? words - 1
        }
        func document() -> ([FieldTokens], DocumentValues) {
            let lengths = [Int.random(in: 1...6, using: &rng), Int.random(in: 0...12, using: &rng), Int.random(in: 3...120, using: &rng)]
            let fields = lengths.map { n in
                var tokens = FieldTokens()
                for p in 0..<n {
                    let rank = draw()
                    tokens.append(TermEncoding.bytes(Array(word(rank).utf8), weak: false), position: UInt32(p))
                    // A compound part or variant beside some words, on the same position.
                    if Int.random(in: 0..<4, using: &rng) == 0 {
                        tokens.append(TermEncoding.bytes(Array(word(draw()).utf8), weak: true), position: UInt32(p))
                    }
                }
                return tokens
            }
            var values = DocumentValues()
            values.add(.committee, ["økonomiudvalget", "børneudvalget", "byrådet"][Int.random(in: 0..<3, using: &rng)])
            let date = "20\(Int.random(in: 10...24, using: &rng))-0\(Int.random(in: 1...9, using: &rng))-1\(Int.random(in: 0...9, using: &rng))"
            values.add(.sortDate, date)
            values.add(.date, date)
            for body in ["Økonomiudvalget", "Børneudvalget", "Byrådet", "Ældrerådet"] where Int.random(in: 0..<3, using: &rng) == 0 {
                values.add(.decidingBody, body)
            }
            values.add(.latestOutcome, ["godkendt", "afvist", "udsat"][Int.random(in: 0..<3, using: &rng)])
            return (fields, values)
        }
        do {
            var snapshot = try IndexFolder.openForWriting(try Scratch.directory("pruned"), generation: nil)
            // Three imports: the later ones replace some entries (tombstones in older segments).
            for (round, ids) in [Array(0..<1600), (0..<160).map { _ in Int.random(in: 0..<1600, using: &rng) }, Array(1500..<1700)].enumerated() {
                let commit = IndexCommit(base: snapshot, memoryBudget: round == 0 ? 150_000 : 1 << 20)
                for id in ids {
                    let (fields, values) = document()
                    try commit.add(id: UInt64(id), fields: fields, values: values)
                }
                snapshot = try commit.prepare()
            }
            return snapshot
        } catch {
            fatalError("\(error)")
        }
    }()

    /// A query word as ReferatSearch asks for it: its exact and weak forms.
    static func wordNode(_ rank: Int) -> MatchNode {
        .any([.term(IndexTerm(word(rank))), .term(IndexTerm(word(rank), form: .weak))])
    }

    /// A random query: its shape by `q`, its words drawn rare or common.
    static func query(_ q: Int, _ rng: inout SeededGenerator) -> IndexQuery {
        func rank() -> Int {
            Int.random(in: 0..<10, using: &rng) < 5 ? Int.random(in: 0..<8, using: &rng) : Int.random(in: 0..<(words + 20), using: &rng)
        }
        func word() -> MatchNode {
            guard Int.random(in: 0..<6, using: &rng) == 0 else { return wordNode(rank()) }
            // A compound of the query: its forms, or its parts anywhere in an entry.
            let (a, b) = (rank(), rank())
            return .any([.term(IndexTerm(Self.word(a) + Self.word(b))), .apart(.all([wordNode(a), wordNode(b)], excluding: []))])
        }
        let match: MatchNode
        switch q % 6 {
        case 0: match = .all([word()], excluding: [])
        case 1: match = .all((0..<Int.random(in: 2...4, using: &rng)).map { _ in word() }, excluding: [])
        case 2: match = .any((0..<Int.random(in: 2...3, using: &rng)).map { _ in word() })
        case 3: match = .all([.prefix(IndexTerm(Self.word(Int.random(in: 1...30, using: &rng)))), word()].prefix(Int.random(in: 1...2, using: &rng)).map { $0 }, excluding: [])
        case 4: match = .all([.phrase([Self.word(rank() % 12), Self.word(rank() % 12)]), word()].prefix(Int.random(in: 1...2, using: &rng)).map { $0 }, excluding: [])
        default: match = .all([word(), word()].prefix(Int.random(in: 1...2, using: &rng)).map { $0 }, excluding: [wordNode(rank())])
        }
        var query = IndexQuery(match: match)
        query.offset = Int.random(in: 0..<4, using: &rng) == 0 ? Int.random(in: 0...40, using: &rng) : 0
        query.limit = Int.random(in: 1...20, using: &rng)
        switch Int.random(in: 0..<9, using: &rng) {
        case 0: query.filters.committees = [["udvalg"]]
        case 1: query.filters.from = "2019"
        case 2: (query.filters.committees, query.filters.from, query.filters.to) = ([["børne", "byråd"]], "2012-05", "2016")
        default: break
        }
        return query
    }

    /// Facets counted from the segments' value pairs are the counts of the matching entries'
    /// values read entry by entry (each body once per entry, the year of its date, its latest
    /// outcome), with and without filters; a page by date is newest first.
    @Test(arguments: [(rank: 0, filtered: false), (rank: 3, filtered: true), (rank: 40, filtered: false), (rank: 40, filtered: true)])
    func facetsAndDateOrderAgreeWithTheValues(_ q: (rank: Int, filtered: Bool)) throws {
        var query = IndexQuery(match: .all([Self.wordNode(q.rank)], excluding: []))
        if q.filtered { (query.filters.committees, query.filters.from) = ([["udvalg"]], "2015") }
        query.facets = true
        query.order = .newestFirst
        query.limit = 30
        var run = QueryRun(snapshot: Self.snapshot)
        let page = try run.search(query, pruning: false)
        var documents = try run.matches(query.match!)
        if q.filtered { documents.formIntersection(FilterCheck(query.filters, in: Self.snapshot).passing) }
        var bodies: [String: Int] = [:], years: [String: Int] = [:], outcomes: [String: Int] = [:]
        for d in documents.members {
            let values = Self.snapshot.values(of: d)
            for body in Set(values.all(.decidingBody)) { bodies[body, default: 0] += 1 }
            if let date = values.first(.sortDate) { years[String(date.prefix(4)), default: 0] += 1 }
            if let outcome = values.first(.latestOutcome) { outcomes[outcome, default: 0] += 1 }
        }
        func top(_ counts: [String: Int]) -> [Facets.Count] {
            counts.sorted { $0.value != $1.value ? $0.value > $1.value : Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
                .prefix(20).map { Facets.Count(value: $0.key, count: $0.value) }
        }
        let facets = try #require(page.facets)
        #expect(!facets.committee.isEmpty && !facets.year.isEmpty && facets.outcome.count == 3)
        #expect(facets == Facets(committee: top(bodies), year: top(years), outcome: top(outcomes)))
        let dates = page.entries.map { Self.snapshot.values(ofID: UInt64(bitPattern: $0.id))?.first(.sortDate) ?? "" }
        #expect(dates.count == min(30, documents.count))
        #expect(dates == dates.sorted(by: >))
    }

    /// The filters' documents (`FilterCheck`, gathered from each segment's pairs) are those
    /// whose values pass, read document by document.
    @Test(arguments: [
        (committees: [["udvalg"]], from: nil, to: nil),
        (committees: [["børne", "byråd"]], from: "2012-05", to: "2016"),
        (committees: [], from: "2019", to: nil),
        (committees: [], from: nil, to: "2011-03-15"),
        (committees: [["udvalg"], ["økonomi"]], from: nil, to: nil),
        (committees: [["ingen sådan"]], from: nil, to: nil),
    ] as [(committees: [[String]], from: String?, to: String?)])
    func filtersPassTheDocumentsWhoseValuesPass(_ filter: (committees: [[String]], from: String?, to: String?)) {
        var filters = EntryFilters()
        (filters.committees, filters.from, filters.to) = (filter.committees, filter.from, filter.to)
        let check = FilterCheck(filters, in: Self.snapshot)
        var expected: [Int] = []
        for d in 0..<Self.snapshot.documentCapacity {
            let values = Self.snapshot.values(of: d).values
            let committees = values.filter { $0.kind == .committee }.map(\.text)
            let dates = values.filter { $0.kind == .date }.map(\.text)
            let byCommittee = filter.committees.allSatisfy { names in committees.contains { c in names.contains { c.contains($0) } } }
            // A last day given as a year or month covers the whole of it.
            let byDate = filter.from == nil && filter.to == nil
                || dates.contains { $0 >= (filter.from ?? "0000") && String($0.prefix(filter.to?.count ?? 4)) <= (filter.to ?? "9999") }
            if byCommittee && byDate { expected.append(d) }
        }
        #expect(check.passing.members == expected)
        #expect(!expected.isEmpty || filter.committees == [["ingen sådan"]])
        // Stepping from one passing document to the next finds them all.
        var stepped: [Int] = [], d = check.next(from: 0)
        while d != LeafPostings.exhausted {
            stepped.append(d)
            d = check.next(from: d + 1)
        }
        #expect(stepped == expected)
    }

    @Test func theIndexHasSegmentsDeletionsAndTiers() throws {
        #expect(Self.snapshot.segments.count >= 3)
        #expect(Self.snapshot.liveCount == 1700)
        #expect(Self.snapshot.documentCapacity > Self.snapshot.liveCount)
        let page = try Self.snapshot.search(IndexQuery(match: .all([Self.wordNode(0)], excluding: [])), pruning: false)
        #expect(page.total > QueryRun.countLimit)
    }

    @Test func prunedPagesEqualExhaustiveScoringOnRandomQueries() throws {
        var rng = SeededGenerator(state: 18)
        var differing = 0, lowerBounds = 0, laterTiers = 0, scoredExhaustive = 0, scoredPruned = 0
        for q in 0..<1200 {
            let query = Self.query(q, &rng)
            var exhaustiveRun = QueryRun(snapshot: Self.snapshot), prunedRun = QueryRun(snapshot: Self.snapshot)
            let exhaustive = try exhaustiveRun.search(query, pruning: false)
            let pruned = try prunedRun.search(query, pruning: true)
            scoredExhaustive += exhaustiveRun.scored
            scoredPruned += prunedRun.scored
            let total = (min(exhaustive.total, QueryRun.countLimit), exhaustive.total >= QueryRun.countLimit)
            if pruned.entries != exhaustive.entries || pruned.total != total.0 || pruned.totalIsLowerBound != total.1 {
                differing += 1
                if differing <= 3 {
                    Issue.record("query \(q) \(query.match!) offset \(query.offset) limit \(query.limit): \(pruned.total) \(pruned.entries.prefix(3)) vs \(exhaustive.total) \(exhaustive.entries.prefix(3))")
                }
            }
            if pruned.totalIsLowerBound { lowerBounds += 1 }
            if exhaustive.entries.contains(where: { !$0.exact }) { laterTiers += 1 }
        }
        #expect(differing == 0)
        // The queries reach what pruning must get right: counts past the limit, pages that
        // go on into the weaker tiers.
        #expect(lowerBounds > 100)
        #expect(laterTiers > 100)
        // Pruning skips some (how many depends on how the scores spread: here every common
        // word is in most entries, and their scores differ little).
        #expect(scoredPruned < scoredExhaustive, "\(scoredPruned) of \(scoredExhaustive) scored")
    }

    /// A field of these words at positions 0, 1, 2, …
    static func tokens(_ words: [String]) -> FieldTokens {
        var out = FieldTokens()
        for (p, word) in words.enumerated() { out.append(Array(word.utf8), position: UInt32(p)) }
        return out
    }

    /// In a snapshot of 3,000 entries where the first ten are the best for `match`: pruned
    /// search gives exhaustive scoring's page, those ten, after scoring under a tenth of what
    /// exhaustive scoring scores.
    static func expectTheFirstTenFoundSkippingMost(_ snapshot: IndexSnapshot, _ match: MatchNode = .term(IndexTerm("skole"))) throws {
        let query = IndexQuery(match: match)
        var exhaustive = QueryRun(snapshot: snapshot), pruned = QueryRun(snapshot: snapshot)
        let expected = try exhaustive.search(query, pruning: false), page = try pruned.search(query, pruning: true)
        #expect(page.entries == expected.entries)
        #expect(page.entries.map(\.id) == (0..<10).map { Int64($0) })
        #expect(exhaustive.scored == 3000)
        #expect(pruned.scored < 300, "\(pruned.scored) scored")
    }

    /// Where the best entries stand out, the blocks after them are skipped unread: a word in
    /// the titles of the first ten entries and once in the long bodies of thousands more.
    @Test func blocksThatCannotReachThePageAreSkipped() throws {
        let commit = IndexCommit(base: try IndexFolder.openForWriting(try Scratch.directory("skipped"), generation: nil), memoryBudget: 1 << 22)
        for id in 0..<3000 {
            var title = FieldTokens(), body = FieldTokens()
            if id < 10 {
                for p in 0..<3 { title.append(Array("skole".utf8), position: UInt32(p)) }
            }
            for p in 0..<100 { body.append(Array((p == 50 ? "skole" : "tekst\(p % 7)").utf8), position: UInt32(p)) }
            var values = DocumentValues()
            values.add(.sortDate, "2024-01-01")
            try commit.add(id: UInt64(id), fields: [title, FieldTokens(), body], values: values)
        }
        try Self.expectTheFirstTenFoundSkippingMost(try commit.prepare())
    }

    /// A block's bound is its best document's score, not the per-field maxima of different
    /// documents: here every block holds a document with the word in its title only and
    /// others with it in the text only, so the per-field maxima add up to the page's own
    /// score (title and text), and only the competitive documents stored per block
    /// (`BlockBounds.frontier`) let the walk skip them.
    @Test func aBlockIsBoundedByItsBestDocumentNotByMixedFields() throws {
        let commit = IndexCommit(base: try IndexFolder.openForWriting(try Scratch.directory("frontier"), generation: nil), memoryBudget: 1 << 22)
        for id in 0..<3000 {
            let best = id < 10, titleOnly = id % 64 == 32
            let title = best || titleOnly ? ["skole", "plan", "ny"] : ["vej", "plan", "ny"]
            let body = (0..<100).map { p in p == 50 && !titleOnly ? "skole" : "tekst\(p % 7)" }
            var values = DocumentValues()
            values.add(.sortDate, "2024-01-01")
            try commit.add(id: UInt64(id), fields: [Self.tokens(title), FieldTokens(), Self.tokens(body)], values: values)
        }
        try Self.expectTheFirstTenFoundSkippingMost(try commit.prepare())
    }

    /// A phrase's documents are passed over before their positions are read where its words
    /// stand too seldom to reach the page: here each block holds an entry with both words
    /// twice in its title, apart, so no block can be skipped, and thousands hold the phrase
    /// once in a long text; only the first ten hold it in their titles. (Without the check
    /// every one of the 3,000 is read and scored.)
    @Test func phraseDocumentsThatCannotReachThePageAreNotRead() throws {
        let commit = IndexCommit(base: try IndexFolder.openForWriting(try Scratch.directory("phrase"), generation: nil), memoryBudget: 1 << 22)
        for id in 0..<3000 {
            let best = id < 10, decoy = id % 64 == 32
            let title = best ? ["ny", "skole", "ny", "skole"] : decoy ? ["skole", "skole", "ny", "ny"] : ["vej", "plan"]
            let body = (0..<100).map { p in p == 50 ? "ny" : p == 51 ? "skole" : "tekst\(p % 7)" }
            var values = DocumentValues()
            values.add(.sortDate, "2024-01-01")
            try commit.add(id: UInt64(id), fields: [Self.tokens(title), FieldTokens(), Self.tokens(body)], values: values)
        }
        try Self.expectTheFirstTenFoundSkippingMost(try commit.prepare(), .phrase(["ny", "skole"]))
    }

    /// The competitive documents of a block: those no other beats in every field at every
    /// average length (a frequency at least as high, and as high per token); one of equal
    /// documents; none past the limit. Documents are (frequency, length) per field.
    @Test(arguments: [
        // The title of one and the text of another, beaten by one with both.
        ([[(1, 3), (0, 0), (0, 90)], [(0, 3), (0, 0), (1, 100)], [(1, 3), (0, 0), (1, 100)]], [2]),
        // More occurrences in a longer text, or fewer in a shorter one: neither beats the other.
        ([[(0, 4), (0, 0), (1, 10)], [(0, 4), (0, 0), (2, 100)], [(0, 4), (0, 0), (1, 100)]], [0, 1]),
        // Equal documents, and a field's length where the word does not occur: one is kept.
        ([[(0, 5), (0, 0), (1, 50)], [(0, 500), (0, 0), (1, 50)]], [0]),
        // Thirteen documents none of which beats another: more than the limit, none kept.
        ((1...13).map { [(UInt32($0), UInt32($0 * $0)), (0, 0), (0, 9)] }, []),
    ] as [([[(UInt32, UInt32)]], [Int])])
    func competitiveDocumentsOfABlock(_ documents: [[(UInt32, UInt32)]], _ expected: [Int]) {
        let frequencies = documents.flatMap { $0.map(\.0) }, lengths = documents.flatMap { $0.map(\.1) }
        let frontier = BlockBounds.frontier(of: documents.count, fields: 3, frequencies: frequencies, lengths: lengths, averages: [5, 20, 60])
        let kept = stride(from: 0, to: frontier.count, by: 6).map { Array(frontier[$0..<$0 + 6]) }
        let wanted = expected.map { d in documents[d].flatMap { [$0.0, $0.1] } }
        #expect(Set(kept) == Set(wanted))
        #expect(kept.count == expected.count)
    }
}
