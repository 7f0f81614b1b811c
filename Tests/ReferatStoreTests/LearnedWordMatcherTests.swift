@testable import ReferatStore
import Testing

/// The scan for words a learned word can change lower-cases every entry on bytes; it must
/// give exactly what `String.lowercased()` gives, or a re-index could miss an entry.
@Suite struct LearnedWordMatcherTests {
    @Test(arguments: [
        "", "botilbud", "BOTILBUDSOMRÅDET", "Ærø og Århus, ØSTERBRO", "ÉCOLE À LA CARTE × ÷", "Straße STRASSE ẞ",
        "İstanbul", "ΑΘΗΝΑ Σίσυφος", "МОСКВА", "Ünïcödé – „citat“ … §12", "tab\tNUL\u{0}end", "👍🏽 EMOJI", "ǅemal ǈ",
    ])
    func lowerCasingOnBytesEqualsStringLowerCasing(_ text: String) {
        #expect(LearnedWordMatcher.lowercasedUTF8(text) == Array(text.lowercased().utf8))
    }

    @Test func candidatesAreTheLetterRunsAroundALearnedWord() {
        let matcher = LearnedWordMatcher(words: ["botilbud", "høringssvar"])
        let text = "BOTILBUDSOMRÅDET og det nye botilbud; Høringssvarene kom. Intet her: bolig, tilbud."
        #expect(matcher.candidates(in: text) == ["botilbudsområdet", "botilbud", "høringssvarene"])
    }
}
