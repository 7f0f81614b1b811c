import ReferatIndex

/// A query's phrases as typed, for ranking the entries that hold them word for word.
///
///     let verbatim = VerbatimPhrases(["indkaldelse af stedfortræder"])
///     verbatim.count(in: "… betingelserne for indkaldelse af stedfortræder er …")  // 1
///     verbatim.count(in: "… var indkaldt som stedfortræder …")                      // 0
///
/// The index holds stems and no stop words, so a phrase also matches other inflections with
/// other small words between them ("indkaldt som stedfortrædere"). Those are found, as words
/// in other forms are, but the wording the user quoted ranks first: within a tier of a page, an
/// entry that holds more of the query's phrases verbatim comes before one that holds fewer.
/// Letters are compared without case, and anything between words (spaces, line breaks,
/// punctuation) counts as one space.
struct VerbatimPhrases: Sendable {
    /// Each phrase folded, between spaces (" indkaldelse af stedfortræder ").
    private let phrases: [String]

    init(_ phrases: [String]) {
        self.phrases = phrases.map { " " + Self.folded($0) + " " }.filter { $0.count > 2 }
    }

    var isEmpty: Bool { phrases.isEmpty }

    /// How many of the phrases `text` holds word for word.
    func count(in text: String) -> Int {
        let folded = " " + Self.folded(text) + " "
        return phrases.count { folded.contains($0) }
    }

    /// `hits` with, within each tier (exact matches, then the rest), the hits that hold more
    /// phrases verbatim first, in their order otherwise.
    func ranked(_ hits: [SearchHit]) -> [SearchHit] {
        let keys = hits.map { hit in (hit.exact ? 0 : 1, -count(in: hit.title + "\n" + (hit.text ?? ""))) }
        return hits.indices.sorted { a, b in
            (keys[a].0, keys[a].1, a) < (keys[b].0, keys[b].1, b)
        }.map { hits[$0] }
    }

    /// Lower case, with every run of characters that are neither letters nor digits as one space.
    /// On scalars, ASCII by its bytes: an entry's text is read for every hit of a phrase query.
    static func folded(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        func keep(_ scalar: Unicode.Scalar) {
            if space, !out.isEmpty { out.append(" ") }
            space = false
            out.append(scalar)
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                switch v {
                case 0x61...0x7A, 0x30...0x39: keep(scalar)
                case 0x41...0x5A: keep(Unicode.Scalar(v + 0x20)!)
                default: space = true
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if scalar.properties.isUppercase, let lower = scalar.properties.lowercaseMapping.unicodeScalars.first {
                    keep(lower)
                } else {
                    keep(scalar)
                }
            } else if !scalar.properties.isGraphemeExtend {
                space = true
            }
        }
        return String(out)
    }
}
