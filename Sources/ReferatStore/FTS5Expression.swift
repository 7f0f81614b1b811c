import ReferatIndex

/// Turns a `MatchNode` into an FTS5 MATCH expression.
///
/// Every term is quoted and starts with the tokenizer's literal mark (`DanishTokenizer`), so
/// the tokenizer takes it as analysed already and nothing in it is read as FTS5 syntax (`"`,
/// `*`, `:`, `NEAR`, `^`). A weak form is the term behind `DanishTokenizer.weakMark`, as the
/// tokenizer indexes it.
enum FTS5Expression {
    static func render(_ node: MatchNode) -> String {
        switch node {
        case .term(let term):
            return quote(term)
        case .prefix(let term):
            return quote(term) + " *"
        case .phrase(let terms):
            return "\"" + terms.map { literal($0) }.joined(separator: " ") + "\""
        case .any(let nodes):
            return nodes.count == 1 ? render(nodes[0]) : "(" + nodes.map(render).joined(separator: " OR ") + ")"
        case .all(let required, let excluded):
            var out = required.count == 1 ? render(required[0]) : "(" + required.map(render).joined(separator: " AND ") + ")"
            for node in excluded { out = "(" + out + " NOT " + render(node) + ")" }
            return out
        case .apart(let node):
            return render(node)
        }
    }

    /// A term as the index holds it, quoted.
    private static func quote(_ term: IndexTerm) -> String {
        "\"" + literal(indexed(term)) + "\""
    }

    /// A term as the tokenizer indexes it: a weak form behind the weak mark.
    static func indexed(_ term: IndexTerm) -> String {
        term.form == .weak ? String(DanishTokenizer.weakMark) + term.text : term.text
    }

    /// One pre-analysed term inside quotes: the literal mark, and quotes doubled.
    private static func literal(_ term: String) -> String {
        String(DanishTokenizer.literalMark) + term.replacing("\"", with: "\"\"")
    }
}
