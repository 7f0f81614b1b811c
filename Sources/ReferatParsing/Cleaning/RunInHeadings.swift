/// Puts headings that converters ran into the text back on lines of their own.
///
///     BeslutningGodkendt.                      → Beslutning / Godkendt.
///     Indholdsfortegnelse1. Fraværende         → Indholdsfortegnelse / 1. Fraværende
///     00.22.02-A26-1-13 Beslutning Byrådet, …  → 00.22.02-A26-1-13 / Beslutning Byrådet, …
///     … uden ændringer. INDSTILLING Administrationen indstiller …  → … / INDSTILLING / Administrationen …
///     1. Meddelelse fra formandenReferat       → 1. Meddelelse fra formanden / Referat
///     Eventuelt1. Orientering                  → Eventuelt / 1. Orientering
///     Eventuelt den 29.01.20138. Godkendelse   → Eventuelt den 29.01.2013 / 8. Godkendelse
///     … Ib Holm (syg). 1. Godkendelse af referat:  → … Ib Holm (syg). / 1. Godkendelse af referat:
///
/// Web pages lose the line break between a heading element and its text, and PDF text
/// flattened by a viewer keeps headings inside paragraphs; the structure stage reads
/// headings only at the start of a line.
enum RunInHeadings {
    /// Headings that may be glued to the text after them (no space, a capital or digit next).
    static let glued = [
        "Indholdsfortegnelse", "Sagsfremstilling", "Beslutningstema", "Beslutning", "Indstilling", "Resumé", "Resume",
        "Sagsresume", "Bilag", "Baggrund", "Fraværende", "Afbud", "Sagsforløb", "Sagsgang", "Udskriv", "Udvalg", "Mødedato", "Mødested",
    ]

    /// Headings that flattened web pages leave after a sentence; only these, as each is a word
    /// no sentence starts with.
    static let afterSentence: [StaticString] = [". Sagsfremstilling ", ". Beslutningstema ", ". Sagsresume ", ". TidligerePolitiskBehandling "]

    /// Headings written in capitals, which only a heading is, in the middle of a line.
    static let capitals: [StaticString] = [" INDSTILLING ", " BESLUTNING ", " SAGSFREMSTILLING ", " RESUME ", " RESUMÉ ", " BAGGRUND ", " SAGSRESUME "]

    nonisolated(unsafe) static let identityThenHeading = #/^((?:[0-9]{2}\.[0-9]{2}\.[0-9]{2}-[A-ZÆØÅ][0-9]{2}-[0-9]{1,6}-[0-9]{2}|[0-9]{2,4}/[0-9]{1,6}|[0-9]{3}-[0-9]{4}-[0-9]{1,8}))\s+(?=[A-ZÆØÅ])/#

    /// Headings that may follow a case number on the same line.
    static let afterIdentity = ["Beslutning", "Resume", "Resumé", "Sagsfremstilling", "Indstilling", "Sagsresume", "Baggrund"]

    nonisolated(unsafe) static let committeeDatedInside = #/\.\s+((?:Beslutning\s+)?[A-ZÆØÅ][\p{L}-]*(?:\s+og\s+[A-ZÆØÅ][\p{L}-]*)?(?:udvalget|rådet|Byrådet|bestyrelsen|Magistraten),\s+[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4})/#

    /// Whether a point after `text` ends a sentence, not an abbreviation ("pkt.", "jf."): a
    /// closing parenthesis or mark before it, or a word of four letters or more.
    static func endsASentence(_ text: Substring) -> Bool {
        guard let last = text.last else { return false }
        if last == ")" || last == "?" || last == "!" { return true }
        return text.reversed().prefix { $0.isLetter }.count >= 4
    }

    static func split(_ text: String) -> [String] {
        guard text.utf8.count >= 8, let first = text.utf8.first else { return [text] }
        // "… Mads Lindgaard (syg?). 1. Godkendelse af referat:": plain minutes' first title, ending
        // in a colon, run onto the end of the line above it (a school board's page).
        if text.utf8.last == 0x3A, text.containsBytes(". 1. "), let at = text.firstRange(of: ". 1. "), endsASentence(text[..<at.lowerBound]),
           CaseSegmenter.isColonTitle(String(text[at.upperBound...])) {
            return [String(text[...at.lowerBound]), String(text[text.index(after: at.lowerBound)...]).stripping(" ")]
        }
        // Glued heading: the heading's letters, then a capital or a digit with no space.
        if first >= 0x41 {
            for heading in glued where heading.utf8.first == first && text.utf8.starts(with: heading.utf8) {
                let rest = text.dropFirst(heading.count)
                if let next = rest.first, next.isUppercase || next.isNumber {
                    return [heading] + split(String(rest))
                }
            }
        }
        // "Referat Beslutning: Godkendt.": the item's record heading run into its decision's.
        if first == 0x52, text.hasPrefix("Referat Beslutning") {
            return ["Referat"] + split(String(text.dropFirst("Referat ".count)))
        }
        // "Beslutning Tilbagesendes til udvalget med bemærkning, …": the heading run into its
        // decision's sentence (a flattened page), not a body's name ("Beslutning Økonomiudvalget").
        if first == 0x42, text.hasPrefix("Beslutning "), text.hasSuffix("."), !text.contains(":") {
            let rest = text.dropFirst("Beslutning ".count)
            if rest.first?.isUppercase == true, !MinutesVocabulary.endsLikeBody(String(rest.prefix { $0 != " " && $0 != "." })),
               DanishDate.first(in: String(rest.prefix(40))) == nil {
                return ["Beslutning", String(rest)]
            }
        }
        // An identity number, then text: the item's identity goes on its own line.
        if first.isASCIIDigit, let m = text.firstMatch(of: identityThenHeading) {
            let rest = String(text[m.1.endIndex...]).stripping(" ")
            // "23/222 Åben Sag" is one identity line; a KLE-shaped number is never followed by its text.
            let isKLE = m.1.contains(".")
            if isKLE || afterIdentity.contains(where: { rest.hasPrefix($0 + " ") || rest == $0 }) {
                return [String(m.1)] + split(rest)
            }
        }
        // "…behandling.Beslutning fra …": a heading glued to the sentence before it.
        if text.containsBytes(".Beslutning") || text.containsBytes(".Indstilling") || text.containsBytes(".Sagsfremstilling") {
            for heading in ["Beslutning", "Indstilling", "Sagsfremstilling"] {
                // "… godkendt.Beslutning", "… den 20. oktober 2027.Beslutning" (a year, never an
                // item's number as in "3.Beslutning - Klimaplan").
                guard let range = text.firstRange(of: "." + heading), range.lowerBound > text.startIndex,
                      text[text.index(before: range.lowerBound)].isLowercase || endsInYear(text[..<range.lowerBound]) else { continue }
                let cut = text.index(after: range.lowerBound)
                return split(String(text[..<cut])) + split(String(text[cut...]))
            }
        }
        // "… dagsorden. Byrådet, 16.12.2014 Bo Berg var fraværende.": a decision run into the text.
        if text.utf8.count > 30, text.containsBytes(", "), text.containsBytes("udvalget, ") || text.containsBytes("rådet, ") || text.containsBytes("bestyrelsen, ")
            || text.containsBytes("Magistraten, "), let m = text.firstMatch(of: committeeDatedInside) {
            let cut = m.1.startIndex
            return split(String(text[..<cut]).stripping(" ")) + split(String(text[cut...]))
        }
        // A heading after a closed sentence, before a new one: "… Godkendt. Sagsfremstilling Rapporten viser …".
        if text.utf8.count > 40 {
            for marker in afterSentence where text.containsBytes(marker) {
                let heading = marker.description.stripping(". ")
                guard let range = text.firstRange(of: ". " + heading + " "), let next = text[range.upperBound...].first, next.isUppercase else { continue }
                let cut = text.index(range.lowerBound, offsetBy: 1)
                return split(String(text[..<cut])) + [heading] + split(String(text[range.upperBound...]))
            }
        }
        // The same heading at the end of the line, its text on the next.
        if text.utf8.count > 20 {
            for heading in ["Sagsfremstilling", "Beslutningstema", "Sagsresume"] where text.mayHaveSuffix(heading) && text.hasSuffix(". " + heading) {
                return split(String(text.dropLast(heading.count + 1))) + [heading]
            }
        }
        // "4 PKT. 1. GODKENDELSE AF DAGSORDEN Referat Beslutning: … PKT. 2. ORIENTERING - …": a
        // transcript that runs items labelled and titled in capitals into its text. Each label and
        // title goes on a line of its own (a page number before the first is dropped).
        // "SAG NR. 4 PLAN FOR NYE CYKELSTIER ADMINISTRATIONENS INDSTILLING 1. at …": the title ends
        // where a heading in capitals starts.
        if text.utf8.count > 20, text.containsBytes("PKT. ") || text.containsBytes("SAG NR. "), let m = text.firstMatch(of: capitalItem) {
            var before = String(text[..<m.range.lowerBound]).stripping(" ")
            if before.utf8.allSatisfy(\.isASCIIDigit) { before = "" }
            // The heading goes on a line of its own.
            var item = m.range, heading: [String] = [], restStart = m.range.upperBound
            if let found = titleEndingsInCapitals.compactMap({ text[m.range].firstRange(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
                item = m.range.lowerBound..<found.lowerBound
                heading = [String(text[found]).stripping(" ")]
                restStart = found.upperBound
            }
            let rest = String(text[restStart...]).stripping(" ")
            return (before.isEmpty ? [] : split(before)) + [String(text[item]).stripping(" ")] + heading + (rest.isEmpty ? [] : split(rest))
        }
        // A heading in capitals after a sentence.
        if text.utf8.count > 40, hasTwoCapitals(text) {
            for marker in capitals where text.containsBytes(marker) {
                let heading = marker.description.stripping(" ")
                guard let range = text.firstRange(of: " " + heading + " ") else { continue }
                let before = text[..<range.lowerBound]
                guard let last = before.last, last == "." || last == ":" || last.isNumber || last.isLowercase else { continue }
                return split(String(before)) + [heading] + split(String(text[range.upperBound...]))
            }
        }
        // "Eventuelt1. Orientering og rundvisning", "26. Konferencer mv.:1. Meddelelser": the last
        // entry of a list glued to the first item.
        if text.utf8.count < 200, hasLetterThenNumber(text), let m = text.wholeMatch(of: wordThenNumbered) {
            return [String(m.1)] + split(String(m.2))
        }
        // "14. Eventuelt - Udvalget den 29.01.20138. Godkendelse …", "… til mødet den 9. juni
        // 202781. Godkendelse …": the entry ended in a date.
        if text.utf8.count < 240, hasYearThenNumber(text), let m = text.wholeMatch(of: dateThenNumbered) {
            return [String(m.1)] + split(String(m.2))
        }
        // "1. Meddelelse fra formandenReferat": an item's title with its first heading glued on.
        if first.isASCIIDigit, text.utf8.count > 12 {
            for heading in titleEndings where text.mayHaveSuffix(heading) && text.hasSuffix(heading) {
                let cut = text.index(text.endIndex, offsetBy: -heading.count)
                guard cut > text.startIndex, text[text.index(before: cut)].isLowercase || text[text.index(before: cut)].isNumber else { continue }
                return [String(text[..<cut]), heading]
            }
        }
        return [text]
    }

    /// Whether two ASCII capitals stand side by side, as in every heading of `capitals`: the
    /// guard before searching each of them, whose first byte, a space, most lines have often.
    static func hasTwoCapitals(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            var previous = false
            for b in bytes {
                let capital = b >= 0x41 && b <= 0x5A
                if capital && previous { return true }
                previous = capital
            }
            return false
        }
    }

    /// Whether `text` ends in a year after a space: "… den 20. oktober 2027".
    static func endsInYear(_ text: Substring) -> Bool {
        let tail = text.utf8.suffix(5)
        return tail.count == 5 && tail.first == 0x20 && tail.dropFirst().allSatisfy(\.isASCIIDigit)
    }

    /// Whether a lower-case letter or a colon stands right before a number and its point
    /// ("Eventuelt1. ", "Konferencer mv.:1. "):
    /// the guard before `wordThenNumbered`, on bytes. The second bytes of æ, ø and å are 0xA6,
    /// 0xB8 and 0xA5.
    static func hasLetterThenNumber(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            guard bytes.count > 4 else { return false }
            for i in 1..<(bytes.count - 2) where bytes[i].isASCIIDigit {
                let before = bytes[i - 1]
                guard (before >= 0x61 && before <= 0x7A) || before == 0xA5 || before == 0xA6 || before == 0xB8 || before == 0x3A else { continue }
                var j = i
                while j < bytes.count, bytes[j].isASCIIDigit { j += 1 }
                if j + 1 < bytes.count, bytes[j] == 0x2E, bytes[j + 1] == 0x20 { return true }
            }
            return false
        }
    }

    /// Whether a point or a space stands before five to seven digits and a point and a space
    /// ("29.01.20138. ", "oktober 2027143. "): a year with an item's number glued on, the guard
    /// before `dateThenNumbered`, on bytes.
    static func hasYearThenNumber(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                guard bytes[i] == 0x2E || bytes[i] == 0x20 else { i += 1; continue }
                var j = i + 1
                while j < bytes.count, bytes[j].isASCIIDigit { j += 1 }
                if (5...7).contains(j - i - 1), j + 1 < bytes.count, bytes[j] == 0x2E, bytes[j + 1] == 0x20 { return true }
                i = j
            }
            return false
        }
    }

    /// Headings in capitals that end a title in capitals run on into them.
    static let titleEndingsInCapitals = [" ADMINISTRATIONENS INDSTILLING ", " INDSTILLING ", " SAGSFREMSTILLING ", " RESUMÉ ", " RESUME ", " BAGGRUND ", " BESLUTNING "]

    /// An item's label, number and title in capitals, up to the first word that is not in capitals.
    nonisolated(unsafe) static let capitalItem = #/(?:PKT\.|SAG NR\.)\s*[0-9]{1,3}\.?\s+[A-ZÆØÅ][A-ZÆØÅ0-9.\-]+(?:[ ,]+[A-ZÆØÅ0-9][A-ZÆØÅ0-9.\-]*)*(?=[ ,]+[-–]|[ ,]+[A-ZÆØÅ]?[a-zæøå]|\s*$)/#

    nonisolated(unsafe) static let dateThenNumbered = #/^(.*?[0-9]{1,2}\.(?:[0-9]{1,2}\.|\s*\p{Ll}+\.?\s+)(?:19|20)[0-9]{2})([0-9]{1,3}\.\s+[A-ZÆØÅ].*)$/#

    nonisolated(unsafe) static let wordThenNumbered = #/^((?:[0-9]{1,3}\.\s+[^0-9]*)?(?:\p{L}*\p{Ll}|[^0-9]*\p{L}\.?:))([0-9]{1,3}\.\s+[A-ZÆØÅ].*)$/#

    /// Headings that may be glued to the end of an item's title.
    static let titleEndings = ["Referat", "Beslutning", "Sagsfremstilling", "Indstilling", "Resumé", "Resume", "Sagsresume", "Beslutningstema"]
}
