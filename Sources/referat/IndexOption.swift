import ArgumentParser
import Foundation
import ReferatStore

/// `--index PATH`, else `REFERAT_INDEX`, else `Index/referat.sqlite`.
struct IndexOption: ParsableArguments {
    @Option(name: .long, help: "The index file (default: $REFERAT_INDEX or Index/referat.sqlite).")
    var index: String?

    var path: String {
        index ?? ProcessInfo.processInfo.environment["REFERAT_INDEX"] ?? "Index/referat.sqlite"
    }

    /// Opens the store or exits with code 3 and a message naming the file. Reading commands
    /// open it read-only; an import that finds another import writing to it says so and waits.
    func open(readOnly: Bool) throws -> ArchiveStore {
        do {
            let path = self.path
            return try ArchiveStore(path: path, readOnly: readOnly) {
                Console.err("referat: another import is writing to \(path); waiting for it to finish…")
            }
        } catch {
            Console.err("referat: error: \(error.description)")
            throw ExitCodes.badIndex
        }
    }
}
