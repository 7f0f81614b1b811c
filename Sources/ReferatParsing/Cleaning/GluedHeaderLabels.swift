/// A meeting header whose table a page's viewer ran together, each label glued to its value
/// ("AfbudClaus Holm, Eva Ny", "MødelederLouise Berg", "StedSkolen"), as school boards' pages
/// on Aula print it. The label gets its colon back ("Afbud: Claus Holm, Eva Ny"), so the list
/// readers see where one field ends and the next begins; a word that merely starts like a label
/// ("Stedfortræder") goes on in lower case and is left alone.
enum GluedHeaderLabels {
    /// The labels; `split` tests a line's first byte against their first letters before reading it.
    static let labels = ["Afbud", "Fraværende", "Deltagere", "Mødeleder", "Sekretær", "Referent", "Ordstyrer", "Sted", "Tilstede", "Til stede"]

    static func split(_ lines: inout [SourceLine]) {
        for i in lines.indices {
            guard let first = lines[i].text.utf8.first, first == 0x41 || first == 0x46 || first == 0x44 || first == 0x4D || first == 0x53 || first == 0x52
                || first == 0x4F || first == 0x54 else { continue }
            if let fixed = unglued(lines[i].text) { lines[i].text = fixed }
        }
    }

    /// `text` with a colon and a space between a label and the value glued to it, or nil.
    static func unglued(_ text: String) -> String? {
        for label in labels where text.hasPrefix(label) {
            let rest = text.dropFirst(label.count)
            guard let next = rest.first, next.isUppercase, next.isLetter else { continue }
            return label + ": " + rest
        }
        return nil
    }
}
