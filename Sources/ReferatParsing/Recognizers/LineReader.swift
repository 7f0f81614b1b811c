/// A short line read one character at a time by the hand-written recognizers: decision
/// headers (`DecisionHeader`) and a person with party and reason (`PeopleParser`).
///
/// The pieces decision headers are read from: a deciding body's name, a date as headers
/// print it, a reference to the item, the decision text after them.
///
///     Beslutning i Økonomiudvalget (18-21) den 22-01-2018
///                  ^ body                      ^ date
///     Beslutning i Forretningsudvalget 2018-2021 fredag den 14. august 2020, pkt. 1: Godkendt
///                  ^ body                        ^ date                    ^ item  ^ rest
///
/// Positions count Characters, so a letter with a combining mark is one letter, and a digit
/// with one is no digit. A body's name may end at several places ("Økonomiudvalget,
/// Byrådet den …"); `bodyEnds` offers them shortest name first, and a reader takes the first
/// one after which the rest of its shape follows.
struct LineReader {
    let line: String
    let characters: [Character]
    /// Where each character starts in the line's UTF-8, and the line's length last: what is
    /// read is handed out as a slice of the line, not copied.
    private let offsets: [Int]

    init(_ line: String) {
        self.line = line
        var characters: [Character] = []
        var offsets: [Int] = []
        characters.reserveCapacity(line.utf8.count)
        offsets.reserveCapacity(line.utf8.count + 1)
        var offset = 0
        for c in line {
            characters.append(c)
            offsets.append(offset)
            offset += c.utf8.count
        }
        offsets.append(offset)
        self.characters = characters
        self.offsets = offsets
    }

    var count: Int { characters.count }

    subscript(_ i: Int) -> Character? { i >= 0 && i < characters.count ? characters[i] : nil }

    func text(_ range: Range<Int>) -> Substring {
        let utf8 = line.utf8
        return line[utf8.index(utf8.startIndex, offsetBy: offsets[range.lowerBound])..<utf8.index(utf8.startIndex, offsetBy: offsets[range.upperBound])]
    }

    // MARK: Characters and words

    func isSpace(_ i: Int) -> Bool { self[i]?.isWhitespace ?? false }

    func isDigit(_ i: Int) -> Bool { self[i].map(Self.isDigit) ?? false }

    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    /// A letter (Unicode category L), by the character's first scalar.
    static func isLetter(_ c: Character) -> Bool {
        if let a = c.asciiValue { return (a | 0x20) >= 0x61 && (a | 0x20) <= 0x7A }
        switch c.unicodeScalars.first!.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// A capital as names and abbreviations start: A–Z, Æ, Ø, Å.
    static func isCapital(_ c: Character) -> Bool {
        if let a = c.asciiValue { return a >= 0x41 && a <= 0x5A }
        return c == "Æ" || c == "Ø" || c == "Å"
    }

    /// The first position at or after `i` that is not white space.
    func skipSpaces(_ i: Int) -> Int {
        var j = i
        while isSpace(j) { j += 1 }
        return j
    }

    /// The end of one or more white-space characters at `i`, or nil.
    func spaces(_ i: Int) -> Int? {
        isSpace(i) ? skipSpaces(i) : nil
    }

    /// How many ASCII digits stand in a row from `i`.
    func digitRun(_ i: Int) -> Int {
        var j = i
        while isDigit(j) { j += 1 }
        return j - i
    }

    /// The end of `word` when it stands at `i`, or nil.
    func word(_ word: String, at i: Int) -> Int? {
        var j = i
        for c in word {
            guard self[j] == c else { return nil }
            j += 1
        }
        return j
    }

    /// The end of `word` at `i`, its first letter in either case ("Udvalget", "udvalget").
    func word(_ word: CasedWord, at i: Int) -> Int? {
        guard let c = self[i], c == word.first || c == word.capital else { return nil }
        var j = i + 1
        for c in word.rest {
            guard self[j] == c else { return nil }
            j += 1
        }
        return j
    }

    /// A word whose first letter may be a capital, split for comparing.
    struct CasedWord {
        let first: Character
        let capital: Character
        let rest: [Character]

        init(_ word: String) {
            first = word.first!
            capital = Character(first.uppercased())
            rest = Array(word.dropFirst())
        }
    }

    /// The end of the first of `words` that stands at `i`.
    func firstWord(_ words: [String], at i: Int) -> Int? {
        for w in words { if let end = word(w, at: i) { return end } }
        return nil
    }

    // MARK: A deciding body's name

    /// Calls `found` with every place a body's name starting at `start` may end, in the order
    /// a name is preferred: words ending like a body's name (`MinutesVocabulary.bodyEndings`,
    /// "KKR Midtjylland"), the shortest first; "Udvalget for …"; an abbreviation in capitals
    /// (ØU, BUU), the longest first. After each, its period or number, if any ("Økonomiudvalget
    /// (18-21)", "Forretningsudvalget 2018-2021"), before the name without it. Stops at the
    /// first place `found` accepts; true when one did.
    func bodyEnds(from start: Int, _ found: (Int) -> Bool) -> Bool {
        func withSuffix(_ end: Int) -> Bool {
            if let longer = bodySuffix(end), found(longer) { return true }
            return found(end)
        }
        func endings(at i: Int) -> Bool {
            // An ASCII character no ending starts with: none stands here.
            if let a = self[i]?.asciiValue, a < 0x80, !Self.endingInitials[Int(a)] { return false }
            for ending in Self.bodyEndings {
                if let end = word(ending, at: i), withSuffix(end) { return true }
            }
            // "KKR Midtjylland": the longest name first.
            if let kkr = word("KKR ", at: i) {
                var end = kkr
                while let c = self[end], Self.isLetter(c) { end += 1 }
                while end > kkr {
                    if withSuffix(end) { return true }
                    end -= 1
                }
            }
            // "Beslutning på mødet den …".
            if let end = word("mødet", at: i), withSuffix(end) { return true }
            return false
        }
        // Words before the ending: a letter, then letters and . , ' ’ space -.
        if let first = self[start], Self.isLetter(first) {
            var i = start + 1
            while true {
                if endings(at: i) { return true }
                guard let c = self[i], Self.isLetter(c) || ".,'’ -".contains(c) else { break }
                i += 1
            }
        }
        if endings(at: start) { return true }
        // "Udvalget for Klima, Teknik og Miljø": the shortest name first.
        if let after = word(Self.committeeFor, at: start) {
            var end = after
            while let c = self[end], Self.isLetter(c) || ", -".contains(c) {
                end += 1
                if withSuffix(end) { return true }
            }
        }
        var end = start
        while end - start < 5, let c = self[end], Self.isCapital(c) { end += 1 }
        while end - start >= 2 {
            if withSuffix(end) { return true }
            end -= 1
        }
        return false
    }

    static let bodyEndings = MinutesVocabulary.bodyEndings.map(CasedWord.init)
    static let committeeFor = CasedWord("udvalget for ")

    /// The ASCII characters a body's name's ending may start with, in either case ("KKR", "mødet").
    static let endingInitials: [Bool] = {
        var initials = [Bool](repeating: false, count: 128)
        for word in MinutesVocabulary.bodyEndings + ["KKR", "mødet"] {
            for c in [word.first!, Character(word.first!.uppercased())] {
                if let a = c.asciiValue { initials[Int(a)] = true }
            }
        }
        return initials
    }()

    /// The end of a period or number after a body's name: " (18-21)", " (ØK)", " 2018-2021".
    func bodySuffix(_ i: Int) -> Int? {
        let open = skipSpaces(i)
        if self[open] == "(" {
            var j = open + 1
            while j - open <= 12, let c = self[j], Self.isDigit(c) || Self.isCapital(c) || c == "–" || c == "-" { j += 1 }
            if j - open - 1 >= 1, self[j] == ")" { return j + 1 }
        }
        guard let year = spaces(i), digitRun(year) == 4 else { return nil }
        let dash = skipSpaces(year + 4)
        guard self[dash] == "-" || self[dash] == "–" else { return nil }
        let to = skipSpaces(dash + 1)
        let run = digitRun(to)
        return (2...4).contains(run) ? to + run : nil
    }

    /// Where a name of capitalised words starting at `start` may end, the first word's end
    /// first: up to six words, each after white space, a comma, "og" or "&" ("Plan, Miljø og
    /// Teknik"), of letters and, with `hyphens`, hyphens ("Børne-Unge").
    func capitalWordEnds(from start: Int, hyphens: Bool) -> [Int] {
        func capitalWord(_ i: Int) -> Int? {
            guard let c = self[i], Self.isCapital(c) else { return nil }
            var j = i + 1
            while let c = self[j], Self.isLetter(c) || hyphens && c == "-" { j += 1 }
            return j
        }
        guard var end = capitalWord(start) else { return [] }
        var ends = [end]
        while ends.count < 6 {
            guard var next = spaces(self[end] == "," ? end + 1 : end) else { break }
            if let og = word("og", at: next) ?? word("&", at: next), let after = spaces(og), capitalWord(after) != nil { next = after }
            guard let wordEnd = capitalWord(next) else { break }
            end = wordEnd
            ends.append(end)
        }
        return ends
    }

    // MARK: A date as headers print it

    /// A date starting at `i`: numeric ("22-01-2018", "3.5.21"), with the month's name ("14.
    /// august 2020", "4-mar-2019"), or ISO ("2018-01-22"); a weekday may come before it ("fredag
    /// den 14. august 2020") and a time after it ("kl. 16.00"). Its end, and the day as ISO 8601
    /// (nil for a day no calendar has, "31-02-2021", or a month's name that is none).
    func date(_ i: Int) -> (end: Int, iso: String?)? {
        var start = i
        if let weekday = firstWord(MinutesVocabulary.weekdays, at: i), let space = spaces(weekday) {
            start = space
            if let den = word("den", at: space), let after = spaces(den) { start = after }
        }
        guard var date = numericDate(start) ?? namedDate(start) ?? isoDate(start) else { return nil }
        // The time: " kl. 16.00", " 9:30", " 16:00:00".
        if let space = spaces(date.end) {
            var hour = space
            if let kl = word("kl.", at: space) { hour = skipSpaces(kl) }
            let h = digitRun(hour)
            if (1...2).contains(h), self[hour + h] == ":" || self[hour + h] == ".", digitRun(hour + h + 1) >= 2 {
                date.end = hour + h + 3
                if self[date.end] == ":", digitRun(date.end + 1) >= 2 { date.end += 3 }
            }
        }
        return date
    }

    /// The number written by `count` digits at `i`.
    private func number(_ i: Int, _ count: Int) -> Int {
        characters[i..<i + count].reduce(0) { $0 * 10 + Int($1.asciiValue! - 0x30) }
    }

    /// One or two digits followed by a character in `separators`: the end of the digits.
    private func dayOrMonth(_ i: Int, then separators: String) -> Int? {
        let run = digitRun(i)
        guard (1...2).contains(run), let c = self[i + run], separators.contains(c) else { return nil }
        return i + run
    }

    /// "22-01-2018", "3.5.21", "22/01/2018": a year of two to four digits.
    private func numericDate(_ i: Int) -> (end: Int, iso: String?)? {
        guard let day = dayOrMonth(i, then: "-./"), let month = dayOrMonth(day + 1, then: "-./") else { return nil }
        let year = min(digitRun(month + 1), 4)
        guard year >= 2 else { return nil }
        // A year is written with two digits or four: "22-01-018" names no day.
        let iso = year == 3 ? nil : DanishDate.make(number(month + 1, year), number(day + 1, month - day - 1), number(i, day - i))
        return (month + 1 + year, iso)
    }

    /// "14. august 2020", "4 marts 2019", "15-maj-2002", "1. sept. 2021": a word of three to
    /// nine letters where the month's name stands.
    private func namedDate(_ i: Int) -> (end: Int, iso: String?)? {
        let run = digitRun(i)
        guard (1...2).contains(run) else { return nil }
        var j = i + run
        if self[j] == "." { j += 1 }
        guard self[j] == " " || self[j] == "-" else { return nil }
        j += 1
        let name = j
        while let c = self[j], c.isASCII ? Self.isLetter(c) : (c == "æ" || c == "ø" || c == "å") { j += 1 }
        guard (3...9).contains(j - name) else { return nil }
        let month = DanishDate.months[String(characters[name..<j]).lowercased()]
        if self[j] == "." { j += 1 }
        guard self[j] == " " || self[j] == "-", digitRun(j + 1) >= 4 else { return nil }
        return (j + 5, month.flatMap { DanishDate.make(number(j + 1, 4), $0, number(i, run)) })
    }

    /// "2018-01-22".
    private func isoDate(_ i: Int) -> (end: Int, iso: String?)? {
        guard digitRun(i) == 4, self[i + 4] == "-", digitRun(i + 5) == 2, self[i + 7] == "-", digitRun(i + 8) >= 2 else { return nil }
        return (i + 10, DanishDate.make(number(i, 4), number(i + 5, 2), number(i + 8, 2)))
    }

    // MARK: After the date

    /// The end of a reference to the item after a date: ", pkt. 1", " punkt 3", ", sag 4".
    func itemReferenceEnd(_ i: Int) -> Int? {
        itemNumberEnd(skipSpaces(self[i] == "," ? i + 1 : i), words: MinutesVocabulary.itemReferenceWords)
    }

    /// The end of one of `words`, a period, white space and a number: "pkt. 1", "punkt 3".
    func itemNumberEnd(_ i: Int, words: [String]) -> Int? {
        guard var j = firstWord(words, at: i) else { return nil }
        if self[j] == "." { j += 1 }
        j = skipSpaces(j)
        let run = digitRun(j)
        return run > 0 ? j + run : nil
    }

    /// The decision text from `i` to the end of the line, after white space and a colon; nil
    /// when a line break follows (a header is one line).
    func rest(_ i: Int) -> Substring? {
        var j = skipSpaces(i)
        if self[j] == ":" { j = skipSpaces(j + 1) }
        guard !characters[j...].contains(where: \.isNewline) else { return nil }
        return text(j..<count)
    }
}
