import Foundation

/// Every word form of Debian's hunspell-da dictionary with the places it may take in a
/// compound, as the dictionary's affix file says: which forms begin a compound
/// (`COMPOUNDBEGIN`), continue one (`COMPOUNDMIDDLE`) or end one (`COMPOUNDEND`), which exist
/// only inside compounds (`ONLYINCOMPOUND`), and how many of a form's last letters are a
/// linking element.
///
/// hunspell-da writes linking letters as suffixes that make compound-only forms: the rule for
/// "-s-" turns `belysning` into `belysnings` (begin, middle, only in compounds); "-e-" with a
/// doubled consonant turns `skat` into `skatte`; a form that ends a compound carries the end
/// flag on every inflection (`skatten`, `udgifterne`). Expanding the affix rules once gives a
/// table in which "may `bils` begin a compound?" is one lookup: no (bil takes no linking s), so
/// `bilskatten` is bil + skatten and never bils + katten.
///
/// Read from `/usr/share/hunspell/da_DK.aff` and `.dic` (Debian package hunspell-da) on first
/// use; without them the table has no forms and nothing is split on its evidence. The table
/// also holds the word list's words (`Roles.listed`), so that one lookup answers both.
struct CompoundForms: Sendable {
    /// What a form may be, two bytes per form.
    struct Roles: OptionSet, Sendable {
        let rawValue: UInt16
        static let begin = Roles(rawValue: 1)
        static let middle = Roles(rawValue: 2)
        static let end = Roles(rawValue: 4)
        /// A word on its own, not only inside compounds.
        static let word = Roles(rawValue: 8)
        static let all: Roles = [.begin, .middle, .end, .word]

        /// Letters at the end of a begin or middle form that link it to the next part:
        /// 1 for `belysnings`, 2 for `skatte`.
        var link: Int { Int(rawValue >> 4 & 0x0F) }
        func with(link: Int) -> Roles { Roles(rawValue: rawValue & 0xFF0F | UInt16(min(link, 15)) << 4) }

        /// Letters of the dictionary word an end form inflects (4 for `baner`, of bane; 3 for
        /// `vejene`, of vej); 0 when unknown. Telling a head of three letters ("vej") from a
        /// chance piece ("stand|arder") needs the word, not the inflected form.
        var root: Int { Int(rawValue >> 8 & 0x3F) }
        func with(root: Int) -> Roles { Roles(rawValue: rawValue & 0xC0FF | UInt16(min(root, 63)) << 8) }

        /// Only a name's form ("ålborg" of Ålborg): never a part by way of the word list.
        static let name = Roles(rawValue: 0x4000)
        /// A word of the word list (`DanishLexicon`), which the table holds too: the lexicon's
        /// question and the decompounder's are then one lookup, and a process reads the list
        /// with the forms from the cache file instead of parsing it. Not a compound role.
        static let listed = Roles(rawValue: 0x8000)
    }

    static let affixPath = "/usr/share/hunspell/da_DK.aff"
    static let dictionaryPath = "/usr/share/hunspell/da_DK.dic"

    /// The forms, each with its roles after it in the arena (`ByteKeyTable.insertNew(_:hash:value:)`):
    /// a lookup that finds a form has its roles in the memory it compared.
    private var table: ByteKeyTable
    /// A Bloom filter over the forms, as in `ByteStringSet`: nearly every range a split tries
    /// is no form, and the filter (a sixteenth of the table's size) answers that from cache.
    private var bloom: [UInt64] = []
    /// `COMPOUNDMIN`: the fewest letters the dictionary lets a part have.
    private(set) var minimumPart = 3
    /// True once a form with a compound role is in (`add`): without hunspell-da the table
    /// holds only the word list, and nothing is split on the dictionary's evidence.
    private(set) var hasForms = false
    /// Keys that are words of the word list (`markListed`).
    private(set) var listedCount = 0

    var count: Int { table.count }
    var isEmpty: Bool { table.count == 0 }

    init(capacity: Int = 16) {
        table = ByteKeyTable(minimumCapacity: capacity)
    }

    /// The roles of a form of `rootLetters`-letter dictionary word: end forms remember it.
    static func roles(_ roles: Roles, link: Int, rootLetters: Int) -> Roles {
        roles.with(link: link).with(root: roles.contains(.end) ? rootLetters : 0)
    }

    /// The dictionary's forms, or an empty table when hunspell-da is not installed.
    static func load(affixPath: String = affixPath, dictionaryPath: String = dictionaryPath) -> CompoundForms {
        guard let aff = try? String(contentsOfFile: affixPath, encoding: .utf8),
              let dic = FileManager.default.contents(atPath: dictionaryPath) else { return CompoundForms() }
        let affixes = AffixFile(aff)
        // About one form per five bytes of the .dic file: a table that stays at most half full
        // without growing, and no larger, since each insertion is a trip to memory.
        var forms = CompoundForms(capacity: max(16, dic.count / 5))
        forms.minimumPart = affixes.compoundMinimum
        dic.withUnsafeBytes { raw in affixes.expand(raw.bindMemory(to: UInt8.self)) { forms.add($0, $1) } }
        return forms
    }

    /// What `form` (lower case) may be; empty when the dictionary does not know it.
    func roles(of form: UnsafeBufferPointer<UInt8>) -> Roles {
        guard table.count > 0, form.count <= ByteKeyTable.maximumKeyLength else { return [] }
        return table.withView { $0.value(of: form, hash: ByteKeyTable.hash(form)) }.map { Roles(rawValue: $0) } ?? []
    }

    func roles(of form: String) -> Roles {
        var copy = form
        return copy.withUTF8 { roles(of: $0) }
    }

    /// Whether the word list holds `word` (lower case).
    func isListed(_ word: String) -> Bool { roles(of: word).contains(.listed) }

    /// Runs `body` with a lookup that reads the table in place.
    func withProbe<R>(_ body: (Probe) -> R) -> R {
        table.withView { view in
            bloom.withUnsafeBufferPointer { bloom in
                body(Probe(table: view, bloom: bloom, isEmpty: table.count == 0))
            }
        }
    }

    struct Probe {
        fileprivate let table: ByteKeyTable.View
        fileprivate let bloom: UnsafeBufferPointer<UInt64>
        let isEmpty: Bool

        @inline(__always)
        func roles(of form: UnsafeBufferPointer<UInt8>) -> Roles {
            roles(of: form, hash: ByteKeyTable.hash(form))
        }

        /// `roles(of:)` for a form whose `ByteKeyTable.hash` the caller has made.
        @inline(__always)
        func roles(of form: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Roles {
            guard mayContain(hash: h), form.count <= ByteKeyTable.maximumKeyLength else { return [] }
            return table.value(of: form, hash: h).map { Roles(rawValue: $0) } ?? []
        }

        /// The filter's answer alone: false when no form has this hash, so its roles are empty.
        @inline(__always)
        func mayContain(hash h: UInt64) -> Bool {
            !isEmpty && (bloom.isEmpty || ByteStringSet.bloomMayContain(bloom, h))
        }
    }

    /// Builds the Bloom filter once every form is in; a form added later is not seen by
    /// probes until the filter is built again.
    mutating func buildFilter() {
        bloom = Array(repeating: 0, count: max(1, table.slotCount * 4 / 64))
        for h in table.hashes() { ByteStringSet.bloomInsert(&bloom, h) }
    }

    /// Merges `new` into what is known of `form`: roles add up; of two linking elements of
    /// begin or middle forms the shorter wins, so that a part keeps as much of its word as a
    /// reading allows (`forældre` is a word of its own, not "forælde" + "re").
    mutating func add(_ form: UnsafeBufferPointer<UInt8>, _ new: Roles) {
        guard !form.isEmpty, form.count <= ByteKeyTable.maximumKeyLength, !new.isEmpty else { return }
        hasForms = true
        let h = ByteKeyTable.hash(form)
        if let slot = table.find(form, hash: h) {
            let old = Roles(rawValue: table.value(at: slot))
            let links: Roles = [.begin, .middle]
            let link = !new.isDisjoint(with: links) && !old.isDisjoint(with: links) ? min(old.link, new.link) : !new.isDisjoint(with: links) ? new.link : old.link
            // Of two words an end form may inflect, the shorter: "rene" is ren's before rene's.
            let root = old.root == 0 ? new.root : new.root == 0 ? old.root : min(old.root, new.root)
            var merged = old.union(new).with(link: link).with(root: root)
            if !(old.contains(.name) && new.contains(.name)) { merged.remove(.name) }
            table.setValue(merged.rawValue, at: slot)
            return
        }
        if table.needsGrowth { table.grow() }
        table.insertNew(form, hash: h, value: new.rawValue)
    }

    mutating func add(_ form: String, _ new: Roles) {
        var copy = form
        copy.withUTF8 { add($0, new) }
    }

    /// Marks `word` (lower case) as a word of the word list, adding it when the dictionary
    /// lacks it; its other roles stay as they are. Called after every `add`, whose merging of
    /// names would otherwise see the mark as another reading.
    mutating func markListed(_ word: UnsafeBufferPointer<UInt8>) {
        guard !word.isEmpty, word.count <= ByteKeyTable.maximumKeyLength else { return }
        let h = ByteKeyTable.hash(word)
        if let slot = table.find(word, hash: h) {
            let old = table.value(at: slot)
            guard old & Roles.listed.rawValue == 0 else { return }
            table.setValue(old | Roles.listed.rawValue, at: slot)
        } else {
            if table.needsGrowth { table.grow() }
            table.insertNew(word, hash: h, value: Roles.listed.rawValue)
        }
        listedCount += 1
    }

    mutating func markListed(_ word: String) {
        var copy = word
        copy.withUTF8 { markListed($0) }
    }

    /// The forms with their roles, and the filter, as bytes, for `CompoundFormsCache`.
    func serialized() -> [UInt8] {
        let table = table.serialized()
        var out: [UInt8] = []
        func append<T>(_ values: [T]) { values.withUnsafeBytes { out += $0 } }
        append([UInt64(table.count), UInt64(bloom.count), UInt64(minimumPart), UInt64(listedCount), hasForms ? 1 : 0])
        out += table
        append(bloom)
        return out
    }

    /// Forms from `serialized()`; nil when the bytes do not describe them consistently.
    init?(serialized bytes: [UInt8]) {
        var reader = CacheReader(bytes: bytes, size: bytes.count)
        self.init(reading: &reader)
        guard reader.remaining == 0 else { return nil }
    }

    /// The same, read from `reader`, each part straight into the memory that keeps it; the
    /// reader must hold no more than the forms.
    init?(reading reader: inout CacheReader) {
        let headerBytes = 40
        guard let header = reader.words(5) else { return nil }
        let tableBytes = Int(clamping: header[0]), bloomCount = Int(clamping: header[1])
        // The filter's blocks are a power of two (or none).
        let size = reader.size
        guard tableBytes <= size, bloomCount <= size, bloomCount & (bloomCount - 1) == 0,
              size == headerBytes + tableBytes + bloomCount * 8, header[2] < 64, header[4] <= 1,
              let table = ByteKeyTable(reading: &reader, byteCount: tableBytes, valueBytes: 2),
              header[3] <= UInt64(table.count) else { return nil }
        var complete = true
        let bloom: [UInt64] = LargeArray.make(count: bloomCount) { target in
            complete = reader.read(into: UnsafeMutableRawBufferPointer(target))
            if !complete { target.initialize(repeating: 0) }
        }
        guard complete else { return nil }
        self.table = table
        self.bloom = bloom
        minimumPart = Int(header[2])
        listedCount = Int(header[3])
        hasForms = header[4] == 1
    }
}

/// The parts of a hunspell affix file that say how words inflect and compound: the suffix
/// rules (`SFX`) and the compound flags. Flags are numbers (`FLAG num`), as in hunspell-da.
struct AffixFile {
    struct Rule {
        var strip: [UInt8]
        var add: [UInt8]
        var stripLetters: Int
        /// The condition on the word's last letters, last letter first.
        var condition: [CharacterClass]
        /// Roles of the form the rule makes, from its continuation flags.
        var roles: CompoundForms.Roles
        /// Continuation flags that are suffix groups themselves (a second suffix may follow).
        var next: [Int]
    }

    enum CharacterClass {
        case any
        case oneOf(Set<Unicode.Scalar>)
        case noneOf(Set<Unicode.Scalar>)

        func matches(_ s: Unicode.Scalar) -> Bool {
            switch self {
            case .any: true
            case .oneOf(let set): set.contains(s)
            case .noneOf(let set): !set.contains(s)
            }
        }
    }

    var suffixes: [Int: [Rule]] = [:]
    var begin = -1, middle = -1, end = -1, onlyInCompound = -1, needAffix = -1, forbidden = -1
    var compoundMinimum = 3

    init(_ text: String) {
        var headers: [[Substring]] = []
        var rules: [[Substring]] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let key = fields.first else { continue }
            switch key {
            case "COMPOUNDBEGIN": begin = Int(fields[1]) ?? -1
            case "COMPOUNDMIDDLE": middle = Int(fields[1]) ?? -1
            case "COMPOUNDEND": end = Int(fields[1]) ?? -1
            case "ONLYINCOMPOUND": onlyInCompound = Int(fields[1]) ?? -1
            case "NEEDAFFIX": needAffix = Int(fields[1]) ?? -1
            case "FORBIDDENWORD": forbidden = Int(fields[1]) ?? -1
            case "COMPOUNDMIN": compoundMinimum = Int(fields[1]) ?? 3
            case "SFX" where fields.count == 4: headers.append(fields)
            case "SFX" where fields.count >= 5: rules.append(fields)
            default: break
            }
        }
        let groups = Set(headers.compactMap { Int($0[1]) })
        for f in rules {
            guard let flag = Int(f[1]) else { continue }
            let strip = f[2] == "0" ? "" : String(f[2])
            let addField = f[3].split(separator: "/", maxSplits: 1)
            let add = addField.first.map { $0 == "0" ? "" : String($0) } ?? ""
            let continuation = addField.count > 1 ? addField[1].split(separator: ",").compactMap { Int($0) } : []
            suffixes[flag, default: []].append(Rule(strip: Array(strip.utf8), add: Array(add.utf8), stripLetters: strip.unicodeScalars.count,
                                    condition: Self.condition(f[4]),
                                    roles: roles(of: continuation), next: continuation.filter { groups.contains($0) && $0 != flag }))
        }
    }

    /// The roles flags give a form: a form is a word of its own unless it is only in compounds.
    func roles(of flags: [Int]) -> CompoundForms.Roles {
        var r: CompoundForms.Roles = flags.contains(onlyInCompound) ? [] : .word
        if flags.contains(begin) { r.insert(.begin) }
        if flags.contains(middle) { r.insert(.middle) }
        if flags.contains(end) { r.insert(.end) }
        return r
    }

    /// "[^e]r" → [r, not e]: classes from the last letter back.
    static func condition(_ text: Substring) -> [CharacterClass] {
        guard text != "." else { return [] }
        var classes: [CharacterClass] = []
        var scalars = Array(text.unicodeScalars)[...]
        while let s = scalars.popFirst() {
            if s == "[" {
                var set = Set<Unicode.Scalar>()
                let negated = scalars.first == "^"
                if negated { scalars.removeFirst() }
                while let c = scalars.popFirst(), c != "]" { set.insert(c) }
                classes.append(negated ? .noneOf(set) : .oneOf(set))
            } else {
                classes.append(s == "." ? .any : .oneOf([s]))
            }
        }
        return classes.reversed()
    }

    /// Calls `emit` with every form of every entry of a `.dic` file (lower-cased, letters
    /// only) and its roles.
    ///
    /// A form is the stem, the stem with one suffix, or with a suffix its first suffix allows
    /// (hunspell's two-fold suffixes). Linking lengths count the letters a form has beyond
    /// what it shares with its stem. Entries written as prefixes ("kommunal-", "af-") give
    /// their begin forms without the hyphen; `Decompounder.badHeads` keeps out the ones that
    /// are no search term.
    func expand(_ dic: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeBufferPointer<UInt8>, CompoundForms.Roles) -> Void) {
        // The rule groups by flag number, in an array: looked up for every flag of every entry.
        var groups = [[Rule]?](repeating: nil, count: (suffixes.keys.max() ?? 0) + 1)
        for (flag, rules) in suffixes where flag >= 0 { groups[flag] = rules }
        var lineStart = 0
        var first = true
        var scratch: [UInt8] = []
        var inner: [UInt8] = []
        for i in 0...dic.count where i == dic.count || dic[i] == 0x0A {
            defer { lineStart = i + 1 }
            if first { first = false; continue }  // the entry count
            guard i > lineStart else { continue }
            var wordEnd = lineStart, flagsEnd = lineStart
            while wordEnd < i, dic[wordEnd] != 0x2F, dic[wordEnd] != 0x09, dic[wordEnd] != 0x20 { wordEnd += 1 }
            var flags: [Int] = []
            if wordEnd < i, dic[wordEnd] == 0x2F {
                flagsEnd = wordEnd + 1
                var value = 0, any = false
                while flagsEnd < i, dic[flagsEnd] != 0x09, dic[flagsEnd] != 0x20, dic[flagsEnd] != 0x0D {
                    let b = dic[flagsEnd]
                    if b == 0x2C { if any { flags.append(value) }; value = 0; any = false } else if b >= 0x30 && b <= 0x39 { value = value * 10 + Int(b - 0x30); any = true }
                    flagsEnd += 1
                }
                if any { flags.append(value) }
            }
            guard !flags.contains(forbidden) else { continue }
            var stem: [UInt8] = []
            UTF8Text.appendLowercased(UnsafeBufferPointer(rebasing: dic[lineStart..<wordEnd]), to: &stem)
            // A capitalised entry is a name: its forms are marked, so the word list's copy of
            // them ("ålborg") does not begin compounds ("Ålborgvej").
            let name: CompoundForms.Roles = stem.elementsEqual(dic[lineStart..<wordEnd]) ? [] : .name
            let letters = Array(String(decoding: stem, as: UTF8.self).unicodeScalars)
            if !flags.contains(needAffix) { Self.emitIfWord(stem, CompoundForms.roles(roles(of: flags), link: 0, rootLetters: letters.count).union(name), emit) }
            for flag in flags {
                guard flag >= 0, flag < groups.count, let group = groups[flag] else { continue }
                for rule in group where Self.applies(rule, to: stem, letters[...]) {
                    scratch.removeAll(keepingCapacity: true)
                    scratch.append(contentsOf: stem[..<(stem.count - rule.strip.count)])
                    scratch.append(contentsOf: rule.add)
                    Self.emitIfWord(scratch, CompoundForms.roles(rule.roles, link: Self.linkLetters(stem, scratch), rootLetters: letters.count).union(name), emit)
                    guard !rule.next.isEmpty else { continue }
                    let formLetters = letters.dropLast(rule.stripLetters) + Array(String(decoding: rule.add, as: UTF8.self).unicodeScalars)
                    for flag2 in rule.next {
                        for rule2 in groups[flag2] ?? [] where Self.applies(rule2, to: scratch, formLetters[...]) {
                            inner.removeAll(keepingCapacity: true)
                            inner.append(contentsOf: scratch[..<(scratch.count - rule2.strip.count)])
                            inner.append(contentsOf: rule2.add)
                            Self.emitIfWord(inner, CompoundForms.roles(rule2.roles, link: Self.linkLetters(stem, inner), rootLetters: letters.count).union(name), emit)
                        }
                    }
                }
            }
        }
    }

    /// Letters of `form` after what it shares with its stem: the linking element of a begin
    /// or middle form ("s" of `belysnings`, "te" of `skatte`).
    private static func linkLetters(_ stem: [UInt8], _ form: [UInt8]) -> Int {
        var k = 0
        while k < stem.count, k < form.count, stem[k] == form[k] { k += 1 }
        while k > 0, k < form.count, form[k] & 0xC0 == 0x80 { k -= 1 }  // not inside a letter
        return form[k...].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    private static func applies(_ rule: Rule, to stem: [UInt8], _ letters: ArraySlice<Unicode.Scalar>) -> Bool {
        guard stem.count >= rule.strip.count, letters.count >= rule.condition.count else { return false }
        if !rule.strip.isEmpty, !stem.suffix(rule.strip.count).elementsEqual(rule.strip) { return false }
        var i = letters.endIndex
        for c in rule.condition {
            i -= 1
            if !c.matches(letters[i]) { return false }
        }
        return true
    }

    /// Only forms of letters become parts ("a c.", "-årig" do not).
    private static func emitIfWord(_ form: [UInt8], _ roles: CompoundForms.Roles, _ emit: (UnsafeBufferPointer<UInt8>, CompoundForms.Roles) -> Void) {
        guard !form.isEmpty, !roles.isEmpty else { return }
        form.withUnsafeBufferPointer { bytes in
            if UTF8Text.isLowercaseLatinLetters(bytes) || String(decoding: bytes, as: UTF8.self).allSatisfy(\.isLetter) { emit(bytes, roles) }
        }
    }
}
