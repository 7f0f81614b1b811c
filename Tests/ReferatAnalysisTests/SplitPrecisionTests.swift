import Foundation
import ReferatAnalysis
import Testing

/// Split precision and recall on hand-judged compounds from minutes-like text
/// (Fixtures/compound_judgments.tsv): of the parts the analyzer gives, how many are right, and
/// of the right parts, how many it gives. Parts are compared by stem, as the index stores them.
///
/// The floors are the measured values (BENCHMARKS.md) less a little, so that a change that
/// makes splitting worse fails here. `REFERAT_SPLIT_REPORT=1` prints every word that differs.
@Suite struct SplitPrecisionTests {
    struct Judgment {
        var word: String
        var parts: Set<String>
    }

    struct Score {
        var produced = 0, correct = 0, expected = 0
        var wholeWords = 0, wholeKept = 0
        var compounds = 0
        var differences: [String] = []

        var precision: Double { produced == 0 ? 1 : Double(correct) / Double(produced) }
        var recall: Double { expected == 0 ? 1 : Double(correct) / Double(expected) }
        var wholeAccuracy: Double { wholeWords == 0 ? 1 : Double(wholeKept) / Double(wholeWords) }
    }

    static func judgments() throws -> [Judgment] {
        let text = try String(contentsOfFile: Fixtures.directory + "/compound_judgments.tsv", encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            let parts = fields.count > 1 ? fields[1].split(separator: " ").map(String.init) : []
            return Judgment(word: String(fields[0]), parts: Set(parts))
        }
    }

    static func score(_ judgments: [Judgment], analyzer: DanishAnalyzer) -> Score {
        var score = Score()
        for j in judgments {
            let produced = Set(analyzer.compoundParts(j.word).map { analyzer.stem($0) })
            let expected = Set(j.parts.map { analyzer.stem($0) })
            score.produced += produced.count
            score.expected += expected.count
            score.correct += produced.intersection(expected).count
            if expected.isEmpty {
                score.wholeWords += 1
                if produced.isEmpty { score.wholeKept += 1 }
            } else {
                score.compounds += 1
            }
            if produced != expected {
                score.differences.append("\(j.word): extra \(produced.subtracting(expected).sorted()), missing \(expected.subtracting(produced).sorted())")
            }
        }
        return score
    }

    @Test func theJudgedSetIsLargeEnough() throws {
        let judgments = try Self.judgments()
        #expect(judgments.filter { !$0.parts.isEmpty }.count >= 300)
        #expect(Set(judgments.map(\.word)).count == judgments.count, "each word once")
    }

    @Test func splitPrecisionAndRecallStayAboveTheirFloors() throws {
        let analyzer = DanishAnalyzer()
        let score = Self.score(try Self.judgments(), analyzer: analyzer)
        let summary = String(format: "split precision %.3f, recall %.3f (%d compounds, %d parts expected); whole words kept whole %.3f (%d)",
                             score.precision, score.recall, score.compounds, score.expected, score.wholeAccuracy, score.wholeWords)
        print(summary)
        if ProcessInfo.processInfo.environment["REFERAT_SPLIT_REPORT"] == "1" {
            for line in score.differences { print("  " + line) }
        }
        #expect(score.precision >= SplitFloors.precision, "\(summary)")
        #expect(score.recall >= SplitFloors.recall, "\(summary)")
        #expect(score.wholeAccuracy >= SplitFloors.wholeWords, "\(summary)")
    }
}

/// Measured values less a margin (see BENCHMARKS.md, "Compound splitting").
enum SplitFloors {
    static let precision = 0.93
    static let recall = 0.92
    static let wholeWords = 0.94
}
