/// Parses the query language into a `QueryNode` and field filters.
///
///     psykiatri "nære psykiatri" -børn (takster OR priser) rammeaft* udvalg:KB dato:2022..2023
///
/// Words must all match (AND), `OR` (or `ELLER`) between alternatives, `-word` excludes,
/// `"…"` is a phrase, `word*` a prefix, parentheses group. `field:value` filters on a field.
public struct QueryParser: Sendable {
    public init() {}

    public struct Result: Sendable {
        public var node: QueryNode?
        public var filters: [FieldFilter]
    }

    enum Lexeme: Equatable {
        case word(String, Int)
        case phrase(String, Int)
        case open(Int), close(Int), minus(Int), or(Int)
        case field(String, String, Int)

        var position: Int {
            switch self {
            case .word(_, let p), .phrase(_, let p), .open(let p), .close(let p), .minus(let p), .or(let p), .field(_, _, let p): p
            }
        }
    }

    public func parse(_ query: String) throws(QuerySyntaxError) -> Result {
        guard query.count <= 2000 else {
            throw QuerySyntaxError(query: String(query.prefix(60)) + "…", position: 0, message: "the query is \(query.count) characters long; at most 2000 are searched")
        }
        let lexemes = try lex(query)
        var filters: [FieldFilter] = []
        var rest: [Lexeme] = []
        for lexeme in lexemes {
            if case .field(let name, let value, let position) = lexeme {
                guard let field = FieldFilter.Field(name: name) else {
                    // Not a known field: search "kl:17" as words.
                    rest.append(.word(name + ":" + value, position))
                    continue
                }
                guard !value.isEmpty else { throw QuerySyntaxError(query: query, position: position, message: "\(name): needs a value") }
                filters.append(FieldFilter(field: field, value: value, position: position))
            } else {
                rest.append(lexeme)
            }
        }
        var index = 0
        let node = try parseOr(rest, &index, query)
        if index < rest.count {
            throw QuerySyntaxError(query: query, position: rest[index].position, message: "unexpected ')' without a matching '('")
        }
        return Result(node: node, filters: filters)
    }

    private func parseOr(_ l: [Lexeme], _ i: inout Int, _ q: String) throws(QuerySyntaxError) -> QueryNode? {
        var alternatives: [QueryNode] = []
        if let first = try parseAnd(l, &i, q) { alternatives.append(first) }
        while i < l.count, case .or(let position) = l[i] {
            i += 1
            guard let next = try parseAnd(l, &i, q), !alternatives.isEmpty else {
                throw QuerySyntaxError(query: q, position: position, message: "OR needs a word on both sides")
            }
            alternatives.append(next)
        }
        return alternatives.count > 1 ? .or(alternatives) : alternatives.first
    }

    private func parseAnd(_ l: [Lexeme], _ i: inout Int, _ q: String) throws(QuerySyntaxError) -> QueryNode? {
        var parts: [QueryNode] = []
        while i < l.count {
            switch l[i] {
            case .or, .close: return parts.count > 1 ? .and(parts) : parts.first
            default: if let node = try parseUnary(l, &i, q) { parts.append(node) }
            }
        }
        return parts.count > 1 ? .and(parts) : parts.first
    }

    private func parseUnary(_ l: [Lexeme], _ i: inout Int, _ q: String) throws(QuerySyntaxError) -> QueryNode? {
        if case .minus(let position) = l[i] {
            i += 1
            guard i < l.count, let inner = try parsePrimary(l, &i, q) else {
                throw QuerySyntaxError(query: q, position: position, message: "'-' must stand right before the word to exclude")
            }
            return .not(inner)
        }
        return try parsePrimary(l, &i, q)
    }

    private func parsePrimary(_ l: [Lexeme], _ i: inout Int, _ q: String) throws(QuerySyntaxError) -> QueryNode? {
        let lexeme = l[i]
        i += 1
        switch lexeme {
        case .word(let w, _):
            if w.hasSuffix("*") {
                let stem = String(w.dropLast())
                return stem.isEmpty ? nil : .prefix(stem)
            }
            return .word(w)
        case .phrase(let p, _):
            return .phrase(p)
        case .open(let position):
            let inner = try parseOr(l, &i, q)
            guard i < l.count, case .close = l[i] else {
                throw QuerySyntaxError(query: q, position: position, message: "'(' is never closed")
            }
            i += 1
            return inner
        case .close(let position):
            throw QuerySyntaxError(query: q, position: position, message: "unexpected ')' without a matching '('")
        case .or(let position):
            throw QuerySyntaxError(query: q, position: position, message: "OR needs a word on both sides")
        case .minus, .field:
            return nil
        }
    }

    func lex(_ query: String) throws(QuerySyntaxError) -> [Lexeme] {
        var out: [Lexeme] = []
        let chars = Array(query)
        var i = 0
        func isBreak(_ c: Character) -> Bool { c.isWhitespace || c == "(" || c == ")" || c == "\"" }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            if c == "(" { out.append(.open(i)); i += 1; continue }
            if c == ")" { out.append(.close(i)); i += 1; continue }
            if c == "\"" || c == "”" || c == "“" {
                let start = i
                i += 1
                var text = ""
                while i < chars.count, chars[i] != "\"" && chars[i] != "”" && chars[i] != "“" { text.append(chars[i]); i += 1 }
                guard i < chars.count else { throw QuerySyntaxError(query: query, position: start, message: "the phrase starting here has no closing quote") }
                i += 1
                out.append(.phrase(text, start))
                continue
            }
            if c == "-" && i + 1 < chars.count && !chars[i + 1].isWhitespace {
                out.append(.minus(i))
                i += 1
                continue
            }
            let start = i
            var word = ""
            while i < chars.count, !isBreak(chars[i]) { word.append(chars[i]); i += 1 }
            if word == "OR" || word == "ELLER" || word == "|" { out.append(.or(start)); continue }
            if let colon = word.firstIndex(of: ":"), colon != word.startIndex {
                let name = String(word[..<colon])
                var value = String(word[word.index(after: colon)...])
                // field:"a phrase"
                if value.isEmpty, i < chars.count, chars[i] == "\"" {
                    i += 1
                    while i < chars.count, chars[i] != "\"" { value.append(chars[i]); i += 1 }
                    i += 1
                }
                if FieldFilter.Field(name: name) != nil || !value.isEmpty {
                    out.append(.field(name, value, start))
                    continue
                }
            }
            out.append(.word(word, start))
        }
        return out
    }
}
