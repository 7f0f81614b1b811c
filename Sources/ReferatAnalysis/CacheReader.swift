#if canImport(Glibc)
import Glibc
#endif

/// The bytes of a cache file (`CompoundFormsCache`), read front to back straight into the
/// memory that keeps them, and hashed as they pass.
///
/// Reading the whole file into one buffer and then copying its parts into their tables held
/// the file twice at the moment of the copy: the largest share of a command-line search's
/// peak memory. Read this way, each byte is written once, into its table. Reading from an
/// array in memory (a test's, or `decode`'s) takes the same path. From a mapped file, a table
/// may take its bytes where they lie (`borrow`) and copy nothing.
struct CacheReader {
    private enum Source {
        case bytes([UInt8])
        case file(Int32)
        case mapped(MappedCacheFile)
    }

    private let source: Source
    /// The bytes to read (the stored hash after them is not among them).
    let size: Int
    private(set) var offset = 0
    private var hasher = StreamingHash()

    /// Reads `bytes[..<size]`.
    init(bytes: [UInt8], size: Int) {
        source = .bytes(bytes)
        self.size = min(size, bytes.count)
    }

    /// Reads the first `size` bytes of the open file `fd` (kept open by the caller).
    init(file fd: Int32, size: Int) {
        source = .file(fd)
        self.size = size
    }

    /// Reads the first `size` bytes of a mapped file.
    init(mapped file: MappedCacheFile, size: Int) {
        source = .mapped(file)
        self.size = min(size, file.bytes.count)
    }

    /// The bytes left to read.
    var remaining: Int { size - offset }

    /// Fills `target` with the next bytes; false when fewer are left or the file fails.
    mutating func read(into target: UnsafeMutableRawBufferPointer) -> Bool {
        guard target.count <= remaining else { return false }
        guard let base = target.baseAddress, target.count > 0 else { return true }
        switch source {
        case .bytes(let bytes):
            bytes.withUnsafeBytes { target.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<(offset + target.count)])) }
        case .mapped(let file):
            target.copyMemory(from: UnsafeRawBufferPointer(rebasing: file.bytes[offset..<(offset + target.count)]))
        case .file(let fd):
            var done = 0
            while done < target.count {
                let n = pread(fd, base + done, target.count - done, off_t(offset + done))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                done += n
            }
        }
        hasher.add(UnsafeRawBufferPointer(target))
        offset += target.count
        return true
    }

    /// The next `count` bytes where they lie in a mapped file, hashed and passed over, with the
    /// mapping that keeps them; nil when the source is not a mapping (the caller reads a copy
    /// instead) or fewer bytes are left.
    mutating func borrow(_ count: Int) -> (bytes: UnsafeRawBufferPointer, owner: MappedCacheFile)? {
        guard case .mapped(let file) = source, count <= remaining else { return nil }
        let bytes = UnsafeRawBufferPointer(rebasing: file.bytes[offset..<(offset + count)])
        file.visit(bytes) { hasher.add($0) }
        offset += count
        return (bytes, file)
    }

    /// The next `n` 8-byte words in the host's byte order (as the cache is written); nil when
    /// fewer are left.
    mutating func words(_ n: Int) -> [UInt64]? {
        var out = [UInt64](repeating: 0, count: n)
        let ok = out.withUnsafeMutableBytes { read(into: $0) }
        return ok ? out : nil
    }

    /// The hash of everything read (`CompoundFormsCache.hash` of the same bytes).
    var hash: UInt64 { hasher.value }
}

/// FNV-1a over 8-byte words, then the last bytes one at a time: `CompoundFormsCache.hash`,
/// fed in pieces of any size.
struct StreamingHash {
    private var h: UInt64 = 0xcbf2_9ce4_8422_2325
    /// Bytes of a word not yet complete, low first.
    private var pending: UInt64 = 0
    private var pendingCount = 0

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var i = 0
        while pendingCount > 0 && pendingCount < 8 && i < bytes.count {
            pending |= UInt64(bytes[i]) << UInt64(8 * pendingCount)
            pendingCount += 1
            i += 1
        }
        if pendingCount == 8 {
            // The word as a load from memory gives it (`CompoundFormsCache.hash`).
            h = (h ^ UInt64(littleEndian: pending)) &* 0x100_0000_01b3
            pending = 0
            pendingCount = 0
        }
        while i + 8 <= bytes.count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100_0000_01b3
            i += 8
        }
        while i < bytes.count {
            pending |= UInt64(bytes[i]) << UInt64(8 * pendingCount)
            pendingCount += 1
            i += 1
        }
    }

    var value: UInt64 {
        var out = h
        for k in 0..<pendingCount { out = (out ^ (pending >> UInt64(8 * k) & 0xFF)) &* 0x100_0000_01b3 }
        return out
    }
}
