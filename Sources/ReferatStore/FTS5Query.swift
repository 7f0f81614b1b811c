import ReferatIndex

/// An `IndexQuery` as the FTS5 store runs it: the match as FTS5 expressions, one for every
/// form and one for exact forms only.
struct FTS5Query: Sendable {
    /// Every term form (exact and weak); nil for a filter-only search.
    var match: String?
    /// Exact forms only (`MatchNode.exactTier`): entries matching it rank above those
    /// matching only weak forms. Nil when it is `match` itself.
    var exactMatch: String?
    /// Exact and weak forms without a query compound's parts written apart
    /// (`MatchNode.closeTier`); nil when it is `match` itself.
    var closeMatch: String?
    var filters: EntryFilters
    var sortByDate: Bool
    var limit: Int
    var offset: Int
    var facets: Bool

    /// The expressions entries are ranked by, narrowest first, ending with `match`: an entry
    /// ranks in the first tier it matches. Only for a query with `match`.
    var tiers: [String] {
        var tiers: [String] = []
        for e in [exactMatch, closeMatch, match].compactMap({ $0 }) where tiers.last != e { tiers.append(e) }
        return tiers
    }

    init(_ query: IndexQuery) {
        match = query.match.map(FTS5Expression.render)
        let exact = query.match.map { FTS5Expression.render($0.exactTier) }
        exactMatch = exact == match ? nil : exact
        let close = query.match.map { FTS5Expression.render($0.closeTier) }
        closeMatch = close == match ? nil : close
        filters = query.filters
        sortByDate = query.order == .newestFirst
        limit = query.limit
        offset = query.offset
        facets = query.facets
    }
}
