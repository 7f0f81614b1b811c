/// A set of documents numbered across an index's segments, as a bitmap: what a query's
/// nodes combine (AND, OR, NOT) before the matches are scored.
struct DocumentSet: Sendable {
    private(set) var words: [UInt64]
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        words = [UInt64](repeating: 0, count: (capacity + 63) / 64)
    }

    func contains(_ d: Int) -> Bool { words[d >> 6] & (1 << UInt64(d & 63)) != 0 }
    mutating func insert(_ d: Int) { words[d >> 6] |= 1 << UInt64(d & 63) }
    mutating func remove(_ d: Int) { words[d >> 6] &= ~(1 << UInt64(d & 63)) }

    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    mutating func formIntersection(_ other: DocumentSet) { for i in words.indices { words[i] &= other.words[i] } }
    mutating func formUnion(_ other: DocumentSet) { for i in words.indices { words[i] |= other.words[i] } }
    mutating func subtract(_ other: DocumentSet) { for i in words.indices { words[i] &= ~other.words[i] } }

    /// The first member at or after `d`, if any.
    func next(from d: Int) -> Int? {
        guard d < capacity else { return nil }
        var i = d >> 6
        var word = words[i] & (~0 << UInt64(d & 63))
        while word == 0 {
            i += 1
            guard i < words.count else { return nil }
            word = words[i]
        }
        return i << 6 | word.trailingZeroBitCount
    }

    /// The members, ascending.
    var members: [Int] {
        var out: [Int] = []
        for (i, word) in words.enumerated() where word != 0 {
            var w = word
            while w != 0 {
                out.append(i << 6 | w.trailingZeroBitCount)
                w &= w - 1
            }
        }
        return out
    }
}
