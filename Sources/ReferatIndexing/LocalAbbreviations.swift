public import ReferatAnalysis

/// The committee abbreviations one municipality uses, applied to its entries' tokens: where
/// the abbreviation stands, the name's forms are indexed beside it, and where the name stands,
/// the abbreviation is; so that "KFU" finds "Kultur- og Fritidsudvalget" in the municipality
/// that means it, and the name finds "KFU" there, and nowhere else.
///
///     let local = LocalAbbreviations([("kfu", "kultur- og fritidsudvalget")], analyzer: analyzer)
///     local.replay(AnalysedText(text: "Beslutning KFU", analyzer: analyzer)) { term, token in … }
///     // beslutning, kfu, kultur, fritidsudvalg, ~fritid, ~udvalg, …
///
/// The letters count only where they are written in capitals. The added forms share the position of the word they stand beside (the name's forms sit on
/// the abbreviation; the abbreviation on the name's last word), as colocated tokens. They are
/// a function of the text and the archive's learned pairs (see `ArchiveStore`'s abbreviation
/// step), so a rebuild from the records gives the same index.
///
/// What other municipalities taught is a fallback, for letters this municipality never
/// defines: its forms are weak, so they rank below the municipality's own meaning and below
/// the words as written. A name finds the letters other municipalities give it; letters find
/// a name only when every municipality that defines them means the same one.
public struct LocalAbbreviations: Sendable {
    struct Form: Hashable, Sendable {
        var term: [UInt8]
        var weak: Bool
    }

    /// The abbreviation's term → the name's forms to add beside it.
    private var expansions: [[UInt8]: [Form]] = [:]
    /// The name's last primary term → the primary terms before it, the abbreviation's term,
    /// and whether it is a fallback (added weak).
    private var names: [[UInt8]: [(earlier: [[UInt8]], abbreviation: [UInt8], weak: Bool)]] = [:]
    /// The most primary terms of a name: how many recent terms a match needs.
    private var longest = 0

    /// Pairs of folded abbreviation and folded name (`CommitteeAbbreviation`), analysed with
    /// `analyzer` as the entries are: the municipality's own, and `fallback`, what other
    /// municipalities use (see `fallback(for:elsewhere:)`), added weak.
    public init(_ pairs: [(abbreviation: String, name: String)], fallback: [(abbreviation: String, name: String, lettersFindName: Bool)] = [],
                analyzer: DanishAnalyzer) {
        let all = pairs.map { ($0.abbreviation, $0.name, true, false) } + fallback.map { ($0.abbreviation, $0.name, $0.lettersFindName, true) }
        for (abbreviation, name, lettersFindName, isFallback) in all {
            let abbreviationText = AnalysedText(text: abbreviation, analyzer: analyzer)
            let nameText = AnalysedText(text: name, analyzer: analyzer)
            var abbreviationTerm: [UInt8]?
            _ = abbreviationText.replay { term, token in
                if !token.colocated, abbreviationTerm == nil { abbreviationTerm = Array(term) }
                return 0
            }
            var forms: [Form] = [], primary: [[UInt8]] = []
            _ = nameText.replay { term, token in
                let form = Form(term: Array(term), weak: token.weak)
                if !forms.contains(form) { forms.append(form) }
                if !token.colocated { primary.append(form.term) }
                return 0
            }
            guard let abbreviationTerm, let last = primary.last else { continue }
            if lettersFindName {
                expansions[abbreviationTerm, default: []] += forms.filter { $0.term != abbreviationTerm }
                    .map { Form(term: $0.term, weak: $0.weak || isFallback) }
            }
            names[last, default: []].append((Array(primary.dropLast()), abbreviationTerm, isFallback))
            longest = max(longest, primary.count)
        }
    }

    public var isEmpty: Bool { expansions.isEmpty && names.isEmpty }

    /// What a municipality borrows from the pairs other municipalities learned (`elsewhere`,
    /// folded abbreviation and name): nothing for letters it defines itself (`own`); for other
    /// letters, each name they stand for finds them, and the letters find the name only when
    /// they stand for one name everywhere (BUU is a children and youth committee in one
    /// municipality, children and education in another: neither is BUU's meaning where it
    /// has none).
    ///
    ///     LocalAbbreviations.fallback(for: [("ku", "kulturudvalget")],
    ///                                 elsewhere: [("tmu", "teknik- og miljøudvalget"), ("ku", "kunstudvalget")])
    ///     // [("tmu", "teknik- og miljøudvalget", lettersFindName: true)]
    public static func fallback(for own: [(abbreviation: String, name: String)], elsewhere: [(abbreviation: String, name: String)])
        -> [(abbreviation: String, name: String, lettersFindName: Bool)] {
        let defined = Set(own.map(\.abbreviation))
        var byLetters: [String: [String]] = [:]
        for pair in elsewhere where !defined.contains(pair.abbreviation) {
            if byLetters[pair.abbreviation]?.contains(pair.name) != true { byLetters[pair.abbreviation, default: []].append(pair.name) }
        }
        return byLetters.keys.sorted().flatMap { letters in
            let names = byLetters[letters]!
            return names.map { (letters, $0, names.count == 1) }
        }
    }

    /// Hands each token of `text` to `body`, as `AnalysedText.replay` does, with the added
    /// forms after the word they stand beside; stops at and returns the first non-zero status.
    public func replay(_ text: AnalysedText, _ body: (UnsafeBufferPointer<UInt8>, AnalysedText.Token) -> Int32) -> Int32 {
        text.text.withUnsafeBufferPointer { source in replay(source: source, tokens: text.replay, body) }
    }

    /// The same for `source`'s tokens as `tokens` hands them over (`AnalysedText.replay`, or
    /// `AnalysedText.stream` for a text analysed as it is read).
    public func replay(source: UnsafeBufferPointer<UInt8>, tokens: ((UnsafeBufferPointer<UInt8>, AnalysedText.Token) -> Int32) -> Int32,
                       _ body: (UnsafeBufferPointer<UInt8>, AnalysedText.Token) -> Int32) -> Int32 {
        var recent: [[UInt8]] = []
        // `tokens` calls the closure only while it runs: `body` does not escape.
        return withoutActuallyEscaping(body) { body in tokens { term, token in
            let status = body(term, token)
            guard status == 0, !token.colocated else { return status }
            let key = Array(term)
            recent.append(key)
            if recent.count > longest { recent.removeFirst(recent.count - longest) }
            // A word weak as written is the routing's (`AnalysedText.fieldTexts`; compound parts
            // and variants stand beside a word): it says where the item goes, so the committee
            // it names is not added in other words.
            guard !token.weak else { return 0 }
            var added = token
            added.colocated = true
            // Only the letters in capitals: "BY" is Byrådet, "by" is a town.
            if let forms = expansions[key], Self.isCapitals(source, token) {
                // Letters heading a code ("BUU-A-05") number one of the committee's papers:
                // weak evidence that the entry is about the committee, as a routing is.
                let inCode = Self.headsACode(source, token)
                for form in forms {
                    added.weak = form.weak || inCode
                    let status = form.term.withUnsafeBufferPointer { body($0, added) }
                    if status != 0 { return status }
                }
            }
            if let candidates = names[key] {
                for (earlier, abbreviation, weak) in candidates where recent.count > earlier.count
                    && recent[(recent.count - 1 - earlier.count)..<(recent.count - 1)].elementsEqual(earlier) {
                    added.weak = weak
                    let status = abbreviation.withUnsafeBufferPointer { body($0, added) }
                    if status != 0 { return status }
                }
            }
            return 0
        } }
    }

    /// True when a hyphen and a letter or digit follow the token's source ("BUU" in "BUU-A-05"),
    /// the shape `CommitteeAbbreviationFinder.lettersInCodes` reads.
    static func headsACode(_ text: UnsafeBufferPointer<UInt8>, _ token: AnalysedText.Token) -> Bool {
        let end = Int(token.end)
        guard end + 1 < text.count, text[end] == 0x2D else { return false }
        let next = text[end + 1]
        return (0x30...0x39).contains(next) || (0x41...0x5A).contains(next) || next >= 0xC3
    }

    /// True when the token's source has no lower-case letter.
    static func isCapitals(_ text: UnsafeBufferPointer<UInt8>, _ token: AnalysedText.Token) -> Bool {
        let start = Int(token.start), end = Int(token.end)
        guard start < end, end <= text.count else { return false }
        let source = String(decoding: text[start..<end], as: UTF8.self)
        return !source.contains { $0.isLowercase }
    }
}
