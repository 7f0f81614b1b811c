/// What a full-text index answers: how many entries match, the page of them asked for,
/// ranked, and the facet counts when asked. The records behind the entries come from a
/// `RecordStore`.
public struct RankedPage: Sendable {
    public var total: Int
    /// True when `total` is a lower bound: at least that many entries match (an engine may
    /// stop counting once the page is certain; see README, "Hit counts").
    public var totalIsLowerBound: Bool
    public var entries: [RankedEntry]
    public var facets: Facets?

    public init(total: Int, entries: [RankedEntry], facets: Facets?, totalIsLowerBound: Bool = false) {
        self.total = total
        self.totalIsLowerBound = totalIsLowerBound
        self.entries = entries
        self.facets = facets
    }
}

/// One matching entry: its id in the record store, its score and its tier.
public struct RankedEntry: Hashable, Sendable {
    public var id: Int64
    /// The engine's score; engines differ in scale and direction, so it is only compared
    /// within one result.
    public var score: Double
    /// True when the entry matched exact forms (whole words), not only weak ones.
    public var exact: Bool

    public init(id: Int64, score: Double, exact: Bool) {
        self.id = id
        self.score = score
        self.exact = exact
    }
}

/// Counts of the matching entries by committee, year and latest outcome (at most 20 values
/// each, most frequent first).
public struct Facets: Codable, Hashable, Sendable {
    public var committee: [Count]
    public var year: [Count]
    public var outcome: [Count]

    public init(committee: [Count], year: [Count], outcome: [Count]) {
        self.committee = committee
        self.year = year
        self.outcome = outcome
    }

    public struct Count: Codable, Hashable, Sendable {
        public var value: String
        public var count: Int

        public init(value: String, count: Int) {
            self.value = value
            self.count = count
        }
    }
}
