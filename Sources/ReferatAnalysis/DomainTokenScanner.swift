/// Finds the tokens that word segmentation would break apart: case numbers (23/222,
/// 330-2018-3619), KLE numbers (00.01.00-G01-93-16), dates (19-01-2023), year ranges
/// (2023-24), amounts with thousands separators (1.250.000), § references, e-mail addresses
/// and URLs.
///
/// Works on UTF-8 bytes in one pass; returns byte ranges with the whole form and its pieces.
enum DomainTokenScanner {
    struct Span: Hashable {
        var start: Int
        var end: Int
        /// The whole form, as indexed.
        var term: String
        /// Other forms at the same position: pieces, the ISO date, the year.
        var extras: [String]
    }

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [Span] {
        var spans: [Span] = []
        var i = 0
        let n = bytes.count
        @inline(__always) func isAlnum(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b >= 0x80 }
        @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        while i < n {
            let b = bytes[i]
            let previous: UInt8 = i > 0 ? bytes[i - 1] : 0x20
            if isDigit(b) && !isAlnum(previous) && previous != 0x2F && previous != 0x2D && previous != 0x2E {
                var j = i
                // Digits, separators, and upper-case letters (KLE: G01, Ø00) inside the run.
                while j < n {
                    let c = bytes[j]
                    if isDigit(c) || c == 0x2F || c == 0x2D || c == 0x2E || (c >= 0x41 && c <= 0x5A) { j += 1; continue }
                    if c == 0xC3, j + 1 < n, [0x98, 0x85, 0x86].contains(bytes[j + 1]) { j += 2; continue }
                    break
                }
                var end = j
                while end > i, [0x2F, 0x2D, 0x2E].contains(bytes[end - 1]) { end -= 1 }
                // A run followed directly by a lower-case letter is a word ("2023-aftalen"), not a number.
                if end > i, let span = classify(String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self), start: i, end: end) {
                    spans.append(span)
                    i = end
                    continue
                }
                i = max(j, i + 1)
                continue
            }
            if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA7 {  // §
                var j = i + 2
                while j < n, bytes[j] == 0x20 { j += 1 }
                let numberStart = j
                while j < n, isDigit(bytes[j]) || (bytes[j] >= 0x61 && bytes[j] <= 0x7A && j > numberStart && j - numberStart < 4 && isDigit(bytes[j - 1])) { j += 1 }
                if j > numberStart {
                    let number = String(decoding: UnsafeBufferPointer(rebasing: bytes[numberStart..<j]), as: UTF8.self)
                    spans.append(Span(start: i, end: j, term: "§" + number, extras: [number]))
                    i = j
                    continue
                }
            }
            if (b == 0x68 || b == 0x77) && !isAlnum(previous), let end = urlEnd(bytes, from: i) {
                let url = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self).lowercased()
                spans.append(Span(start: i, end: end, term: url, extras: []))
                i = end
                continue
            }
            if b == 0x40, i > 0, i + 1 < n, isAlnum(previous), isAlnum(bytes[i + 1]) {
                var s = i
                while s > 0, isAlnum(bytes[s - 1]) || bytes[s - 1] == 0x2E || bytes[s - 1] == 0x2D || bytes[s - 1] == 0x5F { s -= 1 }
                var e = i + 1
                while e < n, isAlnum(bytes[e]) || bytes[e] == 0x2E || bytes[e] == 0x2D { e += 1 }
                while e > i + 1, bytes[e - 1] == 0x2E { e -= 1 }
                // An address found after its local part was already passed: replace overlapping spans.
                spans.removeAll { $0.end > s }
                let address = String(decoding: UnsafeBufferPointer(rebasing: bytes[s..<e]), as: UTF8.self).lowercased()
                spans.append(Span(start: s, end: e, term: address, extras: []))
                i = e
                continue
            }
            i += 1
        }
        return spans
    }

    private static func urlEnd(_ bytes: UnsafeBufferPointer<UInt8>, from i: Int) -> Int? {
        let prefixes: [[UInt8]] = [Array("https://".utf8), Array("http://".utf8), Array("www.".utf8)]
        guard prefixes.contains(where: { p in i + p.count <= bytes.count && (0..<p.count).allSatisfy { bytes[i + $0] == p[$0] } }) else { return nil }
        var j = i
        while j < bytes.count, bytes[j] > 0x20, bytes[j] != 0x22, bytes[j] != 0x3C, bytes[j] != 0x3E, bytes[j] != 0x29 { j += 1 }
        while j > i, [0x2E, 0x2C, 0x3B, 0x3A].contains(bytes[j - 1]) { j -= 1 }
        return j
    }

    /// Decides what a run of digits and separators is; nil for a plain number.
    static func classify(_ run: String, start: Int, end: Int) -> Span? {
        let groups = run.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard groups.count >= 2 else { return nil }
        let pieces = groups.filter { $0.count >= 2 }
        // Amounts: "1.250.000" and "250.000" are 1250000 and 250000, however they are written,
        // so that "1250000" finds them; their digit groups are not pieces worth indexing.
        if isAmount(run, groups) {
            return Span(start: start, end: end, term: groups.joined(), extras: [])
        }
        // Dates: 19-01-2023, 19.01.2023, also as 2023-01-19.
        if groups.count == 3, groups[2].count == 4, groups[0].count <= 2, groups[1].count <= 2,
           let d = Int(groups[0]), let m = Int(groups[1]), let y = Int(groups[2]), (1...31).contains(d), (1...12).contains(m) {
            let iso = "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
            return Span(start: start, end: end, term: run, extras: [iso, groups[2]])
        }
        if run.contains("/") || run.contains("-") || run.filter({ $0 == "." }).count >= 2 {
            // "1.45" and "4.2" are plain numbers; "2023-24" and "00.01.00" are tokens.
            return Span(start: start, end: end, term: run.lowercased(), extras: Array(Set(pieces.map { $0.lowercased() })).sorted())
        }
        return nil
    }

    /// Danish thousands grouping: 1–3 digits, then groups of exactly three, joined by dots.
    /// "19.01.2023" (a date) and "00.01.00" (KLE) do not qualify; "10.30" (a time) neither.
    static func isAmount(_ run: String, _ groups: [String]) -> Bool {
        guard groups.count >= 2, !run.contains("/"), !run.contains("-"),
              (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return false }
        return groups.allSatisfy { $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    }
}
