import GRDB
import GRDBSQLite
import ReferatAnalysis
import ReferatIndexing

/// The FTS5 adapter over the indexing step: a thin shim, the analysis lives in ReferatAnalysis
/// and what an entry holds in ReferatIndexing.
///
/// Documents are analysed as `AnalysedText` (or, for entries the importer analysed ahead,
/// replayed from it), and each weak form is stored behind `weakMark`. Queries arrive as
/// expressions built by `FTS5Expression` from analysed terms: each term starts with
/// `literalMark` and is passed through as is, so user text never reaches MATCH unanalysed and
/// no term is expanded twice.
final class DanishTokenizer: FTS5CustomTokenizer {
    static let name = "referat_danish"
    /// Marks a pre-analysed query term.
    static let literalMark: Character = "\u{1}"
    /// Stands before a weak form (a compound part or a spelling variant) in the index, so
    /// that a search can rank whole-word matches first.
    static let weakMark: Character = "~"

    /// Made on first use, and again when the index's lexicon grew (words learned by an import).
    private var analyzer: DanishAnalyzer?
    /// The index file, to find its lexicon, and the lexicon generation `analyzer` was made for.
    private let file: String
    private var generation = -1

    init(db: Database, arguments: [String]) throws {
        file = IndexLexicons.file(of: db)
    }

    private func currentAnalyzer() -> DanishAnalyzer {
        let entry = IndexLexicons.shared[file] ?? .init(generation: 0, lexicon: .shared)
        if let analyzer, entry.generation == generation { return analyzer }
        let fresh = DanishAnalyzer(lexicon: entry.lexicon)
        analyzer = fresh
        generation = entry.generation
        return fresh
    }

    func tokenize(
        context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization, pText: UnsafePointer<CChar>?,
        nText: CInt, tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        guard let pText, nText > 0 else { return SQLITE_OK }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pText).assumingMemoryBound(to: UInt8.self), count: Int(nText))
        if tokenization.contains(.query), bytes.first == 0x01 {
            return literal(bytes, context: context, callback: tokenCallback)
        }
        if !tokenization.contains(.query) {
            if let fields = TokenHandoff.current, let field = fields.first(where: { $0.matches(bytes) }) {
                return Self.replay(field, context: context, callback: tokenCallback)
            }
            return Self.replay(AnalysedText(utf8: Array(bytes), analyzer: currentAnalyzer()), context: context, callback: tokenCallback)
        }
        var status = SQLITE_OK
        currentAnalyzer().analyze(utf8: bytes, mode: .query) { token in
            guard status == SQLITE_OK else { return }
            var term = token.term
            status = term.withUTF8 { t in
                t.withMemoryRebound(to: CChar.self) { chars in
                    tokenCallback(context, token.colocated ? FTS5_TOKEN_COLOCATED : 0, chars.baseAddress, CInt(chars.count), CInt(token.start), CInt(token.end))
                }
            }
        }
        return status
    }

    /// Hands an analysed text's tokens to FTS5, each weak form behind `weakMark`.
    private static func replay(_ text: AnalysedText, context: UnsafeMutableRawPointer?, callback: FTS5TokenCallback) -> CInt {
        var marked: [UInt8] = [weakMark.asciiValue!]
        return text.replay { term, token in
            let flags = token.colocated ? FTS5_TOKEN_COLOCATED : 0
            if token.weak {
                marked.removeSubrange(1...)
                marked.append(contentsOf: term)
                return marked.withUnsafeBufferPointer { m in
                    m.withMemoryRebound(to: CChar.self) { chars in
                        callback(context, flags, chars.baseAddress, CInt(chars.count), CInt(token.start), CInt(token.end))
                    }
                }
            }
            return term.withMemoryRebound(to: CChar.self) { chars in
                callback(context, flags, chars.baseAddress, CInt(chars.count), CInt(token.start), CInt(token.end))
            }
        }
    }

    /// "\u{1}term1 \u{1}term2": each piece is one token, in order.
    private func literal(_ bytes: UnsafeBufferPointer<UInt8>, context: UnsafeMutableRawPointer?, callback: FTS5TokenCallback) -> CInt {
        var start = 0
        var i = 0
        while i <= bytes.count {
            if i == bytes.count || bytes[i] == 0x20 {
                var s = start
                while s < i, bytes[s] == 0x01 { s += 1 }
                if s < i {
                    let rc = UnsafeRawPointer(bytes.baseAddress! + s).withMemoryRebound(to: CChar.self, capacity: i - s) { p in
                        callback(context, 0, p, CInt(i - s), CInt(start), CInt(i))
                    }
                    if rc != SQLITE_OK { return rc }
                }
                start = i + 1
            }
            i += 1
        }
        return SQLITE_OK
    }
}
