#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// Byte-level substring test: much cheaper than `contains(_:)` on hot paths, which goes
    /// through the generic string-processing searcher.
    ///
    /// With `accept`, only an occurrence it accepts counts; it gets the byte offset where the
    /// occurrence ends and the string's bytes, to look at what follows.
    func containsBytes(_ needle: StaticString, where accept: (_ end: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool = { _, _ in true }) -> Bool {
        let n = needle.utf8CodeUnitCount
        var copy = self
        return copy.withUTF8 { hay in
            guard n > 0 else { return true }
            guard hay.count >= n else { return false }
            // The needle's first byte is found with memchr; most lines the parser asks about
            // do not have it often.
            var start = 0
            while let i = hay.firstOffset(of: needle.utf8Start.pointee, from: start, to: hay.count - n + 1) {
                if memcmp(hay.baseAddress! + i, needle.utf8Start, n) == 0, accept(i + n, hay) { return true }
                start = i + 1
            }
            return false
        }
    }

    /// `contains(needle)`, turned away on bytes first. The generic search compares characters
    /// and costs far more than memchr; the bytes settle every "no" when each character of the
    /// needle equals only itself: ASCII other than "K", ";" and "`" (which the Kelvin sign and
    /// two Greek marks equal), and "æ", "ø", "Æ", "Ø", which have no other form. A text that
    /// holds the needle as characters then holds its bytes; one that holds the bytes is still
    /// compared by characters (a mark after the last may make it another character).
    func containsPlain(_ needle: StaticString) -> Bool {
        assert(Self.isPlainNeedle(needle), "\(needle) has a character that another form equals")
        return containsBytes(needle) && contains(needle.description)
    }

    /// Whether every character of `needle` equals only itself (see `containsPlain`).
    static func isPlainNeedle(_ needle: StaticString) -> Bool {
        isPlainNeedle(needle.description)
    }

    /// The same for a needle known only at run time.
    static func isPlainNeedle(_ needle: String) -> Bool {
        needle.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII ? !"K;`".unicodeScalars.contains(scalar) : "æøÆØ".unicodeScalars.contains(scalar)
        }
    }

    /// The bytes of the longest run of `needle`'s characters that are each plain (see
    /// `isPlainNeedle`): a text that holds `needle` as characters holds these bytes, whatever
    /// form its other characters take. The guard for a needle that is not plain as a whole
    /// ("Åbn/luk punkt" → "bn/luk punkt").
    static func plainCore(_ needle: String) -> [UInt8] {
        var best = needle[needle.startIndex..<needle.startIndex]
        var runStart = needle.startIndex
        for i in needle.indices {
            guard isPlainNeedle(String(needle[i])) else {
                runStart = needle.index(after: i)
                continue
            }
            let run = needle[runStart...i]
            if run.utf8.count > best.utf8.count { best = run }
        }
        return Array(best.utf8)
    }

    /// `lowercased().hasPrefix(label)` for an ASCII, lower-case `label`, without lower-casing
    /// the line: the parser asks this of most short lines. Lower-casing works character by
    /// character, so while the line's bytes are ASCII, lower-casing them one by one is exact.
    /// At the first character outside ASCII the answer is still known when that character is
    /// U+0080–U+027F (Danish letters among them): each of those lower-cases to a letter outside
    /// ASCII, which no ASCII label byte equals, except "İ" (U+0130, to "i" and a dot). Any
    /// other character there, or a possible mark right after the label, takes the slow, exact
    /// path.
    func hasLowercasedPrefix(_ label: StaticString) -> Bool {
        let n = label.utf8CodeUnitCount
        let pattern = UnsafeBufferPointer(start: label.utf8Start, count: n)
        let answer: Bool? = utf8.withContiguousStorageIfAvailable { bytes in
            for i in 0..<n {
                guard i < bytes.count else { return false }
                var b = bytes[i]
                if b >= 0x80 {
                    let isLatin = b >= 0xC2 && b <= 0xC9
                    let isDottedCapitalI = b == 0xC4 && i + 1 < bytes.count && bytes[i + 1] == 0xB0
                    return isLatin && !isDottedCapitalI ? false : nil
                }
                if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                if b != pattern[i] { return false }
            }
            // A mark after the label joins its last letter into another character.
            return n < bytes.count && bytes[n] >= 0xCC ? nil : true
        } ?? nil
        if let answer { return answer }
        return lowercased().hasPrefix(String(decoding: pattern, as: UTF8.self))
    }

    /// Whether the text holds `needle` (ASCII letters in lower case) with each letter in either
    /// case, on bytes: a necessary condition for `lowercased().contains(needle)` when no letter of
    /// `needle` is "i" or "k", the only ASCII letters that lower-casing also makes of another
    /// character ("İ", the Kelvin sign).
    func containsLetters(_ needle: StaticString) -> Bool {
        assert(!needle.description.contains { $0 == "i" || $0 == "k" }, "\(needle) has a letter another character lower-cases to")
        let n = needle.utf8CodeUnitCount
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: n)
        return utf8.withContiguousStorageIfAvailable { hay in
            guard hay.count >= n else { return false }
            for start in 0...(hay.count - n) where (0..<n).allSatisfy({ hay[start + $0] | 0x20 == pattern[$0] }) { return true }
            return false
        } ?? true
    }

    /// Whether `needle`'s bytes occur in the text's: a needle known only at run time (see
    /// `containsBytes(_:where:)`).
    func containsBytes(of needle: String) -> Bool {
        var copy = self
        let bytes = Array(needle.utf8)
        return copy.withUTF8 { $0.firstOffset(of: bytes, before: $0.count) != nil }
    }

    /// `utf8.contains(byte)`, searched with memchr: the parser asks it of every line and of
    /// whole files, and the generic `contains` walks the UTF-8 view a byte at a time.
    func containsByte(_ byte: UInt8) -> Bool {
        var copy = self
        return copy.withUTF8 { $0.firstOffset(of: byte) != nil }
    }

    /// Whether the first character is a number and whether it is upper-case, from the first
    /// byte when that is ASCII. An ASCII character followed by combining marks keeps both
    /// answers (Swift asks the first scalar for `isNumber`, and "A" + ring is still upper-case),
    /// so only a line that starts outside ASCII needs its first grapheme.
    var leadingCharacterClass: (isNumber: Bool, isUppercase: Bool)? {
        guard let lead = utf8.first else { return nil }
        if lead < 0x80 { return (lead.isASCIIDigit, lead >= 0x41 && lead <= 0x5A) }
        guard let first else { return nil }
        return (first.isNumber, first.isUppercase)
    }

    /// The line without the list mark "• " that `TextCleaner` puts for every kind of bullet.
    var withoutBullet: String { utf8.first == 0xE2 && hasPrefix("• ") ? String(dropFirst(2)) : self }

    /// `allSatisfy(\.isWhitespace)`, answered by the first byte when that is ASCII and not
    /// white space (most lines): no ASCII character followed by marks is white space.
    var isAllWhitespace: Bool {
        if let lead = utf8.first, lead < 0x80, !lead.isASCIIWhitespace { return false }
        return allSatisfy(\.isWhitespace)
    }

    /// `lowercased().filter { $0.isLetter || $0.isNumber }` on bytes when the text is ASCII
    /// and Latin-1 letters only (most item titles); other text takes that exact path.
    var lettersAndDigitsLowercased: String {
        var copy = self
        let fast: String? = copy.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    if b.isASCIIDigit || (b >= 0x61 && b <= 0x7A) { out.append(b) } else if b >= 0x41 && b <= 0x5A { out.append(b + 0x20) }
                    i += 1
                    continue
                }
                // À..Þ lower-case to à..þ (+0x20 in the second byte); ß..ÿ are lower-case; × and ÷ are not letters.
                guard b == 0xC3, i + 1 < bytes.count, (0x80...0xBF).contains(bytes[i + 1]) else { return nil }
                // (A combining mark after a letter starts with another byte: exact path.)
                let c = bytes[i + 1]
                if c != 0x97 && c != 0xB7 { out += [0xC3, c <= 0x9E ? c + 0x20 : c] }
                i += 2
            }
            return String(decoding: out, as: UTF8.self)
        }
        return fast ?? lowercased().filter { $0.isLetter || $0.isNumber }
    }

    /// True when any character is an ASCII digit.
    var hasASCIIDigit: Bool {
        // On the contiguous bytes: the generic `contains(where:)` over the UTF-8 view costs
        // more than the loop, and the parser asks this of most lines.
        utf8.withContiguousStorageIfAvailable { $0.contains(where: \.isASCIIDigit) } ?? utf8.contains(where: \.isASCIIDigit)
    }

    /// False when `hasSuffix(suffix)` must be false: both end in an ASCII byte, and the bytes
    /// differ. Characters compare by their canonical forms, and a character that ends in an
    /// ASCII scalar is equal only to one that ends in the same scalar (no composition takes an
    /// ASCII character second); text or a suffix that ends outside ASCII is left to `hasSuffix`.
    func mayHaveSuffix(_ suffix: String) -> Bool {
        guard let last = utf8.last, let end = suffix.utf8.last else { return true }
        return last >= 0x80 || end >= 0x80 || last == end
    }
}

extension Regex.Match {
    /// Capture `index`'s text. Reading `m.1` or `m.output` builds the whole typed output
    /// tuple each time, which costs more than matching a short line; the untyped view reads
    /// the same captures without it.
    func capture(_ index: Int) -> Substring? {
        AnyRegexOutput(self)[index].substring
    }

    /// The texts of captures 1 to `count`, read at once (see `capture(_:)`).
    func captures(_ count: Int) -> [Substring?] {
        let any = AnyRegexOutput(self)
        return (1...count).map { any[$0].substring }
    }
}

extension StringProtocol {
    /// `count < limit`, without walking graphemes: `count` walks every grapheme, and the
    /// parser asks this of every line.
    ///
    /// UTF-8 length bounds the character count from above. When no byte can begin a
    /// character that joins its neighbour (CR before LF, or any scalar from U+0300 up, where
    /// combining marks, joiners and variation selectors live), characters are scalars, and
    /// scalars are the bytes that do not continue one. Only other text walks its graphemes.
    func isShorter(than limit: Int) -> Bool {
        let view = utf8
        if view.count < limit { return true }
        let counted: Int? = view.withContiguousStorageIfAvailable { bytes in
            var scalars = 0
            for b in bytes {
                if b == 0x0D || b >= 0xCC { return nil }
                if b & 0xC0 != 0x80 { scalars += 1 }
            }
            return scalars
        } ?? nil
        if let counted { return counted < limit }
        var n = 0
        for _ in self {
            n += 1
            if n >= limit { return false }
        }
        return true
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The offset of the first `byte` in `start..<end` (to the end when `end` is nil), or nil.
    /// Searched with memchr, which compares many bytes per step: the parser looks for line
    /// ends and for the first bytes of its needles in every line of every file.
    func firstOffset(of byte: UInt8, from start: Int = 0, to end: Int? = nil) -> Int? {
        let end = end ?? count
        guard start < end, let base = baseAddress, let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The offset where `needle` first occurs and starts before `limit`, or nil: its first
    /// byte found with memchr, the rest compared.
    func firstOffset(of needle: [UInt8], before limit: Int) -> Int? {
        guard let head = needle.first else { return nil }
        var from = 0
        while let at = firstOffset(of: head, from: from, to: Swift.min(limit, count)) {
            if at + needle.count <= count, (1..<needle.count).allSatisfy({ self[at + $0] == needle[$0] }) { return at }
            from = at + 1
        }
        return nil
    }
}

extension UInt8 {
    /// 0–9: the digits the parser's patterns mean (`[0-9]`, never `\d`, which takes every
    /// script's digits).
    var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }

    /// A byte after which a regex word boundary (`\b`) cannot fall when the byte before it
    /// is an ASCII letter: a letter, a digit or "_" continues the word.
    var continuesASCIIWord: Bool { isASCIIAlphanumeric || self == 0x5F }

    /// A–Z or a–z.
    var isASCIILetter: Bool { (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A) }

    /// 0–9, A–Z or a–z.
    var isASCIIAlphanumeric: Bool { isASCIIDigit || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A) }

    /// Space, tab, line feed, vertical tab, form feed or carriage return: the ASCII bytes a
    /// pattern's `\s` takes. (Outside ASCII it takes more, which each caller leaves to it.)
    var isASCIIWhitespace: Bool { self == 0x20 || (0x09...0x0D).contains(self) }
}

extension Unicode.Scalar {
    /// Printable ASCII or a Latin-1 letter (not × or ÷). Each is a `Character` of its own, so
    /// a hand-written reader that meets only these can judge the characters a pattern sees by
    /// their scalars; any other scalar sends the text to the pattern.
    var isPrintableASCIIOrLatin1Letter: Bool {
        (0x20...0x7E).contains(value) || ((0xC0...0xFF).contains(value) && value != 0xD7 && value != 0xF7)
    }
}
