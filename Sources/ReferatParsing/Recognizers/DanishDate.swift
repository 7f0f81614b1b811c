/// Reads the many ways Danish minutes print a date and returns ISO 8601 (`2023-01-19`).
///
/// Shapes: `19-01-2023`, `4. marts 2019`, `23.08.2017`, `31.1.2017`, `15-maj-2002`, `14/12 2005`,
/// `29/10-18`, `04-06-2020 09:00:00`, weekday prefixes ("onsdag den 1. september 2021"), and
/// English ("Wednesday, April 3, 2019 - 18:00").
public enum DanishDate {
    static let months: [String: Int] = [
        "januar": 1, "jan": 1, "februar": 2, "feb": 2, "marts": 3, "mar": 3, "april": 4, "apr": 4,
        "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
        "december": 12, "dec": 12,
        "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "october": 10, "oct": 10,
    ]

    /// The first date found in `text`, as ISO 8601, or nil.
    public static func firstISO(in text: String) -> String? {
        first(in: text)?.iso
    }

    /// The first date in `text` with the range of characters it covered.
    static func first(in text: String) -> (iso: String, range: Range<String.Index>)? {
        // Every shape needs four digits at least.
        guard text.utf8.lazy.filter(\.isASCIIDigit).count >= 4 else { return nil }
        return firstByPatterns(in: text)
    }

    /// `first(in:)` from the patterns alone, without the shortcuts above.
    static func firstByPatterns(in text: String) -> (iso: String, range: Range<String.Index>)? {
        let lower = text.lowercased()
        // Captures are ASCII digits by construction; still, never trap on a number.
        let shapes = Shapes(lower)
        if shapes.separated, let m = lower.firstMatch(of: numeric), case let c = m.captures(3), let d = c[0].flatMap({ Int($0) }), let mo = c[1].flatMap({ Int($0) }),
           let y = c[2].flatMap({ Int($0) }) {
            if let iso = make(y, mo, d) { return (iso, m.range) }
        }
        if shapes.year, let m = lower.firstMatch(of: named), case let c = m.captures(3), let month = c[1].flatMap({ months[String($0).trimmingDot()] }),
           let y = c[2].flatMap({ Int($0) }), let d = c[0].flatMap({ Int($0) }) {
            if let iso = make(y, month, d) { return (iso, m.range) }
        }
        if shapes.commaYear, let m = lower.firstMatch(of: english), case let c = m.captures(3), let month = c[0].flatMap({ months[String($0).trimmingDot()] }),
           let y = c[2].flatMap({ Int($0) }), let d = c[1].flatMap({ Int($0) }) {
            if let iso = make(y, month, d) { return (iso, m.range) }
        }
        if shapes.year, let m = lower.firstMatch(of: isoShape), case let c = m.captures(3), let y = c[0].flatMap({ Int($0) }), let mo = c[1].flatMap({ Int($0) }),
           let d = c[2].flatMap({ Int($0) }) {
            if let iso = make(y, mo, d) { return (iso, m.range) }
        }
        return nil
    }

    /// Every date in `text`, as ISO 8601, in order of appearance.
    public static func allISO(in text: String) -> [String] {
        var out: [String] = []
        var rest = Substring(text)
        while let found = first(in: String(rest)) {
            out.append(found.iso)
            let s = String(rest)
            rest = Substring(s[found.range.upperBound...])
        }
        return out
    }

    // 19-01-2023, 23.08.2017, 31.1.2017, 14/12 2005, 29/10-18, 14/12-2005, d.18.1.2010
    nonisolated(unsafe) static let numeric = #/(?:^|[^[0-9]/.-]|\bd\.)([0-9]{1,2})[-./]([0-9]{1,2})[-./ ]([0-9]{4}|[0-9]{2})(?![[0-9]/]|-[0-9])/#
    // 4. marts 2019, 15-maj-2002, 1. sept. 2021, 2 december, 2021
    nonisolated(unsafe) static let named = #/(?:^|[^0-9])([0-9]{1,2})\.?[ -]?([a-zæøå]{3,9}\.?),?[ -]([0-9]{4})(?![0-9])/#
    // april 3, 2019
    nonisolated(unsafe) static let english = #/([a-z]{3,9}) ([0-9]{1,2}), ([0-9]{4})/#
    nonisolated(unsafe) static let isoShape = #/(?:^|[^0-9])([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])/#

    /// What a text's bytes allow of the patterns, read in one pass: each pattern is searched
    /// from every position, and most texts with digits hold no date at all. Every digit and
    /// separator a pattern takes is an ASCII character; its byte is the whole character unless
    /// a mark (U+0300 and up, a lead byte from 0xCC) follows it, and such a text is left to
    /// the patterns.
    struct Shapes {
        /// A digit, one of "-", ".", "/" and a digit: the start of every `numeric` date.
        var separated = false
        /// Four digits in a row: the year of `named`, `english` and `isoShape`.
        var year = false
        /// A digit, ", " and a digit: "april 3, 2019" (`english`).
        var commaYear = false

        init(_ text: String) {
            var copy = text
            copy.withUTF8 { bytes in
                var run = 0
                for i in bytes.indices {
                    let b = bytes[i]
                    if b.isASCIIDigit || b == 0x2D || b == 0x2E || b == 0x2F || b == 0x2C || b == 0x20, i + 1 < bytes.count, bytes[i + 1] >= 0xCC {
                        (separated, year, commaYear) = (true, true, true)
                        return
                    }
                    guard b.isASCIIDigit else { run = 0; continue }
                    run += 1
                    if run >= 4 { year = true }
                    if i >= 2, bytes[i - 2].isASCIIDigit, bytes[i - 1] == 0x2D || bytes[i - 1] == 0x2E || bytes[i - 1] == 0x2F { separated = true }
                    if i >= 3, bytes[i - 3].isASCIIDigit, bytes[i - 2] == 0x2C, bytes[i - 1] == 0x20 { commaYear = true }
                }
            }
        }
    }

    static func make(_ year: Int, _ month: Int, _ day: Int) -> String? {
        var y = year
        if y < 100 { y += y >= 70 ? 1900 : 2000 }
        guard (1900...2100).contains(y), (1...12).contains(month) else { return nil }
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...days[month - 1]).contains(day) else { return nil }
        return "\(y)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}

extension String {
    func trimmingDot() -> String { hasSuffix(".") ? String(dropLast()) : self }
}
