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
    nonisolated(unsafe) static let shorthand = #/^(?:Sag|BR|BR-sag)\s+([0-9]{2,4}/[0-9]{1,6}|[0-9]{3}-[0-9]{4}-[0-9]{1,8})\b/#
    /// KLE: `00.01.00-G01-93-16`, `27.12.04-P20-1-22`, `00.01.00A04`, `00.01.00-Ø00-4-16`.
    nonisolated(unsafe) static let kle = #/(?:^|[^[0-9].])([0-9]{2}\.[0-9]{2}(?:\.[0-9]{2})?(?:-[A-ZÆØÅ][0-9]{2}(?:-[0-9]{1,6}-[0-9]{2})?|[A-ZÆØÅ][0-9]{2}))(?![[0-9].])/#
    /// A line that is only a case number, perhaps after an access word or before a dash:
    /// `25/19069 -`, `450-2018-4075`, `Åbent - 2012/057275`, `018520-2013`, `25-008754 -`, `1-51-71-3321-08`.
    nonisolated(unsafe) static let bareNumberLine = #/^(?:(?:Åben|Åbent|Lukket)\s*[-–]\s*)?((?:[0-9]{2}|[0-9]{4})/[0-9]{2,6}|[0-9]{3}-[0-9]{4}-[0-9]{1,8}|[0-9]{6}-[0-9]{4}|[0-9]{2}-[0-9]{6}|[0-9]{1,2}(?:-[0-9]{1,4}){3,5})(?:\s*[-–])?$/#
    /// Any case-number-like token in running text.
    nonisolated(unsafe) static let anyNumber = #/(?:^|[^[0-9]/.-])([0-9]{2}/[0-9]{2,6}|[0-9]{4}/[0-9]{3,6}|[0-9]{3}-[0-9]{4}-[0-9]{2,8})(?![[0-9]/])/#

    /// `accessLine`'s whole match of `text`: the case number and the access word. The
    /// pattern starts with an ASCII digit, which most lines do not, and its access words hold
    /// "ben" or "ket", whose characters equal only themselves (`String.isPlainNeedle`): most
    /// lines that start with a digit (amounts, attachments' numbers, dates) hold neither.
    static func accessLineMatch(_ text: String) -> (number: Substring, access: Substring)? {
        guard text.utf8.first?.isASCIIDigit == true, text.containsBytes("ben") || text.containsBytes("ket"),
              let c = text.wholeMatch(of: accessLine)?.captures(2),
              let number = c[0], let access = c[1] else { return nil }
        return (number, access)
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

    /// The case number of a line that holds nothing else (see `bareNumberLine`).
    static func bareNumber(_ text: String) -> String? {
        guard text.utf8.count <= 40, let first = text.utf8.first, first.isASCIIDigit || first == 0xC3 || first == 0x4C, text.hasASCIIDigit,
              text.containsByte(0x2F) || text.containsByte(0x2D), let m = text.wholeMatch(of: bareNumberLine) else { return nil }
        return String(m.1)
    }

    /// Whether a KLE-shaped number is an SBSYS case number ("00.01.00-G01-24-17": subject,
    /// facet, serial and year) rather than a bare subject code ("00.01.00A04").
    static func isCaseShapedKLE(_ kle: String) -> Bool {
        kle.split(separator: "-").count >= 4
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
        // `set` is a few characters: searching it costs less than building a `Set` of them.
        var s = self[...]
        while let f = s.first, set.contains(f) || f == " " { s = s.dropFirst() }
        while let l = s.last, set.contains(l) || l == " " { s = s.dropLast() }
        return String(s)
    }
}
