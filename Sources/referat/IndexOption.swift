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

    /// Opens the store or exits with code 3 and a message naming the file.
    func open(readOnly: Bool) throws -> ArchiveStore {
        do {
            return try ArchiveStore(path: path, readOnly: readOnly)
        } catch {
            Console.err("referat: error: \(error.description)")
            throw ExitCodes.badIndex
        }
    }
}
