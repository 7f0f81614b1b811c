import Foundation

/// `transform(i)` for every i in 0..<count on `jobs` threads; the results keep the order of i.
///
/// Each thread takes the next undone i when it is free rather than a fixed share: the work
/// items (files, entries, hits, parts of an index) differ in size, and with fixed shares one
/// thread sat idle at the end of every batch. The one concurrent loop of the project: parsing,
/// re-analysing, the scan for learned words and the parts of a search all run through it.
public func concurrentMap<Value>(count: Int, jobs: Int, _ transform: @Sendable (Int) -> Value) -> [Value] {
    let slots = ResultSlots<Value>(count: count)
    let next = NextIndex()
    DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
        while let i = next.take(below: count) { slots.set(i, transform(i)) }
    }
    return slots.values
}

/// Results written by worker threads, one slot each, read in order once they are done.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: Value) {
        lock.lock()
        storage[i] = value
        lock.unlock()
    }

    /// Every slot's value; each must have been set.
    var values: [Value] { storage.map { $0! } }
}

/// A shared counter handing out 0, 1, 2, … to whichever thread asks first.
private final class NextIndex: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
