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

/// A bounded map from a word as written to its forms. Cleared when full: cheaper than LRU
/// bookkeeping, and the frequent words come back within a few documents.
struct WordFormsCache {
    private var table: [String: WordForms] = [:]
    let capacity: Int

    init(capacity: Int = 50_000) {
        self.capacity = capacity
    }

    subscript(word: String) -> WordForms? {
        table[word]
    }

    mutating func insert(_ forms: WordForms, for word: String) {
        if table.count >= capacity { table.removeAll(keepingCapacity: true) }
        table[word] = forms
    }
}
