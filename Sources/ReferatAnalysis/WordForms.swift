#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

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
struct WordFormsCache {
    private var young: Generation
    private var old: Generation
    /// Words per generation: at most twice this many are held.
    let capacity: Int

    init(capacity: Int = 40_000) {
        self.capacity = capacity
        young = Generation(capacity: capacity)
        old = Generation(capacity: 0)
    }

    subscript(word: UnsafeBufferPointer<UInt8>) -> WordForms? {
        mutating get {
            let h = Generation.hash(word)
            if let forms = young.find(word, hash: h) { return forms }
            guard let forms = old.find(word, hash: h) else { return nil }
            insert(forms, for: word, hash: h)
            return forms
        }
    }

    mutating func insert(_ forms: WordForms, for word: UnsafeBufferPointer<UInt8>) {
        insert(forms, for: word, hash: Generation.hash(word))
    }

    private mutating func insert(_ forms: WordForms, for word: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        // A pathological word longer than a slot can describe is simply not kept.
        guard word.count <= Int(UInt16.max) else { return }
        if young.count >= capacity {
            old = young
            young = Generation(capacity: capacity)
        }
        young.insert(forms, for: word, hash: hash)
    }

    /// One open-addressing table (linear probing, at most half full): keys end to end in a
    /// byte arena, slots holding a hash tag, the key's place and the forms.
    private struct Generation {
        private struct Slot {
            var offset: UInt32 = 0
            var length: UInt16 = 0
            /// High bits of the hash; 0 marks an empty slot.
            var tag: UInt16 = 0
        }

        private var arena: [UInt8] = []
        private var slots: [Slot]
        private var values: [WordForms?]
        private let mask: Int
        private(set) var count = 0

        init(capacity: Int) {
            var size = 8
            while size < capacity * 2 { size <<= 1 }
            slots = Array(repeating: Slot(), count: size)
            values = Array(repeating: nil, count: size)
            mask = size - 1
            arena.reserveCapacity(capacity * 8)
        }

        static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { ByteStringSet.hash(bytes) }

        private static func tag(_ h: UInt64) -> UInt16 { ByteStringSet.tag(h) }

        func find(_ word: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> WordForms? {
            guard count > 0 else { return nil }
            let tag = Self.tag(h)
            var i = Int(truncatingIfNeeded: h) & mask
            return arena.withUnsafeBufferPointer { arena in
                slots.withUnsafeBufferPointer { slots in
                    while true {
                        let slot = slots[i]
                        if slot.tag == 0 { return nil }
                        if slot.tag == tag, Int(slot.length) == word.count,
                           word.isEmpty || memcmp(arena.baseAddress! + Int(slot.offset), word.baseAddress!, word.count) == 0 {
                            return values[i]
                        }
                        i = (i + 1) & mask
                    }
                }
            }
        }

        /// Adds a word that is not in the table; the caller keeps the table at most half full.
        mutating func insert(_ forms: WordForms, for word: UnsafeBufferPointer<UInt8>, hash h: UInt64) {
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i].tag != 0 { i = (i + 1) & mask }
            slots[i] = Slot(offset: UInt32(arena.count), length: UInt16(word.count), tag: Self.tag(h))
            values[i] = forms
            arena.append(contentsOf: word)
            count += 1
        }
    }
}
