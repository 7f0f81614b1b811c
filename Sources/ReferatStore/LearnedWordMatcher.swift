import ReferatAnalysis

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

    /// `Array(text.lowercased().utf8)`, on bytes where bytes suffice: the scan after an
    /// import reads every entry, and lower-casing whole texts as strings was most of its time.
    static func lowercasedUTF8(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            UTF8Text.appendLowercased(bytes, to: &out)
            return out
        }
    }

    /// The run of letters around byte offset `i` of UTF-8 `bytes` (a scalar boundary):
    /// walked out from `i`, so each candidate costs its own length, not the text's.
    static func letterRun(in bytes: [UInt8], around i: Int) -> String {
        func isLetter(at k: Int) -> Bool { UTF8Text.scalar(in: bytes, at: k)?.scalar.properties.isAlphabetic == true }
        var start = i
        while start > 0 {
            var lead = start - 1
            while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard isLetter(at: lead) else { break }
            start = lead
        }
        var end = i
        while end < bytes.count, isLetter(at: end) {
            end += UTF8Text.scalar(in: bytes, at: end)!.length
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
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
