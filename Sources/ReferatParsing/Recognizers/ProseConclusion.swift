/// The sentence of plain minutes that says what the meeting concluded, where no heading
/// marks a decision: "De resterende medlemmer er enige om, at …", "Knud Holm blev genvalgt."
///
/// Minutes also tell what was decided before, in the same words: a conclusion with a date or
/// an earlier meeting close to its verb ("Byrådet vedtog den 24. februar 2027 …",
/// "Økonomiudvalget godkendte på sit møde …") is history, not this meeting's decision.
struct ProseConclusion {
    /// The paragraph it stands in and where in it the conclusion starts (its sentence's start).
    var paragraph: Int
    var start: String.Index

    /// How far from the phrase a date or an earlier meeting dates the sentence, in characters.
    static let nearby = 35

    /// The last conclusion in `paragraphs`, or nil.
    static func last(in paragraphs: [String]) -> ProseConclusion? {
        for (p, paragraph) in paragraphs.enumerated().reversed() where paragraph.isShorter(than: 2000) {
            let lower = paragraph.lowercased()
            // Lower-casing keeps every Danish letter's length, so ranges in `lower` are ranges in `paragraph`.
            guard lower.utf8.count == paragraph.utf8.count else { continue }
            var found: Range<String.Index>?
            for phrase in MinutesVocabulary.conclusionPhrases {
                for range in lower.ranges(of: phrase) where isWholeWords(range, in: lower) && !isDated(range, in: lower) {
                    if found.map({ range.lowerBound > $0.lowerBound }) ?? true { found = range }
                }
            }
            guard let found else { continue }
            let start = sentenceStart(before: found.lowerBound, in: paragraph)
            if let end = paragraph[found.upperBound...].firstIndex(of: "?"), paragraph[found.upperBound..<end].firstIndex(of: ".") == nil { continue }
            return ProseConclusion(paragraph: p, start: start)
        }
        return nil
    }

    /// Whether `text` tells of an earlier decision: a conclusion phrase dated close by.
    static func tellsHistory(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard lower.utf8.count == text.utf8.count else { return false }
        return MinutesVocabulary.conclusionPhrases.contains { phrase in
            lower.ranges(of: phrase).contains { isWholeWords($0, in: lower) && isDated($0, in: lower) }
        }
    }

    private static func isWholeWords(_ range: Range<String.Index>, in text: String) -> Bool {
        (range.lowerBound == text.startIndex || !text[text.index(before: range.lowerBound)].isLetter)
            && (range.upperBound == text.endIndex || !text[range.upperBound].isLetter)
    }

    /// Whether a date or an earlier meeting stands within `nearby` characters of the phrase.
    private static func isDated(_ range: Range<String.Index>, in text: String) -> Bool {
        let from = text.index(range.lowerBound, offsetBy: -nearby, limitedBy: text.startIndex) ?? text.startIndex
        let to = text.index(range.upperBound, offsetBy: nearby, limitedBy: text.endIndex) ?? text.endIndex
        let window = String(text[from..<to])
        return DanishDate.first(in: window) != nil || MinutesVocabulary.earlierMeetingWords.contains { window.contains($0) }
    }

    /// Where the sentence holding `index` starts: after the last ". " followed by a capital,
    /// where the word before the point is not an abbreviation ("stk.", "kl.", "jf.").
    static func sentenceStart(before index: String.Index, in text: String) -> String.Index {
        var i = index
        while i > text.startIndex {
            let previous = text.index(before: i)
            if text[previous] == " ", previous > text.startIndex, text[text.index(before: previous)] == ".", i < text.endIndex, text[i].isUppercase {
                let point = text.index(before: previous)
                let word = text[..<point].reversed().prefix { $0.isLetter }
                if word.count > 3 || word.first?.isUppercase == true { return i }
            }
            i = previous
        }
        return text.startIndex
    }
}
