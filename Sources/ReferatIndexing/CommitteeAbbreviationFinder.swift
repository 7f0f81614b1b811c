public import ReferatRecords

/// A committee abbreviation and the full name one document gives it ("kfu" → "kultur- og
/// fritidsudvalget"), both folded to lower case.
public struct CommitteeAbbreviation: Hashable, Sendable, Codable {
    public var abbreviation: String
    public var name: String
    /// True when the document wrote the two side by side ("Kultur- og Fritidsudvalget (KFU)"),
    /// false when they were paired by position (routing against decision headers) or by a
    /// document that uses the abbreviation and names the committee elsewhere.
    public var explicit: Bool

    public init(abbreviation: String, name: String, explicit: Bool) {
        self.abbreviation = abbreviation
        self.name = name
        self.explicit = explicit
    }
}

/// Finds what a document's committee abbreviations stand for, from the document alone.
///
///     CommitteeAbbreviationFinder.pairs(in: document)
///     // [kfu → kultur- og fritidsudvalget] for "… Kultur- og Fritidsudvalget (KFU) …"
///
/// Municipalities use the same letters for different committees (BUU is a children and youth
/// committee in one, children and education in another), so the archive learns them from
/// each municipality's own documents. Four shapes tell:
/// - a name and an abbreviation in parentheses, either way round;
/// - a legend of abbreviations ("BY=Byråd, ØK=Økonomiudvalg, PBU=Plan- og Boligudvalg", or
///   letters and names in columns);
/// - a case's routing ("BUU/VPU, ØK, KB") beside its decision headers, which name the same
///   committees in the same order;
/// - an abbreviation used in the routing or as a decision's body, as a label on a line of its
///   own ("MIU:" above the committee's decision), in a column of letters (a routing grid
///   whose cells a converter dropped), or at the head of a code the committee numbers its
///   papers with ("ændringsforslag BUU-A-03"), where the document names one committee
///   elsewhere whose word starts spell it.
///
/// Every pair must spell: each word of the name gives the abbreviation its first letter, and
/// may give further letters that continue it ("ØKonomiudvalget") or that begin the
/// committee word inside it ("FritidsUdvalget"). Letters that do not spell the name are never
/// paired, however often they stand beside it.
public enum CommitteeAbbreviationFinder {
    /// The pairs one document gives, each once; explicit evidence wins over positional.
    public static func pairs(in document: Document) -> [CommitteeAbbreviation] {
        var found: [String: CommitteeAbbreviation] = [:]
        func add(_ abbreviation: String, _ name: String, explicit: Bool) {
            let pair = CommitteeAbbreviation(abbreviation: fold(abbreviation), name: normalisedName(name), explicit: explicit)
            let key = pair.abbreviation + "\u{0}" + pair.name
            if found[key] == nil || explicit { found[key] = pair }
        }
        let lines = TextLines.of(document.text)
        for (abbreviation, name) in parenthesised(in: lines) + legend(in: lines) { add(abbreviation, name, explicit: true) }

        // Committees the document names in full, for abbreviations it uses without one.
        var named: [String]?
        func namedCommittees() -> [String] {
            if let named { return named }
            var names: [String] = []
            var texts: [String] = []
            if let body = document.meeting?.body { texts.append(body) }
            for c in document.cases { texts += c.decisions.compactMap(\.body) }
            names += committeeNames(in: lines)
            for text in texts { names += committeeNames(in: TextLines.of(text)) }
            named = names
            return names
        }
        func pairByName(_ abbreviation: String) {
            // One committee, however the document inflects it ("Økonomiudvalget", "Økonomiudvalgets").
            let names = namedCommittees().map(normalisedName).filter { endsInCommitteeWord($0) && spells(abbreviation, $0) }
            let committees = Set(names.map(uninflected))
            guard committees.count == 1 else { return }
            let name = names.first { !$0.hasSuffix("s") } ?? names[0]
            add(abbreviation, name, explicit: false)
        }

        for c in document.cases {
            let routing = c.routing.flatMap { $0 }.filter(isAbbreviation)
            let bodies = c.decisions.compactMap(\.body).filter { !isAbbreviation($0) && hasCommitteeWord($0) }
            // In order: each decision header takes the next routing step that spells it.
            var next = 0
            var paired = Set<String>()
            for body in bodies {
                guard let k = routing[next...].firstIndex(where: { spells($0, body) }) else { continue }
                add(routing[k], body, explicit: false)
                paired.insert(routing[k])
                next = k + 1
            }
            for abbreviation in routing where !paired.contains(abbreviation) { pairByName(abbreviation) }
            for body in c.decisions.compactMap(\.body) where isAbbreviation(body) { pairByName(body) }
        }
        for body in document.mentionedDecisions.compactMap(\.body) where isAbbreviation(body) { pairByName(body) }
        for abbreviation in lettersInColumns(in: lines) + lettersAsLabels(in: lines) + lettersInCodes(in: lines) {
            pairByName(abbreviation)
        }
        return found.values.sorted { ($0.abbreviation, $0.name) < ($1.abbreviation, $1.name) }
    }

    /// "Name (ABBR)" and "ABBR (Name)": the name is the shortest run of words before the
    /// parenthesis (or the parenthesis itself) that holds a committee word and spells the letters.
    static func parenthesised(in lines: [Substring]) -> [(String, String)] {
        var out: [(String, String)] = []
        for line in lines where line.utf8.contains(UInt8(ascii: "(")) {
            var rest = line[...]
            while let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
                let inside = rest[rest.index(after: open)..<close].trimmingSpaces
                let before = rest[..<open]
                rest = rest[rest.index(after: close)...]
                if isAbbreviation(inside) {
                    let words = before.split(separator: " ").suffix(8)
                    // Every name tried is a tail of the longest: without a committee word in it,
                    // none has one (a party's letters after a member's name, "Eva Holm (SF)").
                    guard hasCommitteeWord(words.joined(separator: " ")) else { continue }
                    for k in 1...max(1, words.count) where k <= words.count {
                        let name = words.suffix(k).joined(separator: " ")
                        guard let first = name.first, first.isUppercase, hasCommitteeWord(name) else { continue }
                        if spells(inside, name) { out.append((String(inside), name)); break }
                    }
                } else if let word = before.split(separator: " ").last.map(String.init), isAbbreviation(word),
                          hasCommitteeWord(inside), spells(word, inside) {
                    out.append((word, String(inside)))
                }
            }
        }
        return out
    }

    /// A legend of abbreviations, in the shapes minutes typeset it:
    /// - "ABBR=Name" or "ABBR: Name" entries, separated by commas, semicolons or nothing but
    ///   the next entry ("BY=Byråd, ØK=Økonomiudvalg", "KB = Kommunalbestyrelsen ØU = Økonomiudvalget");
    /// - "ABBR<tab>Name" cells, or a line that starts with the letters and then the name after
    ///   spaces ("KFU    Kultur- og Fritidsudvalget").
    /// The name is the shortest run of words after the letters that starts with a capital,
    /// holds a committee word and spells them, so text after the name does not spoil it.
    static func legend(in lines: [Substring]) -> [(String, String)] {
        var out: [(String, String)] = []
        for line in lines {
            if line.utf8.contains(where: { $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: ":") }) { out += separatedEntries(in: line) }
            out += spacedEntries(in: line)
        }
        return out
    }

    /// The "ABBR=Name" and "ABBR: Name" entries of one line.
    static func separatedEntries(in line: Substring) -> [(String, String)] {
        var out: [(String, String)] = []
        let marks = line.indices.filter { line[$0] == "=" || line[$0] == ":" }
        for (k, mark) in marks.enumerated() {
            guard let abbreviation = line[..<mark].split(separator: " ").last.map(String.init), isAbbreviation(abbreviation) else { continue }
            // The name runs to the next entry's letters, or to a comma or semicolon.
            var end = line.endIndex
            if k + 1 < marks.count {
                let before = line[line.index(after: mark)..<marks[k + 1]]
                end = before.lastIndex(of: " ").map { before[..<$0].endIndex } ?? marks[k + 1]
            }
            let entry = line[line.index(after: mark)..<end].prefix { $0 != "," && $0 != ";" }
            if let name = name(startingWith: entry.split(separator: " "), spelling: abbreviation) { out.append((abbreviation, name)) }
        }
        return out
    }

    /// The "ABBR<tab>Name" cells of one line, or the line's letters and name after spaces.
    static func spacedEntries(in line: Substring) -> [(String, String)] {
        guard line.utf8.contains(UInt8(ascii: "\t")) || mayStartWithAbbreviation(line) else { return [] }
        let cells = line.split(separator: "\t").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        if cells.count > 1 {
            return zip(cells, cells.dropFirst()).compactMap { letters, next in
                guard isAbbreviation(letters), let name = name(startingWith: next.split(separator: " "), spelling: letters) else { return nil }
                return (String(letters), name)
            }
        }
        let words = line.split(separator: " ")
        guard words.count > 1, isAbbreviation(words[0]), let name = name(startingWith: words.dropFirst(), spelling: words[0]) else { return [] }
        return [(String(words[0]), name)]
    }

    /// The shortest run of `words` from the first that starts with a capital, holds a
    /// committee word and spells `abbreviation` (a dash or colon before it skipped).
    static func name(startingWith words: some Collection<Substring>, spelling abbreviation: some StringProtocol) -> String? {
        let words = Array(words.drop { $0 == "-" || $0 == "–" || $0 == ":" || $0 == "=" }.prefix(8))
        guard let first = words.first?.first, first.isUppercase else { return nil }
        for k in 1...max(1, words.count) where k <= words.count {
            let name = words.prefix(k).joined(separator: " ").trimmingCharacters(in: ",.:;")
            if hasCommitteeWord(name), spells(abbreviation, name) { return name }
        }
        return nil
    }

    /// The letters of every column of abbreviations in `text`: at least `minimumColumn` lines
    /// in a row that each hold nothing but one abbreviation, empty lines between them aside.
    /// Routing grids print their committees so; when the cells under them are lost, which
    /// committees handle the case is unknown, but the letters are still the municipality's.
    ///
    ///     lettersInColumns(in: "Sagsgang\nFOU\n\nSOS\nTMU\nØKE\nX\n")  // ["FOU", "SOS", "TMU", "ØKE"]
    public static func lettersInColumns(in text: String) -> [String] {
        lettersInColumns(in: TextLines.of(text))
    }

    static func lettersInColumns(in lines: [Substring]) -> [String] {
        var out: [String] = [], run: [String] = []
        func close() {
            if run.count >= minimumColumn { out += run }
            run = []
        }
        for line in lines {
            guard mayStartWithAbbreviation(line) else {
                if line.utf8.contains(where: { $0 != UInt8(ascii: " ") }) { close() }
                continue
            }
            let cell = line.trimmingSpaces
            if cell.isEmpty { continue }
            if isAbbreviation(cell) { run.append(String(cell)) } else { close() }
        }
        close()
        return out
    }

    /// The letters of every line that holds nothing but an abbreviation and a colon ("MIU:"):
    /// a label a committee's decision follows.
    static func lettersAsLabels(in lines: [Substring]) -> [String] {
        lines.compactMap { line in
            guard line.utf8.last(where: { $0 != UInt8(ascii: " ") }) == UInt8(ascii: ":") else { return nil }
            let cell = line.trimmingSpaces
            guard cell.last == ":" else { return nil }
            let letters = cell.dropLast().trimmingSpaces
            return isAbbreviation(letters) ? String(letters) : nil
        }
    }

    /// The letters that head a code in `text`: a word of capitals and digits joined by hyphens
    /// whose first part is an abbreviation and a later part holds a digit. Budget and
    /// amendment lists number their papers by the committee that owns them ("BUU-A-03",
    /// "ØK-12"); the letters are the municipality's, as in a routing.
    ///
    ///     lettersInCodes(in: "ændringsforslagene BUU-A-11 og BUU-A-12, COVID-19, VVM-redegørelse")  // ["BUU", "BUU", "COVID"]
    public static func lettersInCodes(in text: String) -> [String] {
        lettersInCodes(in: TextLines.of(text))
    }

    static func lettersInCodes(in lines: [Substring]) -> [String] {
        var out: [String] = []
        // A code holds a hyphen: lines and words without one are passed over unread.
        for line in lines where line.utf8.contains(UInt8(ascii: "-")) {
            for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "/" }) where word.utf8.contains(UInt8(ascii: "-")) {
                let code = word.trimmingCharacters(in: ",.:;()[]\"'")
                let parts = code.split(separator: "-", omittingEmptySubsequences: false)
                guard parts.count > 1, let head = parts.first, isAbbreviation(head),
                      parts.dropFirst().contains(where: { $0.contains(where: \.isNumber) }),
                      parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isNumber || $0.isLetter && $0.isUppercase } }) else { continue }
                out.append(String(head))
            }
        }
        return out
    }

    /// Fewer letters in a column than this are a short list, not a grid's headers.
    static let minimumColumn = 4

    /// Runs of words in `text` that end in a committee word and start with a capital, each as
    /// the longest such run of at most six words ("Kultur- og Fritidsudvalget", "Udvalget for
    /// Børn og Unge" is found from its committee word on, too).
    static func committeeNames(in lines: [Substring]) -> [String] {
        var out: [String] = []
        for line in lines where hasCommitteeWord(line) {
            let words = line.split(separator: " ").map { $0.trimmingCharacters(in: ",.:;()") }
            for (i, word) in words.enumerated() where hasCommitteeWord(word) {
                // Backwards from the committee word: its list of suspended words ("Børne-, Unge- og").
                var start = i
                while start > 0 {
                    let previous = words[start - 1]
                    if previous.hasSuffix("-") || previous.hasSuffix("–") || linkWords.contains(previous.lowercased()) && start >= 2
                        && (words[start - 2].hasSuffix("-") || words[start - 2].hasSuffix("–")) {
                        start -= 1
                    } else {
                        break
                    }
                }
                // Forwards, for "Udvalget for Børn og Unge": capitalised words joined by link words.
                var end = i
                while end + 1 < words.count, end - start < 6 {
                    let following = words[end + 1]
                    if let f = following.first, f.isUppercase, !isAbbreviation(following) { end += 1 }
                    else if linkWords.contains(following.lowercased()), end + 2 < words.count, words[end + 2].first?.isUppercase == true { end += 1 }
                    else { break }
                }
                guard words[start].first?.isUppercase == true else { continue }
                for last in i...end where !linkWords.contains(words[last].lowercased()) {
                    out.append(words[start...last].joined(separator: " "))
                }
            }
        }
        return out
    }

    /// True when `abbreviation` spells `name`: every word of the name (link words aside) gives
    /// it a run of letters that starts with the word's first letter and goes on either with the
    /// letters that follow or with the first letter of the committee word inside it.
    public static func spells(_ abbreviation: some StringProtocol, _ name: some StringProtocol) -> Bool {
        let letters = Array(fold(abbreviation))
        let words = fold(name).split { $0 == " " || $0 == "-" || $0 == "–" || $0 == "/" || $0 == "," }
            .filter { !linkWords.contains(String($0)) }.map { Array($0) }
        guard !letters.isEmpty, !words.isEmpty, letters.count >= words.count else { return false }
        // Whether letters[i...] spell words[w...].
        func match(_ i: Int, _ w: Int) -> Bool {
            if w == words.count { return i == letters.count }
            let word = words[w]
            guard i < letters.count, word.first == letters[i] else { return false }
            let heads = committeeWordStarts(in: word)
            // Letters taken from this word: a run of its first letters, then at most one at the
            // start of its committee word.
            var j = i + 1, k = 1
            while true {
                if match(j, w + 1) { return true }
                guard j < letters.count else { return false }
                if k < word.count, word[k] == letters[j] { j += 1; k += 1; continue }
                for head in heads where head >= k && word[head] == letters[j] && match(j + 1, w + 1) { return true }
                return false
            }
        }
        return match(0, 0)
    }

    /// 2–6 capital letters ("KFU", "ØK", "BUU"), the way committees are abbreviated.
    public static func isAbbreviation(_ text: some StringProtocol) -> Bool {
        (2...6).contains(text.count) && text.allSatisfy { $0.isLetter && $0.isUppercase }
    }

    /// Whether `line`, spaces before it aside, can start with an abbreviation at all: its first
    /// two bytes are capitals or non-ASCII (a capital Æ, Ø or Å takes two). A byte test before
    /// `isAbbreviation`, so that the lines of running text, which start with a capital and a
    /// small letter, are passed over without reading their characters.
    static func mayStartWithAbbreviation(_ line: Substring) -> Bool {
        var bytes = line.utf8.drop { $0 == UInt8(ascii: " ") }.makeIterator()
        func capitalOrWide(_ b: UInt8?) -> Bool { b.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || $0 >= 0x80 } ?? false }
        return capitalOrWide(bytes.next()) && capitalOrWide(bytes.next())
    }

    /// Words that make a name a committee's ("udvalget", "byrådet", "kommunalbestyrelsen").
    static let committeeWords = ["udvalg", "råd", "bestyrelse", "nævn", "forum", "komit", "repræsentation", "magistrat", "forsamling"]

    /// Words a name is joined by that give the abbreviation no letter.
    static let linkWords: Set<String> = ["og", "eller", "samt", "for", "i", "af", "til", "med", "&"]

    static func hasCommitteeWord(_ text: some StringProtocol) -> Bool {
        let folded = fold(text)
        return committeeWords.contains { folded.contains($0) }
    }

    /// Offsets in `word` where a committee word begins.
    static func committeeWordStarts(in word: [Character]) -> [Int] {
        var starts: [Int] = []
        for head in committeeHeads where head.count < word.count {
            for start in 1...(word.count - head.count) where word[start] == head[0] && word[start..<(start + head.count)].elementsEqual(head) {
                starts.append(start)
            }
        }
        return starts.sorted()
    }

    static let committeeHeads = committeeWords.map(Array.init)

    /// A name as stored: folded, dashes as hyphens, single spaces, no trailing punctuation.
    public static func normalisedName(_ name: some StringProtocol) -> String {
        String(fold(name).map { $0 == "–" ? "-" : $0 }).split(separator: " ").joined(separator: " ")
            .trimmingCharacters(in: ",.:;")
    }

    static func fold(_ text: some StringProtocol) -> String { text.lowercased() }

    /// True when the name's last word ends in a committee word and at most an inflection
    /// ("økonomiudvalgets", "kommunalbestyrelsen"), not in a compound that only begins with
    /// one ("økonomiudvalgsmødet" is a meeting).
    public static func endsInCommitteeWord(_ name: String) -> Bool {
        guard let last = name.split(whereSeparator: { $0 == " " || $0 == "-" }).last.map(Array.init) else { return false }
        return committeeHeads.contains { head in
            (0...3).contains { tail in
                let end = last.count - tail
                return end >= head.count && last[(end - head.count)..<end].elementsEqual(head)
            }
        }
    }

    /// A normalised name without its genitive and definite endings, so that the forms of one
    /// committee compare equal ("økonomiudvalgets", "økonomiudvalget", "økonomiudvalgs-" in
    /// "Økonomiudvalgs- og byrådsmøder" → "økonomiudvalg").
    public static func uninflected(_ name: String) -> String {
        var s = Substring(name)
        while s.hasSuffix("-") { s = s.dropLast() }
        if s.hasSuffix("s") { s = s.dropLast() }
        if s.hasSuffix("et") || s.hasSuffix("en") { s = s.dropLast(2) }
        return String(s)
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
