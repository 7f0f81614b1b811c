import ReferatRecords

/// Finds where items start in a document's lines.
///
/// Three families, tried in order (see docs/minutes-formats.md §1): a title line followed by
/// `23/222 Åben Sag`; a numbered title (`4. Godkendelse af regnskab (B)`, `Nr.112 - …`, `Pkt. 17`,
/// `12Godkendelse …`) that is followed within a few lines by the item's identity or its first
/// body heading; and a bare `Åben`/`Lukket` line with the title above it. Numbered lines in body
/// text ("1. Den nære psykiatri") are not items because no identity or opening heading follows.
struct CaseSegmenter: Sendable {
    struct Anchor: Hashable, Sendable {
        /// Index of the title line in `lines`.
        var titleIndex: Int
        var number: String?
        var access: Access?
        /// Index of the line that carried the access marker, consumed by the anchor.
        var markerIndex: Int?
    }

    nonisolated(unsafe) static let numbered = #/^(?:(?:Nr\.|Pkt\.|Punkt|Sag nr\.|Dagsordenspunkt)\s*)?([0-9]{1,3})(?:\.(?![0-9])|:|\s*[-–]\s|\s)\s*(\S.*)$/#
    nonisolated(unsafe) static let glued = #/^([0-9]{1,3})([A-ZÆØÅ][\p{Ll}].*)$/#
    nonisolated(unsafe) static let numberAfterTitle = #/^(?:Sag nr\.|Pkt\.|Punkt|Dagsordenspunkt)\s*([0-9]{1,3})\s*:?$/#

    /// Whether `text` starts with a label `numberAfterTitle` needs: a byte test that spares
    /// the regex on nearly every line.
    static func hasNumberLabel(_ text: String) -> Bool {
        text.hasPrefix("Sag nr.") || text.hasPrefix("Pkt.") || text.hasPrefix("Punkt") || text.hasPrefix("Dagsordenspunkt")
    }

    /// The same for `numbered`, which also takes a leading "Nr." or a digit.
    static func mayBeNumbered(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return first.isASCIIDigit || text.hasPrefix("Nr.") || hasNumberLabel(text)
    }

    func anchors(in lines: [SourceLine]) -> [Anchor] {
        var withNumber: [Anchor] = []
        for i in lines.indices where lines[i].text.utf8.first?.isASCIIDigit == true {
            guard let m = CaseNumbers.accessLineMatch(lines[i].text) else { continue }
            guard let title = previousContent(lines, before: i), CaseNumbers.accessLineMatch(lines[title].text) == nil else { continue }
            let access: Access = m.access.hasPrefix("L") ? .closed : .open
            withNumber.append(Anchor(titleIndex: title, access: access, markerIndex: i))
        }
        if !withNumber.isEmpty { return withNumber }

        var anchors: [Anchor] = []
        var defaultAccess: Access?
        for i in lines.indices {
            let text = lines[i].text
            // Section markers are short lines; body text is not lower-cased at all.
            let lower = text.utf8.count <= 60 ? text.lowercased() : ""
            if lower.hasPrefix("åbne dagsordenspunkter") || lower.hasPrefix("åbne punkter") || lower == "åbent møde" { defaultAccess = .open }
            if lower.hasPrefix("lukkede punkter") || lower.hasPrefix("lukkede dagsordenspunkter") || lower.contains("for lukkede døre") { defaultAccess = .closed }
            if let access = CaseNumbers.bareAccess(text), let title = titleAbove(lines, before: i) {
                if let existing = anchors.lastIndex(where: { $0.titleIndex == title }) {
                    anchors[existing].access = access
                    anchors[existing].markerIndex = i
                } else if numberedTitle(lines[title].text) == nil || isConfirmed(lines, at: title) == false {
                    anchors.append(Anchor(titleIndex: title, number: numberedTitle(lines[title].text)?.number, access: access, markerIndex: i))
                }
                continue
            }
            if Self.hasNumberLabel(text), let m = text.wholeMatch(of: Self.numberAfterTitle), let title = previousContent(lines, before: i) {
                if anchors.last?.titleIndex != title {
                    anchors.append(Anchor(titleIndex: title, number: String(m.1), access: defaultAccess, markerIndex: i))
                }
                continue
            }
            if let numbered = numberedTitle(text), isConfirmed(lines, at: i) {
                // The same title printed twice in a row is one item.
                if let last = anchors.last, last.titleIndex >= i - 3,
                   normalisedTitle(numberedTitle(lines[last.titleIndex].text)?.title ?? lines[last.titleIndex].text) == normalisedTitle(numbered.title) {
                    continue
                }
                anchors.append(Anchor(titleIndex: i, number: numbered.number, access: defaultAccess))
            }
        }
        return anchors.sorted { $0.titleIndex < $1.titleIndex }
    }

    /// Splits a numbered title line into its number and title, if it is one.
    func numberedTitle(_ text: String) -> (number: String, title: String)? {
        // Both shapes start with a digit or a label: most lines are neither.
        guard Self.mayBeNumbered(text), text.isShorter(than: 201) else { return nil }
        if let m = text.wholeMatch(of: Self.numbered) {
            let title = String(m.2)
            guard let c = title.first, c.isUppercase || c == "(" || c == "\"" || c == "”" else { return nil }
            // "2023 Budget": a year is not an item number.
            return (String(m.1), title)
        }
        if let m = text.wholeMatch(of: Self.glued) { return (String(m.1), String(m.2)) }
        return nil
    }

    /// A numbered line is an item title when the item's identity or opening heading follows it
    /// before any other numbered line.
    func isConfirmed(_ lines: [SourceLine], at index: Int) -> Bool {
        var seen = 0
        var j = index + 1
        while j < lines.count && seen < 8 {
            let text = lines[j].text
            j += 1
            if text.isEmpty { continue }
            seen += 1
            if Self.isIdentity(text) { return true }
            if let key = SectionHeadings.key(text), SectionHeadings.opening.contains(key) { return true }
            if SectionHeadings.inlineRouting(text) != nil { return true }
            if let n = numberedTitle(text) {
                // The same title printed twice is still this item.
                if normalisedTitle(n.title) == normalisedTitle(numberedTitle(lines[index].text)?.title ?? "") { continue }
                return false
            }
        }
        return false
    }

    static func isIdentity(_ text: String) -> Bool {
        // Identity lines are short labels; body text never is one.
        guard text.utf8.count <= 90 else { return false }
        if CaseNumbers.bareAccess(text) != nil { return true }
        if CaseNumbers.accessLineMatch(text) != nil { return true }
        if text.hasLowercasedPrefix("sag") && (text.hasLowercasedPrefix("sagsnr") || text.hasLowercasedPrefix("sagnr") || text.hasLowercasedPrefix("sagsid") || text.hasLowercasedPrefix("sagsnummer"))
            || text.hasLowercasedPrefix("j.nr") || text.hasLowercasedPrefix("j. nr") || text.hasLowercasedPrefix("journalnr")
            || text.hasLowercasedPrefix("dok.nr") || text.hasLowercasedPrefix("kle") || text.hasLowercasedPrefix("lukket sag") {
            return true
        }
        guard let first = text.first else { return false }
        if "SPD".contains(first), hasNumberLabel(text), text.wholeMatch(of: numberAfterTitle) != nil { return true }
        if "SB".contains(first), text.isShorter(than: 40), text.firstMatch(of: CaseNumbers.shorthand) != nil { return true }
        guard first.isNumber || first == "K", text.isShorter(than: 40) else { return false }
        return CaseNumbers.kleNumber(in: text).map { $0.count + 6 >= text.count } ?? false
    }

    /// The title line above an access marker, skipping the item's identity lines.
    func titleAbove(_ lines: [SourceLine], before index: Int) -> Int? {
        var j = index
        while let prev = previousContent(lines, before: j) {
            if !Self.isIdentity(lines[prev].text) { return prev }
            j = prev
        }
        return nil
    }

    func previousContent(_ lines: [SourceLine], before index: Int) -> Int? {
        var j = index - 1
        while j >= 0 {
            if !lines[j].isBlank { return j }
            j -= 1
        }
        return nil
    }

    func normalisedTitle(_ text: String) -> String {
        text.lettersAndDigitsLowercased
    }
}
