import Foundation

/// hunspell-da's compound forms and the word list, expanded and read once per machine rather
/// than at every start.
///
/// Expanding the affix rules over the dictionary, and reading the word list, is most of what
/// a `referat search` spends before it searches; the result depends only on the input files and this code, so it is
/// kept in the user's cache folder (`$XDG_CACHE_HOME/referat`, else `~/.cache/referat`, or
/// `REFERAT_CACHE`) under a name made from the inputs' paths, sizes and modification times
/// and a format version. A missing, stale or damaged file is simply rebuilt; a folder that
/// cannot be written leaves everything as it was, only slower.
enum CompoundFormsCache {
    /// Bump when `CompoundForms`, its roles or its serialization change.
    static let version = "3"

    static func load(inputs: [String], extra: [String], folder: String? = folder(), build: () -> CompoundForms) -> CompoundForms {
        guard let folder, let name = name(inputs: inputs, extra: extra) else { return build() }
        let path = folder + "/" + name
        if let forms = read(path) {
            return forms
        }
        let forms = build()
        guard !forms.isEmpty else { return forms }
        // Written beside its final name and renamed over it, so that a reader never sees half a file.
        let temporary = path + ".\(getpid()).tmp"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if FileManager.default.createFile(atPath: temporary, contents: Data(encode(forms))) {
            if rename(temporary, path) != 0 { unlink(temporary) }
        }
        return forms
    }

    /// The forms' bytes and a hash of them, so that a damaged file is rebuilt, never used.
    static func encode(_ forms: CompoundForms) -> [UInt8] {
        var bytes = forms.serialized()
        withUnsafeBytes(of: hash(bytes[...]).littleEndian) { bytes += $0 }
        return bytes
    }

    /// The forms in `bytes` (`encode`), or nil.
    static func decode(_ bytes: [UInt8]) -> CompoundForms? {
        guard bytes.count > 8 else { return nil }
        let stored = bytes.suffix(8).withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        var reader = CacheReader(bytes: bytes, size: bytes.count - 8)
        return forms(&reader, stored: stored)
    }

    /// The forms in the file at `path` (`encode`), or nil: their tables used where they lie in
    /// a mapping of the file (`MappedCacheFile`), or, where it cannot be mapped, read straight
    /// into memory, never into a buffer of the whole file first.
    static func read(_ path: String) -> CompoundForms? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 8 else { return nil }
        let size = Int(info.st_size)
        var stored: UInt64 = 0
        guard withUnsafeMutableBytes(of: &stored, { pread(fd, $0.baseAddress, 8, off_t(size - 8)) }) == 8 else { return nil }
        if let file = MappedCacheFile(file: fd, size: size) {
            var reader = CacheReader(mapped: file, size: size - 8)
            let forms = forms(&reader, stored: UInt64(littleEndian: stored))
            // Checking read every page; a search keeps only those its lookups touch again.
            file.releasePages()
            return file.isCutShort ? nil : forms
        }
        var reader = CacheReader(file: fd, size: size - 8)
        return forms(&reader, stored: UInt64(littleEndian: stored))
    }

    /// The forms `reader` holds, when they are whole and their hash is `stored`.
    private static func forms(_ reader: inout CacheReader, stored: UInt64) -> CompoundForms? {
        guard let forms = CompoundForms(reading: &reader), reader.remaining == 0, reader.hash == stored else { return nil }
        return forms
    }

    /// FNV-1a over 8-byte words: fast enough for the file's size, and any flipped bit changes it.
    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBytes { raw in
            var i = 0
            while i + 8 <= raw.count {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100_0000_01b3
                i += 8
            }
            while i < raw.count {
                h = (h ^ UInt64(raw[i])) &* 0x100_0000_01b3
                i += 1
            }
        }
        return h
    }

    static func folder() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["REFERAT_CACHE"], !explicit.isEmpty { return explicit }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/referat" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/referat" }
        return nil
    }

    /// The file name for these inputs; nil when one of them cannot be read.
    static func name(inputs: [String], extra: [String]) -> String? {
        var key = [version]
        for path in inputs {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            key += [path, String(info.st_size), String(info.st_mtim.tv_sec) + "." + String(info.st_mtim.tv_nsec)]
        }
        key += extra.sorted()
        var joined = key.joined(separator: "\u{0}")
        let h = joined.withUTF8 { ByteKeyTable.hash($0) }
        return "compound-forms-" + String(h, radix: 16) + ".bin"
    }
}
