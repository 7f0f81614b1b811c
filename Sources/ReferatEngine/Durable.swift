import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes that survive a crash or a power cut once they return: data fsynced before it is
/// referenced, renames made durable by syncing their directory.
enum Durable {
    /// Writes `bytes` to `path` (replacing it) and fsyncs the file.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw EngineError(file: path, message: "cannot create (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        var written = 0
        try bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw EngineError(file: path, message: "cannot write (\(String(cString: strerror(errno))))")
                }
                written += n
            }
        }
        guard fsync(fd) == 0 else { throw EngineError(file: path, message: "cannot sync (\(String(cString: strerror(errno))))") }
    }

    /// Replaces `path` with `bytes` atomically: a temporary file written and synced, renamed
    /// over `path`, and the directory synced, so a crash leaves the old file or the new one.
    static func replace(_ path: String, with bytes: [UInt8]) throws {
        let temporary = path + ".tmp"
        try write(bytes, to: temporary)
        TestHook.reached("manifestTemporary")
        guard rename(temporary, path) == 0 else {
            throw EngineError(file: path, message: "cannot rename the new version into place (\(String(cString: strerror(errno))))")
        }
        try syncDirectory(of: path)
    }

    static func syncDirectory(of path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw EngineError(file: directory, message: "cannot open the folder to sync it") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw EngineError(file: directory, message: "cannot sync the folder") }
    }
}
