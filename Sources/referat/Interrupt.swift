import Foundation

/// Ctrl-C and SIGTERM during an import: finish the batch in flight, keep what is committed.
///
/// The import polls the request between batches; a step that runs long (a large file, the
/// finishing steps) would keep it waiting, so a second signal ends the process at once, with
/// the same exit code. SQLite's transactions keep every committed batch either way.
enum Interrupt {
    nonisolated(unsafe) static var requested: sig_atomic_t = 0

    static func install() {
        let handler: @convention(c) (Int32) -> Void = { _ in
            if Interrupt.requested != 0 { _exit(130) }
            Interrupt.requested = 1
        }
        signal(SIGINT, handler)
        signal(SIGTERM, handler)
    }

    static var isRequested: Bool { requested != 0 }
}
