import Foundation

/// Ctrl-C and SIGTERM during an import: finish the batch in flight, keep what is committed.
enum Interrupt {
    nonisolated(unsafe) static var requested: sig_atomic_t = 0

    static func install() {
        signal(SIGINT) { _ in Interrupt.requested = 1 }
        signal(SIGTERM) { _ in Interrupt.requested = 1 }
    }

    static var isRequested: Bool { requested != 0 }
}
