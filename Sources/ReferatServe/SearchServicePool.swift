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
        // The committee filter also accepts the names the archive learned for its abbreviations.
        let service = idle.popLast() ?? (try? store.committeeSynonyms()).map { SearchService(store: store, synonyms: $0) } ?? SearchService(store: store)
        lock.unlock()
        defer {
            lock.lock()
            idle.append(service)
            lock.unlock()
        }
        return try body(service)
    }
}
