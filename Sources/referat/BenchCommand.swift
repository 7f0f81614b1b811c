import ArgumentParser
import Foundation
import ReferatAnalysis
import ReferatSearch
import ReferatStore

/// `referat bench`: measurements for Benchmarks/run.py, timed inside the process as the peers are.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure the analyzer and query latency (used by make bench).",
        shouldDisplay: false, subcommands: [Analyze.self, Queries.self, FuzzCommand.self]
    )

    /// Analyzer throughput alone: MB/s over files, in document mode.
    struct Analyze: ParsableCommand {
        @Argument var files: [String]

        func run() throws {
            let analyzer = DanishAnalyzer()
            _ = analyzer.analyze("opvarmning af leksikonet", mode: .document)
            var bytes = 0, tokens = 0
            let start = Date()
            for file in files {
                var text = try String(contentsOfFile: file, encoding: .utf8)
                bytes += text.utf8.count
                text.withUTF8 { buffer in analyzer.analyze(utf8: buffer, mode: .document) { _ in tokens += 1 } }
            }
            let seconds = Date().timeIntervalSince(start)
            Console.out(#"{"bytes": \#(bytes), "tokens": \#(tokens), "seconds": \#(seconds), "mb_per_s": \#(Double(bytes) / 1e6 / seconds)}"#)
        }
    }

    /// Runs each query of a file `repeat` times; prints p50/p99 in milliseconds, as peers.py does.
    struct Queries: ParsableCommand {
        @Argument var queryFile: String
        @OptionGroup var indexOption: IndexOption
        @Option var `repeat` = 5

        func run() throws {
            let store = try indexOption.open(readOnly: true)
            let service = SearchService(store: store)
            let queries = try String(contentsOfFile: queryFile, encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
            _ = try? service.search(queries.first ?? "kommune")
            var latencies: [Double] = []
            var hits = 0
            for _ in 0..<`repeat` {
                for q in queries {
                    let t = Date()
                    let result = try? service.search(q)
                    latencies.append(Date().timeIntervalSince(t) * 1000)
                    hits += result?.page.hits.count ?? 0
                }
            }
            latencies.sort()
            let p50 = latencies[latencies.count / 2]
            let p99 = latencies[max(0, Int(Double(latencies.count) * 0.99) - 1)]
            Console.out(#"{"queries": \#(queries.count), "query_p50_ms": \#(p50), "query_p99_ms": \#(p99), "hits": \#(hits / `repeat`)}"#)
        }
    }
}
