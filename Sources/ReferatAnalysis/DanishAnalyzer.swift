/// Turns Danish text into index or query tokens.
///
///     let analyzer = DanishAnalyzer()
///     analyzer.analyze("Børne- og ungeområdet", mode: .document).map(\.term)
///     // ["børn", "børneområd", "~områd", "ungeområd", "~ung", "~områd"]
///
/// The pipeline: ICU word segmentation (locale da), NFC and case folding; line-break hyphens
/// rejoined; domain tokens (case numbers, KLE, dates, §, e-mail, URL) kept whole and split;
/// suspended hyphens expanded; stop words dropped with their positions kept; Snowball Danish
/// stemming that keeps a word's own final "s" (`LexiconStemmer`); compound parts from the lexicon and spelling variants as colocated, weaker
/// forms (marked with `Token.weakMark` in document mode); committee synonyms on the query side.
/// On the query side a compound's finest parts follow it as `.part` tokens: together they are
/// the compound written apart.
///
/// Not thread-safe (ICU and libstemmer state): use one analyzer per thread.
public final class DanishAnalyzer {
    /// Changes whenever the same text would give other tokens (lexicon, rules). An index
    /// records it and rebuilds its search index from the records when it differs, so that the
    /// index holds the tokens queries are analysed into.
    public static let version = "8"

    private let breaker = WordBreaker()
    private let stemmer: LexiconStemmer
    private let decompounder: Decompounder
    private let synonymsTable: CommitteeSynonyms
    private var cache = WordFormsCache()
    /// The forms `learnableWords(in:)` makes, kept apart from `cache`, whose forms are whole.
    private var learnabilityCache = WordFormsCache(capacity: 20_000)
    public let lexicon: DanishLexicon

    static let conjunctions: Set<String> = ["og", "eller", "samt", "&"]

    /// When not nil, document-mode analysis adds each learnable word it meets (see
    /// `WordForms.isLearnable`): the importer counts them to grow the index's lexicon.
    public var learnableWords: Set<String>?

    /// True while `learnableWords(in:)` runs: words get only the forms that decide whether
    /// they are learnable (cached in `learnabilityCache`), and `cache` is left alone.
    private var findsLearnableWordsOnly = false

    /// The learnable words of `text` (see `WordForms.isLearnable`), as document-mode analysis
    /// would collect them, without stemming or decompounding a word.
    ///
    /// An empty index learns the words its first documents share before it writes them (see
    /// the importer), so that their tokens already use those words. Finding the words this way
    /// costs a fraction of a full analysis, which then runs once, with the grown lexicon.
    /// Which words are learnable depends only on segmentation, folding, stop words and the
    /// lexicon, never on stems or compound parts, so the set is the one `analyze` collects.
    public func learnableWords(in text: String) -> Set<String> {
        learnableWords = []
        findsLearnableWordsOnly = true
        defer { learnableWords = nil; findsLearnableWordsOnly = false }
        var copy = text
        copy.withUTF8 { bytes in analyze(utf8: bytes, mode: .document) { _ in } }
        return learnableWords ?? []
    }

    public init(lexicon: DanishLexicon = .shared, synonyms: CommitteeSynonyms = .shared) {
        self.lexicon = lexicon
        synonymsTable = synonyms
        decompounder = Decompounder(lexicon: lexicon)
        stemmer = LexiconStemmer(lexicon: lexicon)
    }

    /// True when ICU and Snowball were both reachable: the analyzer is the real one.
    public var isStemmerAvailable: Bool { stemmer.isAvailable }

    /// The stem of one folded word.
    public func stem(_ word: String) -> String { stemmer.stem(CaseFolder.fold(word[...])) }

    /// A prefix term: folded, never stemmed ("psykiat*" must not become "psykiat" → "psyki").
    public func prefixTerm(_ word: String) -> String { CaseFolder.fold(word[...]) }

    /// A compound as it is also written without a linking element ("spildevandsplanen" →
    /// "spildevandplanen"), folded: writers drop the linking s, and a query should meet them.
    public func withoutLinkingElements(_ word: String) -> [String] {
        decompounder.withoutLinks(CaseFolder.fold(word[...]))
    }

    /// Compound parts of a word, for review and tests.
    public func compoundParts(_ word: String) -> [String] {
        decompounder.parts(of: CaseFolder.fold(word[...])).map(\.text)
    }

    public func analyze(_ text: String, mode: AnalysisMode) -> [Token] {
        var tokens: [Token] = []
        var copy = text
        copy.withUTF8 { bytes in
            analyze(utf8: bytes, mode: mode) { tokens.append($0) }
        }
        return tokens
    }

    /// Analyses UTF-8 bytes and hands each token to `emit`, in order.
    ///
    /// A text longer than `pieceBytes` is analysed a piece at a time, cut where no word,
    /// hyphenation, suspended hyphen, date or number can reach across (`safeCut`), with offsets
    /// and positions carried on, which gives the tokens of the whole text in one piece: the
    /// working copies (UTF-16 for ICU, offset maps, word ranges) take about eleven times the
    /// text, and a 60 MB text in one piece needed 750 MB for them.
    public func analyze(utf8 bytes: UnsafeBufferPointer<UInt8>, mode: AnalysisMode, emit: (Token) -> Void) {
        var offset = 0, base = 0
        while true {
            let rest = UnsafeBufferPointer(rebasing: bytes[offset...])
            let cut = rest.count > Self.pieceBytes ? Self.safeCut(in: rest, after: Self.pieceBytes / 2) : nil
            let last = analyzePiece(utf8: cut.map { UnsafeBufferPointer(rebasing: rest[..<$0]) } ?? rest, mode: mode) { token in
                var token = token
                token.start += offset
                token.end += offset
                token.position += base
                emit(token)
            }
            base += last + 1
            guard let cut else { return }
            offset += cut
        }
    }

    /// Text above which `analyze(utf8:)` works a piece at a time.
    static let pieceBytes = 1 << 20

    /// Where a long text may be cut: just past the first blank line at or after `start` within
    /// `pieceBytes`; else just past a line break; else just past a space (a text of one long
    /// line) — each only where `isSafeCut` holds. Nil when no such place exists.
    ///
    /// Paragraph breaks come first because a piece boundary there is a boundary anyway; a
    /// case's body joins its paragraphs with single line breaks, so without the fallbacks a
    /// 60 MB body would be one piece.
    static func safeCut(in bytes: UnsafeBufferPointer<UInt8>, after start: Int) -> Int? {
        let end = min(bytes.count, start + pieceBytes)
        if let cut = blankLine(in: bytes, from: start, to: end) { return cut }
        for separator: UInt8 in [0x0A, 0x20] {
            var i = max(start, 256)
            while i < bytes.count - 16 {
                if bytes[i] == separator, isSafeCut(bytes, at: i + 1) { return i + 1 }
                i += 1
            }
        }
        return nil
    }

    /// The offset just past the first blank line ("\n\n", spaces between allowed) in
    /// `from..<to` where `isSafeCut` holds, or nil.
    static func blankLine(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var i = max(start, 256)
        while i < end {
            if bytes[i] == 0x0A {
                var j = i + 1
                while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0D { j += 1 }
                if j < bytes.count, bytes[j] == 0x0A, isSafeCut(bytes, at: j + 1) {
                    return j + 1
                }
                i = j
            } else {
                i += 1
            }
        }
        return nil
    }

    /// True when a cut just before `offset` splits nothing the analyzer reads across
    /// whitespace: no hyphen or dash (a hyphenation, a suspended hyphen written with `-` or
    /// an en dash) in the 256 bytes before it, and no digit in the 16 bytes on either side
    /// (a date, a case or section number).
    static func isSafeCut(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard offset >= 256 else { return false }
        let before = bytes[(offset - 256)..<offset]
        if before.contains(0x2D) || before.contains(0xE2) { return false }
        let isDigit = { (byte: UInt8) in (0x30...0x39).contains(byte) }
        if bytes[(offset - 16)..<offset].contains(where: isDigit) { return false }
        return !bytes[offset..<min(bytes.count, offset + 16)].contains(where: isDigit)
    }

    /// Analyses one piece; returns its last position (-1 when it has no words).
    func analyzePiece(utf8 bytes: UnsafeBufferPointer<UInt8>, mode: AnalysisMode, emit: (Token) -> Void) -> Int {
        guard !bytes.isEmpty else { return -1 }
        let text = String(decoding: bytes, as: UTF8.self)
        // UTF-16 for ICU, with a map back to UTF-8 offsets for FTS5.
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count)
        var toUTF8: [Int32] = []
        toUTF8.reserveCapacity(bytes.count + 1)
        var offset: Int32 = 0
        for scalar in text.unicodeScalars {
            let width = Int32(UTF8.width(scalar))
            if scalar.value > 0xFFFF {
                units.append(UTF16.leadSurrogate(scalar)); units.append(UTF16.trailSurrogate(scalar))
                toUTF8.append(offset); toUTF8.append(offset)
            } else {
                units.append(UInt16(scalar.value))
                toUTF8.append(offset)
            }
            offset += width
        }
        toUTF8.append(offset)
        let words = Self.splittingSentences(breaker.words(units).map { (start: Int(toUTF8[$0.start]), end: Int(toUTF8[$0.end])) }, in: bytes)
        let spans = DomainTokenScanner.scan(bytes)

        var position = -1
        var spanIndex = 0
        var skipUntil = 0  // byte offset: words before it were consumed already
        var expansions: [Int: String] = [:]  // word index → restored compound ("børneområdet")

        @inline(__always) func word(_ k: Int) -> Substring {
            let w = words[k]
            return Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[w.start..<w.end]), as: UTF8.self))
        }

        var k = 0
        while k < words.count {
            let w = words[k]
            defer { k += 1 }
            if w.start < skipUntil { continue }
            while spanIndex < spans.count && spans[spanIndex].end <= w.start { spanIndex += 1 }
            if spanIndex < spans.count, spans[spanIndex].start <= w.start, w.start < spans[spanIndex].end {
                let span = spans[spanIndex]
                position += 1
                emit(Token(term: span.term, start: span.start, end: span.end, position: position, colocated: false, kind: .domain))
                if mode == .document {
                    for extra in span.extras where extra != span.term {
                        emit(Token(term: extra, start: span.start, end: span.end, position: position, colocated: true, kind: .domainPart))
                    }
                } else if let iso = span.extras.first, iso.count == 10, iso.hasPrefix("1") || iso.hasPrefix("2") {
                    emit(Token(term: iso, start: span.start, end: span.end, position: position, colocated: true, kind: .domainPart))
                }
                skipUntil = span.end
                spanIndex += 1
                continue
            }

            var forms = self.forms(of: UnsafeBufferPointer(rebasing: bytes[w.start..<w.end]), mode: mode)
            var start = w.start, end = w.end
            var kind = Token.Kind.word

            // "godken-" / "delse": rejoin when the joined form is a word or the parts are not.
            if k + 1 < words.count, Self.isLineBreakHyphen(bytes, from: w.end, to: words[k + 1].start) {
                let folded = forms.folded
                let next = CaseFolder.fold(word(k + 1))
                if let first = next.first, first.isLowercase, folded.allSatisfy(\.isLetter) {
                    let joined = folded + next
                    if lexicon.contains(joined) || !(lexicon.contains(folded) && lexicon.contains(next)) {
                        var copy = joined
                        forms = copy.withUTF8 { self.forms(of: $0, mode: mode) }
                        end = words[k + 1].end
                        kind = .joined
                        skipUntil = end
                    }
                }
            }

            // "børne- og ungeområdet": remember the restored forms for each suspended word.
            let suspension = kind == .word ? Self.suspensionEnd(bytes, after: w.end) : nil
            if let suspension, let tail = suspendedTail(words: words, from: k, after: suspension, bytes: bytes, word: word) {
                expansions[k] = forms.folded + tail
            }

            position += 1
            if forms.isStopWord {
                // "om- og tilbygning": a particle is a stop word alone, but restored it is a word.
                if let restored = expansions.isEmpty ? nil : expansions[k] {
                    emit(Token(term: stemmer.stem(restored), start: start, end: end, position: position, colocated: false, kind: .expansion))
                }
                continue
            }
            // Not "børne-" in "børne- og ungeområdet": a suspended word is a fragment.
            if forms.isLearnable, kind == .word, suspension == nil, !(w.end < bytes.count && bytes[w.end] == 0x2D) { learnableWords?.insert(forms.folded) }
            emit(Token(term: forms.stem, start: start, end: end, position: position, colocated: false, kind: kind))
            let restored = expansions.isEmpty ? nil : expansions[k]
            // Most words have no other form: they need no list of what was emitted.
            guard restored != nil || forms.variant != nil || !forms.parts.isEmpty || !forms.synonyms.isEmpty else { continue }
            // Few forms per word: a small array beats a Set's allocation and hashing.
            var emitted: [String] = [forms.stem]
            start = w.start

            if let restored {
                let term = stemmer.stem(restored)
                if !emitted.contains(term) {
                    emitted.append(term)
                    emit(Token(term: term, start: start, end: end, position: position, colocated: true, kind: .expansion))
                }
            }
            if let term = forms.variant, !emitted.contains(term) {
                emitted.append(term)
                emit(Token(term: term, start: start, end: end, position: position, colocated: true, kind: .variant))
            }
            for part in forms.parts where !emitted.contains(part.term) {
                emitted.append(part.term)
                emit(Token(term: part.term, start: start + part.start, end: min(end, start + part.start + part.length), position: position, colocated: true, kind: .part))
            }
            for term in forms.synonyms where !emitted.contains(term) {
                emitted.append(term)
                emit(Token(term: term, start: start, end: end, position: position, colocated: true, kind: .synonym))
            }
        }
        return position
    }

    /// Word segmentation keeps letters joined by a full stop as one word ("bl.a.", "kolding.dk");
    /// where text lost the space after a sentence, that joins its last word to the next
    /// sentence's first ("deltog Preben Petersen.Rådmand Jane Jegind"), and neither is found.
    /// A word is cut after a full stop that follows a lower-case letter (two letters or more
    /// before it) and comes before a capital with a lower-case letter after it: a sentence's
    /// start. Initials ("H.C.Andersen") and lower-case joins keep theirs.
    ///
    ///     splittingSentences([(0, 16)], in: "Petersen.Rådmand")   // [(0, 8), (9, 16)]
    static func splittingSentences(_ words: [(start: Int, end: Int)], in bytes: UnsafeBufferPointer<UInt8>) -> [(start: Int, end: Int)] {
        var out: [(start: Int, end: Int)]?
        for (k, w) in words.enumerated() {
            var start = w.start
            var i = w.start + 2
            while i < w.end - 2 {
                if bytes[i] == 0x2E, endsInLowercase(bytes, start..<i), startsASentence(bytes, (i + 1)..<w.end) {
                    if out == nil { out = Array(words[..<k]) }
                    out!.append((start, i))
                    start = i + 1
                }
                i += 1
            }
            if out != nil { out!.append((start, w.end)) }
        }
        return out ?? words
    }

    /// True when `range` holds two letters or more and its last is lower case.
    private static func endsInLowercase(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        guard let last = text.unicodeScalars.last, last.properties.isLowercase else { return false }
        return text.unicodeScalars.suffix(2).count == 2 && text.unicodeScalars.suffix(2).allSatisfy(\.properties.isAlphabetic)
    }

    /// True when `range` starts with a capital followed by a lower-case letter.
    private static func startsASentence(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let scalars = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).unicodeScalars.prefix(2)
        return scalars.count == 2 && scalars.first!.properties.isUppercase && scalars.last!.properties.isLowercase
    }

    /// The forms of one word as written (its UTF-8 bytes), from the cache in document mode.
    private func forms(of raw: UnsafeBufferPointer<UInt8>, mode: AnalysisMode) -> WordForms {
        if findsLearnableWordsOnly {
            if let hit = learnabilityCache[raw] { return hit }
            let forms = learnabilityForms(of: Substring(String(decoding: raw, as: UTF8.self)))
            learnabilityCache.insert(forms, for: raw)
            return forms
        }
        guard mode == .document else { return makeForms(of: Substring(String(decoding: raw, as: UTF8.self)), mode: mode) }
        if let hit = cache[raw] { return hit }
        let forms = makeForms(of: Substring(String(decoding: raw, as: UTF8.self)), mode: mode)
        cache.insert(forms, for: raw)
        return forms
    }

    private func makeForms(of raw: Substring, mode: AnalysisMode) -> WordForms {
        let folded = CaseFolder.fold(raw)
        guard !StopWords.contains(folded) else {
            return WordForms(folded: folded, isStopWord: true, stem: "", variant: nil, parts: [], synonyms: [])
        }
        let stem = stemmer.stem(folded)
        // A query compound gives its finest parts, which together say what it says, so that
        // "vejbelysningsudgifter" also finds "udgifterne til belysning af vejene".
        let parts = mode == .document ? decompounder.parts(of: folded) : decompounder.finestParts(of: folded)
        let seams = Set(parts.map(\.offset).filter { $0 > 0 })
        let variant = SpellingVariants.variant(of: folded, seams: seams).map { weak(stemmer.stem($0), mode) }
        var partForms: [WordForms.Part] = []
        for part in parts {
            let offset = Self.byteOffset(ofCharacter: part.offset, in: folded)
            partForms.append(.init(term: weak(stemmer.stem(part.text), mode), start: offset, length: part.text.utf8.count))
        }
        let synonyms = mode == .query
            ? synonymsTable.expansions(of: folded).filter { !$0.contains(" ") }.map { stemmer.stem($0) }
            : []
        let isLearnable = mode == .document && isLearnable(raw, folded: folded)
        return WordForms(folded: folded, isStopWord: false, stem: stem, variant: variant, parts: partForms, synonyms: synonyms, isLearnable: isLearnable)
    }

    /// The UTF-8 offset of the character at `offset` in `word` (its length when `offset` is
    /// past the end): counted on bytes for the usual word of lower-case Latin letters, each
    /// one scalar of one or two bytes, else over the word's characters.
    static func byteOffset(ofCharacter offset: Int, in word: String) -> Int {
        var copy = word
        let counted: Int? = copy.withUTF8 { bytes in
            guard UTF8Text.isLowercaseLatinLetters(bytes) else { return nil }
            var i = 0, n = 0
            while i < bytes.count, n < offset {
                i += bytes[i] < 0x80 ? 1 : 2
                n += 1
            }
            return i
        }
        if let counted { return counted }
        let chars = Array(word)
        return String(chars[..<min(offset, chars.count)]).utf8.count
    }

    /// `WordForms.isLearnable` of a document word that is not a stop word.
    private func isLearnable(_ raw: Substring, folded: String) -> Bool {
        folded.utf8.count >= 5 && raw == folded[...] && Self.isWordOfLetters(folded, minimumLength: 5) && !lexicon.contains(folded)
    }

    /// Only the forms `learnableWords(in:)` needs: the folded word, whether it is a stop word
    /// and whether it is learnable. The stem is left empty.
    private func learnabilityForms(of raw: Substring) -> WordForms {
        let folded = CaseFolder.fold(raw)
        let isStopWord = StopWords.contains(folded)
        return WordForms(folded: folded, isStopWord: isStopWord, stem: "", variant: nil, parts: [], synonyms: [],
                         isLearnable: !isStopWord && isLearnable(raw, folded: folded))
    }

    /// `word.count >= minimumLength && word.allSatisfy(\.isLetter)`, counted on bytes for
    /// the usual lower-case Danish word.
    static func isWordOfLetters(_ word: String, minimumLength: Int) -> Bool {
        var copy = word
        let plain: Int? = copy.withUTF8 { bytes in
            guard UTF8Text.isLowercaseLatinLetters(bytes) else { return nil }
            return bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        }
        if let plain { return plain >= minimumLength }
        return word.count >= minimumLength && word.allSatisfy(\.isLetter)
    }

    private func weak(_ term: String, _ mode: AnalysisMode) -> String {
        mode == .document ? String(Token.weakMark) + term : term
    }

    /// The head part that completes a suspended word: the last of the finest compound parts of
    /// the word that closes the list ("ungeområdet" → "området", "specialundervisningsområdet"
    /// → "området"), or nil when there is none.
    /// `after` is where the suspension mark after word k ends.
    private func suspendedTail(words: [(start: Int, end: Int)], from k: Int, after: Int, bytes: UnsafeBufferPointer<UInt8>, word: (Int) -> Substring) -> String? {
        var j = k + 1
        var sawConjunction = false
        while j < words.count && j <= k + 8 {
            let w = CaseFolder.fold(word(j))
            if Self.conjunctions.contains(w) { sawConjunction = true; j += 1; continue }
            if Self.suspensionEnd(bytes, after: words[j].end) != nil { j += 1; continue }
            guard sawConjunction || (after < bytes.count && bytes[after] == 0x2C) else { return nil }
            guard let last = decompounder.finestParts(of: w).last ?? decompounder.headAfterShortModifier(of: w)
                ?? decompounder.headAfterParticle(of: w, modifier: CaseFolder.fold(word(k))) else { return nil }
            // The last part as it stands at the end of the closing word.
            return String(w.dropFirst(last.offset))
        }
        return nil
    }

    /// Where the mark of a suspended word ends, when one follows the word ending at byte
    /// `end`: a hyphen, en dash, em dash or minus sign directly after the word and then a
    /// space, comma or line break ("børne- og", "Børne-, Unge-", "Social– og"), or after a
    /// space and then a space or the next word ("Social — og", "Social -og"), or a dash
    /// between two words ("Social—og"). PDFs and web
    /// editors write the hyphen as any of these. Whether a conjunction and a compound follow
    /// is `suspendedTail`'s question.
    static func suspensionEnd(_ bytes: UnsafeBufferPointer<UInt8>, after end: Int) -> Int? {
        // Fast path: nearly every word is followed by a space and a letter, or by punctuation.
        guard end < bytes.count else { return nil }
        var i = end
        let spaced = bytes[i] == 0x20
        if spaced { i += 1 }
        guard i < bytes.count, let width = dashWidth(bytes, at: i) else { return nil }
        let after = i + width
        guard after < bytes.count else { return nil }
        let next = bytes[after]
        if next == 0x20 || next == 0x2C || next == 0x0A { return after }
        // "Social -og", "Social—og": a dash written against the next word, after a space or
        // when it is a dash, not a hyphen ("Vestegnen-Syd" is one name).
        return (spaced || width > 1) && next != 0x2D && next >= 0x41 ? after : nil
    }

    /// The byte length of a hyphen (1), en dash, em dash or minus sign (3) at `i`, or nil.
    private static func dashWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        if bytes[i] == 0x2D { return 1 }
        guard bytes[i] == 0xE2, i + 2 < bytes.count else { return nil }
        switch (bytes[i + 1], bytes[i + 2]) {
        case (0x80, 0x93), (0x80, 0x94), (0x88, 0x92): return 3  // – — −
        default: return nil
        }
    }

    /// Only a hyphen, optional spaces and at least one line break between two words.
    static func isLineBreakHyphen(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        guard from < to, bytes[from] == 0x2D else { return false }
        var sawNewline = false
        for i in (from + 1)..<to {
            switch bytes[i] {
            case 0x0A: sawNewline = true
            case 0x20, 0x0D, 0x09, 0x0C: continue
            default: return false
            }
        }
        return sawNewline
    }
}
