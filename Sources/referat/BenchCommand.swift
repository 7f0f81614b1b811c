import ArgumentParser
import Foundation
import ReferatAnalysis
import ReferatIndex
import ReferatParsing
import ReferatRecords
import ReferatSearch
import ReferatStore

/// `referat bench`: measurements for Benchmarks/run.py, timed inside the process as the peers are.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure the analyzer and query latency (used by make bench).",
        shouldDisplay: false, subcommands: [Parse.self, Analyze.self, Queries.self, Engine.self, FuzzCommand.self]
    )

    /// Parser throughput alone: MB/s of CPU time for files parsed into records on one thread, the files
    /// read into memory first (PDF files are left out: their time is pdftotext's).
    struct Parse: ParsableCommand {
        @Argument var files: [String]

        func run() throws {
            let parser = DocumentParser()
            let inputs = try files.filter { !$0.lowercased().hasSuffix(".pdf") }.map { path in
                (path, try parser.readFile(path), DocumentParser.Format(path: path) ?? .text)
            }
            let bytes = inputs.reduce(0) { $0 + $1.1.count }
            // The thread's own CPU clock: time spent preempted by other processes is not the parser's.
            func cpuSeconds() -> Double {
                var now = timespec()
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
                return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
            }
            var cases = 0
            let start = cpuSeconds()
            for (path, data, format) in inputs {
                cases += (try? parser.parse(bytes: data, path: path, format: format))?.cases.count ?? 0
            }
            let seconds = cpuSeconds() - start
            Console.out(#"{"bytes": \#(bytes), "files": \#(inputs.count), "cases": \#(cases), "seconds": \#(seconds), "mb_per_s": \#(Double(bytes) / 1e6 / seconds)}"#)
        }
    }

    /// Analyzer throughput alone: MB/s over files, in document mode, on `jobs` threads with
    /// one analyzer each, as the importer runs them.
    struct Analyze: ParsableCommand {
        @Argument var files: [String]
        @Option(help: "Threads, one analyzer each.") var jobs = 1
        @Flag(help: "Also print a checksum of every token's fields (slower: not for timing).") var checksum = false

        func run() throws {
            let texts = try files.map { try String(contentsOfFile: $0, encoding: .utf8) }
            let bytes = texts.reduce(0) { $0 + $1.utf8.count }
            let pool = AnalyzerPool()
            _ = pool.with { $0.analyze("opvarmning af leksikonet", mode: .document) }
            let start = Date()
            // With one job this loops on this thread, reusing the one warmed analyzer.
            let results = pool.concurrentMap(count: texts.count, jobs: jobs) { [checksum] i, analyzer in
                Self.tokens(in: texts[i], analyzer: analyzer, checksum: checksum)
            }
            let seconds = Date().timeIntervalSince(start)
            let tokens = results.reduce(0) { $0 + $1.tokens }
            // Files in order, so that the same tokens give the same checksum on any thread count.
            let sum = results.reduce(UInt64(0)) { ($0 &* 31) ^ $1.checksum }
            let field = checksum ? #""checksum": "\#(String(sum, radix: 16))", "# : ""
            Console.out(#"{"bytes": \#(bytes), "tokens": \#(tokens), \#(field)"seconds": \#(seconds), "mb_per_s": \#(Double(bytes) / 1e6 / seconds)}"#)
        }

        /// How many tokens the text gives, and an FNV-1a checksum of all their fields: a change
        /// meant only to make the analyzer faster must leave the checksum as it was.
        static func tokens(in text: String, analyzer: DanishAnalyzer, checksum: Bool) -> (tokens: Int, checksum: UInt64) {
            var copy = text, tokens = 0
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            func mix(_ value: Int) {
                hash = (hash ^ UInt64(truncatingIfNeeded: value)) &* 0x100_0000_01b3
            }
            copy.withUTF8 { buffer in
                analyzer.analyze(utf8: buffer, mode: .document) { token in
                    tokens += 1
                    guard checksum else { return }
                    for byte in token.term.utf8 { mix(Int(byte)) }
                    mix(token.start); mix(token.end); mix(token.position); mix(token.colocated ? 1 : 0)
                    for byte in token.kind.rawValue.utf8 { mix(Int(byte)) }
                }
            }
            return (tokens, hash)
        }
    }

    /// Runs each query of a file `repeat` times; prints p50/p99 in milliseconds, as peers.py
    /// does: of the whole search as a user gets it (query analysis, the index's top 10 and
    /// count, the hits' records and snippets), and of the index's part alone (`engine_…`),
    /// which is what the peers' figures measure.
    struct Queries: ParsableCommand {
        @Argument var queryFile: String
        @OptionGroup var indexOption: IndexOption
        @Option var `repeat` = 5
        /// Also time the index's part with every match scored and counted (`IndexQuery.exactTotal`),
        /// query by query beside the pruned search, in the same process.
        @Flag var exactTotals = false
        /// Time only the index's part (for profiling it).
        @Flag var engineOnly = false

        func run() throws {
            let store = try indexOption.open(readOnly: true)
            let service = SearchService(store: store)
            let queries = try String(contentsOfFile: queryFile, encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
            _ = try? service.search(queries.first ?? "kommune")
            var latencies: [Double] = [], engine: [Double] = [], exhaustive: [Double] = []
            var hits = 0, refused = 0
            for _ in 0..<`repeat` {
                for q in queries {
                    if !engineOnly {
                        let t = Date()
                        let result = try? service.search(q)
                        latencies.append(Date().timeIntervalSince(t) * 1000)
                        if result == nil { refused += 1 }
                        hits += result?.page.hits.count ?? 0
                    }
                    if let query = try? service.indexQuery(for: q) {
                        let t = Date()
                        _ = try? store.search(query)
                        engine.append(Date().timeIntervalSince(t) * 1000)
                        if exactTotals {
                            var exact = query
                            exact.exactTotal = true
                            let t = Date()
                            _ = try? store.search(exact)
                            exhaustive.append(Date().timeIntervalSince(t) * 1000)
                        }
                    }
                }
            }
            func percentile(_ values: [Double], _ p: Double) -> Double {
                let sorted = values.sorted()
                guard !sorted.isEmpty else { return 0 }
                return p == 0.5 ? sorted[sorted.count / 2] : sorted[max(0, Int(Double(sorted.count) * p) - 1)]
            }
            // The worst time, for the adversarial set: refused queries count with the time the refusal took.
            Console.out(#"{"queries": \#(queries.count), "query_p50_ms": \#(percentile(latencies, 0.5)), "query_p99_ms": \#(percentile(latencies, 0.99)), "query_max_ms": \#(latencies.max() ?? 0), "engine_p50_ms": \#(percentile(engine, 0.5)), "engine_p99_ms": \#(percentile(engine, 0.99)),\#(exactTotals ? #" "engine_exact_p50_ms": \#(percentile(exhaustive, 0.5)), "engine_exact_p99_ms": \#(percentile(exhaustive, 0.99)),"# : "") "refused": \#(refused / `repeat`), "hits": \#(hits / `repeat`)}"#)
        }
    }
}
