import Foundation
@testable import ReferatAnalysis
import Testing

/// A long text is analysed a piece at a time (`DanishAnalyzer.pieceBytes`) to bound memory;
/// the tokens must be those of the whole text in one piece, or an index would delete a long
/// entry with other tokens than it inserted.
@Suite struct PieceWiseAnalysisTests {
    /// Corpus text repeated past several pieces, with blank lines after hyphens, suspended
    /// hyphens and dates, where a careless cut would split what belongs together.
    static let text: String = {
        let corpus = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.root + "/Corpus")) ?? []
        let files = corpus.sorted().compactMap { try? String(contentsOfFile: Fixtures.root + "/Corpus/" + $0, encoding: .utf8) }
        let traps = "Børne-\n\nog ungeområdet samt kommu-\n\nnen drøftede den 19.\n\njanuar 2023 sag 23/222-\n\n\n"
        var text = ""
        var k = 0
        while text.utf8.count < 3 * DanishAnalyzer.pieceBytes + 1000 {
            text += files[k % files.count] + "\n\n" + traps
            k += 1
        }
        return text
    }()

    @Test func piecesGiveTheTokensOfTheWholeText() {
        let analyzer = DanishAnalyzer()
        var text = Self.text
        var pieces: [Token] = [], whole: [Token] = []
        text.withUTF8 { bytes in
            analyzer.analyze(utf8: bytes, mode: .document) { pieces.append($0) }
            _ = analyzer.analyzePiece(utf8: bytes, mode: .document) { whole.append($0) }
        }
        #expect(pieces.count == whole.count)
        #expect(pieces == whole)
        // The text was cut: more than one piece.
        var cuts = 0
        text.withUTF8 { bytes in
            var offset = 0
            while let cut = DanishAnalyzer.blankLine(in: UnsafeBufferPointer(rebasing: bytes[offset...]), after: DanishAnalyzer.pieceBytes / 2),
                  bytes.count - offset > DanishAnalyzer.pieceBytes {
                offset += cut
                cuts += 1
            }
        }
        #expect(cuts >= 2)
    }
}
