import CChecksum
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the bytes of a segment being written go: a file, written through a small buffer, or
/// memory (for tests and the fuzzer). Keeps the count and the CRC-32C of what it was given.
final class SegmentOutput {
    private let fd: Int32
    /// The file's name in errors.
    let file: String
    /// Bytes not yet written (a file), or all of them (memory).
    private var buffer: [UInt8] = []
    private var written = 0
    private var crc: UInt32 = 0
    private static let bufferSize = 1 << 20

    /// Output to memory.
    init(memoryNamed file: String = "memory") {
        fd = -1
        self.file = file
    }

    /// Output to a new file at `path` (replacing one there).
    init(creating path: String) throws(EngineError) {
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        file = path
        guard fd >= 0 else { throw EngineError(file: path, message: "cannot create (\(String(cString: strerror(errno))))") }
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// Output to a scratch file in `folder`, removed from the folder at once: it lives while
    /// it is open and leaves nothing behind, even after a crash.
    init(scratchIn folder: String, for file: String) throws(EngineError) {
        // Named as a temporary file, which the next writer removes should a crash come first.
        let path = folder + "/.scratch-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        self.file = file
        guard fd >= 0 else { throw EngineError(file: file, message: "cannot create a scratch file (\(String(cString: strerror(errno))))") }
        unlink(path)
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    var isMemory: Bool { fd < 0 }

    /// Bytes given so far.
    var count: Int { written + buffer.count }

    func append(_ bytes: [UInt8]) throws(EngineError) {
        buffer.append(contentsOf: bytes)
        if !isMemory && buffer.count >= Self.bufferSize { try drain() }
    }

    /// The CRC-32C of everything given so far.
    func checksum() throws(EngineError) -> UInt32 {
        if isMemory { return buffer.withUnsafeBufferPointer { referat_crc32c(0, $0.baseAddress, $0.count) } }
        try drain()
        return crc
    }

    /// Everything given, when in memory.
    var bytes: [UInt8] { buffer }

    /// Writes what is buffered to the file.
    func drain() throws(EngineError) {
        guard !isMemory, !buffer.isEmpty else { return }
        crc = buffer.withUnsafeBufferPointer { referat_crc32c(crc, $0.baseAddress, $0.count) }
        var done = 0
        let failure: Int32? = buffer.withUnsafeBytes { raw in
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                done += n
            }
            return nil
        }
        if let failure { throw EngineError(file: file, message: "cannot write (\(String(cString: strerror(failure))))") }
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and makes the file durable (fsync).
    func sync() throws(EngineError) {
        try drain()
        guard isMemory || fsync(fd) == 0 else { throw EngineError(file: file, message: "cannot sync (\(String(cString: strerror(errno))))") }
    }

    /// Appends everything `other` was given to this output, a buffer at a time.
    func append(contentsOf other: SegmentOutput) throws(EngineError) {
        if other.isMemory { return try append(other.buffer) }
        try other.drain()
        var chunk = [UInt8](repeating: 0, count: Self.bufferSize)
        var offset = 0
        while offset < other.written {
            let n = chunk.withUnsafeMutableBytes { pread(other.fd, $0.baseAddress!, min($0.count, other.written - offset), off_t(offset)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw EngineError(file: file, message: "cannot read back a scratch file (\(String(cString: strerror(errno))))") }
            try append(n == chunk.count ? chunk : Array(chunk[..<n]))
            offset += n
        }
    }
}
