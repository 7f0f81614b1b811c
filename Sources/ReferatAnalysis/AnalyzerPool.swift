import Foundation

/// Analyzers for worker threads. An analyzer is not thread-safe but is costly to warm up
/// (its word cache), so work borrows one and gives it back, and the warm ones are reused.
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

    /// `transform(i, analyzer)` for every i in 0..<count on `jobs` threads (`concurrentMap`),
    /// each call with an analyzer borrowed from the pool; the results keep the order of i.
    public func concurrentMap<Value>(count: Int, jobs: Int, _ transform: @Sendable (Int, DanishAnalyzer) -> Value) -> [Value] {
        ReferatAnalysis.concurrentMap(count: count, jobs: jobs) { i in with { analyzer in transform(i, analyzer) } }
    }

    /// Runs `body` with a borrowed analyzer.
    public func with<R>(_ body: (DanishAnalyzer) throws -> R) rethrows -> R {
        let analyzer = take()
        defer { give(analyzer) }
        return try body(analyzer)
    }
}
