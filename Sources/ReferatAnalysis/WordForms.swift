/// Everything the analyzer makes of one word regardless of its neighbours: the folded form,
/// whether it is a stop word, its stem, its spelling variant and its compound parts.
///
/// Running text repeats its words (a 100 MB archive has a few hundred thousand distinct
/// words among fifteen million), so the analyzer computes these once per distinct word and
/// keeps them in a bounded cache; decompounding and stemming then cost a lookup. A class, so
/// that a cache hit hands out one reference rather than copying five strings and arrays.
final class WordForms {
    /// One compound part: its term and its byte range relative to the start of the word.
    struct Part {
        var term: String
        var start: Int
        var length: Int
    }

    let folded: String
    let isStopWord: Bool
    let stem: String
    /// The spelling variant's term (weak-marked in document mode), or nil.
    let variant: String?
    /// Compound parts (document mode only), weak-marked.
    let parts: [Part]
    /// Committee synonyms' terms (query mode only).
    let synonyms: [String]
    /// Written in lower case, five letters or more, and not in the lexicon: a common word the
    /// word list lacks, which the index may learn for decompounding. Names are capitalised
    /// and so never qualify.
    let isLearnable: Bool

    init(folded: String, isStopWord: Bool, stem: String, variant: String?, parts: [Part], synonyms: [String], isLearnable: Bool = false) {
        self.folded = folded
        self.isStopWord = isStopWord
        self.stem = stem
        self.variant = variant
        self.parts = parts
        self.synonyms = synonyms
        self.isLearnable = isLearnable
    }
}

/// A bounded map from a word as written (its UTF-8 bytes) to its forms, in two generations:
/// new words go to the young table; when it is full it becomes the old one and the previous
/// old one is dropped. A word found in the old table moves back to the young one. Frequent
/// words thus survive a turnover, which clearing everything when full did not: on the 100 MB
/// benchmark corpus that turns about a fifth of the misses into hits, with no per-lookup
/// bookkeeping.
///
/// Keys are bytes, looked up in place: the analyzer asks once per word of the text, and a
/// `[String: WordForms]` needed a `String` per word and hashed it with SipHash after a
/// Unicode normalisation check.
///
/// In front of the generations, a small array keeps the word last found or added at each of
/// its places (picked by the hash), for words of up to 24 bytes: the few hundred words that
/// make most of running text are answered from memory the processor keeps in its cache,
/// without the tables. It holds only words of the young generation (it is emptied when the
/// generations turn over), so it answers as the generations would.
struct WordFormsCache {
    private var young: Generation
    private var old: Generation
    private var front: [Recent]
    /// Words per generation: at most twice this many are held.
    let capacity: Int

    init(capacity: Int = 40_000) {
        self.capacity = capacity
        young = Generation(capacity: capacity)
        old = Generation(capacity: 0)
        front = Array(repeating: Recent(), count: Self.frontSize)
    }

    /// Places in `front`: a power of two.
    static let frontSize = 1024

    subscript(word: UnsafeBufferPointer<UInt8>) -> WordForms? {
        mutating get {
            let h = ByteKeyTable.hash(word)
            let key = Recent.Key(word)
            let place = Self.place(h)
            if let key, let forms = front[place].forms, front[place].hash == h, front[place].key == key { return forms }
            if let forms = young.find(word, hash: h) {
                if let key { front[place] = Recent(hash: h, key: key, forms: forms) }
                return forms
            }
            guard let forms = old.find(word, hash: h) else { return nil }
            insert(forms, for: word, hash: h)
            return forms
        }
    }

    /// A place in `front` from bits of the hash that the tables' slot index does not use.
    private static func place(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h >> 40) & (frontSize - 1) }

    mutating func insert(_ forms: WordForms, for word: UnsafeBufferPointer<UInt8>) {
        insert(forms, for: word, hash: ByteKeyTable.hash(word))
    }

    private mutating func insert(_ forms: WordForms, for word: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        // A pathological word longer than a slot can describe is simply not kept.
        guard word.count <= ByteKeyTable.maximumKeyLength else { return }
        if young.count >= capacity {
            old = young
            young = Generation(capacity: capacity)
            front = Array(repeating: Recent(), count: Self.frontSize)
        }
        young.insert(forms, for: word, hash: hash)
        if let key = Recent.Key(word) { front[Self.place(hash)] = Recent(hash: hash, key: key, forms: forms) }
    }

    /// A word of `front` and its forms; `forms` nil marks an empty place.
    private struct Recent {
        /// A word of up to 24 bytes: its length and its bytes, zero after the end.
        struct Key: Equatable {
            var length: Int
            var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0

            /// No word: the key of an empty place.
            init() { length = -1 }

            init?(_ word: UnsafeBufferPointer<UInt8>) {
                guard word.count <= 24 else { return nil }
                length = word.count
                var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
                withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(word)) }
                (a, b, c) = words
            }
        }

        var hash: UInt64 = 0
        var key = Key()
        var forms: WordForms?

        init() {}

        init(hash: UInt64, key: Key, forms: WordForms) {
            (self.hash, self.key, self.forms) = (hash, key, forms)
        }
    }

    /// One table of a fixed size (it never grows, so slot indices stay put) and the forms of
    /// each word, by slot.
    private struct Generation {
        private var keys: ByteKeyTable
        private var values: [WordForms?]

        init(capacity: Int) {
            keys = ByteKeyTable(minimumCapacity: capacity, expectedKeyBytes: capacity * 8)
            values = Array(repeating: nil, count: keys.slotCount)
        }

        var count: Int { keys.count }

        func find(_ word: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> WordForms? {
            keys.find(word, hash: h).flatMap { values[$0] }
        }

        /// Adds a word that is not in the table; the cache turns generations over before the
        /// table is half full.
        mutating func insert(_ forms: WordForms, for word: UnsafeBufferPointer<UInt8>, hash h: UInt64) {
            values[keys.insertNew(word, hash: h)] = forms
        }
    }
}
