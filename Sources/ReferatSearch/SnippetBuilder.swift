import ReferatAnalysis
import ReferatStore

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

    func snippet(_ text: String) -> String {
        let text = text.utf8.count > scanLimit ? String(text.prefix(scanLimit)) : text
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        guard !words.isEmpty else { return "" }
        let lowerText = phrases.isEmpty ? "" : text.lowercased()
        let partTerms = self.partTerms
        // Snowball's Danish stemmer only cuts endings, so a word whose stem is a term starts
        // with that term: words that start like no term need no stemming.
        let starts = Set(terms.map { Self.start(of: Array($0.utf8)) })
        var matched = [Bool](repeating: false, count: words.count)
        for (i, word) in words.enumerated() {
            let lower = word.lowercased()
            let bytes = Array(lower.utf8)
            let mayStem = starts.contains(Self.start(of: bytes))
            if mayStem && terms.contains(analyzer.stem(lower)) || prefixes.contains(where: { lower.hasPrefix($0) })
                || Self.find([0x61, 0x61], in: bytes) && terms.contains(analyzer.stem(lower.replacing("aa", with: "å"))) {
                matched[i] = true
            } else if bytes.count >= 8, partTerms.contains(where: { Self.find($0, in: bytes) }) {
                matched[i] = true
            } else if !phrases.isEmpty, phrases.contains(where: { $0.contains(lower) && lowerText.contains($0) }) {
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
        let end = min(words.count, best + width)
        var out = best > 0 ? "…" : ""
        var cursor = words[best].startIndex
        for i in best..<end {
            out += text[cursor..<words[i].startIndex]
            out += matched[i] ? SearchHit.markOpen + words[i] + SearchHit.markClose : String(words[i])
            cursor = words[i].endIndex
        }
        if end < words.count { out += "…" } else { out += text[cursor...] }
        return out.split(whereSeparator: \.isNewline).joined(separator: " ")
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
