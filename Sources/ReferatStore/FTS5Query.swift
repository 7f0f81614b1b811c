import ReferatIndex

/// An `IndexQuery` as the FTS5 store runs it: the match as FTS5 expressions, one for every
/// form and one for exact forms only.
struct FTS5Query: Sendable {
    /// Every term form (exact and weak); nil for a filter-only search.
    var match: String?
    /// Exact forms only (`MatchNode.exactTier`): entries matching it rank above those
    /// matching only weak forms. Nil when it is `match` itself.
    var exactMatch: String?
    var filters: EntryFilters
    var sortByDate: Bool
    var limit: Int
    var offset: Int
    var facets: Bool

    init(_ query: IndexQuery) {
        match = query.match.map(FTS5Expression.render)
        let exact = query.match.map { FTS5Expression.render($0.exactTier) }
        exactMatch = exact == match ? nil : exact
        filters = query.filters
        sortByDate = query.order == .newestFirst
        limit = query.limit
        offset = query.offset
        facets = query.facets
    }
}
