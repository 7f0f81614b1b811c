import ArgumentParser
import Foundation
import Glibc
import ReferatAnalysis
import ReferatEngine
import ReferatIndexing
import ReferatParsing

extension BenchCommand {
    /// `referat bench engine FOLDER QUERIES`: the segment engine (issue 18) on real files,
    /// before it is wired in: files parsed and analysed on `jobs` threads as an import does,
    /// entries written by one segment writer, then the queries (all their words, exact forms)
    /// timed with block-max pruning and with exhaustive scoring.
    struct Engine: ParsableCommand {
        @Argument var folder: String
        @Argument var queryFile: String
        @Option(help: "Folder for the segments (emptied first).") var segments: String
        @Option(help: "Parsing threads.") var jobs = ProcessInfo.processInfo.activeProcessorCount
        @Option(help: "The segment writer's memory budget, in MB.") var budget = 64
        @Option var `repeat` = 5

        typealias Fields = [FieldTokens]

        func run() throws {
            let paths = Self.files(in: folder)
            try? FileManager.default.removeItem(atPath: segments)
            try FileManager.default.createDirectory(atPath: segments, withIntermediateDirectories: true)
            let pool = AnalyzerPool()
            let writer = SegmentWriter(fieldCount: EntryText.Field.allCases.count, memoryBudget: budget << 20)
            var names: [String] = [], writerCPU = 0.0, bytes = 0, entries = 0
            let start = Date()
            for chunkStart in stride(from: 0, to: paths.count, by: 64) {
                let chunk = Array(paths[chunkStart..<min(paths.count, chunkStart + 64)])
                let parsed = pool.concurrentMap(count: chunk.count, jobs: jobs) { i, analyzer in Self.entries(of: chunk[i], analyzer: analyzer) }
                let before = Self.threadCPU()
                for (size, documentEntries) in parsed {
                    bytes += size
                    for fields in documentEntries {
                        writer.add(id: UInt64(entries), fields: fields)
                        entries += 1
                        if writer.isFull {
                            names.append("\(names.count).seg")
                            try writer.write(to: segments + "/" + names.last!)
                        }
                    }
                }
                writerCPU += Self.threadCPU() - before
            }
            let before = Self.threadCPU()
            if !writer.isEmpty {
                names.append("\(names.count).seg")
                try writer.write(to: segments + "/" + names.last!)
            }
            try Manifest(generation: 1, segments: names).commit(in: segments)
            writerCPU += Self.threadCPU() - before
            let importSeconds = Date().timeIntervalSince(start)
            let indexBytes = names.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: segments + "/" + $1)[.size] as? Int) ?? 0) }

            let searcher = Searcher(segments: try names.map { try SegmentReader(path: segments + "/" + $0) }, weights: [10, 5, 1])
            let analyzer = DanishAnalyzer()
            let queries = try String(contentsOfFile: queryFile, encoding: .utf8).split(separator: "\n").map { line in
                analyzer.analyze(String(line), mode: .query).filter { !$0.colocated }.map { Array($0.term.utf8) }
            }.filter { !$0.isEmpty }
            var timings: [Bool: [Double]] = [true: [], false: []]
            var equal = true
            for _ in 0..<`repeat` {
                for terms in queries {
                    var results: [Bool: [Searcher.Hit]] = [:]
                    for pruning in [true, false] {
                        let t = Date()
                        results[pruning] = try searcher.topK(terms, mode: .all, k: 10, pruning: pruning).hits
                        timings[pruning]!.append(Date().timeIntervalSince(t) * 1000)
                    }
                    equal = equal && results[true] == results[false]
                }
            }
            func percentile(_ values: [Double], _ p: Double) -> Double {
                let sorted = values.sorted()
                return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, max(0, Int(Double(sorted.count) * p) - (p >= 0.99 ? 1 : 0)))]
            }
            Console.out(#"{"files": \#(paths.count), "bytes": \#(bytes), "entries": \#(entries), "segments": \#(names.count), "import_seconds": \#(importSeconds), "writer_cpu_seconds": \#(writerCPU), "index_bytes": \#(indexBytes), "index_to_text": \#(Double(indexBytes) / Double(max(1, bytes))), "queries": \#(queries.count), "pruned_p50_ms": \#(percentile(timings[true]!, 0.5)), "pruned_p99_ms": \#(percentile(timings[true]!, 0.99)), "exhaustive_p50_ms": \#(percentile(timings[false]!, 0.5)), "exhaustive_p99_ms": \#(percentile(timings[false]!, 0.99)), "pruned_equals_exhaustive": \#(equal)}"#)
        }

        /// A file's size and its entries as the writer takes them: each field's tokens, weak
        /// forms behind a "~" (how the engine will keep them apart once it is wired in).
        static func entries(of path: String, analyzer: DanishAnalyzer) -> (Int, [Fields]) {
            guard let document = try? DocumentParser().parse(fileAt: path) else { return (0, []) }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            return (size, EntryText.columns(of: document).map { columns in
                AnalysedText.fieldTexts(columns).map { field in
                    var tokens = FieldTokens()
                    guard let field else { return tokens }
                    var marked: [UInt8] = [0x7E]
                    _ = AnalysedText(text: field.text, weakFrom: field.weakFrom, analyzer: analyzer).replay { term, token in
                        if token.weak {
                            marked.removeSubrange(1...)
                            marked.append(contentsOf: term)
                            tokens.append(marked, position: token.position)
                        } else {
                            tokens.append(term, position: token.position)
                        }
                        return 0
                    }
                    return tokens
                }
            })
        }

        static func files(in folder: String) -> [String] {
            guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
            let extensions = [".txt", ".html", ".htm", ".pdf"]
            return walker.compactMap { $0 as? String }.filter { name in extensions.contains { name.lowercased().hasSuffix($0) } }
                .sorted().map { folder + "/" + $0 }
        }

        static func threadCPU() -> Double {
            var now = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
            return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
        }
    }
}
