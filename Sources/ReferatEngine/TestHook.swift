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
/// `REFERAT_TEST_STOP_AT` takes the same values and sends SIGSTOP instead: the process pauses
/// there until it gets SIGCONT, so a test can look at the index while an import is known to be
/// in the middle of its work, however fast or loaded the machine is.
///
/// Debug builds only: in a release build `reached` is empty and the variables are never read.
public enum TestHook {
    #if DEBUG
    /// The point to stop at, at which visit, and the signal to send, from the environment.
    private static let target: (point: String, visit: Int, signal: Int32)? = {
        let environment = ProcessInfo.processInfo.environment
        for (name, signal) in [("REFERAT_TEST_KILL_AT", SIGKILL), ("REFERAT_TEST_STOP_AT", SIGSTOP)] {
            guard let value = environment[name] else { continue }
            let parts = value.split(separator: ":", maxSplits: 1)
            guard let point = parts.first else { return nil }
            return (String(point), parts.count == 2 ? Int(parts[1]) ?? 1 : 1, signal)
        }
        return nil
    }()
    private static let lock = NSLock()
    nonisolated(unsafe) private static var visits = 0
    #endif

    /// Kills (or stops) the process here when the environment asks for this visit of `point`.
    @inline(__always)
    public static func reached(_ point: StaticString) {
        #if DEBUG
        guard let target, target.point == "\(point)" else { return }
        let visit = lock.withLock {
            visits += 1
            return visits
        }
        if visit == target.visit { kill(getpid(), target.signal) }
        #endif
    }
}
