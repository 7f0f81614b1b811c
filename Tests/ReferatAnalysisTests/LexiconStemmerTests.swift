@testable import ReferatAnalysis
import Testing

/// A noun that ends in "s" stems as its inflected forms do; a genitive or linking "s" still goes.
@Suite struct LexiconStemmerTests {
    /// Forms of one word: they must share one stem.
    static let sameWord: [[String]] = [
        ["plads", "pladsen", "pladser", "pladserne"],
        ["byggeplads", "byggepladsen", "byggepladser"],
        ["kryds", "krydset", "krydsene"],
        ["moms", "momsen"],
    ]

    @Test(arguments: sameWord)
    func formsOfAWordEndingInSMeet(_ forms: [String]) {
        let analyzer = DanishAnalyzer()
        let stems = Set(forms.map(analyzer.stem))
        #expect(stems.count == 1, "\(forms) → \(stems)")
    }

    /// A genitive or linking "s" on a listed word: it stems as the word does.
    static let genitives: [(String, String)] = [("bils", "bil"), ("udvalgs", "udvalg"), ("tilskuds", "tilskud"), ("kommunes", "kommune")]

    @Test(arguments: genitives)
    func aGenitiveStillStemsAsItsWord(_ genitive: String, _ word: String) {
        let analyzer = DanishAnalyzer()
        #expect(analyzer.stem(genitive) == analyzer.stem(word))
    }

    struct Rule: Sendable {
        var word: String, stem: String, listed: Set<String>, keeps: Bool
    }

    /// The rule alone, on a made-up lexicon: the longest listed tail decides.
    static let rules: [Rule] = [
        Rule(word: "plads", stem: "plad", listed: ["plads"], keeps: true),
        Rule(word: "bils", stem: "bil", listed: ["bil", "bils"], keeps: false),
        Rule(word: "materielplads", stem: "materielplad", listed: ["plads"], keeps: true),
        Rule(word: "sportsudvalgs", stem: "sportsudvalg", listed: ["udvalg", "udvalgs"], keeps: false),
        Rule(word: "xyzs", stem: "xyz", listed: [], keeps: false),
        // Snowball took more than the "s": not this rule's case.
        Rule(word: "borgers", stem: "borg", listed: ["borgers"], keeps: false),
        // A tail shorter than four letters is never looked up.
        Rule(word: "blads", stem: "blad", listed: ["ads"], keeps: false),
    ]

    @Test(arguments: rules)
    func theLongestListedTailDecides(_ r: Rule) {
        #expect(LexiconStemmer.keepsFinalS(r.word, stem: r.stem, isListed: { r.listed.contains(String($0)) }) == r.keeps)
    }
}
