extension String {
    /// Byte-level substring test: much cheaper than `contains(_:)` on hot paths, which goes
    /// through the generic string-processing searcher.
    func containsBytes(_ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: n)
        var copy = self
        return copy.withUTF8 { hay in
            guard n > 0, hay.count >= n else { return n == 0 }
            let first = pattern[0]
            var i = 0
            let last = hay.count - n
            while i <= last {
                if hay[i] == first {
                    var j = 1
                    while j < n && hay[i + j] == pattern[j] { j += 1 }
                    if j == n { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// True when any character is an ASCII digit.
    var hasASCIIDigit: Bool { utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }
}

extension StringProtocol {
    /// `count < limit`, without counting a long line to its end: `count` walks every grapheme,
    /// and the parser asks this of every line. UTF-8 length bounds the character count.
    func isShorter(than limit: Int) -> Bool {
        if utf8.count < limit { return true }
        var n = 0
        for _ in self {
            n += 1
            if n >= limit { return false }
        }
        return true
    }
}
