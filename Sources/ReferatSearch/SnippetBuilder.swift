import ReferatAnalysis
import ReferatIndex

/// Cuts the passage of an entry that holds the most query matches and marks the matched words.
///
/// Cheaper than FTS5's snippet(), which re-runs the full Danish analysis over each hit's whole
/// text: here each word is only folded and stemmed (both cached) and compared with the query's
/// terms; compound parts match as substrings of long words, prefixes as prefixes.
struct SnippetBuilder {
    let analyzer: DanishAnalyzer
    let terms: Set<String>
    let prefixes: [String]
    /// Terms such as "23/222" that word splitting would cut apart.
    let phrases: [String]
    var width = 28
    var scanLimit = 8_000

    /// Terms of four letters or more as UTF-8, for the compound-part test on long words.
    private var partTerms: [[UInt8]] { terms.filter { $0.count >= 4 }.map { Array($0.utf8) } }

    /// The snippet of `text`: the window of `width` words with the most matches, matched words
    /// between `SearchHit.markOpen` and `markClose`, line breaks as single spaces.
    ///
    /// Works on UTF-8 bytes: splitting each hit into `Character`s and lower-casing every word
    /// as a `String` took longer than the search itself. Only non-ASCII words are lower-cased
    /// through `String`, and only words that start like a query term are stemmed.
    func snippet(_ text: String) -> String {
        var text = text
        return text.withUTF8 { all in
            var n = min(all.count, scanLimit)
            while n < all.count && n > 0 && all[n] & 0xC0 == 0x80 { n -= 1 }  // whole characters only
            return snippet(UnsafeBufferPointer(rebasing: all[..<n]))
        }
    }

    private func snippet(_ text: UnsafeBufferPointer<UInt8>) -> String {
        let words = Self.words(text)
        guard !words.isEmpty else { return "" }
        let lowerText = phrases.isEmpty ? "" : String(decoding: text, as: UTF8.self).lowercased()
        let partTerms = self.partTerms
        let prefixes = self.prefixes.map { Array($0.utf8) }
        // Snowball's Danish stemmer only cuts endings, so a word whose stem is a term starts
        // with that term: words that start like no term need no stemming.
        let starts = Set(terms.map { Self.start(of: Array($0.utf8)) })
        var matched = [Bool](repeating: false, count: words.count)
        var lower: [UInt8] = []
        for (i, word) in words.enumerated() {
            Self.lowercase(text[word], into: &lower)
            let lowerWord = { String(decoding: lower, as: UTF8.self) }
            if starts.contains(Self.start(of: lower)) && terms.contains(analyzer.stem(lowerWord()))
                || prefixes.contains(where: { lower.starts(with: $0) })
                || Self.find([0x61, 0x61], in: lower) && terms.contains(analyzer.stem(lowerWord().replacing("aa", with: "å"))) {
                matched[i] = true
            } else if lower.count >= 8, partTerms.contains(where: { Self.find($0, in: lower) }) {
                matched[i] = true
            } else if !phrases.isEmpty, phrases.contains(where: { $0.contains(lowerWord()) && lowerText.contains($0) }) {
                matched[i] = true
            }
        }
        // The window of `width` words with the most matches.
        var best = 0, bestCount = -1, count = 0
        for i in words.indices {
            if matched[i] { count += 1 }
            if i >= width, matched[i - width] { count -= 1 }
            if count > bestCount { bestCount = count; best = max(0, i - width + 1) }
        }
        // Centre the window on its matches, so that a match has words on both sides.
        if let first = matched[best..<min(words.count, best + width)].firstIndex(of: true),
           let last = matched[best..<min(words.count, best + width)].lastIndex(of: true) {
            best = max(0, min(words.count - width, (first + last) / 2 - width / 2))
        }
        let end = min(words.count, best + width)
        var out: [UInt8] = []
        out.reserveCapacity(width * 12)
        if best > 0 { out += "…".utf8 }
        var cursor = words[best].lowerBound
        for i in best..<end {
            Self.appendCollapsingLineBreaks(text[cursor..<words[i].lowerBound], to: &out)
            if matched[i] { out += SearchHit.markOpen.utf8 }
            out += text[words[i]]
            if matched[i] { out += SearchHit.markClose.utf8 }
            cursor = words[i].upperBound
        }
        if end < words.count { out += "…".utf8 } else { Self.appendCollapsingLineBreaks(text[cursor...], to: &out) }
        // As splitting at line breaks would: none at either end.
        while out.last == 0x20 { out.removeLast() }
        let lead = out.prefix { $0 == 0x20 }.count
        return String(decoding: out.dropFirst(lead), as: UTF8.self)
    }

    /// The byte ranges of the words (runs of letters, digits and combining marks).
    static func words(_ text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var i = 0, start = -1
        while i < text.count {
            let b = text[i]
            let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            let isWord: Bool
            if b < 0x80 {
                isWord = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
            } else if b == 0xC3, i + 1 < text.count {
                isWord = text[i + 1] != 0x97 && text[i + 1] != 0xB7  // À–ÿ except × and ÷
            } else if b == 0xE2, i + 1 < text.count, text[i + 1] == 0x80 {
                isWord = false  // U+2000–U+203F: spaces, dashes, quotes, bullets
            } else {
                isWord = UTF8Text.scalar(in: text, at: i).map { isWordScalar($0.scalar) } ?? false
            }
            if isWord {
                if start < 0 { start = i }
            } else if start >= 0 {
                words.append(start..<i)
                start = -1
            }
            i = min(text.count, i + length)
        }
        if start >= 0 { words.append(start..<text.count) }
        return words
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let p = scalar.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Lower-cases a word into a reused buffer.
    private static func lowercase(_ word: Slice<UnsafeBufferPointer<UInt8>>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        UTF8Text.appendLowercased(UnsafeBufferPointer(rebasing: word), to: &out)
    }

    /// Appends text with each run of line breaks as one space.
    private static func appendCollapsingLineBreaks(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, to out: inout [UInt8]) {
        var inBreak = false
        for b in bytes {
            if b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C {
                if !inBreak { out.append(0x20) }
                inBreak = true
            } else {
                out.append(b)
                inBreak = false
            }
        }
    }

    /// The first two bytes, as one number.
    static func start(of bytes: [UInt8]) -> Int {
        bytes.count >= 2 ? Int(bytes[0]) << 8 | Int(bytes[1]) : Int(bytes.first ?? 0)
    }

    /// Byte substring test: `String.contains` goes through the generic string searcher,
    /// which dominated query time when asked of every word of every hit.
    static func find(_ needle: [UInt8], in hay: [UInt8]) -> Bool {
        guard !needle.isEmpty, hay.count >= needle.count else { return needle.isEmpty }
        let first = needle[0]
        for i in 0...(hay.count - needle.count) where hay[i] == first {
            var j = 1
            while j < needle.count && hay[i + j] == needle[j] { j += 1 }
            if j == needle.count { return true }
        }
        return false
    }
}
