import ReferatAnalysis

/// Turns a `QueryNode` into FTS5 MATCH expressions through the Danish analyzer.
///
/// Every term reaching FTS5 is analysed here and quoted with the store tokenizer's literal
/// mark, so no user text is ever interpreted by FTS5's own syntax (`"`, `*`, `:`, `NEAR`, `^`).
/// Three expressions come out, each wider than the one before, so that a search can rank by
/// them: `exact` (whole words only), `all` (also compound parts and variants), and `apart`
/// (also a query compound's parts written apart: `vejbelysningsudgifter` as vej AND belysning
/// AND udgift).
struct QueryCompiler {
    let analyzer: DanishAnalyzer

    /// The literal mark of the store's tokenizer (`DanishTokenizer.literalMark`).
    static let mark = "\u{1}"

    /// How far a word reaches: each case matches everything the one before it does.
    enum Reach {
        case exact, weakForms, partsApart
    }

    struct Compiled {
        var all: String
        var exact: String
        var apart: String
        /// The analysed primary term of each plain word, for "did you mean".
        var words: [(typed: String, term: String)]
        /// Every positive term, prefix and multi-part term, for highlighting.
        var highlight = Highlight()
    }

    struct Highlight {
        var terms = Set<String>()
        var prefixes: [String] = []
        var phrases: [String] = []
    }

    func compile(_ node: QueryNode) -> Compiled? {
        var words: [(String, String)] = []
        guard let all = expression(node, .weakForms, words: &words) else { return nil }
        var ignored: [(String, String)] = []
        let exact = expression(node, .exact, words: &ignored) ?? all
        let apart = expression(node, .partsApart, words: &ignored) ?? all
        var compiled = Compiled(all: all, exact: exact, apart: apart, words: words)
        collect(node, into: &compiled.highlight)
        return compiled
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

    private func quote(_ term: String) -> String {
        "\"" + Self.mark + term.replacing("\"", with: "\"\"") + "\""
    }

    private func expression(_ node: QueryNode, _ reach: Reach, words: inout [(String, String)]) -> String? {
        switch node {
        case .word(let text):
            let tokens = analyzer.analyze(text, mode: .query)
            guard let first = tokens.first else { return nil }
            let positions = Set(tokens.map(\.position))
            if positions.count > 1 {
                // "e-mail", "Vestegnen-Syd": a word ICU splits is searched as a phrase.
                return phrase(tokens)
            }
            words.append((text, first.term))
            var alternatives: [String] = []
            for token in tokens where token.kind != .part {
                alternatives.append(quote(token.term))
                if reach != .exact && token.kind != .domain && token.kind != .domainPart { alternatives.append(quote(String(Token.weakMark) + token.term)) }
            }
            // The compound's parts, each whole or in another compound, anywhere in the entry.
            let parts = tokens.filter { $0.kind == .part }.map { "(" + quote($0.term) + " OR " + quote(String(Token.weakMark) + $0.term) + ")" }
            if reach == .partsApart, parts.count > 1 { alternatives.append("(" + parts.joined(separator: " AND ") + ")") }
            let unique = alternatives.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            return unique.count == 1 ? unique[0] : "(" + unique.joined(separator: " OR ") + ")"
        case .prefix(let text):
            let term = analyzer.prefixTerm(text).filter { $0.isLetter || $0.isNumber || $0 == "/" || $0 == "-" }
            guard !term.isEmpty else { return nil }
            return reach == .exact ? quote(term) + " *" : "(" + quote(term) + " * OR " + quote(String(Token.weakMark) + term) + " *)"
        case .phrase(let text):
            return phrase(analyzer.analyze(text, mode: .query))
        case .and(let nodes):
            var positive: [String] = []
            var negative: [String] = []
            for n in nodes {
                if case .not(let inner) = n {
                    var ignored: [(String, String)] = []
                    if let e = expression(inner, .weakForms, words: &ignored) { negative.append(e) }
                } else if let e = expression(n, reach, words: &words) {
                    positive.append(e)
                }
            }
            guard !positive.isEmpty else { return nil }
            var out = positive.count == 1 ? positive[0] : "(" + positive.joined(separator: " AND ") + ")"
            for n in negative { out = "(" + out + " NOT " + n + ")" }
            return out
        case .or(let nodes):
            let parts = nodes.compactMap { expression($0, reach, words: &words) }
            guard !parts.isEmpty else { return nil }
            return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " OR ") + ")"
        case .not:
            return nil
        }
    }

    /// Primary terms in order: stop words are dropped on both sides, so they stay adjacent.
    private func phrase(_ tokens: [Token]) -> String? {
        let primary = tokens.filter { !$0.colocated }.map(\.term)
        guard !primary.isEmpty else { return nil }
        return "\"" + primary.map { Self.mark + $0.replacing("\"", with: "\"\"") }.joined(separator: " ") + "\""
    }
}
