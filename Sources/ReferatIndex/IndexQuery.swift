/// A search as a full-text index runs it: what to match, which entries qualify, in what
/// order, which page, and whether to count facets.
///
/// With no `match` every entry that passes the filters matches (a filter-only search).
public struct IndexQuery: Hashable, Sendable {
    public var match: MatchNode?
    public var filters = EntryFilters()
    public var order = Order.relevance
    public var offset = 0
    public var limit = 10
    /// Count the matching entries by committee, year and outcome.
    public var facets = false
    /// Count every match exactly, scoring each: an engine may otherwise stop counting once
    /// the page is certain (`RankedPage.totalIsLowerBound`). `referat bench queries
    /// --exact-totals` times this way beside the other.
    public var exactTotal = false

    public init(match: MatchNode? = nil, filters: EntryFilters = EntryFilters()) {
        self.match = match
        self.filters = filters
    }

    public enum Order: Hashable, Sendable {
        /// Exact-form matches first (see `MatchNode.exactOnly`), then by score, then newest.
        case relevance
        /// Newest first, then as `relevance`.
        case newestFirst
    }
}
