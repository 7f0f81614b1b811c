import Foundation
@testable import ReferatAnalysis
import Testing

/// A long text is analysed a piece at a time (`DanishAnalyzer.pieceBytes`) to bound memory;
/// the tokens must be those of the whole text in one piece, or an index would delete a long
/// entry with other tokens than it inserted.
@Suite struct PieceWiseAnalysisTests {
    /// Corpus text repeated past several pieces, with breaks after hyphens, suspended
    /// hyphens (also with an en dash) and dates, where a careless cut would split what belongs
    /// together; `separator` is what the traps' breaks and the files' joins are.
    static func text(separator: String) -> String {
        let corpus = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.root + "/Corpus")) ?? []
        let files = corpus.sorted().compactMap { try? String(contentsOfFile: Fixtures.root + "/Corpus/" + $0, encoding: .utf8) }
        let traps = ["Børne-", "og ungeområdet samt Social– og", "Sundhedsudvalget og kommu-", "nen drøftede den 19.",
                     "januar 2023 sag 23/222-", "§", "17, stk. 4", ""].joined(separator: separator)
        var text = ""
        var k = 0
        while text.utf8.count < 3 * DanishAnalyzer.pieceBytes + 1000 {
            text += files[k % files.count] + separator + traps
            k += 1
        }
        return text
    }

    /// Paragraphs (the parser's full text), lines (a case's body, whose paragraphs are joined
    /// by single line breaks) and one long line.
    enum Shape: String, CaseIterable, CustomTestStringConvertible {
        case blankLines, lineBreaks, oneLine
        var testDescription: String { rawValue }
        var text: String {
            switch self {
            case .blankLines: PieceWiseAnalysisTests.text(separator: "\n\n")
            case .lineBreaks: PieceWiseAnalysisTests.text(separator: "\n").replacingOccurrences(of: "\n\n", with: "\n")
            case .oneLine: PieceWiseAnalysisTests.text(separator: " ").replacingOccurrences(of: "\n", with: " ")
            }
        }
    }

    @Test(arguments: Shape.allCases)
    func piecesGiveTheTokensOfTheWholeText(shape: Shape) {
        let analyzer = DanishAnalyzer()
        var text = shape.text
        var pieces: [Token] = [], whole: [Token] = []
        text.withUTF8 { bytes in
            analyzer.analyze(utf8: bytes, mode: .document) { pieces.append($0) }
            _ = analyzer.analyzePiece(utf8: bytes, mode: .document) { whole.append($0) }
        }
        #expect(pieces.count == whole.count, "\(shape)")
        #expect(pieces == whole, "\(shape)")
        // The text was cut, in pieces of at most twice `pieceBytes`.
        var cuts = 0, longest = 0
        text.withUTF8 { bytes in
            var offset = 0
            while bytes.count - offset > DanishAnalyzer.pieceBytes,
                  let cut = DanishAnalyzer.safeCut(in: UnsafeBufferPointer(rebasing: bytes[offset...]), after: DanishAnalyzer.pieceBytes / 2) {
                offset += cut
                cuts += 1
                longest = max(longest, cut)
            }
        }
        #expect(cuts >= 2, "\(shape)")
        #expect(longest <= 2 * DanishAnalyzer.pieceBytes, "\(shape)")
    }

    /// No cut where a hyphen, dash or digit is near: each of these texts has one place only.
    @Test(arguments: [
        ("a b", 2),            // safe: the space
        ("a-b c", nil),        // a hyphen in the 256 bytes before
        ("a–b c", nil),        // an en dash
        ("a 7 b", nil),        // a digit just before
        ("a b 7", nil),        // a digit just after
    ] as [(String, Int?)])
    func cutsOnlyWhereSafe(core: String, expected: Int?) {
        // Padding of letters and single spaces far from the core keeps the only candidates near it.
        let padding = String(repeating: "x", count: 300)
        var text = padding + core + padding
        let found = text.withUTF8 { DanishAnalyzer.safeCut(in: $0, after: 0) }
        #expect(found == expected.map { 300 + $0 }, "\(core)")
    }
}
