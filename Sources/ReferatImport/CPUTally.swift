import Glibc
import Synchronization

/// CPU time spent by the threads that run a kind of work, summed across those threads.
///
/// The import's summary reports where its time went: parsing and analysis run on `jobs`
/// threads, writing on SQLite's single writer connection. The writer's CPU time is a floor
/// under the import's wall time that no number of parsing threads lowers, so users (and the
/// benchmarks) can see which side an import waits on. Each measurement reads the calling
/// thread's own CPU clock, so time the thread spent preempted is not counted.
final class CPUTally: Sendable {
    private let nanoseconds = Atomic<Int>(0)

    /// Runs `body` and adds the CPU time the calling thread spent in it.
    func measure<R>(_ body: () throws -> R) rethrows -> R {
        let start = Self.threadCPUNanoseconds()
        defer { nanoseconds.add(Self.threadCPUNanoseconds() - start, ordering: .relaxed) }
        return try body()
    }

    var seconds: Double { Double(nanoseconds.load(ordering: .relaxed)) / 1e9 }

    private static func threadCPUNanoseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return now.tv_sec * 1_000_000_000 + now.tv_nsec
    }
}
