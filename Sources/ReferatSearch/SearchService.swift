import Foundation
public import ReferatAnalysis
public import ReferatIndex
import ReferatRecords

/// Runs a journalist's query against the archive: parse, analyse, filter, rank, suggest.
///
///     let result = try SearchService(store: store).search("psykiatri udvalg:KB dato:2023")
///
/// It speaks to the archive only through `FullTextIndex` (which entries match, ranked) and
/// `RecordStore` (what those entries are), in analysed terms: it knows no engine.
public final class SearchService {
    let index: any FullTextIndex
    let records: any RecordStore
    let analyzer: DanishAnalyzer
    let synonyms: CommitteeSynonyms
    /// Analyzers for cutting snippets on all cores (an analyzer is not thread-safe).
    let snippetAnalyzers: AnalyzerPool

    /// `analyzer` defaults to one with the index's own lexicon (the words it learned).
    public init(index: any FullTextIndex, records: any RecordStore, analyzer: DanishAnalyzer? = nil, synonyms: CommitteeSynonyms = .shared) {
        self.index = index
        self.records = records
        self.analyzer = analyzer ?? DanishAnalyzer(lexicon: index.lexicon)
        self.synonyms = synonyms
        snippetAnalyzers = AnalyzerPool(lexicon: self.analyzer.lexicon)
    }

    /// A search over an archive that is both the index and the record store.
    public convenience init(store: some FullTextIndex & RecordStore, analyzer: DanishAnalyzer? = nil, synonyms: CommitteeSynonyms = .shared) {
        self.init(index: store, records: store, analyzer: analyzer, synonyms: synonyms)
    }

    public struct Options: Sendable {
        /// How much work the query may ask for (see `QueryLimits`).
        public var queryLimits = QueryLimits()
        public var limit = 10
        public var offset = 0
        public var sortByDate = false
        public var facets = false
        /// Filters given as options (`--committee`), added to those in the query.
        public var filters: [FieldFilter] = []
        /// Searches only for what was typed: a query that finds nothing is not replaced by
        /// its correction (`--exact`).
        public var exact = false

        public init() {}
    }

    public struct Result: Sendable {
        public var page: SearchPage
        /// A corrected query from the index's own vocabulary, when a word matched nothing.
        public var suggestion: String?
        /// The analysed query that ran, for `--explain`; nil for a filter-only search.
        public var match: MatchNode?
        /// The correction whose results these are, when the query as typed found nothing
        /// ("Viser resultater for cykelsti"); nil when they are the typed query's own.
        public var correctedQuery: String?
    }

    /// A filter value that makes no sense ("beslutning:måske"), with where it was typed.
    public struct FilterError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The question a query puts to the index (the analysed match, filters, order, page); nil
    /// when it holds only stop words. `referat bench queries` times the index's part of a
    /// search with it.
    public func indexQuery(for text: String, options: Options = Options()) throws -> IndexQuery? {
        try compile(text, options: options)?.0
    }

    /// The index's question and what to highlight; nil when the query holds only stop words.
    func compile(_ text: String, options: Options = Options()) throws -> (IndexQuery, QueryCompiler.Compiled?)? {
        let parsed = try QueryParser().parse(text)
        var query = IndexQuery()
        query.limit = options.limit
        query.offset = options.offset
        query.order = options.sortByDate ? .newestFirst : .relevance
        query.facets = options.facets
        query.filters = try filters(parsed.filters + options.filters)
        var compiled: QueryCompiler.Compiled?
        if let node = parsed.node {
            try options.queryLimits.check(node, analyzer: analyzer, query: text)
            compiled = QueryCompiler(analyzer: analyzer).compile(node)
            guard compiled != nil || !query.filters.isEmpty else {
                if case .not = node { throw QuerySyntaxError(query: text, position: 0, message: "a query needs at least one word to search for besides -exclusions") }
                if case .and(let nodes) = node, nodes.allSatisfy({ if case .not = $0 { true } else { false } }) {
                    throw QuerySyntaxError(query: text, position: 0, message: "a query needs at least one word to search for besides -exclusions")
                }
                return nil
            }
            query.match = compiled?.match
        } else if query.filters.isEmpty {
            throw QuerySyntaxError(query: text, position: 0, message: "nothing to search for: type words, a \"phrase\" or a filter such as udvalg:KB")
        }
        return (query, compiled)
    }

    public func search(_ text: String, options: Options = Options()) throws -> Result {
        guard let (query, compiled) = try compile(text, options: options) else {
            // Only stop words: nothing to search for.
            return Result(page: SearchPage(total: 0, hits: [], facets: nil), suggestion: nil, match: nil)
        }
        let ranked = try index.search(query)
        var hits = try records.hits(ranked.entries)
        // A phrase's verbatim wording ranks first within its tier, on the page: its texts are
        // read for the snippets anyway, where reading a wider window would cost more than the
        // search itself.
        let verbatim = VerbatimPhrases(compiled?.phrases ?? [])
        if !verbatim.isEmpty, query.order == .relevance { hits = verbatim.ranked(hits) }
        let highlight = compiled?.highlight ?? QueryCompiler.Highlight()
        let texts = hits.map { $0.text ?? "" }
        let snippets = snippetAnalyzers.concurrentMap(count: texts.count, jobs: ProcessInfo.processInfo.activeProcessorCount) { i, analyzer in
            SnippetBuilder(analyzer: analyzer, terms: highlight.terms, prefixes: highlight.prefixes, phrases: highlight.phrases).snippet(texts[i])
        }
        for i in hits.indices {
            hits[i].snippet = snippets[i]
            hits[i].text = nil
        }
        var suggestion: String?
        if ranked.total == 0, let compiled { suggestion = try suggest(text, words: compiled.words) }
        // Nothing found and one correction at hand: its results, named as such, as search
        // engines do; the correction is offered only when it finds nothing either.
        if let suggestion, !options.exact {
            var exact = options
            exact.exact = true
            var corrected = try search(suggestion, options: exact)
            if corrected.page.total > 0 {
                corrected.correctedQuery = suggestion
                return corrected
            }
        }
        return Result(page: SearchPage(total: ranked.total, hits: hits, facets: ranked.facets, totalIsLowerBound: ranked.totalIsLowerBound), suggestion: suggestion, match: query.match)
    }

    /// Replaces each word that is not in the index with the closest indexed word.
    ///
    /// Candidates are index terms (stems) within edit distance 1 (words under 8 letters) or 2
    /// of the typed word's stem or of the word as typed, or a term the typed word starts with
    /// ("akutmodtagelsn" → akutmodtag…), most frequent first; the suggestion shown is a real
    /// word from a document holding that term. The word as typed counts because a typo in an
    /// ending can look like a suffix the stemmer strips ("revisionsberetnig" stems to
    /// "revisionsberetn", three edits from the index's "revisionsberetning", one from the word).
    ///
    /// Reading the candidates costs about as much as a one-letter prefix search, so only the
    /// first `suggestedWords` unknown words are corrected, and each first letter is read once.
    func suggest(_ text: String, words: [(typed: String, term: String)]) throws -> String? {
        var corrected = text
        var changed = false
        var tried = 0
        var vocabularies: [String: [TermFrequency]] = [:]
        for (typed, term) in words where try index.documentFrequency(of: IndexTerm(term)) == 0
            && index.documentFrequency(of: IndexTerm(term, form: .weak)) == 0 {
            let folded = analyzer.prefixTerm(typed)
            guard folded.count >= 4, folded.allSatisfy(\.isLetter) else { continue }
            guard tried < Self.suggestedWords else { break }
            tried += 1
            let limit = folded.count < 8 ? 1 : 2
            var best: (term: String, distance: Int, documents: Int)?
            let letter = String(term.prefix(1))
            if vocabularies[letter] == nil { vocabularies[letter] = try index.terms(startingWith: letter, limit: 5000) }
            for entry in vocabularies[letter] ?? [] {
                let (candidate, documents) = (entry.term, entry.entries)
                var d = limit + 1
                if abs(candidate.count - term.count) <= limit { d = EditDistance.damerauLevenshtein(term, candidate, limit: limit) }
                if d > limit, abs(candidate.count - folded.count) <= limit { d = EditDistance.damerauLevenshtein(folded, candidate, limit: limit) }
                if d > limit, candidate.count >= 6, folded.hasPrefix(candidate), folded.count - candidate.count <= 5 { d = limit }
                guard d <= limit else { continue }
                if best == nil || d < best!.distance || d == best!.distance && documents > best!.documents { best = (candidate, d, documents) }
            }
            if let best {
                corrected = corrected.replacingOccurrences(of: typed, with: try surfaceWord(for: best.term) ?? best.term)
                changed = true
            }
        }
        return changed ? corrected : nil
    }

    /// How many unknown words of one query get a "Mente du" correction.
    static let suggestedWords = 2

    /// A word as written in the archive whose stem is `term` ("demen" → "demens").
    func surfaceWord(for term: String) throws -> String? {
        var query = IndexQuery(match: .term(IndexTerm(term)))
        query.limit = 1
        guard let text = try records.hits(index.search(query).entries).first?.text else { return nil }
        for word in text.split(whereSeparator: { !$0.isLetter }) {
            let lower = word.lowercased()
            if analyzer.stem(lower) == term { return lower }
        }
        return nil
    }

    func filters(_ list: [FieldFilter]) throws -> EntryFilters {
        var f = EntryFilters()
        for filter in list {
            let value = filter.value
            switch filter.field {
            case .committee:
                let lower = value.lowercased()
                f.committees.append([lower] + synonyms.expansions(of: lower))
            case .date:
                let (from, to) = try dateRange(value)
                f.from = from
                f.to = to
            case .caseNumber: f.caseNumbers.append(value)
            case .person: f.persons.append(value)
            case .party: f.parties.append(value.uppercased() == value || value.count <= 3 ? value.uppercased() : value)
            case .outcome:
                guard let outcome = Outcome(userInput: value) else {
                    throw FilterError(message: "unknown outcome '\(value)'; use one of: " + Outcome.allCases.map { "\($0.danishName)/\($0.rawValue)" }.joined(separator: ", "))
                }
                f.outcomes.append(outcome.rawValue)
            case .municipality: f.municipalities.append(value)
            case .type:
                let kinds: [String: String] = ["referat": "minutes", "minutes": "minutes", "brev": "letter", "letter": "letter", "webside": "webpage",
                                               "hjemmeside": "webpage", "webpage": "webpage", "dagsordenspunkt": "agendaItem", "punkt": "agendaItem",
                                               "agendaitem": "agendaItem", "andet": "other", "other": "other"]
                guard let kind = kinds[value.lowercased()] else {
                    throw FilterError(message: "unknown type '\(value)'; use referat/minutes, dagsordenspunkt/agendaItem, brev/letter, webside/webpage")
                }
                f.kinds.append(kind)
            }
        }
        return f
    }

    /// "2023", "2023-01", "2023-01-19", "19-01-2023", "2022-05..2023-02", "..2020". A date that
    /// does not exist (2023-13-45) or a range that ends before it starts is an error, not a
    /// search that finds nothing.
    func dateRange(_ value: String) throws -> (String?, String?) {
        if let range = value.range(of: "..") {
            let lo = String(value[..<range.lowerBound]), hi = String(value[range.upperBound...])
            let from = lo.isEmpty ? nil : try day(lo, end: false), to = hi.isEmpty ? nil : try day(hi, end: true)
            if let from, let to, from > to {
                throw FilterError(message: "the date range '\(value)' ends before it starts; write the earlier date first")
            }
            return (from, to)
        }
        return (try day(value, end: false), try day(value, end: true))
    }

    private func day(_ text: String, end: Bool) throws -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        let numbers = parts.map { Int($0) }
        func iso(_ y: Int, _ m: Int, _ d: Int) throws -> String {
            let days = [31, y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            guard (1...12).contains(m), (1...days[m - 1]).contains(d) else {
                throw FilterError(message: "there is no date '\(text)'; use 2023, 2023-01, 2023-01-19, 19-01-2023 or a range 2022-05..2023-02")
            }
            return String(format: "%04d-%02d-%02d", y, m, d)
        }
        if !numbers.contains(nil) {
            let n = numbers.map { $0! }
            if parts.count == 1, parts[0].count == 4 { return end ? "\(parts[0])-12-31" : "\(parts[0])-01-01" }
            if parts.count == 2, parts[0].count == 4 {
                _ = try iso(n[0], n[1], 1)
                return String(format: "%04d-%02d-", n[0], n[1]) + (end ? "31" : "01")
            }
            if parts.count == 3, parts[0].count == 4 { return try iso(n[0], n[1], n[2]) }
            if parts.count == 3, parts[2].count == 4 { return try iso(n[2], n[1], n[0]) }
        }
        throw FilterError(message: "cannot read the date '\(text)'; use 2023, 2023-01, 2023-01-19, 19-01-2023 or a range 2022-05..2023-02")
    }
}
