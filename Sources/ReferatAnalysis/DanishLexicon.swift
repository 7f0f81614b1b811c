import Foundation

/// The Danish word forms that decompounding and hyphen repair trust.
///
/// Loaded once per process from `/usr/share/dict/danish` (Debian package wdanish, ~313,000
/// forms), lower-cased, and, for decompounding, hunspell-da's forms with their compound roles
/// (`CompoundForms`, from `/usr/share/hunspell/da_DK.aff` and `.dic`). An index adds the words its own corpus uses that the list lacks
/// (`adding(_:)`): "botilbud" is not in wdanish, but once an archive has used it on its own,
/// "botilbudsområdet" splits into botilbud + området.
public final class DanishLexicon: @unchecked Sendable {
    public static let defaultPath = "/usr/share/dict/danish"

    /// Words of municipal Danish that wdanish lacks but compounds are built from
    /// ("specialundervisning", "dagtilbudsområdet").
    public static let supplement: Set<String> = ["special", "dagtilbud", "dagtilbuddet", "dagtilbuddene"]

    /// The shared lexicon, loaded on first use.
    public static let shared = DanishLexicon(path: ProcessInfo.processInfo.environment["REFERAT_WORDLIST"] ?? defaultPath)

    private let lock = NSLock()
    private var loaded: ByteStringSet?
    private var loadedCompounds: CompoundForms?
    public let path: String
    /// The list this lexicon extends, if it was made by `adding(_:)`.
    private let base: DanishLexicon?
    /// Words added to the list (from the corpus), kept apart so the list is loaded once.
    let added: ByteStringSet
    /// The added words, sorted (for storage and display).
    public let addedWords: [String]

    /// The word forms of the list, read on first use: a query that needs no decompounding never pays for it.
    var words: ByteStringSet {
        if let base { return base.words }
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        var set = ByteStringSet(minimumCapacity: 400_000)
        if let data = FileManager.default.contents(atPath: path) {
            data.withUnsafeBytes { raw in Self.readLines(raw.bindMemory(to: UInt8.self), into: &set) }
        }
        if !set.isEmpty { for word in Self.supplement { set.insert(word) } }
        loaded = set
        return set
    }

    /// hunspell-da's forms and the places they may take in a compound, read on first use;
    /// the supplement's words may take any place. A lexicon made from a list of words
    /// (`init(words:)`) lets each of them take any place.
    var compoundForms: CompoundForms {
        if let base { return base.compoundForms }
        lock.lock()
        defer { lock.unlock() }
        if let loadedCompounds { return loadedCompounds }
        var forms: CompoundForms
        if let words = wordsGiven {
            forms = CompoundForms(capacity: words.count)
            for word in words { forms.add(word, .all) }
            forms.buildFilter()
        } else {
            let path = path
            forms = CompoundFormsCache.load(inputs: [CompoundForms.affixPath, CompoundForms.dictionaryPath, path], extra: Array(Self.supplement)) {
                var forms = CompoundForms.load()
                if !forms.isEmpty {
                    for word in Self.supplement { forms.add(word, .all) }
                    // The word list's names ("Ålborg"), marked so they begin no compound by way of
                    // the list ("Ålborgvej" is a street, not Ålborg).
                    if let list = FileManager.default.contents(atPath: path) {
                        list.withUnsafeBytes { raw in Self.forEachName(raw.bindMemory(to: UInt8.self)) { forms.add($0, .name) } }
                    }
                }
                forms.buildFilter()
                return forms
            }
        }
        loadedCompounds = forms
        return forms
    }

    /// Each line of a word list that starts with a capital (A–Z, À–Þ), lower-cased: only
    /// those lines are made into strings.
    static func forEachName(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (String) -> Void) {
        var lineStart = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
            defer { lineStart = i + 1 }
            guard i > lineStart else { continue }
            let first = bytes[lineStart]
            let capital = (0x41...0x5A).contains(first) || first == 0xC3 && lineStart + 1 < i && (0x80...0x9E).contains(bytes[lineStart + 1])
            if capital { body(String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<i]), as: UTF8.self).lowercased()) }
        }
    }

    /// One word per line; lines with an apostrophe ("bil's") are skipped. Most lines are
    /// lower-case letters already, so only lines with a capital or a character outside the
    /// lower-case Latin letters pay for Unicode lower-casing: the list loads in a fraction of
    /// the time.
    static func readLines(_ bytes: UnsafeBufferPointer<UInt8>, into set: inout ByteStringSet) {
        var lineStart = 0
        var needsLowercasing = false
        var hasApostrophe = false
        for i in 0...bytes.count {
            let byte: UInt8 = i < bytes.count ? bytes[i] : 0x0A
            switch byte {
            case 0x0A:
                if i > lineStart, !hasApostrophe {
                    var end = i
                    if bytes[end - 1] == 0x0D { end -= 1 }
                    let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
                    // A line of lower-case letters only (æ, ø, å are not ASCII) is its own lower case.
                    if needsLowercasing && !UTF8Text.isLowercaseLatinLetters(line) {
                        set.insert(String(decoding: line, as: UTF8.self).lowercased())
                    } else {
                        set.insert(line)
                    }
                }
                lineStart = i + 1
                needsLowercasing = false
                hasApostrophe = false
            case 0x27: hasApostrophe = true
            case 0x41...0x5A, 0x80...: needsLowercasing = true
            default: break
            }
        }
    }

    /// True when the word list was found; without it, nothing is decompounded.
    public var isLoaded: Bool { !words.isEmpty }
    public var count: Int { words.count }

    public init(path: String) {
        self.path = path
        base = nil
        added = ByteStringSet()
        addedWords = []
    }

    public init(words: some Sequence<String>) {
        path = ""
        base = nil
        added = ByteStringSet()
        addedWords = []
        let lowered = words.map { $0.lowercased() }
        wordsGiven = lowered
        loaded = ByteStringSet(lowered)
    }

    /// The words of `init(words:)`, which stand in for hunspell-da's forms as well.
    private var wordsGiven: [String]?

    private init(base: DanishLexicon, added: [String]) {
        path = base.path
        self.base = base
        addedWords = added
        self.added = ByteStringSet(added)
    }

    /// This lexicon with more words (lower-cased), sharing the loaded list.
    public func adding(_ more: some Sequence<String>) -> DanishLexicon {
        let all = Set(addedWords).union(more.map { $0.lowercased() })
        return DanishLexicon(base: base ?? self, added: all.sorted())
    }

    public func contains(_ word: some StringProtocol) -> Bool {
        let word = String(word)
        return words.contains(word) || added.contains(word)
    }
}
