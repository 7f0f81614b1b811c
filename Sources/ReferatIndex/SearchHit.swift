/// One search result as shown to a user: an agenda item, or a whole document when it has no
/// items, with the record fields a result line needs.
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

    public init(path: String, kind: String, documentTitle: String, municipality: String?, caseNumber: String?, title: String,
                committee: String?, date: String?, outcome: String?, snippet: String, line: Int?, score: Double, exact: Bool,
                text: String?) {
        self.path = path
        self.kind = kind
        self.documentTitle = documentTitle
        self.municipality = municipality
        self.caseNumber = caseNumber
        self.title = title
        self.committee = committee
        self.date = date
        self.outcome = outcome
        self.snippet = snippet
        self.line = line
        self.score = score
        self.exact = exact
        self.text = text
    }

    private enum CodingKeys: String, CodingKey {
        case path, kind, documentTitle, municipality, caseNumber, title, committee, date, outcome, snippet, line, score, exact
    }

    public static let markOpen = "\u{2}"
    public static let markClose = "\u{3}"
}

/// A page of results with the total and optional facet counts.
public struct SearchPage: Codable, Sendable {
    public var total: Int
    /// True when `total` is a lower bound (`RankedPage.totalIsLowerBound`).
    public var totalIsLowerBound: Bool
    public var hits: [SearchHit]
    public var facets: Facets?

    public init(total: Int, hits: [SearchHit], facets: Facets?, totalIsLowerBound: Bool = false) {
        self.total = total
        self.totalIsLowerBound = totalIsLowerBound
        self.hits = hits
        self.facets = facets
    }
}
