import ArgumentParser
import Foundation
import ReferatAnalysis
import ReferatParsing
import ReferatSearch

/// `referat bench fuzz`: feeds mutated corpus files and random bytes to the parser, the
/// analyzer and the query parser (`--target parser`), or mutated segment files and manifests
/// to the search engine's readers (`--target engine`, see `EngineFuzzer`), for a fixed time.
/// A crash kills the process, and the input that caused it is written first, so it can
/// become a regression test; a run that stops making progress (a loop) or holds too much
/// memory is stopped by a watchdog the same way.
struct FuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fuzz", abstract: "Fuzz the parser, analyzer and query parser, or the engine's readers.")

    enum Target: String, ExpressibleByArgument { case parser, engine }

    @Option var seconds = 60.0
    @Option var seed: UInt64 = 1
    @Option(help: "parser, or engine (segment files and manifests).") var target = Target.parser
    @Option(help: "Folder of seed inputs.") var corpus = "Corpus"
    @Option(help: "engine: a segments folder an import made, whose files are seeds too.") var index: String?
    @Option(help: "Where the input in flight is written before each run (engine: with .seg or .manifest added).") var current = "bench-work/fuzz-current.bin"

    func run() throws {
        let watchdog = Watchdog()
        watchdog.start(current: current)
        if target == .engine { return try runEngine(watchdog) }
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
            watchdog.tick()
        }
        try? FileManager.default.removeItem(atPath: current)
        Console.out(#"{"seconds": \#(seconds), "executions": \#(executions), "parse_errors": \#(parseErrors), "query_errors": \#(queryErrors), "crashes": 0}"#)
    }

    func runEngine(_ watchdog: Watchdog) throws {
        var rng = FuzzRandom(seed: seed)
        var fuzzer = try EngineFuzzer(index: index, corpus: corpus, folder: (current as NSString).deletingLastPathComponent + "/fuzz-engine-seeds", rng: &rng)
        let start = Date()
        var executions = 0, segments = 0
        while Date().timeIntervalSince(start) < seconds {
            let mutant = fuzzer.mutant(&rng)
            let path = current + (mutant.isSegment ? ".seg" : ".manifest")
            try? FileManager.default.removeItem(atPath: current + (mutant.isSegment ? ".manifest" : ".seg"))
            _ = FileManager.default.createFile(atPath: path, contents: Data(mutant.bytes))
            fuzzer.run(mutant)
            executions += 1
            if mutant.isSegment { segments += 1 }
            watchdog.tick()
        }
        for suffix in [".seg", ".manifest"] { try? FileManager.default.removeItem(atPath: current + suffix) }
        Console.out(#"{"seconds": \#(seconds), "executions": \#(executions), "segments": \#(segments), "manifests": \#(executions - segments), "read_whole": \#(fuzzer.reads), "engine_errors": \#(fuzzer.readErrors), "crashes": 0}"#)
    }
}

/// Stops a fuzzing run that makes no progress for 30 s (an endless loop) or whose memory
/// passes 2 GB (a huge allocation), as a crash would: the input in flight is on disk already.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var ticks = 0

    func tick() { lock.withLock { ticks += 1 } }

    func start(current: String) {
        Thread.detachNewThread { [self] in
            var last = -1, still = 0
            while true {
                sleep(1)
                let now = lock.withLock { ticks }
                still = now == last ? still + 1 : 0
                last = now
                let pages = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8))?.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
                let megabytes = pages * Int(sysconf(Int32(_SC_PAGESIZE))) >> 20
                if still >= 30 || megabytes > 2048 {
                    Console.err("referat: fuzz: " + (still >= 30 ? "no progress for 30 s" : "\(megabytes) MB in use") + "; the input is in \(current)*")
                    exit(70)
                }
            }
        }
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
