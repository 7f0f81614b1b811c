/// Spelling variants indexed as extra, weaker forms: aa→å (Aarhus/Århus), ä→æ, ö→ø, é→e.
///
/// Never folds æ, ø, å to a and o: "bånd" and "band", "rød" and "rod" stay apart. The aa rule
/// does not apply across a compound seam ("ekstra|afgift") or to a short list of loan words.
enum SpellingVariants {
    static let aaExceptions: Set<String> = ["israel", "bazaar", "kanaan", "haag", "saab", "graal", "kraal", "afrikaans", "aalborg-aarhus"]

    /// The variant of a folded word, or nil when it has none. `seams` are character offsets
    /// where compound parts begin.
    static func variant(of word: String, seams: Set<Int>) -> String? {
        // Fast path: no "aa" and none of ä ö é è ê ü (UTF-8 C3 A4/B6/A9/A8/AA/BC); æ, ø, å have no variant.
        var hasCandidate = false
        var previous: UInt8 = 0
        for byte in word.utf8 {
            if byte == 0x61 && previous == 0x61 { hasCandidate = true; break }
            if previous == 0xC3 && [0xA4, 0xB6, 0xA9, 0xA8, 0xAA, 0xBC].contains(byte) { hasCandidate = true; break }
            previous = byte
        }
        guard hasCandidate else { return nil }
        var changed = false
        var out = ""
        let chars = Array(word)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "a", i + 1 < chars.count, chars[i + 1] == "a", !seams.contains(i + 1), !aaExceptions.contains(word) {
                out.append("å")
                changed = true
                i += 2
                continue
            }
            switch c {
            case "ä": out.append("æ"); changed = true
            case "ö": out.append("ø"); changed = true
            case "é", "è", "ê": out.append("e"); changed = true
            case "ü": out.append("y"); changed = true
            default: out.append(c)
            }
            i += 1
        }
        return changed ? out : nil
    }
}
