#if canImport(Glibc)
import Glibc
#endif

/// A set of byte strings, and whether any of them occurs in a text, reading the text once.
///
///     let stems = ByteStemTable(["fravær", "afbud"])
///     stems.occurs(in: "Bo Berg var fraværende")  // true
///
/// The stems are grouped by their first byte, so each byte of the text is compared only with
/// the stems that start with it; flat arrays read through pointers, as the parser's guards ask
/// this of nearly every line. A bit per pair of bytes that starts a stem turns away most
/// positions before that: common letters start stems, far fewer pairs do.
struct ByteStemTable: Sendable {
    /// Every stem's bytes, one after another.
    private let bytes: [UInt8]
    /// Per first byte `b`, the stems that start with it: `spans[starts[b]..<starts[b + 1]]`.
    private let starts: [Int]
    /// Each stem's offset and length in `bytes`, in the order of their first bytes.
    private let spans: [Span]
    /// An empty stem occurs in every text.
    private let hasEmptyStem: Bool
    /// Bit `a << 8 | b` is set when a stem starts with the bytes `a`, `b`, or is the one byte `a`.
    private let pairs: [UInt64]

    private struct Span: Sendable {
        var offset: Int
        var count: Int
    }

    init(_ stems: [String]) {
        self.init(stems.map { Array($0.utf8) })
    }

    init(_ stems: [[UInt8]]) {
        var bytes: [UInt8] = []
        var spans: [Span] = []
        var starts = [Int](repeating: 0, count: 257)
        for first in 0..<256 {
            starts[first] = spans.count
            for stem in stems where stem.first == UInt8(first) {
                spans.append(Span(offset: bytes.count, count: stem.count))
                bytes += stem
            }
        }
        starts[256] = spans.count
        var pairs = [UInt64](repeating: 0, count: 65_536 / 64)
        for stem in stems where !stem.isEmpty {
            let seconds = stem.count == 1 ? Array(0...255) : [Int(stem[1])]
            for second in seconds {
                let pair = Int(stem[0]) << 8 | second
                pairs[pair >> 6] |= 1 << UInt64(pair & 63)
            }
        }
        self.pairs = pairs
        self.bytes = bytes
        self.starts = starts
        self.spans = spans
        hasEmptyStem = stems.contains { $0.isEmpty }
    }

    /// Whether any stem occurs in `text`'s UTF-8 bytes.
    func occurs(in text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { occurs(in: $0) }
    }

    /// Whether any stem occurs in `hay`.
    func occurs(in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        if hasEmptyStem { return true }
        guard let text = hay.baseAddress, hay.count > 0 else { return false }
        return bytes.withUnsafeBufferPointer { bytes in
            starts.withUnsafeBufferPointer { starts in
                spans.withUnsafeBufferPointer { spans in
                    pairs.withUnsafeBufferPointer { pairs in
                        guard let stemBytes = bytes.baseAddress else { return false }
                        /// Whether a stem starts at `i`, once its first two bytes may start one.
                        func startsAt(_ i: Int) -> Bool {
                            let first = Int(hay[i])
                            var k = starts[first]
                            let end = starts[first + 1]
                            while k < end {
                                let span = spans[k]
                                // The second byte first: most candidates differ there, and a call costs more.
                                if span.count <= hay.count - i, span.count == 1 || hay[i + 1] == stemBytes[span.offset + 1],
                                   memcmp(text + i, stemBytes + span.offset, span.count) == 0 { return true }
                                k += 1
                            }
                            return false
                        }
                        var next = Int(hay[0])
                        for i in 0..<(hay.count - 1) {
                            let pair = next << 8 | Int(hay[i + 1])
                            next = Int(hay[i + 1])
                            if pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0, startsAt(i) { return true }
                        }
                        // The last byte can only be a stem of one byte.
                        return startsAt(hay.count - 1)
                    }
                }
            }
        }
    }
}
