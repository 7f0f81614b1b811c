import CChecksum
import CMappedFile
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The bytes of one segment file: a read-only mapping of the file, or a copy in memory (a
/// segment given as bytes, as the fuzzer and tests give them).
///
/// A mapping costs no memory until read: a search brings in the pages of the postings it
/// walks, and the kernel may drop them again, so a search process stays small however large
/// the index. Segments are immutable (written under a new name, synced, then named by a
/// manifest; replaced by a rename, removed by unlinking, which keeps the file alive for a
/// mapping of it), so a mapping never sees its file change. Only a hand outside referat can
/// cut a segment short while it is mapped; touching a page past the new end would raise
/// SIGBUS. `CMappedFile` guards against it: such a read goes on over zeros and marks the
/// mapping, and `cutShortError()` turns the mark into the error naming the file that every
/// read path checks before it answers (`SegmentReader.checkIntact()`). A file that cannot be
/// mapped (the guard's slots all taken) is read into memory instead.
final class SegmentBytes: @unchecked Sendable {
    let base: UnsafePointer<UInt8>
    let count: Int
    /// The mapping's slot in `CMappedFile`'s guard; -1 for bytes in memory.
    private let slot: Int32
    /// The CRC-32C of all bytes but the last `checksumTail` (the stored checksum and the end
    /// marker), for the reader to compare with the footer's; nil for a mapped file opened
    /// as verified before (`VerifiedSegments`).
    let checksum: UInt32?
    /// The mapped file's identity, when it was mapped.
    let identity: VerifiedSegments.Identity?
    static let checksumTail = 12

    /// A copy of `bytes` in memory.
    init(copying bytes: some Collection<UInt8>) {
        let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
        _ = UnsafeMutableBufferPointer(start: memory, count: bytes.count).initialize(from: bytes)
        base = UnsafePointer(memory)
        count = bytes.count
        slot = -1
        checksum = referat_crc32c(0, memory, max(0, bytes.count - Self.checksumTail))
        identity = nil
    }

    /// Maps the file at `path`, and computes its checksum over the file read through a small
    /// buffer (`pread`), not through the mapping.
    ///
    /// Checking the whole file at every open keeps the rule that nothing is ever read from
    /// damaged bytes: a flipped bit anywhere is reported when a search opens the index, not
    /// as a wrong answer from one posting list, and a search needs no other checksums than
    /// the one file-wide CRC the format has. Reading through a buffer keeps the check from
    /// costing memory (the pages stay in the kernel's cache, outside the process); it costs
    /// reading the file once per process that opens it, which `serve` pays once and a
    /// command-line search each time, unless `verified` says the file is one a search
    /// verified before (`VerifiedSegments`).
    init(mapping path: String, verified: (VerifiedSegments.Identity) -> Bool) throws(EngineError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw EngineError(file: path, message: "cannot read (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw EngineError(file: path, message: "cannot read (\(String(cString: strerror(errno))))") }
        let size = Int(status.st_size)
        guard size >= SegmentFormat.magic.count + SegmentFormat.footerSize else {
            throw EngineError(file: path, message: "too short to be a segment (\(size) bytes)")
        }
        let identity = VerifiedSegments.Identity(status)
        self.identity = identity
        checksum = verified(identity) ? nil : try Self.checksum(fd, size: size, file: path)
        var mapped: UnsafePointer<UInt8>?
        let slot = referat_map_file(fd, size, &mapped)
        count = size
        if slot >= 0, let mapped {
            base = mapped
            self.slot = slot
        } else {
            // No mapping to be had (every guard slot taken, or a file system that cannot map):
            // the file is read into memory, as segments were before.
            base = UnsafePointer(try Self.read(fd, size: size, file: path))
            self.slot = -1
        }
    }

    /// The whole file, read into new memory.
    private static func read(_ fd: Int32, size: Int, file: String) throws(EngineError) -> UnsafeMutablePointer<UInt8> {
        let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        var offset = 0
        while offset < size {
            let n = pread(fd, memory + offset, size - offset, off_t(offset))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                memory.deallocate()
                throw EngineError(file: file, message: "cut short while read")
            }
            offset += n
        }
        return memory
    }

    deinit {
        if slot >= 0 { referat_unmap_file(slot) } else { UnsafeMutablePointer(mutating: base).deallocate() }
    }

    /// Lets the pages read so far go from the process (a mapping only; see
    /// `referat_release_pages`): opening reads the documents and the dictionary once, and a
    /// search then brings back only what it reads.
    func releasePages() {
        if slot >= 0 { referat_release_pages(slot) }
    }

    /// The little-endian u32 at `offset`, for the format's fixed-width tables (the caller
    /// has checked that the table lies inside the file).
    @inline(__always)
    func u32(at offset: Int) -> UInt32 {
        UInt32(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt32.self))
    }

    /// The little-endian u64 at `offset` (the same).
    @inline(__always)
    func u64(at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
    }

    /// True once a read met the end of a file cut short after it was mapped.
    var isCutShort: Bool { slot >= 0 && referat_mapping_cut_short(slot) != 0 }

    /// The checksum of the file's bytes but its tail, read 1 MiB at a time.
    private static func checksum(_ fd: Int32, size: Int, file: String) throws(EngineError) -> UInt32 {
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        let checked = size - checksumTail
        var crc: UInt32 = 0, offset = 0
        while offset < checked {
            let n = pread(fd, buffer, min(chunk, checked - offset), off_t(offset))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw EngineError(file: file, message: "cut short while read") }
            crc = referat_crc32c(crc, buffer.assumingMemoryBound(to: UInt8.self), n)
            offset += n
        }
        return crc
    }

    /// The error of a segment whose file was cut short while mapped, or nil.
    func cutShortError(file: String) -> EngineError? {
        isCutShort ? EngineError(file: file, message: "cut short while open: the file was changed under referat") : nil
    }
}
