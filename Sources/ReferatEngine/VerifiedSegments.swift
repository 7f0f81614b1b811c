import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The segment files of an index folder whose checksum a search has verified, each with the
/// identity of the file it verified, so that the next search opens them without reading them
/// whole.
///
/// Verifying a segment means reading all of it; a command-line search that did that at every
/// start spent most of its time reading a large index. Segments never change once written,
/// so a verification holds while the file is the one verified: the same device, inode, size,
/// modification time and status-change time. Any write to a file sets its status-change time
/// (the kernel sets it, and no tool can set it back), and a file is only stamped once that time
/// lies `settled` in the past, so a later write cannot share it however coarse the clock. A file
/// without a matching stamp is verified whole, as before; merges, imports and `stats --check`
/// always verify whole.
///
/// Kept in the folder as a small text file (`fileName`), one line per segment; written beside
/// its final name and renamed over it. A folder that cannot be written leaves every search
/// verifying whole, only slower.
struct VerifiedSegments {
    static let fileName = "verified"
    /// How long a file's status-change time must lie in the past before it is stamped.
    static let settled: Int64 = 2_000_000_000

    /// What identifies a file's contents without reading them (`fstat`).
    struct Identity: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        /// Nanoseconds since 1970.
        var modified: Int64
        var changed: Int64

        init(_ status: stat) {
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
            size = Int64(status.st_size)
            modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
            changed = Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec)
        }

        init?(line fields: [Substring]) {
            guard fields.count == 5, let device = UInt64(fields[0]), let inode = UInt64(fields[1]), let size = Int64(fields[2]),
                  let modified = Int64(fields[3]), let changed = Int64(fields[4]) else { return nil }
            (self.device, self.inode, self.size, self.modified, self.changed) = (device, inode, size, modified, changed)
        }

        var line: String { "\(device) \(inode) \(size) \(modified) \(changed)" }
    }

    private let folder: String
    private var stamps: [String: Identity] = [:]
    private var dirty = false

    /// The stamps of `folder` (none when the file is missing or unreadable; a line that does
    /// not parse is left out).
    init(folder: String) {
        self.folder = folder
        guard let text = try? String(contentsOfFile: folder + "/" + Self.fileName, encoding: .utf8) else { return }
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 6, let identity = Identity(line: Array(fields.dropFirst())) else { continue }
            stamps[String(fields[0])] = identity
        }
    }

    /// True when segment `name` was verified as the file that now has `identity`.
    func holds(_ name: String, _ identity: Identity) -> Bool { stamps[name] == identity }

    /// Stamps segment `name`, just verified whole, if its file has settled by `now`
    /// (nanoseconds since 1970).
    mutating func record(_ name: String, _ identity: Identity, now: Int64 = Self.now()) {
        guard now - identity.changed >= Self.settled, stamps[name] != identity else { return }
        stamps[name] = identity
        dirty = true
    }

    /// The time, in nanoseconds since 1970, as file times count it.
    static func now() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    /// Writes the stamps of `names` (the segments in use), when they changed or others are
    /// held; failures are ignored.
    mutating func save(keeping names: [String]) {
        let kept = Set(names)
        if stamps.keys.contains(where: { !kept.contains($0) }) {
            stamps = stamps.filter { kept.contains($0.key) }
            dirty = true
        }
        guard dirty else { return }
        let text = stamps.keys.sorted().map { $0 + " " + stamps[$0]!.line + "\n" }.joined()
        let temporary = folder + "/" + Self.fileName + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else { return }
        if rename(temporary, folder + "/" + Self.fileName) != 0 { unlink(temporary) }
        dirty = false
    }
}
