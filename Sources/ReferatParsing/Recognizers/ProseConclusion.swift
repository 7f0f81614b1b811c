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
            guard let found = phrases(in: lower).filter({ !isDated($0, in: lower) }).max(by: { $0.lowerBound < $1.lowerBound }) else { continue }
            if let end = paragraph[found.upperBound...].firstIndex(of: "?"), paragraph[found.upperBound..<end].firstIndex(of: ".") == nil { continue }
            // The conclusion's sentence, as the sentences of absence prose are told apart.
            let start = sentenceStarts(in: paragraph).last { $0 <= found.lowerBound } ?? paragraph.startIndex
            return ProseConclusion(paragraph: p, start: start)
        }
        return nil
    }

    /// Whether `text` tells of an earlier decision: a conclusion phrase dated close by.
    static func tellsHistory(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard lower.utf8.count == text.utf8.count else { return false }
        return phrases(in: lower).contains { isDated($0, in: lower) }
    }

    /// Where `conclusionPhrases` stand in `lower` as whole words.
    private static func phrases(in lower: String) -> [Range<String.Index>] {
        MinutesVocabulary.conclusionPhrases.flatMap { lower.ranges(of: $0) }.filter { isWholeWords($0, in: lower) }
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

    /// Where each of `text`'s sentences starts (`AbsenceProse.sentences`), in order.
    static func sentenceStarts(in text: String) -> [String.Index] {
        var starts: [String.Index] = [], from = text.startIndex
        for sentence in AbsenceProse.sentences(text) {
            guard let range = text[from...].firstRange(of: sentence) else { continue }
            starts.append(range.lowerBound)
            from = range.upperBound
        }
        return starts
    }
}
