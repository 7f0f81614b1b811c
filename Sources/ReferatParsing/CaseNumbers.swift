/// Recognises the identity lines of an item: case numbers, KLE numbers and open/closed markers.
///
/// Shapes: `23/222`, `Sagsnr.: 19/40211`, `Sagsid.: 20/3381`, `Sag 2019/04412`,
/// `330-2018-3619`, `Sagnr.: 1-31-72-114-21`, `Sagsnr. 299835`, `BR 366/07`, and KLE journal
/// numbers `00.01.00-G01-93-16`, `00.30.10-Ø00-4-16`, `00.01.00A04`.
enum CaseNumbers {
    /// `23/222 Åben Sag`, `24/1187 Lukket sag`, `2019/04412 Åbent`.
    nonisolated(unsafe) static let accessLine = #/^((?:[0-9]{2}|[0-9]{4})/[0-9]{1,6}|[0-9]{3}-[0-9]{4}-[0-9]{1,8})\s+(Åben|Åbent|Lukket|Lukk?et)(?:\s+[Ss]ag|\s+punkt)?$/#
    /// A labelled case number: `Sagsnr.: 19/40211`, `Sagnr.: 1-31-72-114-21`, `Sagsnummer: 21/775`.
    nonisolated(unsafe) static let labelled = #/(?i)\b(?:sagsnr|sagnr|sagsid|sagsnummer|sag nr|j\.\s?nr|journalnr|journal nr|dok\.\s?nr|dokumentnr)\.?\s*:?\s*([0-9][0-9A-ZÆØÅa-zæøå./-]*[0-9])/#
    /// `Sag 2019/04412`, `BR 366/07`.
    nonisolated(unsafe) static let shorthand = #/^(?:Sag|BR|BR-sag)\s+([0-9]{2,4}/[0-9]{1,6})\b/#
    /// KLE: `00.01.00-G01-93-16`, `27.12.04-P20-1-22`, `00.01.00A04`, `00.01.00-Ø00-4-16`.
    nonisolated(unsafe) static let kle = #/(?:^|[^[0-9].])([0-9]{2}\.[0-9]{2}(?:\.[0-9]{2})?(?:-[A-ZÆØÅ][0-9]{2}(?:-[0-9]{1,6}-[0-9]{2})?|[A-ZÆØÅ][0-9]{2}))(?![[0-9].])/#
    /// Any case-number-like token in running text.
    nonisolated(unsafe) static let anyNumber = #/(?:^|[^[0-9]/.-])([0-9]{2}/[0-9]{2,6}|[0-9]{4}/[0-9]{3,6}|[0-9]{3}-[0-9]{4}-[0-9]{2,8})(?![[0-9]/])/#

    /// `accessLine`'s whole match of `text`: the case number and the access word.
    ///
    /// Each item's access line is asked about several times (finding items, their titles and
    /// their identity), and a tenth of all lines start with a digit, so the line is read from
    /// its scalars where they settle the answer; only a line with other characters (a tab, a
    /// no-break space, a decomposed "Å") goes to the pattern.
    static func accessLineMatch(_ text: String) -> (number: Substring, access: Substring)? {
        if let answer = scanAccessLine(text) { return answer }
        guard let m = text.wholeMatch(of: accessLine) else { return nil }
        return (m.1, m.2)
    }

    /// `accessLine` read by hand: `.some(nil)` for no match, nil when the text has characters
    /// whose classes are not decided here (outside printable ASCII and Latin-1 letters).
    static func scanAccessLine(_ text: String) -> (number: Substring, access: Substring)?? {
        let scalars = text.unicodeScalars
        // The pattern starts with an ASCII digit: any other first character is no match.
        guard let first = scalars.first, (0x30...0x39).contains(first.value) else { return .some(nil) }
        for u in scalars where !PersonShape.isDecided(u.value) { return nil }
        let end = scalars.endIndex
        var i = scalars.startIndex
        func value(_ i: String.Index) -> UInt32? { i < end ? scalars[i].value : nil }
        func digits() -> Int {
            var n = 0
            while let v = value(i), (0x30...0x39).contains(v) { i = scalars.index(after: i); n += 1 }
            return n
        }
        func take(_ v: UInt32) -> Bool {
            guard value(i) == v else { return false }
            i = scalars.index(after: i)
            return true
        }
        func spaces() -> Bool {
            let start = i
            while value(i) == 0x20 { i = scalars.index(after: i) }
            return i > start
        }
        func word(_ w: String) -> Bool {
            var j = i
            for u in w.unicodeScalars {
                guard value(j) == u.value else { return false }
                j = scalars.index(after: j)
            }
            i = j
            return true
        }
        // ((?:[0-9]{2}|[0-9]{4})/[0-9]{1,6} | [0-9]{3}-[0-9]{4}-[0-9]{1,8})
        let lead = digits()
        if (lead == 2 || lead == 4) && take(0x2F) {
            guard (1...6).contains(digits()) else { return .some(nil) }
        } else if lead == 3 && take(0x2D) {
            guard digits() == 4, take(0x2D), (1...8).contains(digits()) else { return .some(nil) }
        } else {
            return .some(nil)
        }
        let number = text[scalars.startIndex..<i]
        // \s+ (Åben|Åbent|Lukket|Lukk?et)
        guard spaces() else { return .some(nil) }
        let wordStart = i
        guard word("Åbent") || word("Åben") || word("Lukket") || word("Luket") else { return .some(nil) }
        let access = text[wordStart..<i]
        // (?:\s+[Ss]ag|\s+punkt)?$
        if i == end { return .some((number, access)) }
        guard spaces(), word("Sag") || word("sag") || word("punkt"), i == end else { return .some(nil) }
        return .some((number, access))
    }

    /// A bare access marker line: `Åben`, `Åbent punkt`, `Lukket sag`.
    static func bareAccess(_ text: String) -> Access? {
        guard text.utf8.count <= 16, let first = text.first, first == "Å" || first == "å" || first == "L" || first == "l" else { return nil }
        switch text.lowercased().stripping(":") {
        case "åben", "åbent", "åbent punkt", "åben sag", "åbent møde", "åben punkt": return .open
        case "lukket", "lukket punkt", "lukket sag", "lukket møde": return .closed
        default: return nil
        }
    }

    /// The case number labelled on `text`, if any: "Sagsnr.: 19/40211" → "19/40211".
    static func labelledNumber(in text: String) -> String? {
        guard let m = text.firstMatch(of: labelled) else { return nil }
        return String(m.1)
    }

    static func kleNumber(in text: String) -> String? {
        guard text.utf8.count < 200, text.hasASCIIDigit, text.containsBytes("."), let m = text.firstMatch(of: kle) else { return nil }
        return String(m.1)
    }
}

import ReferatRecords

extension StringProtocol {
    /// Drops the given characters, and spaces, from both ends.
    ///
    /// Most texts start and end with a letter or digit: then there is nothing to drop, and the
    /// answer needs no set of characters. A `Character` whose first or last scalar is an ASCII
    /// letter or digit equals no character of `set` as long as `set` holds none of those.
    func stripping(_ set: String) -> String {
        let ends = utf8.withContiguousStorageIfAvailable { bytes in bytes.first.map { ($0, bytes[bytes.count - 1]) } } ?? nil
        if let (first, last) = ends, first.isASCIIAlphanumeric, last.isASCIIAlphanumeric, !set.utf8.contains(where: \.isASCIIAlphanumeric) {
            return String(self)
        }
        let chars = Set(set)
        var s = self[...]
        while let f = s.first, chars.contains(f) || f == " " { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) || l == " " { s = s.dropLast() }
        return String(s)
    }
}
