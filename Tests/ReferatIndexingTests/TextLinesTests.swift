@testable import ReferatIndexing
import ReferatTestSupport
import Testing

/// The byte-level line split and the capitals test that let the abbreviation finder pass over
/// running text unread: the split must give the lines the character split gives, and the
/// test must never turn away a line that starts with an abbreviation.
@Suite struct TextLinesTests {
    @Test(arguments: [
        "", "\n", "\n\n", "one", "one\n", "\none\n\ntwo\n",
        "crlf\r\nline\r\n\r\nend", "cr\ronly", "vt\u{0B}ff\u{0C}end",
        "nel\u{85}ls\u{2028}ps\u{2029}end", "æøå\nÆØÅ\n", "é\u{301}\ncombining after\n\u{301}start",
        "emoji 👩‍👩‍👧\nflag 🇩🇰\r\n", "trailing spaces   \n   \n",
    ])
    func splitsAsCharactersDo(_ text: String) {
        #expect(TextLines.of(text).map(String.init) == text.split(whereSeparator: \.isNewline).map(String.init))
    }

    /// Random texts over an alphabet of newlines, combining marks and wide letters.
    @Test func splitsRandomTextsAsCharactersDo() {
        let alphabet: [String] = ["a", "Æ", " ", "\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{301}", "é", "-", "\u{0B}"]
        var generator = SeededGenerator(state: 7)
        for _ in 0..<2_000 {
            let text = (0..<Int(generator.next() % 24)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            #expect(TextLines.of(text).map(String.init) == text.split(whereSeparator: \.isNewline).map(String.init), "\(Array(text.unicodeScalars))")
        }
    }

    @Test(arguments: [
        ("KFU", true), ("  ØK", true), ("ÆU Ældreudvalget", true), ("BY:", true),
        ("Kultur- og Fritidsudvalget", false), ("Byrådet", false), ("K", false), ("", false), ("   ", false),
        // A letter of two bytes is let through whatever its case: `isAbbreviation` decides.
        ("økonomi", true),
    ])
    func capitalsMayStartAnAbbreviation(_ line: String, _ may: Bool) {
        #expect(CommitteeAbbreviationFinder.mayStartWithAbbreviation(line[...]) == may)
    }

    /// Whenever a line's first word is an abbreviation, the byte test lets it through.
    @Test func capitalsTestTurnsNoAbbreviationAway() {
        let alphabet: [String] = ["A", "Ø", "Å", "a", "ø", " ", "É", "E\u{301}", "1", ":"]
        var generator = SeededGenerator(state: 11)
        for _ in 0..<5_000 {
            let line = (0..<Int(generator.next() % 9)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            guard let first = line.split(separator: " ").first, CommitteeAbbreviationFinder.isAbbreviation(first) else { continue }
            #expect(CommitteeAbbreviationFinder.mayStartWithAbbreviation(line[...]), "\(line)")
        }
    }
}
