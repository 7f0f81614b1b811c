import ReferatAnalysis
import Testing

/// A map over worker threads: its results keep the order of their indexes.
@Suite struct ConcurrentMapTests {
    @Test(arguments: [(0, 2), (1, 2), (7, 1), (1_000, 2), (1_000, 8)] as [(Int, Int)])
    func resultsKeepTheirOrder(_ count: Int, _ jobs: Int) {
        #expect(concurrentMap(count: count, jobs: jobs) { $0 * $0 } == (0..<count).map { $0 * $0 })
    }
}
