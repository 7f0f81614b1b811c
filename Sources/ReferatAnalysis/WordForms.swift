/// Everything the analyzer makes of one word regardless of its neighbours: the folded form,
/// whether it is a stop word, its stem, its spelling variant and its compound parts.
///
/// Running text repeats its words (a 100 MB archive has a few hundred thousand distinct
/// words among fifteen million), so the analyzer computes these once per distinct word and
/// keeps them in a bounded cache; decompounding and stemming then cost a lookup.
struct WordForms {
    /// One compound part: its term and its byte range relative to the start of the word.
    struct Part {
        var term: String
        var start: Int
        var length: Int
    }

    var folded: String
    var isStopWord: Bool
    var stem: String
    /// The spelling variant's term (weak-marked in document mode), or nil.
    var variant: String?
    /// Compound parts (document mode only), weak-marked.
    var parts: [Part]
    /// Committee synonyms' terms (query mode only).
    var synonyms: [String]
    /// Written in lower case, five letters or more, and not in the lexicon: a common word the
    /// word list lacks, which the index may learn for decompounding. Names are capitalised
    /// and so never qualify.
    var isLearnable = false
}

/// A bounded map from a word as written to its forms, in two generations: new words go to
/// the young table; when it is full it becomes the old one and the previous old one is
/// dropped. A word found in the old table moves back to the young one. Frequent words thus
/// survive a turnover, which clearing everything when full did not: on the 100 MB benchmark
/// corpus that turns about a fifth of the misses into hits, with no per-lookup bookkeeping.
struct WordFormsCache {
    private var young: [String: WordForms] = [:]
    private var old: [String: WordForms] = [:]
    /// Words per generation: at most twice this many are held.
    let capacity: Int

    init(capacity: Int = 40_000) {
        self.capacity = capacity
    }

    subscript(word: String) -> WordForms? {
        mutating get {
            if let forms = young[word] { return forms }
            guard let forms = old[word] else { return nil }
            insert(forms, for: word)
            return forms
        }
    }

    mutating func insert(_ forms: WordForms, for word: String) {
        if young.count >= capacity {
            old = young
            young = Dictionary(minimumCapacity: capacity)
        }
        young[word] = forms
    }
}
