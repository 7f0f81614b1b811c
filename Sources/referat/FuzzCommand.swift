import ArgumentParser
import Foundation
import ReferatAnalysis
import ReferatParsing
import ReferatSearch

/// `referat bench fuzz`: feeds mutated corpus files and random bytes to the parser, the
/// analyzer and the query parser for a fixed time; a crash kills the process, and the input
/// that caused it is written first, so it can become a regression test.
struct FuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fuzz", abstract: "Fuzz the parser, analyzer and query parser.")

    @Option var seconds = 60.0
    @Option var seed: UInt64 = 1
    @Option(help: "Folder of seed inputs.") var corpus = "Corpus"
    @Option(help: "Where the input in flight is written before each run.") var current = "bench-work/fuzz-current.bin"

    func run() throws {
        var rng = FuzzRandom(seed: seed)
        let seeds = try FileManager.default.contentsOfDirectory(atPath: corpus).sorted()
            .compactMap { FileManager.default.contents(atPath: corpus + "/" + $0).map { [UInt8]($0) } }
        let parser = DocumentParser()
        let analyzer = DanishAnalyzer()
        let queries = QueryParser()
        let start = Date()
        var executions = 0, parseErrors = 0, queryErrors = 0
        let dictionary: [[UInt8]] = ["Beslutning i Økonomiudvalget den ", "Fraværende:", "23/222 Åben Sag", "Bilag:", "\u{F0B7}", "Ã¸", "├ą", "\u{0}",
                                     "børne- og ", "-\n", "§ ", "http://", "\"", "(", "OR", "*", ":", "NEAR(", "^", "19-01-2023", "\r", "\u{C}"].map { Array($0.utf8) }
        while Date().timeIntervalSince(start) < seconds {
            var input: [UInt8]
            switch rng.next() % 4 {
            case 0: input = (0..<Int(rng.next() % 4096)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            default:
                input = seeds[Int(rng.next() % UInt64(seeds.count))]
                for _ in 0..<Int(1 + rng.next() % 16) where !input.isEmpty {
                    let at = Int(rng.next() % UInt64(input.count))
                    switch rng.next() % 4 {
                    case 0: input[at] = UInt8(truncatingIfNeeded: rng.next())
                    case 1: input.insert(contentsOf: dictionary[Int(rng.next() % UInt64(dictionary.count))], at: at)
                    case 2: input.removeSubrange(at..<min(input.count, at + Int(rng.next() % 64)))
                    default: input.insert(contentsOf: input[at..<min(input.count, at + Int(rng.next() % 256))], at: at)
                    }
                }
            }
            _ = FileManager.default.createFile(atPath: current, contents: Data(input))
            do {
                _ = try parser.parse(bytes: input, path: "fuzz", format: rng.next() % 5 == 0 ? .html : .text)
            } catch {
                parseErrors += 1
            }
            let text = String(decoding: input.prefix(3000), as: UTF8.self)
            _ = analyzer.analyze(text, mode: .document)
            _ = analyzer.analyze(String(text.prefix(300)), mode: .query)
            do { _ = try queries.parse(String(text.prefix(300))) } catch { queryErrors += 1 }
            executions += 1
        }
        try? FileManager.default.removeItem(atPath: current)
        Console.out(#"{"seconds": \#(seconds), "executions": \#(executions), "parse_errors": \#(parseErrors), "query_errors": \#(queryErrors), "crashes": 0}"#)
    }
}

struct FuzzRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
