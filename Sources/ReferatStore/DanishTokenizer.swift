import GRDB
import GRDBSQLite
import ReferatAnalysis

/// The FTS5 adapter over `DanishAnalyzer`: a thin shim, the analysis lives in ReferatAnalysis.
///
/// Documents are analysed in document mode. Queries built by ReferatSearch arrive already
/// analysed: each term starts with `DanishTokenizer.literalMark` and is passed through as is,
/// so user text never reaches MATCH unanalysed and no term is expanded twice. Entries the
/// importer analysed ahead (`PretokenizedText`) are replayed instead of analysed again.
final class DanishTokenizer: FTS5CustomTokenizer {
    static let name = "referat_danish"
    /// Marks a pre-analysed query term.
    static let literalMark: Character = "\u{1}"

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
        if !tokenization.contains(.query), let columns = TokenHandoff.current, let column = columns.first(where: { $0.matches(bytes) }) {
            return column.replay { term, token in
                term.withMemoryRebound(to: CChar.self) { chars in
                    tokenCallback(context, token.colocated ? FTS5_TOKEN_COLOCATED : 0, chars.baseAddress, CInt(chars.count), CInt(token.start), CInt(token.end))
                }
            }
        }
        var status = SQLITE_OK
        let mode: AnalysisMode = tokenization.contains(.query) ? .query : .document
        currentAnalyzer().analyze(utf8: bytes, mode: mode) { token in
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
