import Foundation

/// Results written by worker threads, one slot each, read in order once they are done.
public final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    public init(count: Int) { storage = Array(repeating: nil, count: count) }

    public func set(_ i: Int, _ value: Value) {
        lock.lock()
        storage[i] = value
        lock.unlock()
    }

    /// Every slot's value; each must have been set.
    public var values: [Value] { storage.map { $0! } }
}
