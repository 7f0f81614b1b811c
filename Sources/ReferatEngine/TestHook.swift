import Foundation

/// TEST ONLY: lets an end-to-end test kill a process at a named point of an import, to prove
/// that a kill there loses nothing.
///
/// With `REFERAT_TEST_KILL_AT=point` the process sends itself SIGKILL (as a power cut or the
/// OOM killer would) the first time it reaches `point`; with `point:n`, the n-th time. The
/// points, in the order an import meets them:
///
/// - `parsed`: a file read and parsed, on a parsing thread (`Importer`)
/// - `segmentWritten`: a segment written and synced, named by no manifest yet (`IndexCommit`)
/// - `mergeRead`: a merge under way: its file begun (the documents written), its postings not
///   yet (`SegmentMerger`)
/// - `mergeWritten`: the merged segment written and synced, not yet in a manifest
/// - `manifestTemporary`: a manifest's temporary file synced, not yet renamed (`Durable`)
/// - `manifestWritten`: the next generation's manifest in place, its generation not yet
///   recorded with the records (`IndexCommit.prepare`)
/// - `recorded`: the records and the generation committed, the replaced generation's files
///   not yet removed (`ArchiveStore.writeIndexed`)
/// - `learningWords`, `indexingEntries`, `compacting`: the finishing steps begin (`Importer`)
///
/// Debug builds only: in a release build `reached` is empty and the variable is never read.
public enum TestHook {
    #if DEBUG
    /// The point to stop at and at which visit, from the environment.
    private static let target: (point: String, visit: Int)? = {
        guard let value = ProcessInfo.processInfo.environment["REFERAT_TEST_KILL_AT"] else { return nil }
        let parts = value.split(separator: ":", maxSplits: 1)
        guard let point = parts.first else { return nil }
        return (String(point), parts.count == 2 ? Int(parts[1]) ?? 1 : 1)
    }()
    private static let lock = NSLock()
    nonisolated(unsafe) private static var visits = 0
    #endif

    /// Kills the process here when the environment asks for this visit of `point`.
    @inline(__always)
    public static func reached(_ point: StaticString) {
        #if DEBUG
        guard let target, target.point == "\(point)" else { return }
        let visit = lock.withLock {
            visits += 1
            return visits
        }
        if visit == target.visit { kill(getpid(), SIGKILL) }
        #endif
    }
}
