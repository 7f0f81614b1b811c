/// A cursor over UTF-8 bytes for the parser's hand-written readers of short shapes: whole
/// dates, access lines ("23/222 Åben Sag"), attachment numbers and references, the start of
/// a decision header. Each reader stands in for a pattern on the common lines, and each
/// consumes digits, single bytes and literals the same way; this is that one way.
struct ByteScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where the next byte is read.
    private(set) var offset: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset >= bytes.count }

    /// The next byte, not consumed; nil at the end.
    var next: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    /// Consumes ASCII digits, at most `maximum`, and returns how many.
    @discardableResult
    mutating func digits(upTo maximum: Int = .max) -> Int {
        number(upTo: maximum).digits
    }

    /// Consumes ASCII digits, at most `maximum`: their count and the number they write.
    mutating func number(upTo maximum: Int = .max) -> (digits: Int, value: Int) {
        var count = 0, value = 0
        while count < maximum, let b = next, b.isASCIIDigit {
            value = value &* 10 &+ Int(b - 0x30)
            offset += 1
            count += 1
        }
        return (count, value)
    }

    /// Consumes the next byte when it is `byte`.
    mutating func take(_ byte: UInt8) -> Bool {
        take { $0 == byte }
    }

    /// Consumes the next byte when `predicate` accepts it.
    mutating func take(where predicate: (UInt8) -> Bool) -> Bool {
        guard let b = next, predicate(b) else { return false }
        offset += 1
        return true
    }

    /// Consumes `literal`'s bytes when they come next, and nothing otherwise.
    mutating func take(_ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard offset + n <= bytes.count else { return false }
        for k in 0..<n where bytes[offset + k] != literal.utf8Start[k] { return false }
        offset += n
        return true
    }

    /// Consumes bytes while `predicate` accepts them, and returns how many.
    @discardableResult
    mutating func skip(while predicate: (UInt8) -> Bool) -> Int {
        let start = offset
        while let b = next, predicate(b) { offset += 1 }
        return offset - start
    }
}

extension String {
    /// Runs `body` with a scanner at UTF-8 byte `offset` of the string; nil when the string
    /// has no contiguous UTF-8 storage (a bridged string), which callers leave to their pattern.
    func withByteScanner<R>(at offset: Int = 0, _ body: (inout ByteScanner) -> R) -> R? {
        utf8.withContiguousStorageIfAvailable { bytes in
            var scanner = ByteScanner(bytes, at: offset)
            return body(&scanner)
        }
    }

    /// The index of UTF-8 byte `offset` (a character boundary in the readers above).
    func utf8Index(_ offset: Int) -> String.Index {
        utf8.index(utf8.startIndex, offsetBy: offset)
    }
}
