import CMappedFile
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A read-only mapping of a cache file (`CompoundFormsCache`) whose tables are used where they
/// lie, without a copy.
///
/// Read into memory, the forms were the largest share of a command-line search's memory,
/// though a search asks about a few hundred of them. Mapped, the process holds only the pages
/// its lookups touch; the rest stays in the kernel's cache, shared by every `referat` process.
/// Loading reads every byte once (hash and bounds checks), then lets those pages go
/// (`releasePages`). Cache files are replaced by a rename, never rewritten, so a mapping sees
/// its file whole; a file cut short by a hand outside referat reads as zeros past its end
/// (`CMappedFile`'s guard), which `isCutShort` reports.
final class MappedCacheFile: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    private let slot: Int32

    /// The first `size` bytes of the open file `fd`, mapped; nil when it cannot be.
    init?(file fd: Int32, size: Int) {
        guard size > 0 else { return nil }
        var base: UnsafePointer<UInt8>?
        let slot = referat_map_file(fd, size, &base)
        guard slot >= 0, let base else { return nil }
        self.slot = slot
        bytes = UnsafeRawBufferPointer(start: base, count: size)
    }

    deinit { referat_unmap_file(slot) }

    /// Lets the pages read so far go from the process; a later lookup maps its page again.
    func releasePages() { referat_release_pages(slot) }

    /// Calls `body` with `range` (bytes of this mapping) in pieces of `piece` bytes, letting
    /// each piece's pages go once `body` has read it: checking a whole file then never holds
    /// more than a piece of it, where it would hold the file at the end of the check.
    func visit(_ range: UnsafeRawBufferPointer, piece: Int = 1 << 20, _ body: (UnsafeRawBufferPointer) -> Void) {
        var start = 0
        while start < range.count {
            let part = UnsafeRawBufferPointer(rebasing: range[start..<min(range.count, start + piece)])
            body(part)
            release(part)
            start += part.count
        }
    }

    /// Lets go the whole pages inside `part`.
    private func release(_ part: UnsafeRawBufferPointer) {
        guard let base = part.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let first = (Int(bitPattern: base) + page - 1) & ~(page - 1)
        let end = (Int(bitPattern: base) + part.count) & ~(page - 1)
        guard end > first, let pointer = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(pointer, end - first, MADV_DONTNEED)
    }

    /// True once a read met the end of a file cut short after it was mapped.
    var isCutShort: Bool { referat_mapping_cut_short(slot) != 0 }
}
