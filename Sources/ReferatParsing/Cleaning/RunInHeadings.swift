/// Puts headings that converters ran into the text back on lines of their own.
///
///     BeslutningGodkendt.                      → Beslutning / Godkendt.
///     Indholdsfortegnelse1. Fraværende         → Indholdsfortegnelse / 1. Fraværende
///     00.22.02-A26-1-13 Beslutning Byrådet, …  → 00.22.02-A26-1-13 / Beslutning Byrådet, …
///     … uden ændringer. INDSTILLING Administrationen indstiller …  → … / INDSTILLING / Administrationen …
///
/// Web pages lose the line break between a heading element and its text, and PDF text
/// flattened by a viewer keeps headings inside paragraphs; the structure stage reads
/// headings only at the start of a line.
enum RunInHeadings {
    /// Headings that may be glued to the text after them (no space, a capital or digit next).
    static let glued = [
        "Indholdsfortegnelse", "Sagsfremstilling", "Beslutningstema", "Beslutning", "Indstilling", "Resumé", "Resume",
        "Sagsresume", "Bilag", "Baggrund", "Fraværende", "Afbud", "Sagsforløb", "Sagsgang", "Udskriv",
    ]

    /// Capitalised headings that start the text after an identity number on the same line.
    static let afterIdentity = ["Beslutning", "Resume", "Resumé", "Sagsfremstilling", "Indstilling", "Sagsresume", "Baggrund"]

    /// Headings written in capitals, which only a heading is, in the middle of a line.
    static let capitals: [StaticString] = [" INDSTILLING ", " BESLUTNING ", " SAGSFREMSTILLING ", " RESUME ", " RESUMÉ ", " BAGGRUND ", " SAGSRESUME "]

    nonisolated(unsafe) static let identityThenHeading = #/^((?:[0-9]{2}\.[0-9]{2}\.[0-9]{2}-[A-ZÆØÅ][0-9]{2}-[0-9]{1,6}-[0-9]{2}|[0-9]{2,4}/[0-9]{1,6}|[0-9]{3}-[0-9]{4}-[0-9]{1,8}))\s+([A-ZÆØÅ][\p{L}]+)\b/#

    static func split(_ text: String) -> [String] {
        guard text.utf8.count >= 8, let first = text.utf8.first else { return [text] }
        // Glued heading: the heading's letters, then a capital or a digit with no space.
        if first >= 0x41 {
            for heading in glued where text.utf8.starts(with: heading.utf8) {
                let rest = text.dropFirst(heading.count)
                if let next = rest.first, next.isUppercase || next.isNumber {
                    return [heading] + split(String(rest))
                }
            }
        }
        // An identity number, then a heading word.
        if first.isASCIIDigit, let m = text.firstMatch(of: identityThenHeading), afterIdentity.contains(String(m.2)) {
            return [String(m.1), String(text[m.1.endIndex...]).stripping(" ")]
        }
        // A heading in capitals after a sentence.
        if text.utf8.count > 40 {
            for marker in capitals where text.containsBytes(marker) {
                let heading = marker.description.stripping(" ")
                guard let range = text.firstRange(of: " " + heading + " ") else { continue }
                let before = text[..<range.lowerBound]
                guard let last = before.last, last == "." || last == ":" || last.isNumber || last.isLowercase else { continue }
                return split(String(before)) + [heading] + split(String(text[range.upperBound...]))
            }
        }
        return [text]
    }
}
