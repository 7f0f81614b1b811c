import ReferatAnalysis

/// One FTS column's text with the tokens the Danish analyzer made of it, packed.
///
/// Analysing is most of the cost of indexing, and FTS5 calls its tokenizer on the one writer
/// thread. The importer therefore analyses each entry on its parsing threads, and the
/// tokenizer replays these tokens when FTS5 hands it the same text (compared byte for byte;
/// any other text is analysed as usual, so a mismatch costs time, never correctness).
public struct PretokenizedText: Sendable {
    struct Packed: Sendable {
        var termEnd: UInt32
        var start: UInt32
        var end: UInt32
        var colocated: Bool
    }

    let text: [UInt8]
    var terms: [UInt8] = []
    var tokens: [Packed] = []

    init(text: String, analyzer: DanishAnalyzer) {
        self.text = Array(text.utf8)
        var terms: [UInt8] = []
        var tokens: [Packed] = []
        terms.reserveCapacity(self.text.count)
        tokens.reserveCapacity(self.text.count / 6)
        self.text.withUnsafeBufferPointer { bytes in
            analyzer.analyze(utf8: bytes, mode: .document) { token in
                terms.append(contentsOf: token.term.utf8)
                tokens.append(Packed(termEnd: UInt32(terms.count), start: UInt32(token.start), end: UInt32(token.end), colocated: token.colocated))
            }
        }
        self.terms = terms
        self.tokens = tokens
    }

    /// An entry's columns analysed; NULL columns are not tokenized by FTS5 and are left out.
    static func columns(_ columns: [String?], analyzer: DanishAnalyzer) -> [PretokenizedText] {
        columns.compactMap { $0.map { PretokenizedText(text: $0, analyzer: analyzer) } }
    }

    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count == text.count && text.withUnsafeBufferPointer { $0.elementsEqual(bytes) }
    }

    /// Hands each token to `body` as (flags-free) term bytes, byte range and colocation; stops at the first non-zero status.
    func replay(_ body: (UnsafeBufferPointer<UInt8>, Packed) -> Int32) -> Int32 {
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

/// The pre-analysed columns of one search entry, offered to the tokenizer while the entry's
/// FTS row is inserted. Bound with `TokenHandoff.$current.withValue` around that one insert:
/// the tokenizer runs synchronously on the inserting thread, so nothing leaks to other rows.
enum TokenHandoff {
    @TaskLocal static var current: [PretokenizedText]?
}
