/// What a query asks of the full-text index: a tree of analysed terms, in no engine's syntax.
///
///     // psykiatri -børn: both forms of "psykiatri", none of "børn"
///     .all([.any([.term(IndexTerm("psykiatri")), .term(IndexTerm("psykiatri", form: .weak))])],
///          excluding: [.any([.term(IndexTerm("børn")), .term(IndexTerm("børn", form: .weak))])])
///
/// ReferatSearch builds it from the user's query through the Danish analyzer; an engine turns
/// it into its own queries. User text never reaches an engine unanalysed.
public indirect enum MatchNode: Hashable, Sendable, CustomStringConvertible {
    /// Entries holding the term.
    case term(IndexTerm)
    /// Entries holding a term of this form that starts with the text (not stemmed).
    case prefix(IndexTerm)
    /// Entries holding these exact terms at consecutive positions.
    case phrase([String])
    /// Entries matching every `required` node and no `excluded` one.
    case all(_ required: [MatchNode], excluding: [MatchNode])
    /// Entries matching at least one node.
    case any([MatchNode])
    /// A query compound's parts written apart ("vejbelysningsudgifter" as vej, belysning and
    /// udgift anywhere in an entry): it matches as `node` does, in the widest tier only.
    case apart(MatchNode)

    /// The same question asked of exact forms only: entries that match it rank above those
    /// that match only through compound parts or variants. Excluded nodes keep every form (an
    /// excluded word is excluded however it occurs). Nil when the node has no exact form.
    public var exactOnly: MatchNode? {
        switch self {
        case .term(let t), .prefix(let t):
            return t.form == .exact ? self : nil
        case .phrase:
            return self
        case .all(let required, let excluded):
            var exact: [MatchNode] = []
            for node in required {
                guard let e = node.exactOnly else { return nil }
                exact.append(e)
            }
            return .all(exact, excluding: excluded)
        case .any(let nodes):
            let exact = nodes.compactMap(\.exactOnly)
            return exact.isEmpty ? nil : exact.count == 1 ? exact[0] : .any(exact)
        case .apart:
            return nil
        }
    }

    /// The node without its parts written apart (`apart`): every form of the words, as they
    /// are written. Nil when nothing else is left.
    public var withoutApart: MatchNode? {
        switch self {
        case .term, .prefix, .phrase:
            return self
        case .all(let required, let excluded):
            var close: [MatchNode] = []
            for node in required {
                guard let c = node.withoutApart else { return nil }
                close.append(c)
            }
            return .all(close, excluding: excluded)
        case .any(let nodes):
            let close = nodes.compactMap(\.withoutApart)
            return close.isEmpty ? nil : close.count == 1 ? close[0] : .any(close)
        case .apart:
            return nil
        }
    }

    /// The second tier of the ranking: words in any form, but not their parts written apart.
    public var closeTier: MatchNode { withoutApart ?? self }

    /// The first tier of the ranking (see `exactOnly`); the whole node when it has no exact
    /// form, so that every match then counts as exact.
    public var exactTier: MatchNode { exactOnly ?? self }

    /// A readable form for `--explain`: `(kommun OR weak:kommun) NOT børn`, `"nære psykiatri"`, `psykiat*`.
    public var description: String {
        switch self {
        case .term(let t): return t.description
        case .prefix(let t): return t.description + "*"
        case .phrase(let terms): return "\"" + terms.joined(separator: " ") + "\""
        case .any(let nodes): return nodes.count == 1 ? nodes[0].description : "(" + nodes.map(\.description).joined(separator: " OR ") + ")"
        case .all(let required, let excluded):
            var out = required.count == 1 ? required[0].description : "(" + required.map(\.description).joined(separator: " AND ") + ")"
            for node in excluded { out += " NOT " + node.description }
            return out
        case .apart(let node): return "apart" + node.description
        }
    }
}
