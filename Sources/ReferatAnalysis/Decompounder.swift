/// Splits Danish compounds into parts found in the lexicon.
///
/// "specialundervisningsområdet" → specialundervisning + s + området, and
/// "specialundervisning" → special + undervisning. A split needs every part in the lexicon,
/// parts of at least `minimumPart` letters, and a linking element Danish uses (none, -s-, -e-).
/// Among valid splits the one with the fewest parts wins, then the longest last part: the
/// head of a Danish compound is the last part, so it should stay whole.
final class Decompounder {
    struct Split: Hashable {
        /// Each part with its offset in characters into the word.
        var parts: [(text: String, offset: Int)]

        static func == (a: Split, b: Split) -> Bool { a.parts.map(\.text) == b.parts.map(\.text) && a.parts.map(\.offset) == b.parts.map(\.offset) }
        func hash(into h: inout Hasher) { for p in parts { h.combine(p.text); h.combine(p.offset) } }
    }

    let lexicon: DanishLexicon
    let minimumPart = 3
    let minimumWord = 7
    private var cache: [String: [(text: String, offset: Int)]] = [:]

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
    private lazy var words: Set<String> = lexicon.words

    init(lexicon: DanishLexicon) {
        self.lexicon = lexicon
    }

    /// The top-level parts of `word` (lower-cased): modifier(s) then head; empty when it is not a compound.
    func topLevelParts(of word: String) -> [(text: String, offset: Int)] {
        guard isCandidate(word) else { return [] }
        return bestSplit(word, depth: 0) ?? []
    }

    /// Long enough, letters only, and not a short dictionary word: "godkendt", "borgere",
    /// "kommune" are words, not compounds.
    private func isCandidate(_ word: String) -> Bool {
        let count = word.count
        guard count >= minimumWord, !words.isEmpty, word.allSatisfy(\.isLetter) else { return false }
        return !(count < 10 && words.contains(word))
    }

    /// All parts of `word` (lower-cased), nested parts included; empty when it is not a compound.
    func parts(of word: String) -> [(text: String, offset: Int)] {
        // Shorter than the shortest compound: no lookup at all (UTF-8 length ≥ letter count).
        if word.utf8.count < minimumWord { return [] }
        if let hit = cache[word] { return hit }
        var result: [(text: String, offset: Int)] = []
        if isCandidate(word), let split = bestSplit(word, depth: 0) {
            for part in split {
                result.append(part)
                // Nested: "specialundervisning" also gives "special" and "undervisning".
                if isCandidate(part.text), let inner = bestSplit(part.text, depth: 1) {
                    result += inner.map { ($0.text, $0.offset + part.offset) }
                }
            }
        }
        if cache.count > 100_000 { cache.removeAll(keepingCapacity: true) }
        cache[word] = result
        return result
    }

    /// Tries every cut of `word` with each linking element; parts are Substrings of the word
    /// (small strings need no allocation), offsets are in characters.
    private func bestSplit(_ word: String, depth: Int) -> [(text: String, offset: Int)]? {
        let idx = Array(word.indices) + [word.endIndex]
        let n = idx.count - 1
        var best: [(text: String, offset: Int)]?
        guard n >= 2 * minimumPart else { return nil }
        for cut in minimumPart...(n - minimumPart) {
            let head = String(word[idx[0]..<idx[cut]])
            guard isGoodHead(head) else { continue }
            for link in 0...1 {
                let tailStart = cut + link
                guard tailStart <= n - minimumPart else { continue }
                if link == 1 {
                    let c = word[idx[cut]]
                    guard c == "s" || c == "e" else { continue }
                }
                let tail = String(word[idx[tailStart]..<idx[n]])
                var candidate: [(text: String, offset: Int)]?
                if n - tailStart >= 4, isWord(tail), !Self.badTails.contains(tail) {
                    candidate = [(head, 0), (tail, tailStart)]
                } else if depth < 2, n - tailStart >= minimumWord, let rest = bestSplit(tail, depth: depth + 1), rest.count <= 2 {
                    candidate = [(head, 0)] + rest.map { ($0.text, $0.offset + tailStart) }
                }
                if let c = candidate, better(c, than: best) { best = c }
            }
        }
        return best
    }

    /// Three-letter words that do start compounds ("lovforslag", "dagtimerne", "sagsbehandler").
    static let shortHeads: Set<String> = ["lov", "dag", "sag", "råd", "bil", "vej", "hus", "sol", "ild", "ret", "fag", "løn", "sky", "jord", "vand", "sko", "tog", "bus", "ung", "bo"]

    private func isGoodHead(_ head: String) -> Bool {
        guard isWord(head), !Self.badHeads.contains(head) else { return false }
        if head.count < 4 && !Self.shortHeads.contains(head) { return false }
        // "fors" is "for" + s, "overs" is "over" + s: function words, not modifiers.
        if let last = head.last, last == "s" || last == "e", Self.badHeads.contains(String(head.dropLast())) || ["over", "under", "efter", "gennem"].contains(String(head.dropLast())) { return false }
        return true
    }

    private func isWord(_ s: String) -> Bool {
        s.count >= minimumPart && words.contains(s)
    }

    private func better(_ a: [(text: String, offset: Int)], than b: [(text: String, offset: Int)]?) -> Bool {
        guard let b else { return true }
        if a.count != b.count { return a.count < b.count }
        // Prefer a longer head part (first), so "kommunal|bestyrelsen" beats "kommunalbe|styrelsen".
        let minA = a.map(\.text.count).min() ?? 0, minB = b.map(\.text.count).min() ?? 0
        if minA != minB { return minA > minB }
        return a[0].text.count > b[0].text.count
    }
}
