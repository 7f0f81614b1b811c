import ReferatAnalysis
import ReferatIndex

/// Turns a `QueryNode` into a `MatchNode` of analysed terms through the Danish analyzer.
///
/// A word becomes its analysed terms, each in its exact and (except for case numbers, dates
/// and their kind) weak form, so that whole-word matches can rank first (`MatchNode.exactOnly`),
/// and a query compound also its parts written apart (`MatchNode.apart`, ranked last);
/// a word the analyzer splits ("e-mail") becomes a phrase; a prefix is folded, never stemmed.
struct QueryCompiler {
    let analyzer: DanishAnalyzer

    struct Compiled {
        var match: MatchNode
        /// The analysed primary term of each plain word, for "did you mean".
        var words: [(typed: String, term: String)]
        /// Every positive term, prefix and multi-part term, for highlighting.
        var highlight = Highlight()
        /// The positive phrases as typed, for ranking their verbatim wording first (`VerbatimPhrases`).
        var phrases: [String] = []
    }

    struct Highlight {
        var terms = Set<String>()
        var prefixes: [String] = []
        var phrases: [String] = []
    }

    func compile(_ node: QueryNode) -> Compiled? {
        var words: [(String, String)] = []
        guard let match = match(node, words: &words) else { return nil }
        var compiled = Compiled(match: match, words: words)
        collect(node, into: &compiled.highlight)
        compiled.phrases = phrases(in: node)
        return compiled
    }

    private func phrases(in node: QueryNode) -> [String] {
        switch node {
        case .phrase(let text): return [text]
        case .and(let nodes), .or(let nodes): return nodes.flatMap(phrases)
        case .word, .prefix, .not: return []
        }
    }

    private func collect(_ node: QueryNode, into h: inout Highlight) {
        switch node {
        case .word(let text), .phrase(let text):
            for token in analyzer.analyze(text, mode: .query) {
                if token.term.contains(where: { !$0.isLetter }) { h.phrases.append(token.term) } else { h.terms.insert(token.term) }
            }
        case .prefix(let text): h.prefixes.append(analyzer.prefixTerm(text))
        case .and(let nodes), .or(let nodes): for n in nodes { collect(n, into: &h) }
        case .not: break
        }
    }

    private func match(_ node: QueryNode, words: inout [(String, String)]) -> MatchNode? {
        switch node {
        case .word(let text):
            let tokens = analyzer.analyze(text, mode: .query)
            guard let first = tokens.first else { return nil }
            if Set(tokens.map(\.position)).count > 1 {
                // "e-mail", "Vestegnen-Syd": a word ICU splits is searched as a phrase.
                return phrase(tokens)
            }
            words.append((text, first.term))
            var alternatives: [MatchNode] = []
            func add(_ term: IndexTerm) {
                if !alternatives.contains(.term(term)) { alternatives.append(.term(term)) }
            }
            for token in tokens where token.kind != .part {
                add(IndexTerm(token.term))
                if token.kind != .domain && token.kind != .domainPart { add(IndexTerm(token.term, form: .weak)) }
            }
            // The compound's parts, each whole or in another compound, anywhere in the entry.
            let parts = tokens.filter { $0.kind == .part }.map { MatchNode.any([.term(IndexTerm($0.term)), .term(IndexTerm($0.term, form: .weak))]) }
            if parts.count > 1, !alternatives.contains(.apart(.all(parts, excluding: []))) { alternatives.append(.apart(.all(parts, excluding: []))) }
            // The compound written without its linking s ("spildevandplanen"), ranked with the
            // parts written apart: a misspelling, found but below the word as the query has it.
            if parts.count > 1 {
                for variant in analyzer.withoutLinkingElements(text) {
                    for token in analyzer.analyze(variant, mode: .query) where token.kind != .part && !token.colocated {
                        let node = MatchNode.apart(.term(IndexTerm(token.term)))
                        if !alternatives.contains(node) { alternatives.append(node) }
                    }
                }
            }
            return alternatives.count == 1 ? alternatives[0] : .any(alternatives)
        case .prefix(let text):
            let term = analyzer.prefixTerm(text).filter { $0.isLetter || $0.isNumber || $0 == "/" || $0 == "-" }
            guard !term.isEmpty else { return nil }
            return .any([.prefix(IndexTerm(term)), .prefix(IndexTerm(term, form: .weak))])
        case .phrase(let text):
            return phrase(analyzer.analyze(text, mode: .query))
        case .and(let nodes):
            var required: [MatchNode] = []
            var excluded: [MatchNode] = []
            for n in nodes {
                if case .not(let inner) = n {
                    var ignored: [(String, String)] = []
                    // An excluded word in any form, but not its parts written apart: "-skolebus"
                    // keeps an entry about a bus to the school in other words.
                    if let e = match(inner, words: &ignored) { excluded.append(e.closeTier) }
                } else if let e = match(n, words: &words) {
                    required.append(e)
                }
            }
            guard !required.isEmpty else { return nil }
            return required.count == 1 && excluded.isEmpty ? required[0] : .all(required, excluding: excluded)
        case .or(let nodes):
            let alternatives = nodes.compactMap { match($0, words: &words) }
            guard !alternatives.isEmpty else { return nil }
            return alternatives.count == 1 ? alternatives[0] : .any(alternatives)
        case .not:
            return nil
        }
    }

    /// Primary terms in order: stop words are dropped on both sides, so they stay adjacent.
    private func phrase(_ tokens: [Token]) -> MatchNode? {
        let primary = tokens.filter { !$0.colocated }.map(\.term)
        return primary.isEmpty ? nil : .phrase(primary)
    }
}
