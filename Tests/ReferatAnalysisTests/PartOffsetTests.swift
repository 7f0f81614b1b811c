@testable import ReferatAnalysis
import Testing

/// A compound part's place in the word's bytes, from its place in characters: counted on
/// bytes for Danish words, and as the characters give it for any other word.
@Suite struct PartOffsetTests {
    @Test(arguments: [
        // word, character offset, byte offset
        ("kommunalbestyrelsen", 8, 8),
        ("børneområdet", 5, 6),
        ("børneområdet", 9, 11),
        ("æøå", 3, 6),
        ("vej", 5, 3),
        ("vej", 0, 0),
        ("q\u{301}rst", 1, 3),
        ("abc1def", 4, 4),
        ("e\u{301}tape", 2, 4),
    ])
    func aCharacterOffsetIsItsBytes(_ word: String, _ offset: Int, _ bytes: Int) {
        #expect(DanishAnalyzer.byteOffset(ofCharacter: offset, in: word) == bytes)
        #expect(String(Array(word).prefix(offset)).utf8.count == bytes)
    }
}
