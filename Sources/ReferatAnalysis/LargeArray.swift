import Foundation

/// Arrays of many megabytes that lookups read at random places: the slots and keys of the
/// word list and of hunspell-da's forms.
///
/// With the usual 4 KB pages, a table of 16 MB is 4,000 pages, more than the processor's
/// address translation cache holds, so nearly every lookup also waits for a page-table walk.
/// These arrays ask the kernel to back them with huge pages (2 MB) before they are first
/// written (`madvise`, which transparent huge pages honour in the default "madvise" mode);
/// where it cannot, the pages are ordinary ones and only slower.
enum LargeArray {
    /// The size of a huge page, and the least an array must span to be advised.
    static let hugePage = 2 << 20

    /// An array of `count` elements written by `initialize`, which must set every one.
    static func make<T>(count: Int, _ initialize: (UnsafeMutableBufferPointer<T>) -> Void) -> [T] {
        Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
            initialize(UnsafeMutableBufferPointer(rebasing: buffer[..<count]))
            initialized = count
        }
    }

    /// An array of `count` copies of `value`.
    static func make<T>(repeating value: T, count: Int) -> [T] {
        make(count: count) { $0.initialize(repeating: value) }
    }

    /// Advises the whole huge pages inside `memory`; smaller memory is left alone.
    static func adviseHugePages(_ memory: UnsafeMutableRawBufferPointer) {
        guard memory.count >= 2 * hugePage, let base = memory.baseAddress else { return }
        let start = (Int(bitPattern: base) + hugePage - 1) & ~(hugePage - 1)
        let end = (Int(bitPattern: base) + memory.count) & ~(hugePage - 1)
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, end - start, MADV_HUGEPAGE)
    }
}
