/// Reads the common shapes of a person line without the pattern engine: "Bente Holm (A)",
/// "Bo Berg, V", "Karen van Dam". Lists of members and absentees are most of the lines
/// `PeopleParser.person` sees, and Swift's regular expressions spend microseconds on each.
///
/// `scan` follows `PeopleParser.personShape` along the path a backtracking engine tries first,
/// making the same greedy choice at every step. When that path reaches the end of the text,
/// it is the pattern's match, so the captures are the same. Whenever the path does not reach
/// the end, or the text holds a character whose classes are not decided here, `scan` answers
/// nil and the caller asks the pattern, which also backtracks.
///
/// Only printable ASCII and the Latin-1 letters are decided here: each is a `Character` of
/// its own, so classes of scalars are the pattern's classes of characters.
enum PersonShape {
    /// The pattern's captures 1–3: the name, a party in parentheses, a party after a comma.
    /// Capture 4, the reason, is always empty on the path taken here.
    struct Captures: Equatable {
        var name: Substring
        var paren: Substring?
        var party: Substring?
    }

    static func scan(_ text: String) -> Captures? {
        let scalars = text.unicodeScalars
        for u in scalars where !u.isPrintableASCIIOrLatin1Letter { return nil }
        let end = scalars.endIndex
        func value(_ i: String.Index) -> UInt32? { i < end ? scalars[i].value : nil }
        func next(_ i: String.Index) -> String.Index { scalars.index(after: i) }
        func skipSpaces(_ i: String.Index) -> String.Index {
            var i = i
            while value(i) == 0x20 { i = next(i) }
            return i
        }
        /// `[\p{L}.'’-]*` after a capital, greedy.
        func skipNameCharacters(_ i: String.Index) -> String.Index {
            var i = i
            while let v = value(i), isNameCharacter(v) { i = next(i) }
            return i
        }

        // ([A-ZÆØÅ][\p{L}.'’-]* (?:\s+(?:[a-zæøå]{2,3}\s+)?[A-ZÆØÅ][\p{L}.'’-]*){0,5})
        guard let first = value(scalars.startIndex), isCapital(first) else { return nil }
        var i = skipNameCharacters(next(scalars.startIndex))
        for _ in 0..<5 {
            guard value(i) == 0x20 else { break }
            let afterSpace = skipSpaces(i)
            var word: String.Index?
            // The particle: two or three lower-case letters, then spaces, then a capital.
            var k = afterSpace
            var letters = 0
            while letters < 3, let v = value(k), isParticleLetter(v) { k = next(k); letters += 1 }
            if letters >= 2, value(k) == 0x20 {
                let capital = skipSpaces(k)
                if let v = value(capital), isCapital(v) { word = capital }
            }
            if word == nil, let v = value(afterSpace), isCapital(v) { word = afterSpace }
            guard let start = word else { break }
            i = skipNameCharacters(next(start))
        }
        let name = text[scalars.startIndex..<i]

        // \s* (?:\(([^()]{0,40})\) | ,\s*([A-ZÆØÅ]{1,3}|[Ll]øsgænger))?
        var p = skipSpaces(i)
        var paren: Substring?
        var party: Substring?
        if value(p) == 0x28 {  // (
            var q = next(p)
            var count = 0
            while count < 40, let v = value(q), v != 0x28, v != 0x29 { q = next(q); count += 1 }
            if value(q) == 0x29 {
                paren = text[next(p)..<q]
                p = next(q)
            }
        } else if value(p) == 0x2C {  // ,
            let start = skipSpaces(next(p))
            var q = start
            var count = 0
            while count < 3, let v = value(q), isCapital(v) { q = next(q); count += 1 }
            if count > 0 {
                party = text[start..<q]
                p = q
            } else if text[start...].hasPrefix("løsgænger") {
                q = text.index(start, offsetBy: 9)
                party = text[start..<q]
                p = q
            }
        }
        // \s* and the reason group, empty: only the end of the text may follow.
        guard skipSpaces(p) == end else { return nil }
        return Captures(name: name, paren: paren, party: party)
    }

    /// `[A-ZÆØÅ]`.
    @inline(__always)
    static func isCapital(_ v: UInt32) -> Bool {
        (0x41...0x5A).contains(v) || v == 0xC6 || v == 0xD8 || v == 0xC5
    }

    /// `[a-zæøå]`.
    @inline(__always)
    static func isParticleLetter(_ v: UInt32) -> Bool {
        (0x61...0x7A).contains(v) || v == 0xE6 || v == 0xF8 || v == 0xE5
    }

    /// `[\p{L}.'’-]` among printable ASCII and Latin-1 letters (’ is not one of them).
    @inline(__always)
    static func isNameCharacter(_ v: UInt32) -> Bool {
        (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || v >= 0xC0 || v == 0x2E || v == 0x27 || v == 0x2D
    }
}
