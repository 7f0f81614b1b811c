import Foundation
import ReferatSearch
import ReferatStore

/// Search services for request handlers. A service is not thread-safe, and its analyzers warm
/// up (their word caches) with use, so a request borrows one and gives it back.
final class SearchServicePool: @unchecked Sendable {
    private let store: ArchiveStore
    private var idle: [SearchService] = []
    private let lock = NSLock()

    init(store: ArchiveStore) { self.store = store }

    func with<T>(_ body: (SearchService) throws -> T) rethrows -> T {
        lock.lock()
        let service = idle.popLast() ?? SearchService(store: store)
        lock.unlock()
        defer {
            lock.lock()
            idle.append(service)
            lock.unlock()
        }
        return try body(service)
    }
}
