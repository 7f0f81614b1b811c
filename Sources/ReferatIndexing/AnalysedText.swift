public import ReferatAnalysis

/// One field's text with the index tokens the Danish analyzer made of it, packed.
///
/// Analysing is most of the cost of indexing; the importer does it on its parsing threads,
/// and an engine replays the tokens instead of analysing the text again. Terms are stored
/// without any mark: `Token.weak` says whether a term is a weak form (a compound part or a
/// spelling variant), and each engine records that in its own way.
public struct AnalysedText: Sendable {
    /// A token without its term, which `replay` hands over beside it.
    public struct Token: Sendable {
        var termEnd: UInt32
        /// Byte offsets of the token's source in the text.
        public var start: UInt32
        public var end: UInt32
        /// The token's position in the text (stop words keep theirs, so phrases stay exact).
        public var position: UInt32
        /// True for a form at the same position as the token before it.
        public var colocated: Bool
        /// True for a compound part or spelling variant (`IndexTerm.Form.weak`).
        public var weak: Bool
    }

    /// The text, as UTF-8.
    public let text: [UInt8]
    private var terms: [UInt8] = []
    private var tokens: [Token] = []

    /// Analyses `text` in document mode; every token from byte `weakFrom` on is weak.
    public init(text: String, weakFrom: Int = .max, analyzer: DanishAnalyzer) {
        self.init(utf8: Array(text.utf8), weakFrom: weakFrom, analyzer: analyzer)
    }

    /// Analyses UTF-8 text in document mode; every token from byte `weakFrom` on is weak.
    public init(utf8 text: [UInt8], weakFrom: Int = .max, analyzer: DanishAnalyzer) {
        self.text = text
        var terms: [UInt8] = []
        var tokens: [Token] = []
        terms.reserveCapacity(text.count)
        tokens.reserveCapacity(text.count / 6)
        text.withUnsafeBufferPointer { bytes in
            _ = Self.stream(utf8: bytes, weakFrom: weakFrom, analyzer: analyzer) { term, token in
                terms.append(contentsOf: term)
                var token = token
                token.termEnd = UInt32(terms.count)
                tokens.append(token)
                return 0
            }
        }
        self.terms = terms
        self.tokens = tokens
    }

    /// Analyses UTF-8 text in document mode and hands each token to `body` as `replay` would,
    /// keeping none: for a text whose tokens would take several times its size to keep (one
    /// entry of a very large file), analysed while the index reads it. Every token from byte
    /// `weakFrom` on is weak, and gives its word as written without its compound parts: a
    /// committee's name in the routing ("Kommunalbestyrelsen") says where the item goes, not
    /// what it is about ("bestyrelse").
    @discardableResult
    public static func stream(utf8 text: UnsafeBufferPointer<UInt8>, weakFrom: Int = .max, analyzer: DanishAnalyzer,
                              _ body: (UnsafeBufferPointer<UInt8>, Token) -> Int32) -> Int32 {
        var status: Int32 = 0
        analyzer.analyze(utf8: text, mode: .document) { token in
            guard status == 0, !(token.kind == .part && token.start >= weakFrom) else { return }
            var term = token.unmarkedTerm
            let replayed = Token(termEnd: 0, start: UInt32(token.start), end: UInt32(token.end),
                                 position: UInt32(clamping: token.position), colocated: token.colocated,
                                 weak: token.isWeak || token.start >= weakFrom)
            status = term.withUTF8 { body($0, replayed) }
        }
        return status
    }

    /// A field's text as the index reads it, and the byte from which every token is weak.
    public struct FieldText: Sendable, Equatable {
        public var text: String
        public var weakFrom: Int

        public init(text: String, weakFrom: Int) {
            self.text = text
            self.weakFrom = weakFrom
        }
    }

    /// An entry's columns (`EntryText.columns`) as its fields (`EntryText.Field`), nil for a
    /// field without text: the one definition of what each field holds, for every path into
    /// the index (import, learning, rebuilding). The routing follows the body on a line of its
    /// own, its tokens weak and without compound parts (`stream`): a query word found only
    /// there (a committee every item of the municipality routes through) ranks below one the
    /// entry's own text gives.
    ///
    ///     fieldTexts(["Skole", nil, "Tekst", "BUU, KB"])[2]   // FieldText(text: "Tekst\nBUU, KB", weakFrom: 6)
    public static func fieldTexts(_ columns: [String?]) -> [FieldText?] {
        let body = EntryText.Column.body.rawValue, routing = EntryText.Column.routing.rawValue
        return EntryText.Field.allCases.map { field in
            let text = field.rawValue < columns.count ? columns[field.rawValue] : nil
            guard field.rawValue == body, routing < columns.count, let weak = columns[routing] else {
                return text.map { FieldText(text: $0, weakFrom: .max) }
            }
            let own = text.map { $0 + "\n" } ?? ""
            return FieldText(text: own + weak, weakFrom: own.utf8.count)
        }
    }

    /// The fields of an entry's columns (`fieldTexts`) analysed, leaving out those without text.
    public static func fields(_ columns: [String?], analyzer: DanishAnalyzer) -> [AnalysedText] {
        fieldTexts(columns).compactMap { $0.map { AnalysedText(text: $0.text, weakFrom: $0.weakFrom, analyzer: analyzer) } }
    }

    /// How many tokens the text gave.
    public var count: Int { tokens.count }

    /// True when `bytes` is this text.
    public func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count == text.count && text.withUnsafeBufferPointer { $0.elementsEqual(bytes) }
    }

    /// Hands each token to `body` with its term's UTF-8 bytes, in order; stops at and
    /// returns the first non-zero status.
    public func replay(_ body: (UnsafeBufferPointer<UInt8>, Token) -> Int32) -> Int32 {
        terms.withUnsafeBufferPointer { terms in
            var termStart = 0
            for token in tokens {
                let status = body(UnsafeBufferPointer(rebasing: terms[termStart..<Int(token.termEnd)]), token)
                if status != 0 { return status }
                termStart = Int(token.termEnd)
            }
            return 0
        }
    }
}
