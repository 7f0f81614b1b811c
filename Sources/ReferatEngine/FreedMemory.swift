#if canImport(Glibc)
import Glibc
#endif

/// Hands memory the process freed back to the system.
///
/// A segment writer holds many small, growing arrays (a term's postings) and lets go of all
/// of them at once when it writes its segment. glibc keeps what was freed for reuse, but
/// scattered between live blocks it is rarely reused whole, and an import's resident memory
/// grew with the archive although what it held did not. `malloc_trim` returns the free pages
/// (also those inside the heap) to the system; it costs a walk over the free lists, small
/// beside writing a segment.
enum FreedMemory {
    static func release() {
        _ = trim?(0)
    }

    /// glibc's `malloc_trim`, looked up at run time: the Glibc module does not declare
    /// `<malloc.h>`, and a C library without it (musl) has nothing to trim.
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
        // RTLD_DEFAULT: the symbol as the process links it.
        guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
        return nil
        #endif
    }()
}
