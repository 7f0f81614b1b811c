/// A search as the store runs it: FTS5 expressions already built from analysed terms, and filters.
///
/// ReferatSearch builds this from the user's query; the store never sees raw user text in MATCH.
public struct StoreQuery: Sendable {
    /// Every term form (exact and weak); nil for a filter-only search.
    public var match: String?
    /// Exact forms only: entries matching it rank above those matching only weak forms.
    public var exactMatch: String?
    /// Exact and weak forms, without a query compound's parts written apart: entries matching
    /// it rank above those that `match` finds only through those parts. Nil when no query word
    /// splits.
    public var closeMatch: String?
    public var filters = StoreFilters()
    public var sortByDate = false
    public var limit = 10
    public var offset = 0
    public var facets = false

    /// The expressions entries are ranked by, narrowest first, ending with `match`: an entry
    /// ranks in the first tier it matches. Only for a query with `match`.
    var tiers: [String] {
        var tiers: [String] = []
        for e in [exactMatch, closeMatch, match].compactMap({ $0 }) where tiers.last != e { tiers.append(e) }
        return tiers
    }

    public init(match: String? = nil, exactMatch: String? = nil, filters: StoreFilters = StoreFilters()) {
        self.match = match
        self.exactMatch = exactMatch
        self.filters = filters
    }
}

/// Field filters; values inside one list are alternatives (OR), different lists combine with AND.
public struct StoreFilters: Sendable {
    /// Committee names to match in decision bodies (lower-cased substrings).
    public var committees: [[String]] = []
    public var from: String?
    public var to: String?
    public var caseNumbers: [String] = []
    public var persons: [String] = []
    public var parties: [String] = []
    public var outcomes: [String] = []
    public var municipalities: [String] = []
    public var kinds: [String] = []

    public init() {}

    public var isEmpty: Bool {
        committees.isEmpty && from == nil && to == nil && caseNumbers.isEmpty && persons.isEmpty && parties.isEmpty
            && outcomes.isEmpty && municipalities.isEmpty && kinds.isEmpty
    }
}

/// One search result: an agenda item, or a whole document when it has no items.
public struct SearchHit: Codable, Sendable {
    public var path: String
    public var kind: String
    public var documentTitle: String
    public var municipality: String?
    public var caseNumber: String?
    public var title: String
    /// The committee and date of the latest decision, and its outcome.
    public var committee: String?
    public var date: String?
    public var outcome: String?
    /// Text around the matches, with `SearchHit.markOpen`/`markClose` around matched words.
    public var snippet: String
    public var line: Int?
    public var score: Double
    /// True when the entry matched whole words, not only compound parts or variants.
    public var exact: Bool
    /// The entry's decision and body text, from which the search layer cuts the snippet.
    public var text: String?

    private enum CodingKeys: String, CodingKey {
        case path, kind, documentTitle, municipality, caseNumber, title, committee, date, outcome, snippet, line, score, exact
    }

    public static let markOpen = "\u{2}"
    public static let markClose = "\u{3}"
}

/// A page of results with the total and optional facet counts.
public struct SearchPage: Codable, Sendable {
    public var total: Int
    public var hits: [SearchHit]
    public var facets: Facets?

    public init(total: Int, hits: [SearchHit], facets: Facets?) {
        self.total = total
        self.hits = hits
        self.facets = facets
    }

    public struct Facets: Codable, Sendable {
        public var committee: [Count]
        public var year: [Count]
        public var outcome: [Count]
    }

    public struct Count: Codable, Sendable {
        public var value: String
        public var count: Int
    }
}
