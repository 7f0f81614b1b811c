/// Splits Danish compounds into parts found in the lexicon.
///
/// "specialundervisningsområdet" → specialundervisning + s + området, and
/// "specialundervisning" → special + undervisning. A split needs every part in the lexicon,
/// parts of at least `minimumPart` letters, and a linking element Danish uses (none, -s-, -e-).
/// Among valid splits the one with the fewest parts wins, then the longest last part: the
/// head of a Danish compound is the last part, so it should stay whole.
final class Decompounder {
    let lexicon: DanishLexicon
    let minimumPart = 3
    let minimumWord = 7

    /// Head parts that are words but never compound heads in practice.
    static let badHeads: Set<String> = [
        "ind", "ud", "over", "under", "mod", "for", "til", "som", "der", "den", "det", "med", "and", "kun", "hen", "sig",
        "ser", "ren", "rer", "ens", "ene", "god", "gen", "sam", "fore", "ank", "ans", "ber", "ven", "ting", "lan", "tal",
        "ene", "han", "hun", "man", "mel", "sel", "tid", "ord", "ret", "rest", "ring", "arm", "kon", "pro", "pre", "tre",
    ]

    /// Derivational endings that are dictionary words but never the head of a compound:
    /// "godkend|else", "udvikl|ing" are not compounds.
    static let badTails: Set<String> = [
        "els", "else", "elsen", "elser", "elserne", "ing", "ingen", "inger", "ingerne", "ning", "ningen", "hed", "heden",
        "heder", "lig", "lige", "ligt", "isk", "iske", "ende", "ere", "erne", "sen", "ers", "ens", "ene", "nes", "tion",
        "ist", "isme", "ant", "ent", "ende", "ige", "igt", "ion", "ioner", "ering", "eringen", "ité", "mæssig", "ling",
        "lingen", "skab", "skabet", "dom", "dommen", "vis", "bar", "sel", "selen", "ighed", "ligheden", "tet", "sens",
        "ler", "lere", "ren", "rens", "kend", "ring", "ringen", "ringer", "ringerne", "tering", "teringen", "ter", "tes", "ste", "der", "dere", "ner", "nes", "ser", "mer", "ver",
    ]

    /// The lexicon's word set, fetched once: lookups then take no lock.
    private lazy var words: ByteStringSet = lexicon.words
    /// Words the index's corpus added to the list.
    private let added: ByteStringSet

    init(lexicon: DanishLexicon) {
        self.lexicon = lexicon
        added = lexicon.added
    }

    /// A word being split: its UTF-8 bytes and where each character starts, so that parts
    /// are counted in letters but looked up as byte slices without making strings.
    private struct Word {
        let bytes: [UInt8]
        /// Byte offset of each character, plus the end: `bounds[i]..<bounds[i + 1]` is character i.
        let bounds: [Int]
        /// Whether its parts may be words the corpus added. Words the list knows split only
        /// into words the list knows: a corpus's fragments ("konfe", "rencen") must not split
        /// "konferencen".
        var usesAdded = false

        init(_ text: String) {
            bytes = Array(text.utf8)
            var bounds: [Int] = []
            bounds.reserveCapacity(bytes.count + 1)
            for (i, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 { bounds.append(i) }
            bounds.append(bytes.count)
            self.bounds = bounds
        }

        var count: Int { bounds.count - 1 }

        func string(_ r: Range<Int>) -> String {
            String(decoding: bytes[bounds[r.lowerBound]..<bounds[r.upperBound]], as: UTF8.self)
        }

        func withSlice<R>(_ r: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[bounds[r.lowerBound]..<bounds[r.upperBound]])) }
        }

        /// The byte at the start of character i when that character is ASCII, else 0.
        func ascii(at i: Int) -> UInt8 { bounds[i + 1] - bounds[i] == 1 ? bytes[bounds[i]] : 0 }
    }

    /// `word` ready to be split.
    private func prepared(_ word: String, _ lists: Lists) -> Word {
        var w = Word(word)
        w.usesAdded = !lists.added.isEmpty && !w.withSlice(0..<w.count) { lists.words.contains($0) }
        return w
    }

    /// The sets a split looks words up in, borrowed for the time of one split.
    private struct Lists {
        let words: ByteStringSet.Probe
        let added: ByteStringSet.Probe
        let badHeads: ByteStringSet.Probe
        let shortHeads: ByteStringSet.Probe
        let linkedBadHeads: ByteStringSet.Probe
        let badTails: ByteStringSet.Probe
    }

    private static let badHeadSet = ByteStringSet(badHeads)
    private static let shortHeadSet = ByteStringSet(shortHeads)
    /// Words that, with a linking s or e, make a bad head: the bad heads and a few prepositions.
    private static let linkedBadHeadSet = ByteStringSet(badHeads.union(["over", "under", "efter", "gennem"]))
    private static let badTailSet = ByteStringSet(badTails)

    /// Runs `body` with the word list, the added words and the rule lists ready for lookups:
    /// one copy of the sets per word split, not one per lookup.
    private func withLists<R>(_ body: (Lists) -> R) -> R {
        let words = self.words
        return words.withProbe { words in
            added.withProbe { added in
                Self.badHeadSet.withProbe { badHeads in
                    Self.shortHeadSet.withProbe { shortHeads in
                        Self.linkedBadHeadSet.withProbe { linkedBadHeads in
                            Self.badTailSet.withProbe { badTails in
                                body(Lists(words: words, added: added, badHeads: badHeads, shortHeads: shortHeads, linkedBadHeads: linkedBadHeads, badTails: badTails))
                            }
                        }
                    }
                }
            }
        }
    }

    /// The top-level parts of `word` (lower-cased): modifier(s) then head; empty when it is not a compound.
    func topLevelParts(of word: String) -> [(text: String, offset: Int)] {
        withLists { lists in
            let w = prepared(word, lists)
            var memo = Memo(w, lists: lists)
            guard isCandidate(w, 0..<w.count, &memo) else { return [] }
            return (bestSplit(w, 0..<w.count, depth: 0, &memo) ?? []).map { (w.string($0), $0.lowerBound) }
        }
    }

    /// All parts of `word` (lower-cased), nested parts included; empty when it is not a compound.
    /// Offsets are in characters.
    func parts(of word: String) -> [(text: String, offset: Int)] {
        // Shorter than the shortest compound: no lookup at all (UTF-8 length ≥ letter count).
        if word.utf8.count < minimumWord { return [] }
        return withLists { lists in
            let w = prepared(word, lists)
            var memo = Memo(w, lists: lists)
            guard isCandidate(w, 0..<w.count, &memo), let split = bestSplit(w, 0..<w.count, depth: 0, &memo) else { return [] }
            var result: [(text: String, offset: Int)] = []
            for part in split {
                result.append((w.string(part), part.lowerBound))
                // Nested: "specialundervisning" also gives "special" and "undervisning".
                if isCandidate(w, part, &memo), let inner = bestSplit(w, part, depth: 1, &memo) {
                    result += inner.map { (w.string($0), $0.lowerBound) }
                }
            }
            return result
        }
    }

    /// Long enough, letters only, and not a short word of the list: "godkendt", "borgere",
    /// "kommune" are words, not compounds.
    private func isCandidate(_ w: Word, _ r: Range<Int>, _ memo: inout Memo) -> Bool {
        guard r.count >= minimumWord, !memo.lists.words.isEmpty, isLetters(w, r) else { return false }
        // Only the list's own short words are kept whole: a learned "midtjyske" still splits.
        return !(r.count < 10 && w.withSlice(r) { memo.lists.words.contains($0) })
    }

    private func isLetters(_ w: Word, _ r: Range<Int>) -> Bool {
        if w.withSlice(r, UTF8Text.isLowercaseLatinLetters) { return true }
        return w.string(r).allSatisfy(\.isLetter)
    }

    /// What splitting one word has looked up so far, and the lists it looks words up in. The
    /// search tries every cut and recurses into tails, so the same part is looked up and the
    /// same tail split many times over.
    private struct Memo {
        /// What `isWord` and `isGoodHead` found for a range; 0 is not looked up yet.
        static let word: UInt8 = 1, notWord: UInt8 = 2, goodHead: UInt8 = 3, badHead: UInt8 = 4

        let lists: Lists
        let size: Int
        /// Per character range, one of the verdicts above. A table for words of ordinary
        /// length; a map for the odd very long one, whose table would be huge.
        var table: [UInt8]
        var map: [Int: UInt8] = [:]
        var splits: [Int: [Range<Int>]?] = [:]

        init(_ w: Word, lists: Lists) {
            self.lists = lists
            size = w.count + 1
            table = size <= 128 ? [UInt8](repeating: 0, count: size * size) : []
        }

        func key(_ r: Range<Int>) -> Int { r.lowerBound * size + r.upperBound }

        subscript(isWord r: Range<Int>) -> UInt8 {
            get { table.isEmpty ? map[key(r), default: 0] : table[key(r)] }
            set { if table.isEmpty { map[key(r)] = newValue } else { table[key(r)] = newValue } }
        }
    }

    /// Tries every cut of the characters `r` with each linking element; parts are character ranges.
    private func bestSplit(_ w: Word, _ r: Range<Int>, depth: Int, _ memo: inout Memo) -> [Range<Int>]? {
        let memoKey = memo.key(r) * 4 + depth
        if let known = memo.splits[memoKey] { return known }
        let best = searchSplit(w, r, depth: depth, &memo)
        memo.splits[memoKey] = .some(best)
        return best
    }

    private func searchSplit(_ w: Word, _ r: Range<Int>, depth: Int, _ memo: inout Memo) -> [Range<Int>]? {
        let n = r.count
        guard n >= 2 * minimumPart else { return nil }
        var best: [Range<Int>]?
        for cut in (r.lowerBound + minimumPart)...(r.upperBound - minimumPart) {
            guard isGoodHead(w, r.lowerBound..<cut, &memo) else { continue }
            for link in 0...1 {
                let tailStart = cut + link
                guard tailStart <= r.upperBound - minimumPart else { continue }
                if link == 1 {
                    let c = w.ascii(at: cut)
                    guard c == 0x73 || c == 0x65 else { continue }  // s, e
                }
                let tail = tailStart..<r.upperBound
                var candidate: [Range<Int>]?
                if tail.count >= 4, isWord(w, tail, &memo), !w.withSlice(tail, { memo.lists.badTails.contains($0) }) {
                    candidate = [r.lowerBound..<cut, tail]
                } else if depth < 2, tail.count >= minimumWord, let rest = bestSplit(w, tail, depth: depth + 1, &memo), rest.count <= 2 {
                    candidate = [r.lowerBound..<cut] + rest
                }
                if let c = candidate, better(c, than: best) { best = c }
            }
        }
        return best
    }

    /// Three-letter words that do start compounds ("lovforslag", "dagtimerne", "sagsbehandler").
    static let shortHeads: Set<String> = ["lov", "dag", "sag", "råd", "bil", "vej", "hus", "sol", "ild", "ret", "fag", "løn", "sky", "jord", "vand", "sko", "tog", "bus", "ung", "bo"]

    /// A dictionary word that modifies compounds: not a function word, not a short word
    /// outside `shortHeads`, not a function word plus a linking letter ("fors", "overs").
    ///
    /// Asked of the same range again and again as the search recurses, so the verdict is kept
    /// with the range's word lookup; the tests run on bytes, without a `String`.
    private func isGoodHead(_ w: Word, _ r: Range<Int>, _ memo: inout Memo) -> Bool {
        guard isWord(w, r, &memo) else { return false }
        switch memo[isWord: r] {
        case Memo.goodHead: return true
        case Memo.badHead: return false
        default: break
        }
        let lists = memo.lists
        let good = w.withSlice(r) { head -> Bool in
            if lists.badHeads.contains(head) { return false }
            if r.count < 4 && !lists.shortHeads.contains(head) { return false }
            // "fors", "overs": a function word plus a linking letter. A last byte of s or e is
            // a last character of s or e: an ASCII byte never continues another character.
            if let last = head.last, last == 0x73 || last == 0x65, lists.linkedBadHeads.contains(UnsafeBufferPointer(rebasing: head.dropLast())) {
                return false
            }
            return true
        }
        memo[isWord: r] = good ? Memo.goodHead : Memo.badHead
        return good
    }

    private func isWord(_ w: Word, _ r: Range<Int>, _ memo: inout Memo) -> Bool {
        guard r.count >= minimumPart else { return false }
        let known = memo[isWord: r]
        if known != 0 { return known != Memo.notWord }
        let lists = memo.lists
        let found = w.withSlice(r) { lists.words.contains($0) || w.usesAdded && lists.added.contains($0) }
        memo[isWord: r] = found ? Memo.word : Memo.notWord
        return found
    }

    private func better(_ a: [Range<Int>], than b: [Range<Int>]?) -> Bool {
        guard let b else { return true }
        if a.count != b.count { return a.count < b.count }
        // Prefer a longer head part (first), so "kommunal|bestyrelsen" beats "kommunalbe|styrelsen".
        let minA = a.map(\.count).min() ?? 0, minB = b.map(\.count).min() ?? 0
        if minA != minB { return minA > minB }
        return a[0].count > b[0].count
    }
}
