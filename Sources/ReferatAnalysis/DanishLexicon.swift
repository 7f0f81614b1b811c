import Foundation

/// The Danish word forms that decompounding and hyphen repair trust.
///
/// Loaded once per process from `/usr/share/dict/danish` (Debian package wdanish, ~313,000
/// forms), lower-cased, and, for decompounding, hunspell-da's forms with their compound roles
/// (`CompoundForms`, from `/usr/share/hunspell/da_DK.aff` and `.dic`), in one table that
/// marks the list's words (`CompoundForms.Roles.listed`) and that `CompoundFormsCache` keeps
/// on disk. An index adds the words its own corpus uses that the list lacks
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
    private var loadedCompounds: CompoundForms?
    public let path: String
    /// The list this lexicon extends, if it was made by `adding(_:)`.
    private let base: DanishLexicon?
    /// Words added to the list (from the corpus), kept apart so the list is loaded once.
    let added: ByteStringSet
    /// The added words, sorted (for storage and display).
    public let addedWords: [String]

    /// hunspell-da's forms and the places they may take in a compound, and the words of the
    /// list (with the supplement when the list was found), read on first use; the
    /// supplement's words may take any place. A lexicon made from a list of words
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
            for word in words { forms.markListed(word) }
            forms.buildFilter()
        } else {
            let path = path
            forms = CompoundFormsCache.load(inputs: [CompoundForms.affixPath, CompoundForms.dictionaryPath, path], extra: Array(Self.supplement)) {
                var forms = CompoundForms.load()
                let list = FileManager.default.contents(atPath: path)
                if !forms.isEmpty {
                    for word in Self.supplement { forms.add(word, .all) }
                    // The word list's names ("Ålborg"), marked so they begin no compound by way of
                    // the list ("Ålborgvej" is a street, not Ålborg).
                    list?.withUnsafeBytes { raw in Self.forEachName(raw.bindMemory(to: UInt8.self)) { forms.add($0, .name) } }
                }
                // The list's words last: `markListed` after every `add`.
                list?.withUnsafeBytes { raw in Self.forEachWord(raw.bindMemory(to: UInt8.self)) { forms.markListed($0) } }
                if forms.listedCount > 0 { for word in Self.supplement { forms.markListed(word) } }
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

    /// Calls `body` with each word of a word list, lower-cased: one word per line; lines with
    /// an apostrophe ("bil's") are skipped. Most lines are lower-case letters already, so only
    /// lines with a capital or a character outside the lower-case Latin letters pay for
    /// Unicode lower-casing: the list is read in a fraction of the time.
    static func forEachWord(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
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
                        var lowered = String(decoding: line, as: UTF8.self).lowercased()
                        lowered.withUTF8(body)
                    } else {
                        body(line)
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
    public var isLoaded: Bool { count > 0 }
    /// The words of the list.
    public var count: Int { compoundForms.listedCount }

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
        wordsGiven = words.map { $0.lowercased() }
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
        return compoundForms.isListed(word) || added.contains(word)
    }
}
