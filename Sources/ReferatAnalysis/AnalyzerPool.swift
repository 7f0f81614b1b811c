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

    /// Runs `body` with a borrowed analyzer.
    public func with<R>(_ body: (DanishAnalyzer) throws -> R) rethrows -> R {
        let analyzer = take()
        defer { give(analyzer) }
        return try body(analyzer)
    }
}
