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
    ///
    /// Each thread takes the next undone i when it is free, rather than a fixed share: files
    /// differ in size, and with fixed shares one thread sat idle at the end of every chunk.
    public func concurrentMap<Value>(count: Int, jobs: Int, _ transform: @Sendable (Int, DanishAnalyzer) -> Value) -> [Value] {
        let slots = ResultSlots<Value>(count: count)
        let next = NextIndex()
        let jobs = max(1, min(jobs, count))
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            with { analyzer in
                while let i = next.take(below: count) { slots.set(i, transform(i, analyzer)) }
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

/// A shared counter handing out 0, 1, 2, … to whichever thread asks first.
final class NextIndex: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
