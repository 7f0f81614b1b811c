import ReferatAnalysis

/// How much work one query may ask of the index, checked before any of it is done.
///
/// A prefix term makes the engine read the entries of every indexed word that starts with it,
/// and each term of an `OR` its own list: `a* b* c* …` or hundreds of alternatives would keep
/// a search busy for many seconds and every core with it. A query over a limit is refused
/// with a message that names the limit (a usage error), so the cost of any accepted query is
/// bounded by the limits times the cost of its most common term.
public struct QueryLimits: Hashable, Sendable {
    /// Terms of the whole query: words (a compound counts its parts), words of phrases,
    /// prefixes, in all alternatives and exclusions.
    public var terms = 32
    /// Prefix terms (`word*`).
    public var prefixes = 4
    /// Letters or digits a prefix term needs before its `*`: a shorter one matches too large
    /// a part of the vocabulary.
    public var prefixLength = 3

    public init() {}

    /// Throws when `node` asks for more than the limits allow.
    func check(_ node: QueryNode, analyzer: DanishAnalyzer, query: String) throws(QuerySyntaxError) {
        var count = Count()
        tally(node, analyzer: analyzer, into: &count)
        if count.prefixes > prefixes {
            throw QuerySyntaxError(query: query, position: 0,
                                   message: "the query has \(count.prefixes) prefix terms (word*); at most \(prefixes) are allowed, to keep a search fast")
        }
        if let short = count.shortPrefix {
            throw QuerySyntaxError(query: query, position: 0,
                                   message: "'\(short)*' is too short a prefix; a prefix needs at least \(prefixLength) letters before '*'")
        }
        if count.terms > terms {
            throw QuerySyntaxError(query: query, position: 0,
                                   message: "the query has \(count.terms) search terms; at most \(terms) are allowed, to keep a search fast")
        }
    }

    private struct Count {
        var terms = 0, prefixes = 0
        var shortPrefix: String?
    }

    private func tally(_ node: QueryNode, analyzer: DanishAnalyzer, into count: inout Count) {
        switch node {
        case .word(let text), .phrase(let text):
            count.terms += analyzer.analyze(text, mode: .query).count
        case .prefix(let text):
            let letters = analyzer.prefixTerm(text).filter { $0.isLetter || $0.isNumber }.count
            if letters < prefixLength && count.shortPrefix == nil { count.shortPrefix = text }
            count.terms += 1
            count.prefixes += 1
        case .and(let nodes), .or(let nodes):
            for n in nodes { tally(n, analyzer: analyzer, into: &count) }
        case .not(let inner):
            tally(inner, analyzer: analyzer, into: &count)
        }
    }
}
