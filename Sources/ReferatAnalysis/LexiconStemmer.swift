/// Snowball's Danish stem, kept from taking a word's own final "s".
///
///     let stemmer = LexiconStemmer(lexicon: .shared)
///     stemmer.stem("plads")   // "plads", as "pladsen" and "pladser" stem
///     stemmer.stem("bils")    // "bil": a genitive's "s" goes
///
/// Snowball drops a final "s" after most consonants. That is right for a genitive or a
/// compound's linking "s" ("bils" → "bil", "udvalgs" → "udvalg") and wrong for a word whose
/// own last letter it is: "plads" becomes "plad" while "pladsen" and "pladser" stay "plads",
/// so a search for the bare word misses its inflected forms. The lexicon tells the two apart:
/// the "s" stays when the word is listed and the word without it is not ("kryds", "moms"),
/// and for a compound the lexicon does not list, when its longest listed tail is
/// such a word ("materielplads" ends in "plads"). A word listed both with and without the
/// "s" ("kurs", "kur") keeps Snowball's stem: the lexicon cannot tell.
final class LexiconStemmer {
    private let snowball = SnowballStemmer()
    private let lexicon: DanishLexicon

    init(lexicon: DanishLexicon) {
        self.lexicon = lexicon
    }

    var isAvailable: Bool { snowball.isAvailable }

    /// The stem of a lower-cased, NFC word.
    func stem(_ word: String) -> String {
        let stem = snowball.stem(word)
        return Self.keepsFinalS(word, stem: stem, isListed: lexicon.contains) ? word : stem
    }

    /// The shortest tail of a compound that is looked up as its last word.
    static let shortestTail = 4

    /// True when `stem` is `word` without its final "s" and that "s" is the word's own.
    static func keepsFinalS(_ word: String, stem: String, isListed: (Substring) -> Bool) -> Bool {
        guard word.hasSuffix("s"), stem.count + 1 == word.count, word.hasPrefix(stem) else { return false }
        var tail = word[...]
        while tail.count >= shortestTail {
            if isListed(tail) { return !isListed(tail.dropLast()) }
            tail = tail.dropFirst()
        }
        return false
    }
}
