@testable import ReferatAnalysis
import Testing

/// The analyzer's word cache: byte keys, two generations, a word of the old one promoted.
@Suite struct WordFormsCacheTests {
    func forms(_ word: String) -> WordForms {
        WordForms(folded: word.lowercased(), isStopWord: false, stem: word, variant: nil, parts: [], synonyms: [])
    }

    func lookup(_ cache: inout WordFormsCache, _ word: String) -> String? {
        var copy = word
        return copy.withUTF8 { cache[$0]?.stem }
    }

    func insert(_ cache: inout WordFormsCache, _ word: String) {
        var copy = word
        copy.withUTF8 { cache.insert(forms(word), for: $0) }
    }

    @Test func keysAreTheBytesAsWritten() {
        var cache = WordFormsCache(capacity: 8)
        for word in ["kommune", "Kommune", "område", "omra\u{30A}de", "", "æøå"] { insert(&cache, word) }
        for word in ["kommune", "Kommune", "område", "omra\u{30A}de", "", "æøå"] { #expect(lookup(&cache, word) == word) }
        #expect(lookup(&cache, "kommun") == nil)
        #expect(lookup(&cache, "kommunen") == nil)
        #expect(lookup(&cache, "KOMMUNE") == nil)
    }

    @Test func aFullGenerationAgesAndItsWordsComeBackWhenAskedFor() {
        var cache = WordFormsCache(capacity: 2)
        insert(&cache, "a1"); insert(&cache, "a2")
        insert(&cache, "b1")  // young was full: a1, a2 are now old
        #expect(lookup(&cache, "a1") == "a1")  // found in old, promoted to young (now b1, a1)
        insert(&cache, "c1")  // young full again: old is now b1, a1; a2 is gone
        #expect(lookup(&cache, "a2") == nil)
        #expect(lookup(&cache, "a1") == "a1")
        #expect(lookup(&cache, "b1") == "b1")
        #expect(lookup(&cache, "c1") == "c1")
    }

    @Test func manyWordsKeepTheirOwnForms() {
        var cache = WordFormsCache(capacity: 1_000)
        let words = (0..<1_500).map { "ord\($0)æ" }
        for word in words { insert(&cache, word) }
        // Two generations hold the last 1,500 words. Asked newest first, the 500 young ones
        // answer in place and the next 500 old ones are promoted without a turnover.
        for word in words.reversed().prefix(1_000) { #expect(lookup(&cache, word) == word) }
        #expect(lookup(&cache, "ord1500æ") == nil)
    }
}
