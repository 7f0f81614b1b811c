/// Finds the words of a text whose analysis a set of newly learned words can change.
///
/// Decompounding a word looks up only its own substrings, so a word can split differently
/// after words are learned only if one of them occurs in it. This returns those words (letter
/// runs, lower-cased); the caller compares their splits under the old and the new lexicon and
/// re-indexes an entry only when one differs. One pass over the bytes: a bitmap of the learned
/// words' first three bytes rules out almost every position at the cost of one load.
struct LearnedWordMatcher {
    private var prefixes = [UInt64](repeating: 0, count: (1 << 24) / 64)
    private var byPrefix: [Int: [[UInt8]]] = [:]

    init(words: [String]) {
        for word in words {
            let bytes = Array(word.lowercased().utf8)
            guard bytes.count >= 3 else { continue }
            let key = Self.key(bytes[0], bytes[1], bytes[2])
            prefixes[key >> 6] |= 1 << UInt64(key & 63)
            byPrefix[key, default: []].append(bytes)
        }
    }

    @inline(__always)
    private static func key(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int { Int(a) << 16 | Int(b) << 8 | Int(c) }

    /// The letter runs of `text` (lower-cased) that contain a learned word.
    func candidates(in text: String) -> Set<String> {
        let bytes = Self.lowercasedUTF8(text)
        let n = bytes.count
        var found = Set<String>()
        var i = 0
        while i + 2 < n {
            let key = Self.key(bytes[i], bytes[i + 1], bytes[i + 2])
            if prefixes[key >> 6] & (1 << UInt64(key & 63)) != 0,
               (byPrefix[key] ?? []).contains(where: { i + $0.count <= n && bytes[i..<(i + $0.count)].elementsEqual($0) }) {
                found.insert(Self.letterRun(in: bytes, around: i))
            }
            i += 1
        }
        return found
    }

    /// `Array(text.lowercased().utf8)`, without `String.lowercased()` where bytes suffice.
    ///
    /// The scan after an import reads every entry, and lower-casing whole texts as strings
    /// was most of its time. ASCII and Latin-1 letters (æ, ø, å, é…) are lower-cased byte by
    /// byte; a text with any other character that lower-casing changes goes through `String`.
    static func lowercasedUTF8(_ text: String) -> [UInt8] {
        var text = text
        let folded: [UInt8]? = text.withUTF8 { bytes in
            var out = [UInt8]()
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
                    i += 1
                } else if b == 0xC3, i + 1 < bytes.count {
                    let c = bytes[i + 1]
                    out.append(b)
                    out.append(c >= 0x80 && c <= 0x9E && c != 0x97 ? c + 0x20 : c)  // À–Þ except ×
                    i += 2
                } else {
                    let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                    guard i + length <= bytes.count else { return nil }
                    var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                    guard let scalar = Unicode.Scalar(value), !scalar.properties.changesWhenLowercased else { return nil }
                    out.append(contentsOf: bytes[i..<(i + length)])
                    i += length
                }
            }
            return out
        }
        return folded ?? Array(text.lowercased().utf8)
    }

    /// The run of letters around byte offset `i` of UTF-8 `bytes` (a scalar boundary):
    /// walked out from `i`, so each candidate costs its own length, not the text's.
    static func letterRun(in bytes: [UInt8], around i: Int) -> String {
        var start = i
        while start > 0 {
            var lead = start - 1
            while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard scalar(in: bytes, lead..<start)?.properties.isAlphabetic == true else { break }
            start = lead
        }
        var end = i
        while end < bytes.count {
            let width = bytes[end] < 0x80 ? 1 : bytes[end] < 0xE0 ? 2 : bytes[end] < 0xF0 ? 3 : 4
            let next = min(bytes.count, end + width)
            guard scalar(in: bytes, end..<next)?.properties.isAlphabetic == true else { break }
            end = next
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private static func scalar(in bytes: [UInt8], _ range: Range<Int>) -> Unicode.Scalar? {
        var iterator = bytes[range].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// True when the text has a hyphen at a line break: the analyzer may rejoin the words around
    /// it, and a rejoined word is not a substring of the text.
    static func hasLineBreakHyphen(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        for i in bytes.indices where bytes[i] == 0x2D {
            var j = i + 1
            while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0D { j += 1 }
            if j < bytes.count && bytes[j] == 0x0A { return true }
        }
        return false
    }

    /// True when a word ends in a hyphen followed by a space or comma ("børne- og").
    static func hasSuspendedHyphen(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 3 else { return false }
        for i in 1..<(bytes.count - 1) where bytes[i] == 0x2D {
            let before = bytes[i - 1], after = bytes[i + 1]
            let isLetter = (before | 0x20 >= 0x61 && before | 0x20 <= 0x7A) || before >= 0x80
            if isLetter && (after == 0x20 || after == 0x2C) { return true }
        }
        return false
    }
}
