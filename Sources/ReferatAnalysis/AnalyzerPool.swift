import Foundation

/// Analyzers for worker threads. An analyzer is not thread-safe but is costly to warm up
/// (its word cache), so each thread borrows one for a while and gives it back.
public final class AnalyzerPool: @unchecked Sendable {
    private var idle: [DanishAnalyzer] = []
    private let lock = NSLock()
    public let lexicon: DanishLexicon

    public init(lexicon: DanishLexicon = .shared) {
        self.lexicon = lexicon
    }

    public func take() -> DanishAnalyzer {
        lock.lock()
        defer { lock.unlock() }
        return idle.popLast() ?? DanishAnalyzer(lexicon: lexicon)
    }

    public func give(_ analyzer: DanishAnalyzer) {
        lock.lock()
        idle.append(analyzer)
        lock.unlock()
    }

    /// `transform(i, analyzer)` for every i in 0..<count, on `jobs` threads that each borrow
    /// one analyzer for their whole share; the results keep the order of i.
    public func concurrentMap<Value>(count: Int, jobs: Int, _ transform: @Sendable (Int, DanishAnalyzer) -> Value) -> [Value] {
        let slots = ResultSlots<Value>(count: count)
        let jobs = max(1, min(jobs, count))
        DispatchQueue.concurrentPerform(iterations: jobs) { worker in
            with { analyzer in
                for i in stride(from: worker, to: count, by: jobs) { slots.set(i, transform(i, analyzer)) }
            }
        }
        return slots.values
    }

    /// Runs `body` with a borrowed analyzer.
    public func with<R>(_ body: (DanishAnalyzer) throws -> R) rethrows -> R {
        let analyzer = take()
        defer { give(analyzer) }
        return try body(analyzer)
    }
}
