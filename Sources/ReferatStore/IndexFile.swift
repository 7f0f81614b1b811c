import Foundation
import GRDB

/// The index file before SQLite opens it: what it is, how a new one comes into being, and the
/// lock that lets one import at a time write to it.
///
/// Readers open only a finished referat index, read-only; anything else (no file, an empty
/// file, another program's database, a pipe) is refused and left as it was. A writer creates a
/// new index in a temporary file beside the final one and links it into place whole, so a
/// reader or a second import never sees a half-made schema; and it holds an exclusive `flock`
/// on the file while it writes, so a second import waits for the first instead of
/// interleaving with it. (`flock` locks are separate from the POSIX locks SQLite takes.)
enum IndexFile {
    /// What is at an index path.
    enum Kind: Equatable {
        case missing
        /// A directory, pipe, device or socket: the message says which.
        case notRegular(String)
        /// A file of zero bytes, or an SQLite database without tables or application id:
        /// an import may make an index of it.
        case fresh
        /// Not SQLite, or another program's database: the message says why.
        case foreign(String)
        case index
    }

    /// Looks at the file without opening anything that could block (a FIFO) or write.
    static func inspect(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return errno == ENOENT ? .missing : .foreign("cannot read the index file (\(String(cString: strerror(errno))))") }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .notRegular("is a directory; give the index file, e.g. \(path)/referat.sqlite")
        default: return .notRegular("not a regular file (a pipe, device or socket); refusing to use it as an index")
        }
        if info.st_size == 0 { return .fresh }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .foreign("cannot read the index file (\(String(cString: strerror(errno))))") }
        var header = [UInt8](repeating: 0, count: 100)
        let count = read(fd, &header, 100)
        close(fd)
        guard count >= 72, header.starts(with: Array("SQLite format 3\0".utf8)) else {
            return .foreign("not a referat index (not an SQLite database); refusing to use it")
        }
        let appID = header[68..<72].reduce(Int32(0)) { $0 << 8 | Int32($1) }
        if appID == ArchiveStore.applicationID { return .index }
        if appID != 0 { return .foreign("an SQLite database of another program (application_id \(appID)); refusing to use it") }
        // No application id: an SQLite database with no tables may become an index; one with
        // tables is someone else's. Looked at read-only, so nothing is added to it.
        var config = Configuration()
        config.readonly = true
        do {
            let tables = try DatabaseQueue(path: path, configuration: config).read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
            }
            if tables.isEmpty { return .fresh }
            return .foreign("an SQLite database of another program (tables: \(tables.prefix(5).joined(separator: ", "))); refusing to use it")
        } catch {
            return .foreign("not a referat index (\(error)); refusing to use it")
        }
    }

    /// Refuses anything but a finished referat index, for a reading command.
    static func checkReadable(_ path: String) throws(StoreError) {
        switch inspect(path) {
        case .index: return
        case .missing: throw StoreError(path: path, message: "no index here yet; run 'referat import FOLDER' first")
        case .fresh: throw StoreError(path: path, message: "not a referat index (an empty file or database); run 'referat import FOLDER --index \(path)' to make one")
        case .notRegular(let message), .foreign(let message): throw StoreError(path: path, message: message)
        }
    }

    /// An exclusive write lock on an index file, shared by the stores of one process.
    final class WriteLock: @unchecked Sendable {
        let descriptor: Int32
        let key: String
        var users = 1

        init(descriptor: Int32, key: String) {
            self.descriptor = descriptor
            self.key = key
        }
    }

    private nonisolated(unsafe) static var locks: [String: WriteLock] = [:]
    private static let locksLock = NSLock()

    /// The device and inode of a file, as a key: the same file under any name.
    static func identity(descriptor: Int32) -> String? {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? "\(info.st_dev):\(info.st_ino)" : nil
    }

    static func identity(path: String) -> String? {
        var info = stat()
        return stat(path, &info) == 0 ? "\(info.st_dev):\(info.st_ino)" : nil
    }

    /// Locks the index at `path` for writing, creating it first when there is none (or only an
    /// empty file). Waits while another process holds the lock, calling `whenWaiting` once.
    /// `create` builds a complete index in the file it is given.
    static func lockForWriting(_ path: String, whenWaiting: () -> Void, create: (String) throws -> Void) throws(StoreError) -> WriteLock {
        var waited = false
        while true {
            switch inspect(path) {
            case .notRegular(let message), .foreign(let message):
                throw StoreError(path: path, message: message)
            case .missing:
                let dir = (path as NSString).deletingLastPathComponent
                if !dir.isEmpty { try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
                let (temp, descriptor) = try build(path, create)
                // link(2) fails if another import linked its new index first: then use that one.
                if link(temp, path) == 0 {
                    unlink(temp)
                    return register(descriptor)
                }
                let failure = errno
                close(descriptor)
                unlink(temp)
                if failure != EEXIST { throw StoreError(path: path, message: "cannot create the index (\(String(cString: strerror(failure))))") }
            case .fresh:
                // Lock the empty file so that only one import replaces it, then put a new
                // index in its place, already locked.
                let old = try openLocked(path, waited: &waited, whenWaiting: whenWaiting)
                defer { close(old.descriptor) }
                guard old.current, inspect(path) == .fresh else { continue }
                let (temp, descriptor) = try build(path, create)
                guard rename(temp, path) == 0 else {
                    let failure = errno
                    close(descriptor)
                    unlink(temp)
                    throw StoreError(path: path, message: "cannot create the index (\(String(cString: strerror(failure))))")
                }
                return register(descriptor)
            case .index:
                if let key = identity(path: path), let shared = retain(key) { return shared }
                let opened = try openLocked(path, waited: &waited, whenWaiting: whenWaiting)
                guard opened.current else { close(opened.descriptor); continue }
                return register(opened.descriptor)
            }
        }
    }

    /// Gives up a store's share of the lock; the last one closes the descriptor (and so the
    /// lock). Call only after the store's connections are closed: closing any descriptor of a
    /// file drops every POSIX lock this process holds on it, SQLite's too.
    static func release(_ lock: WriteLock) {
        locksLock.lock()
        defer { locksLock.unlock() }
        lock.users -= 1
        guard lock.users == 0 else { return }
        locks[lock.key] = nil
        close(lock.descriptor)
    }

    private static func retain(_ key: String) -> WriteLock? {
        locksLock.lock()
        defer { locksLock.unlock() }
        guard let lock = locks[key] else { return nil }
        lock.users += 1
        return lock
    }

    private static func register(_ descriptor: Int32) -> WriteLock {
        let lock = WriteLock(descriptor: descriptor, key: identity(descriptor: descriptor) ?? "\(descriptor)")
        locksLock.lock()
        locks[lock.key] = lock
        locksLock.unlock()
        return lock
    }

    /// Opens `path` and takes its lock, waiting if another process holds it. `current` is
    /// false when the path no longer names the file that was locked (another import replaced
    /// it meanwhile): the caller starts over.
    private static func openLocked(_ path: String, waited: inout Bool, whenWaiting: () -> Void) throws(StoreError) -> (descriptor: Int32, current: Bool) {
        let descriptor = open(path, O_RDWR | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw StoreError(path: path, message: "cannot open the index for writing (\(String(cString: strerror(errno))))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if !waited { whenWaiting(); waited = true }
            while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        }
        return (descriptor, identity(descriptor: descriptor) == identity(path: path))
    }

    /// Removes the temporary files of imports killed while they created this index: those
    /// whose process is gone.
    private static func removeAbandonedTemporaries(of path: String) {
        let dir = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + ".creating-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.isEmpty ? "." : dir)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0.isNumber }), kill(pid, 0) != 0 && errno == ESRCH else { continue }
            unlink(dir.isEmpty ? name : dir + "/" + name)
        }
    }

    /// A complete new index in a temporary file beside `path`, opened and locked.
    private static func build(_ path: String, _ create: (String) throws -> Void) throws(StoreError) -> (temp: String, descriptor: Int32) {
        let temp = path + ".creating-\(getpid())"
        removeAbandonedTemporaries(of: path)
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temp + suffix) }
        do {
            try create(temp)
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temp + suffix) }
            if let error = error as? StoreError { throw StoreError(path: path, message: error.message) }
            throw StoreError(path: path, message: "cannot create the index (\(error))")
        }
        let descriptor = open(temp, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0, flock(descriptor, LOCK_EX) == 0 else {
            unlink(temp)
            throw StoreError(path: path, message: "cannot create the index (\(String(cString: strerror(errno))))")
        }
        return (temp, descriptor)
    }
}
