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

    func snippet(_ text: String) -> String {
        let text = text.count > scanLimit ? String(text.prefix(scanLimit)) : text
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        guard !words.isEmpty else { return "" }
        let lowerText = phrases.isEmpty ? "" : text.lowercased()
        var matched = [Bool](repeating: false, count: words.count)
        for (i, word) in words.enumerated() {
            let lower = word.lowercased()
            if terms.contains(analyzer.stem(lower)) || prefixes.contains(where: { lower.hasPrefix($0) })
                || lower.contains("aa") && terms.contains(analyzer.stem(lower.replacing("aa", with: "å"))) {
                matched[i] = true
            } else if lower.count >= 8, terms.contains(where: { $0.count >= 4 && lower.contains($0) }) {
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
}
