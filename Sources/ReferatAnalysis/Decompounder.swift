/// Splits Danish compounds into the parts a search should find them by.
///
/// "kunststofbaner" → kunststof, kunst, stof, baner; "bilskatten" → bil, skatten;
/// "vejbelysningsudgifter" → vej, belysning, udgifter. Parts come from hunspell-da's compound
/// rules (`CompoundForms`): the first part must be a form that begins compounds, inner parts
/// forms that continue them, the last a form that ends them. A linking element belongs to the
/// form before it (`belysnings` is a begin form whose "s" links), so it is never taken from the
/// next part, and a part is emitted without it.
///
/// Among valid splits the one with the fewest parts wins: hunspell-da lists many compounds
/// whole (`kunststof`, `vindmølle`), and a split into listed words is the most likely reading.
/// Each part is then split the same way, down to the finest parts, and every run of
/// neighbouring finest parts that is itself a word is a part too: `havvindmølleparken` gives
/// hav, vind, mølle, parken, and also vindmølle and vindmølleparken.
///
/// hunspell-da gives few adjectives a compound flag, while minutes build compounds on them
/// ("regionalrådet"); so a word of the list of four letters or more may also begin or continue
/// a compound, with no linking element or with -s- or -e-, as a weaker reading that a split
/// on the dictionary's own flags always beats. A word the list knows whole is split only on
/// the dictionary's flags. Words the index learned from its corpus (`DanishLexicon.added`)
/// take any place, in words the list does not know.
final class Decompounder {
    let lexicon: DanishLexicon
    /// Parts of fewer letters match too much to be worth a search term ("is", "bo").
    let minimumPart = 3
    /// Two parts of three letters make few real compounds ("bilvej"), and trying every word
    /// of six letters costs more than those few are worth.
    let minimumWord = 7
    /// Longer runs of letters are no words (a PDF's lost spaces, a fuzzer's bytes): the
    /// search, which tries every cut, is never asked about them.
    let maximumWord = 64

    /// Words the dictionary lets begin or continue a compound that a search should not treat
    /// as parts: prepositions and adverbs that make verbs and nouns ("for|sikring",
    /// "ind|stilling", "til|bud"), and a few short words that make nonsense splits.
    static let badHeads: Set<String> = [
        "ind", "ud", "over", "under", "mod", "for", "fore", "til", "som", "der", "den", "det", "med", "and", "kun", "hen", "sig",
        "ser", "ren", "rer", "ens", "ene", "god", "gen", "sam", "ank", "ans", "ber", "ven", "lan", "han", "hun", "man", "mel", "sel",
        "kon", "pro", "pre", "tre", "op", "fra", "efter", "gennem", "bag", "mellem", "imod", "samt", "uden", "ved", "tilbage",
        "frem", "sammen", "omkring", "igen", "ikke", "selv", "alle", "hver", "ene", "ere", "erne", "eres", "ender", "ende", "ing",
        "ning", "ling", "hed", "ler", "lig", "lige", "isk", "ist", "ion", "ant", "ent", "tion", "sion", "ører", "ørs", "ters",
        "ter", "tes", "ste", "ned", "nær", "ret", "bor", "kom", "tal", "gang", "ger", "gør", "ligt", "mest", "mer", "fin", "ord",
        "und", "aller", "alt", "mis", "non", "per", "pro", "sub", "tri", "uni", "neo", "epi", "pan", "tve", "kor", "kro", "kron",
        "her", "hem", "old", "ide", "sen", "led", "fir", "ikke", "borg", "forud", "overs",
        "konk", "kombi", "alter", "eksem",
    ]

    /// Modifiers that make good splits but poor search terms: the compound's head is worth
    /// finding in "storbyer", "højskolen", "langtidsledige", "stor" and "lang" are not.
    static let unsearchedParts: Set<String> = ["stor", "små", "lang", "kort", "høj", "hvid", "lys", "ny", "halv", "hel", "fuld", "nær", "egen", "fælles", "første", "mindste", "yngste", "lille", "ekstra", "super"]

    /// Endings that the dictionary knows as words but that end derivations, not compounds:
    /// "godkend|else", "fritids|hed", "kommunal|isme".
    static let badTails: Set<String> = [
        "els", "else", "elsen", "elser", "elserne", "elses", "ing", "ingen", "inger", "ingerne", "ning", "ningen", "hed", "heden",
        "heder", "hederne", "lig", "lige", "ligt", "isk", "iske", "ende", "ere", "erne", "sen", "ers", "ens", "ene", "nes", "tion",
        "ist", "isme", "ismen", "ant", "ent", "ige", "igt", "ion", "ionen", "ioner", "ering", "eringen", "mæssig", "mæssige",
        "mæssigt", "ling", "lingen", "linger", "skab", "skabet", "skaber", "skabs", "dom", "dommen", "domme", "vis", "bar", "bare",
        "sel", "selen", "ighed", "ligheden", "tet", "sens", "ler", "lere", "ren", "rens", "kend", "ring", "ringen", "ringer",
        "ringerne", "tering", "teringen", "ter", "tes", "ste", "der", "dere", "ner", "nes", "ser", "mer", "ver", "ses", "rer",
        "ner", "ten", "sten", "gen", "ger", "gere", "ene", "ørs", "ører", "erer", "ators", "ator", "ate", "ater",
        "sted", "ster", "ell", "elle", "lse", "lsen", "else", "ensen", "lens", "lene", "rede", "ret", "rets", "ten", "tens", "ven",
        "vens", "ven", "pen", "pens", "bor", "tor", "ton", "tal", "ende", "endes", "lede", "ledes", "nemt", "ning", "løs", "løse",
        "løst", "anden", "and", "ande", "ard",
        // Rare or foreign words of the dictionary that end ordinary words by chance
        // ("plan|tage", "taks|terne", "sundhedsassist|enter", "eksem|pelvis").
        "tage", "rete", "terne", "trup", "enter", "nativ", "pelvis", "villige", "endt", "nationer", "tere", "nere",
    ]

    /// The three-letter words that are parts ("motorvej", "cykelsti", "bilskat", "lovforslag"):
    /// other three-letter pieces are mostly inflections, suffixes and chance words
    /// ("sko|len", "plejer|ske").
    static let shortHeads: Set<String> = [
        "vej", "sti", "bus", "bil", "hus", "lov", "råd", "dag", "sag", "tid", "fag", "løn", "sky", "tog", "sko", "ret", "hal", "bad",
        "bro", "dyr", "fly", "gas", "mad", "mål", "pas", "rum", "sal", "syn", "tag", "vin", "væg", "ild", "sol", "fod", "hav", "kys",
        "art", "del", "arv", "fri", "lys", "net", "bod", "mur", "ost", "uge", "ung", "søn", "far", "mor", "dør", "hjem", "bål",
        "ånd", "ø", "by", "bo", "å", "år",
    ]

    /// hunspell-da's forms and the word list's words (`CompoundForms.Roles.listed`), fetched
    /// once: lookups then take no lock.
    private lazy var compounds: CompoundForms = lexicon.compoundForms
    /// Words the index's corpus added to the list.
    private let added: ByteStringSet

    init(lexicon: DanishLexicon) {
        self.lexicon = lexicon
        added = lexicon.added
    }

    /// One part: its letters `range` in the word, and how many of them link it to the next part.
    struct Part: Equatable {
        var range: Range<Int>
        var link: Int
        /// The letters the part is searched by: without its linking element.
        var surface: Range<Int> { range.lowerBound..<(range.upperBound - link) }
    }

    /// All parts of `word` (lower-cased): the top-level ones, each split further, and the
    /// runs of finest parts that are words; in the order they start, longer first. Empty
    /// when it is not a compound. Offsets are in characters.
    func parts(of word: String) -> [(text: String, offset: Int)] {
        analyse(word) { w, memo in
            guard let top = memo.best(0..<w.count) else { return [] }
            var leaves: [Part] = []
            var ranges: [Range<Int>] = top.map(\.surface)
            for part in top {
                let finer = memo.finest(part)
                leaves += finer
                if finer.count > 1 { ranges += finer.map(\.surface) }
            }
            // Runs of neighbouring finest parts that are words ("vindmølle" in "havvindmølleparken").
            if leaves.count > 2 {
                for a in 0..<leaves.count {
                    for b in (a + 1)..<leaves.count where !(a == 0 && b == leaves.count - 1) {
                        let last = b == leaves.count - 1
                        let run = leaves[a].range.lowerBound..<(leaves[b].range.upperBound - (last ? 0 : leaves[b].link))
                        if !ranges.contains(run), memo.isWord(run, asEnd: last) { ranges.append(run) }
                    }
                }
            }
            return ranges.sorted { ($0.lowerBound, $1.count) < ($1.lowerBound, $0.count) }
                .map { (w.string($0), $0.lowerBound) }.filter { !Self.unsearchedParts.contains($0.0) }
        }
    }

    /// The head of `word` (lower-cased) after a modifier shorter than a part may be, when the
    /// modifier is one of the short words that are parts (`shortHeads`) and the rest ends
    /// compounds: "byudvalg" → udvalg. Only where the text says the word is a compound: a
    /// suspended hyphen ("Miljø- og Byudvalg") shares the head, however short the modifier
    /// before it; elsewhere such a modifier matches too much to be a part.
    func headAfterShortModifier(of word: String) -> (text: String, offset: Int)? {
        let heads: [(text: String, offset: Int)] = analyse(word, endsInPart: false) { w, memo in
            for cut in 1..<minimumPart where w.withSlice(0..<cut, { Self.shortHeadSet.contains($0) }) {
                if memo.isWord(cut..<w.count, asEnd: true) { return [(w.string(cut..<w.count), cut)] }
            }
            return []
        }
        return heads.first
    }

    /// Verbal particles that begin nouns made from verbs ("ombygning", "tilbygning",
    /// "indbetaling"): a list of such nouns names the particle alone before the last one
    /// ("om- og tilbygning", "ind- og udbetaling").
    static let particles: Set<String> = [
        "af", "an", "efter", "frem", "fra", "gen", "hen", "ind", "med", "mod", "ned", "om", "op", "over", "på", "til",
        "ud", "under",
    ]

    /// The head of `word` (lower-cased) after a particle (`particles`) when `modifier` is
    /// another particle and the rest ends compounds: "tilbygning" after "om" → bygning, so
    /// that "om- og tilbygning" restores "ombygning". Nil for any other modifier.
    func headAfterParticle(of word: String, modifier: String) -> (text: String, offset: Int)? {
        guard Self.particles.contains(modifier) else { return nil }
        let heads: [(text: String, offset: Int)] = analyse(word, endsInPart: false) { w, memo in
            for particle in Self.particles where particle != modifier && word.hasPrefix(particle) {
                let cut = particle.count
                if w.count - cut >= minimumPart, memo.isWord(cut..<w.count, asEnd: true) { return [(w.string(cut..<w.count), cut)] }
            }
            return []
        }
        return heads.first
    }

    /// `word` (lower-cased) without each linking element of its top-level split, one at a
    /// time: "spildevandsplanen" → ["spildevandplanen"]. Empty when it has none.
    func withoutLinks(_ word: String) -> [String] {
        analyse(word) { w, memo in
            guard let top = memo.best(0..<w.count), top.count > 1 else { return [] }
            return top.dropLast().filter { $0.link > 0 }.map { part in
                w.string(0..<part.surface.upperBound) + w.string(part.range.upperBound..<w.count)
            }
        }
    }

    /// The finest parts of `word` (lower-cased), without linking elements: what a query
    /// compound says, part by part ("vejbelysningsudgifter" → vej, belysning, udgifter).
    func finestParts(of word: String) -> [(text: String, offset: Int)] {
        analyse(word) { w, memo in
            guard let top = memo.best(0..<w.count) else { return [] }
            return top.flatMap { memo.finest($0) }
                .map { (w.string($0.surface), $0.surface.lowerBound) }.filter { !Self.unsearchedParts.contains($0.0) }
        }
    }

    /// `endsInPart`: give up at once when no range at the word's end, from `minimumPart`
    /// letters in, is a form that ends compounds (what every split needs). The heads after a
    /// short modifier or a particle start nearer the word's start ("om" + "bygning"), so
    /// they ask without it; only a suspended hyphen asks for them.
    private func analyse<R>(_ word: String, endsInPart: Bool = true, _ body: (Word, inout Memo) -> [R]) -> [R] {
        // Shorter than the shortest compound: no lookup at all (UTF-8 length ≥ letter count).
        if word.utf8.count < minimumWord || word.utf8.count > 4 * maximumWord { return [] }
        let w = Word(word)
        guard w.count >= minimumWord, w.count <= maximumWord else { return [] }
        let compounds = self.compounds
        guard compounds.hasForms || !added.isEmpty else { return [] }
        return compounds.withProbe { forms in
            added.withProbe { added in
                Self.badHeadSet.withProbe { badHeads in
                    Self.badTailSet.withProbe { badTails in
                        Self.shortHeadSet.withProbe { shortHeads in
                            let lists = Lists(forms: forms, added: added, badHeads: badHeads, badTails: badTails, shortHeads: shortHeads)
                            guard w.withSlice(0..<w.count, Self.isLetters) else { return [] }
                            var memo = Memo(w, lists: lists, minimumPart: minimumPart)
                            // Guards `best`: a split ends on a form that ends compounds.
                            guard memo.mayEndInPart || !endsInPart else { return [] }
                            return body(w, &memo)
                        }
                    }
                }
            }
        }
    }

    private static func isLetters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        UTF8Text.isLowercaseLatinLetters(bytes) || String(decoding: bytes, as: UTF8.self).allSatisfy(\.isLetter)
    }

    private static let badHeadSet = ByteStringSet(badHeads)
    private static let badTailSet = ByteStringSet(badTails)
    private static let shortHeadSet = ByteStringSet(shortHeads)

    /// The sets a split looks words up in, borrowed for the time of one split.
    struct Lists {
        /// hunspell-da's forms and the word list's words.
        let forms: CompoundForms.Probe
        let added: ByteStringSet.Probe
        let badHeads: ByteStringSet.Probe
        let badTails: ByteStringSet.Probe
        let shortHeads: ByteStringSet.Probe
    }

    /// A word being split: its UTF-8 bytes and where each character starts, so that parts
    /// are counted in letters but looked up as byte slices without making strings.
    struct Word {
        let bytes: [UInt8]
        /// Byte offset of each character, plus the end: `bounds[i]..<bounds[i + 1]` is character i.
        let bounds: [Int]

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

    /// What a split is judged by: fewer weak readings first, then fewer parts, then the larger
    /// smallest part, then fewer linking letters, then the longer first part. Kept beside the
    /// parts, so that a candidate is judged before its parts are put together.
    struct Score {
        var weak: Int
        var parts: Int
        /// Letters of the smallest part, without its linking element.
        var smallest: Int
        var links: Int
        /// Letters of the first part, with its linking element.
        var first: Int

        init(weak: Int, parts: Int, smallest: Int, links: Int, first: Int) {
            (self.weak, self.parts, self.smallest, self.links, self.first) = (weak, parts, smallest, links, first)
        }

        /// The score of a split that is `part` alone.
        init(_ part: Part, weak: Bool) {
            self.init(weak: weak ? 1 : 0, parts: 1, smallest: part.surface.count, links: part.link, first: part.range.count)
        }

        /// The score of `head` followed by a split scored `rest`.
        init(_ head: Part, weak: Bool, _ rest: Score) {
            self.init(weak: rest.weak + (weak ? 1 : 0), parts: rest.parts + 1, smallest: min(head.surface.count, rest.smallest),
                      links: rest.links + head.link, first: head.range.count)
        }

        func isBetter(than other: Score?) -> Bool {
            guard let other else { return true }
            if weak != other.weak { return weak < other.weak }
            if parts != other.parts { return parts < other.parts }
            if smallest != other.smallest { return smallest > other.smallest }
            // "nat|slukning", not "nats|lukning": a linking letter only where no part needs it.
            if links != other.links { return links < other.links }
            return first > other.first
        }
    }

    /// The best split of a range, as `Memo` keeps it: its score, its first part, and the best
    /// split of the rest of the range (an index into `Memo.found`; nil: the split is the
    /// first part alone). Its parts are put together only for the split chosen in the end.
    struct Found {
        var score: Score
        var head: Part
        var rest: Int?
    }

    /// What splitting one word has looked up so far: the roles of each letter range, and the
    /// best split of each range. The search tries every cut, so the same range is looked up
    /// many times over.
    ///
    /// A range is searched at one place in the word only: it begins the word's first part
    /// when it starts the word, and ends its last part when it ends the word (`best`).
    struct Memo {
        let w: Word
        let lists: Lists
        let minimumPart: Int
        let size: Int
        /// What is known of each letter range (see `rolesKnown`), 0 when nothing is yet.
        var table: [UInt64]
        var map: [Int: UInt64] = [:]
        /// The best splits found, which `table` points into.
        var found: [Found] = []
        /// Per start letter, the end of the longest range `lookUpHeads` has looked up from it.
        var headsLookedUp: [Int]
        /// True when the whole word is a word the list or the dictionary knows: it splits only
        /// on the dictionary's flags, and never into learned words.
        let isKnown: Bool
        /// False when no range that could be the last part of a split (`cut..<count`, with a
        /// part of `minimumPart` letters or more before it) can read as a form that ends a
        /// compound, as the dictionary's filter says: then the word has no split, as `best`
        /// would find after trying every cut.
        private(set) var mayEndInPart = true

        init(_ w: Word, lists: Lists, minimumPart: Int) {
            self.w = w
            self.lists = lists
            self.minimumPart = minimumPart
            size = w.count + 1
            table = size <= 128 ? [UInt64](repeating: 0, count: size * size) : []
            headsLookedUp = [Int](repeating: 0, count: size)
            isKnown = w.withSlice(0..<w.count) { whole in
                // One lookup for both questions: the table holds the list's words too.
                let roles = lists.forms.roles(of: whole)
                return roles.contains(.listed) || roles.contains(.word)
            }
            lookUpEnds()
        }

        func key(_ r: Range<Int>) -> Int { r.lowerBound * size + r.upperBound }

        /// Per range: bits 0-15 the dictionary's roles (with whether the list holds the range),
        /// bit 16 set once they are looked up; bits 17-18 the weak reading (1 + its linking
        /// letters, 0: none), bit 19 set once it is looked up. The weak reading is asked only
        /// where the dictionary has none. Bit 23 set once the table's filter was read for the
        /// range (`lookUpHeads`, `lookUpEnds`), bit 22 when it may hold the range: without it
        /// the table does not. Bits 32-47 and 48-63: the range's best split, of any number of
        /// parts and of two or more (`splitShift`): 0 not searched yet, 1 none, else 2 + its
        /// index in `found`.
        private static let rolesKnown: UInt64 = 1 << 16, weakKnown: UInt64 = 1 << 19
        private static let formsMaybe: UInt64 = 1 << 22, formsAsked: UInt64 = 1 << 23

        private static func splitShift(atLeastTwo: Bool) -> UInt64 { atLeastTwo ? 48 : 32 }

        private func entry(_ k: Int) -> UInt64 { table.isEmpty ? map[k, default: 0] : table[k] }
        private mutating func setEntry(_ k: Int, _ v: UInt64) { if table.isEmpty { map[k] = v } else { table[k] = v } }

        /// The dictionary's roles of a range, with learned words taking any place.
        mutating func reading(_ r: Range<Int>) -> CompoundForms.Roles {
            let k = key(r)
            var v = entry(k)
            if v & Self.rolesKnown == 0 {
                let lists = self.lists
                let isNoForm = v & Self.formsAsked != 0 && v & Self.formsMaybe == 0
                var roles: CompoundForms.Roles = isNoForm ? [] : w.withSlice(r) { lists.forms.roles(of: $0) }
                if !isKnown, !lists.added.isEmpty, w.withSlice(r, { lists.added.contains($0) }) { roles.formUnion(.all) }
                v |= UInt64(roles.rawValue) | Self.rolesKnown
                setEntry(k, v)
            }
            return CompoundForms.Roles(rawValue: UInt16(v & 0xFFFF))
        }

        /// The weak modifier reading of a range: a word of the list, with no linking letter
        /// (0) or a linking s or e (1); nil when there is none.
        mutating func weakLink(_ r: Range<Int>) -> Int? {
            let roles = reading(r)
            let k = key(r)
            var v = entry(k)
            if v & Self.weakKnown == 0 {
                v |= UInt64(computeWeak(r, roles)) << 17 | Self.weakKnown
                setEntry(k, v)
            }
            let weak = Int(v >> 17 & 3)
            return weak == 0 ? nil : weak - 1
        }

        private mutating func computeWeak(_ r: Range<Int>, _ roles: CompoundForms.Roles) -> Int {
            // A name's form is no part by way of the word list ("ålborg" in "ålborgvej").
            guard !roles.contains(.name) else { return 0 }
            let lists = self.lists
            let usesAdded = !isKnown && !lists.added.isEmpty
            // In a word the lists know whole, only longer modifiers: short words of the list
            // turn up by chance inside ordinary words.
            let shortest = isKnown ? 5 : 4
            if r.count >= shortest, roles.contains(.listed) { return 1 }
            if r.count >= shortest + 1, w.ascii(at: r.upperBound - 1) == 0x73 || w.ascii(at: r.upperBound - 1) == 0x65 {
                let stem = r.lowerBound..<(r.upperBound - 1)
                if isInList(stem) || usesAdded && w.withSlice(stem, { lists.added.contains($0) }) { return 2 }
            }
            return 0
        }

        /// Whether the word list holds a range, as `reading` found.
        private mutating func isInList(_ r: Range<Int>) -> Bool { reading(r).contains(.listed) }

        /// Reads the table's filter for every range that may end the word in a split
        /// (`cut..<count`), before any answer is used, as `lookUpHeads` does for heads: a part
        /// that ends the word must be a form that ends compounds, and the filter turns most of
        /// these ranges away without the table, which `reading` then skips.
        private mutating func lookUpEnds() {
            let n = w.count, first = minimumPart, last = n - minimumPart
            guard first <= last, !table.isEmpty else { return }
            let lists = self.lists, bounds = w.bounds, size = size
            var anyForm: UInt64 = 0
            w.bytes.withUnsafeBufferPointer { bytes in
                table.withUnsafeMutableBufferPointer { table in
                    for cut in first...last {
                        var h = ByteKeyTable.hashSeed
                        for i in bounds[cut]..<bytes.count { h = ByteKeyTable.hash(h, adding: bytes[i]) }
                        let form = lists.forms.mayContain(hash: h) ? Self.formsMaybe : 0
                        anyForm |= form
                        table[cut * size + n] |= Self.formsAsked | form
                    }
                }
            }
            // A learned word may end a compound too (`reading`).
            mayEndInPart = anyForm != 0 || !isKnown && !lists.added.isEmpty
        }

        /// Looks up at once every head of more than `minimumPart` letters a split of `r` tries
        /// (`r.lowerBound..<cut`), as `reading` would: their hashes grow a letter at a time,
        /// and the table's filter is read for all of them before any answer is used, so that
        /// the processor waits for those reads of memory together rather than one after
        /// another. Shorter heads are mostly turned away by `part` without a lookup.
        mutating func lookUpHeads(of r: Range<Int>) {
            let lo = r.lowerBound
            let first = max(lo + minimumPart + 1, headsLookedUp[lo] + 1), last = r.upperBound - minimumPart
            guard first <= last, !table.isEmpty else { return }
            headsLookedUp[lo] = last
            let lists = self.lists, bounds = w.bounds, size = size
            let usesAdded = !isKnown && !lists.added.isEmpty
            let n = last - first + 1
            w.bytes.withUnsafeBufferPointer { bytes in
                table.withUnsafeMutableBufferPointer { table in
                    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * n) { scratch in
                        var h = ByteKeyTable.hashSeed
                        var i = bounds[lo]
                        for cut in first...last {
                            while i < bounds[cut] { h = ByteKeyTable.hash(h, adding: bytes[i]); i += 1 }
                            scratch[cut - first] = h
                        }
                        // Only the filters, no branch on what they say: the reads overlap.
                        for j in 0..<n {
                            let h = scratch[j]
                            scratch[n + j] = lists.forms.mayContain(hash: h) ? 1 : 0
                        }
                        for j in 0..<n {
                            let cut = first + j, k = lo * size + cut
                            var v = table[k]
                            if v & Self.rolesKnown == 0 {
                                let range = UnsafeBufferPointer(rebasing: bytes[bounds[lo]..<bounds[cut]])
                                var roles: CompoundForms.Roles = scratch[n + j] & 1 != 0 ? lists.forms.roles(of: range, hash: scratch[j]) : []
                                if usesAdded, lists.added.contains(range) { roles.formUnion(.all) }
                                v |= UInt64(roles.rawValue) | Self.rolesKnown
                            }
                            table[k] = v
                        }
                    }
                }
            }
        }

        /// Whether `r` may stand in a split: not too short, not a function word as a modifier,
        /// not a derivational ending or a chance short word as the head of the range being
        /// split (`asHead`: "skole|n", "central|ring", "stand|arder").
        func isAcceptable(_ r: Range<Int>, link: Int, asHead: Bool, root: Int = 0) -> Bool {
            let surface = r.lowerBound..<(r.upperBound - link)
            guard surface.count >= minimumPart || root > 0 && root < minimumPart && surface.count >= 2 else { return false }
            let lists = self.lists
            if link > 0, w.withSlice(r, { lists.badHeads.contains($0) }) { return false }
            if w.withSlice(surface, { lists.badHeads.contains($0) }) { return false }
            // The word the part is a form of: three letters or fewer only for the known short
            // words ("vej" in "vejene", "ø" in "øer"), not "ard" in "arder" or "ren" in "rene".
            let word = surface.lowerBound..<(surface.lowerBound + min(surface.count, root > 0 ? root : surface.count))
            if word.count <= 3, !w.withSlice(word, { lists.shortHeads.contains($0) }) { return false }
            guard asHead else { return true }
            // Also with a genitive or linking s: "parke|rings" is no more a compound than "parke|ring".
            let bare = w.ascii(at: surface.upperBound - 1) == 0x73 ? surface.lowerBound..<(surface.upperBound - 1) : surface
            return !w.withSlice(surface) { lists.badTails.contains($0) } && !w.withSlice(bare) { lists.badTails.contains($0) }
        }

        /// `r` as a part at its place: how it reads (nil: it cannot), and whether the reading
        /// is weak. `end`: it ends the word; `head`: it ends the range being split.
        mutating func part(_ r: Range<Int>, first: Bool, end: Bool, head: Bool) -> (Part, weak: Bool)? {
            // Guards the rule of `isAcceptable` for three letters before any lookup (most ranges
            // tried are short); a head is judged by its dictionary word ("øer" of ø), looked up.
            if r.count == 3, !end {
                let lists = self.lists
                guard w.withSlice(r, { lists.shortHeads.contains($0) }) else { return nil }
            }
            let roles = reading(r)
            if end {
                guard roles.contains(.end), isAcceptable(r, link: 0, asHead: true, root: roles.root) else { return nil }
                return (Part(range: r, link: 0), false)
            }
            if roles.contains(first ? .begin : .middle), isAcceptable(r, link: roles.link, asHead: head) {
                return (Part(range: r, link: roles.link), false)
            }
            if let weakLink = weakLink(r), isAcceptable(r, link: weakLink, asHead: head) { return (Part(range: r, link: weakLink), true) }
            return nil
        }

        /// The best split of `r` into two or more parts: the first a begin part when `r` starts
        /// the word, the last an end part when it ends the word (else both continue a compound).
        mutating func best(_ r: Range<Int>) -> [Part]? {
            guard var index = best(r, atLeastTwo: true) else { return nil }
            var parts = [found[index].head]
            while let rest = found[index].rest {
                index = rest
                parts.append(found[index].head)
            }
            return parts
        }

        /// The index in `found` of the best split of `r` (of two or more parts when
        /// `atLeastTwo`), or nil when it has none.
        private mutating func best(_ r: Range<Int>, atLeastTwo: Bool) -> Int? {
            let k = key(r), shift = Self.splitShift(atLeastTwo: atLeastTwo)
            let known = entry(k) >> shift & 0xFFFF
            if known != 0 { return known == 1 ? nil : Int(known) - 2 }
            let first = r.lowerBound == 0, last = r.upperBound == w.count
            if r.count >= 2 * minimumPart { lookUpHeads(of: r) }
            var best: Found?
            if !atLeastTwo, let (whole, weak) = part(r, first: first, end: last, head: true) {
                best = Found(score: Score(whole, weak: weak), head: whole, rest: nil)
            }
            if r.count >= 2 * minimumPart {
                for cut in (r.lowerBound + minimumPart)...(r.upperBound - minimumPart) {
                    guard let (head, weak) = part(r.lowerBound..<cut, first: first, end: false, head: false) else { continue }
                    guard let rest = self.best(cut..<r.upperBound, atLeastTwo: false) else { continue }
                    let score = Score(head, weak: weak, found[rest].score)
                    if score.isBetter(than: best?.score) { best = Found(score: score, head: head, rest: rest) }
                }
            }
            var index: Int?
            if let best {
                index = found.count
                found.append(best)
            }
            // Read again: the lookups above wrote the range's roles.
            setEntry(k, entry(k) | UInt64(index.map { $0 + 2 } ?? 1) << shift)
            return index
        }

        /// `part` split down to its finest parts (itself when it does not split).
        mutating func finest(_ part: Part) -> [Part] {
            guard part.range.count >= 2 * minimumPart, var inner = best(part.range) else { return [part] }
            // The part's own linking element stays with its last inner part.
            inner[inner.count - 1].link = part.link
            return inner.flatMap { finest($0) }
        }

        /// Whether a run of parts is a word: an inflected form at the end of the word, the
        /// form itself elsewhere.
        mutating func isWord(_ r: Range<Int>, asEnd: Bool) -> Bool {
            let roles = reading(r)
            if roles.contains(.word) || asEnd && roles.contains(.end) { return true }
            return isInList(r)
        }
    }
}
