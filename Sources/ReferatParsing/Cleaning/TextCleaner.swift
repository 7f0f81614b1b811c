import ReferatRecords

/// Removes what is not content from minutes text and repairs what PDF conversion broke.
///
/// Works on lines and keeps each line's source number, so records and warnings can point back
/// into the file. It removes web furniture, page-number lines, running headers repeated on
/// page breaks, lines holding only (no-break) spaces, URLs repeated by the converter (kept
/// as links) and routing grids (kept as the committees they mark); it turns private-use bullets into list items and rejoins words hyphenated across
/// lines ("godken-" / "delse").
struct TextCleaner: Sendable {
    struct Output: Sendable {
        var lines: [SourceLine]
        /// URLs found on lines of their own, with their line numbers, in order.
        var links: [(line: Int, url: String)]
        /// Routing grids (`RoutingGrid`), in order; their lines are not in `lines`.
        var routingGrids: [RoutingGrid] = []
        /// True when web-page furniture was found: the text is a page, not minutes.
        var looksLikeWebpage: Bool
        /// True when a link of a page showing one agenda item was found ("Tilbage til oversigt").
        var linksLikeItemPage = false
        /// True when the text is a document site's copy of a PDF (`isDocumentSite`): a document,
        /// never a web article.
        var fromDocumentSite = false
        /// True when a document site's list of other documents ran to the end with no text of
        /// the document after it (`Transkript`): the page links to a document it does not show.
        var onlyLinksToDocument = false
    }

    /// Lines that are web-page furniture wherever they stand (compared lower-cased).
    static let furniture: Set<String> = [
        "skip til hoved indholdet", "skip til hovedindholdet", "spring til indhold", "gå til indhold",
        "gå til hovedindhold", "til toppen", "tilbage til toppen", "til top", "udskriv", "print", "fold alle punkter",
        "fold alle punkter ud", "fold alle punkter sammen", "luk alle punkter", "del", "del siden",
        "del på facebook", "del på linkedin", "genveje", "menu", "søg", "luk", "log ind",
        "accepter alle", "accepter cookies", "afvis alle", "kun nødvendige", "cookieindstillinger",
        "vis mere", "vis mindre", "læs op", "tilbage", "tilbage til oversigten", "senest opdateret",
        "til indholdsfortegnelse", "se alle bilag", "udskriv dette punkt", "udskriv punkt", "printvenlig version",
        "kopier link til punktet - print", "kopier link", "fold ud", "lignende dokumenter", "relaterede dokumenter", "transkript", "transkript:", "tidligerepolitiskbehandling", "fold alle ud", "fold alle sammen", "skip navigationen",
    ]

    /// A line without the link texts a text browser prints in brackets after it: "fold alle
    /// punkter [ud] [ind]" → "fold alle punkter".
    static func withoutBracketedLinks(_ line: String) -> String {
        var text = line
        while text.hasSuffix("]"), let open = text.lastIndex(of: "[") { text = String(text[..<open]).stripping(" ") }
        return text
    }

    /// Headings of a document site's list of other documents (docplayer): the titles under them
    /// name other meetings and municipalities, up to the document's own text (`Transkript`).
    static let otherDocumentsHeadings: Set<String> = ["relaterede dokumenter", "lignende dokumenter"]

    /// Whether the lines come from a document site that shows a PDF's text under its own
    /// furniture ("Starte visningen fra side:", "Transkript"), where a list of other documents
    /// is never part of the document.
    static func isDocumentSite(_ lines: [SourceLine]) -> Bool {
        lines.prefix(40).contains { line in
            guard line.text.isShorter(than: 40) else { return false }
            let lower = line.text.lowercased()
            return lower == "transkript" || lower == "transkript:" || lower.hasPrefix("starte visningen fra side")
        }
    }

    /// The last bytes of the link texts: most lines end in none of them.
    static let linkLastBytes = Set(MinutesVocabulary.linkTexts.compactMap(\.utf8.last))

    /// `line` without a link text at its end ("29. LokalplanÅbn/luk punkt").
    static func withoutTrailingLink(_ line: String) -> String {
        guard let last = line.utf8.last, linkLastBytes.contains(last) else { return line }
        for link in MinutesVocabulary.linkTexts where line.hasSuffix(link) && line.count > link.count {
            return String(line.dropLast(link.count)).stripping(" ")
        }
        return line
    }

    /// Cleans `text`, letting it and each source line go once their lines are made.
    func clean(_ text: consuming String) -> Output {
        var raw = Self.splitLines(text)
        text = ""
        let doubleSpaced = Self.isDoubleSpaced(raw)
        let grids = RoutingGrid.find(in: raw)
        let itemPages = FlattenedPage.itemPages(raw.map(\.text))
        var nextGrid = 0
        var lines: [SourceLine] = []
        lines.reserveCapacity(raw.count)
        var pageEdges = Set<Int>()  // indices in `lines` of first/last lines of a page
        var lastWasPageBreak = false
        for i in raw.indices {
            if nextGrid < grids.count, grids[nextGrid].span.contains(i) {
                if i == grids[nextGrid].span.upperBound - 1 { nextGrid += 1 }
                continue
            }
            var line = raw[i].text
            raw[i].text = ""
            let pageBreak = line.containsByte(0x0C)
            if pageBreak {
                line.removeAll { $0 == "\u{C}" }
                if let last = lines.lastIndex(where: { !$0.isBlank }) { pageEdges.insert(last) }
                lastWasPageBreak = true
            }
            let isExactlyEmpty = line.isEmpty
            var normalised = Self.normalise(line)
            if normalised.utf8.last == 0x7C { normalised = Self.withoutCellBars(normalised) }
            if normalised.hasPrefix("fold ") || normalised.hasPrefix("Fold "), let rest = Self.afterFoldToggle(normalised) { normalised = rest }
            if normalised.isEmpty {
                // In double-spaced converter output, exactly-empty lines are artefacts and only
                // whitespace lines are paragraph breaks.
                if doubleSpaced && isExactlyEmpty { continue }
                if lines.last?.isBlank == false || lines.isEmpty { lines.append(SourceLine(number: raw[i].number, text: "")) }
                continue
            }
            var pieces = FlattenedPage.split(normalised)
            if pieces.count == 1, itemPages.contains(i), let page = FlattenedPage.splitItemPage(normalised) { pieces = page }
            // "2" over "3 Økonomiudvalget Mødedato …": a transcript's empty page, whose number
            // would pass for an item's over the next page's running header.
            if pieces.count > 1, let last = lines.lastIndex(where: { !$0.isBlank }), !pageEdges.contains(last), let number = Int(lines[last].text),
               lines[last].text.utf8.count <= 3, normalised.hasPrefix("\(number + 1) ") {
                lines.remove(at: last)
            }
            if lastWasPageBreak { pageEdges.insert(lines.count); lastWasPageBreak = false }
            let indent = line.utf8.prefix { $0 == 0x20 || $0 == 0x09 }.count
            for piece in pieces.flatMap(RunInHeadings.split) {
                lines.append(SourceLine(number: raw[i].number, text: Self.withoutTrailingLink(piece), indent: indent))
            }
        }
        raw.removeAll()
        Self.removeRunningHeaders(&lines, pageEdges: pageEdges.count >= 2 ? pageEdges : Self.pageMarkerEdges(lines))

        var links: [(line: Int, url: String)] = []
        var webpage = false
        var itemPage = false
        var kept: [SourceLine] = []
        kept.reserveCapacity(lines.count)
        // The list of other documents runs to the document's text or the end; only on a document
        // site, or where the list opens the page (an amp page that holds nothing else).
        let documentSite = Self.isDocumentSite(lines)
        var otherDocuments = false
        var contentLines = 0
        for line in lines {
            let short = line.text.utf8.count <= 40
            let lower = short ? line.text.lowercased() : ""
            if otherDocuments {
                if lower == "transkript" || lower == "transkript:" { otherDocuments = false }
                continue
            }
            if short, Self.otherDocumentsHeadings.contains(lower), documentSite || contentLines < 5 {
                otherDocuments = true
                continue
            }
            if !line.isBlank { contentLines += 1 }
            if short, !itemPage, MinutesVocabulary.itemPageLinks.contains(lower) { itemPage = true }
            let cookie = line.text.utf8.count < 200 && (line.text.containsBytes("ookie"))
            if short && (Self.furniture.contains(lower) || lower.hasSuffix("]") && Self.furniture.contains(Self.withoutBracketedLinks(lower))) || cookie {
                webpage = webpage || cookie || lower.hasPrefix("skip") || lower.hasPrefix("spring") || lower.hasPrefix("til top")
                continue
            }
            if Self.isPageNumber(line.text) { continue }
            kept.append(line)
        }
        Self.repairHyphenation(&kept)
        webpage = Self.removeNavigationMenus(&kept) || webpage
        var result: [SourceLine] = []
        result.reserveCapacity(kept.count)
        for line in kept {
            if Self.isBareURL(line.text) {
                links.append((line.number, line.text))
                continue
            }
            result.append(line)
        }
        while result.first?.isBlank == true { result.removeFirst() }
        while result.last?.isBlank == true { result.removeLast() }
        GluedItemDurations.split(&result)
        ListedNumbers.rewrite(&result)
        GluedHeaderLabels.split(&result)
        return Output(lines: result, links: links, routingGrids: grids.map(\.grid), looksLikeWebpage: webpage, linksLikeItemPage: itemPage,
                      fromDocumentSite: documentSite, onlyLinksToDocument: otherDocuments)
    }

    // MARK: - Steps

    static func splitLines(_ text: String) -> [SourceLine] {
        var out: [SourceLine] = []
        var copy = text
        // On bytes, line ends found with memchr: splitting a String on Characters runs
        // grapheme breaking over every byte, and the generic split walks it a byte at a time.
        copy.withUTF8 { bytes in
            func text(_ from: Int, _ to: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
            }
            out.reserveCapacity(bytes.count / 40)
            var number = 1
            var start = 0
            while true {
                let end = bytes.firstOffset(of: 0x0A, from: start) ?? bytes.count
                var lineEnd = end
                if lineEnd > start && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                // A lone CR (old Mac files) also ends a line.
                var pieceStart = start
                while let cr = bytes.firstOffset(of: 0x0D, from: pieceStart, to: lineEnd) {
                    out.append(SourceLine(number: number, text: text(pieceStart, cr)))
                    pieceStart = cr + 1
                }
                out.append(SourceLine(number: number, text: text(pieceStart, lineEnd)))
                number += 1
                guard end < bytes.count else { break }
                start = end + 1
            }
        }
        return out
    }

    /// True for converter output where every content line is followed by an empty line.
    static func isDoubleSpaced(_ lines: [SourceLine]) -> Bool {
        var content = 0, followedByEmpty = 0
        for i in lines.indices.dropLast() where !lines[i].text.isAllWhitespace {
            content += 1
            if lines[i + 1].text.isEmpty { followedByEmpty += 1 }
        }
        return content >= 6 && followedByEmpty * 10 >= content * 7
    }

    /// "Mødested: | Byrådssalen, Torvet 3 |" as "Mødested: Byrådssalen, Torvet 3": a
    /// header table's row of label and value, its cells' bars kept by a page's text. Only a
    /// labelled row: a table of several values keeps its bars.
    static func withoutCellBars(_ line: String) -> String {
        guard line.hasSuffix(" |"), let bar = line.firstRange(of: ": | "),
              !line[bar.upperBound...].dropLast(2).contains("|") else { return line }
        return String(line[..<bar.lowerBound]) + ": " + String(line[bar.upperBound...].dropLast(2)).stripping(" ")
    }

    /// A section's heading after the toggle of the accordion it opens ("fold dette punkt ind
    /// Beslutning i Udvalget for Trafik den 3-5-2031", Region Syddanmark's pages):
    /// the heading alone, so that it starts its line as headings do; nil when the line is no
    /// toggle before a capital.
    static func afterFoldToggle(_ line: String) -> String? {
        for toggle in ["fold dette punkt ind ", "fold dette punkt ud ", "fold punktet ind ", "fold punktet ud ", "fold ind ", "fold ud "] {
            guard line.count > toggle.count, line.lowercased().hasPrefix(toggle) else { continue }
            let rest = String(line.dropFirst(toggle.count))
            return rest.first?.isUppercase == true ? rest : nil
        }
        return nil
    }

    /// Trims, turns bullets into "• ", and collapses runs of spaces and no-break spaces.
    static func normalise(_ line: String) -> String {
        if let length = plainLength(line) {
            return length == line.utf8.count ? line : String(Substring(line.utf8.prefix(length)))
        }
        var out = ""
        out.reserveCapacity(line.utf8.count)
        var pendingSpace = false
        for scalar in line.unicodeScalars {
            switch scalar.value {
            case 0x20, 0x09, 0xA0, 0x2007, 0x202F, 0x200B, 0xFEFF, 0x0B:
                pendingSpace = !out.isEmpty
            case 0xF0B7, 0xF0A7, 0xF076, 0xF0D8, 0xF0FC, 0x2022, 0x25CF, 0x25AA, 0x25E6:
                if pendingSpace { out.append(" ") }
                out.append("• ")
                pendingSpace = false
            case 0xE000...0xF8FF:
                // Other private-use glyphs from symbol fonts carry no text.
                continue
            case 0x00...0x1F, 0x7F:
                continue
            default:
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.unicodeScalars.append(scalar)
            }
        }
        if out.hasPrefix("•  ") { out = "• " + out.dropFirst(3) }
        return out.hasSuffix(" ") ? String(out.dropLast()) : out
    }

    /// The byte length `normalise` would keep when all it would do is drop trailing spaces:
    /// no control characters, no leading or doubled spaces, and none of the bytes that start a
    /// no-break space, a bullet or a private-use glyph. Most lines are like that (converter
    /// output often ends every line with a space) and skip the rebuild; nil otherwise.
    static func plainLength(_ line: String) -> Int? {
        var copy = line
        return copy.withUTF8 { bytes -> Int? in
            var spaceRun = 0
            var contentEnd = 0
            var i = 0
            let n = bytes.count
            while i < n {
                let byte = bytes[i]
                i += 1
                if byte == 0x20 {
                    if i == 1 { return nil }  // a leading space
                    spaceRun += 1
                    continue
                }
                if spaceRun > 1 { return nil }
                spaceRun = 0
                switch byte {
                case 0x00...0x1F, 0x7F, 0xEE, 0xEF:
                    // Controls, private use, the byte-order mark.
                    return nil
                case 0xC2:
                    guard i < n else { return nil }
                    let next = bytes[i]
                    i += 1
                    if next == 0xA0 { return nil }  // no-break space
                case 0xE2:
                    // Bullets, thin and zero-width spaces; other punctuation (–, ”) is plain.
                    guard i + 1 < n else { return nil }
                    let next = bytes[i], third = bytes[i + 1]
                    i += 2
                    if next == 0x96 || next == 0x97 || next == 0x80 && (third == 0x87 || third == 0x8B || third == 0xA2 || third == 0xAF) { return nil }
                default:
                    break
                }
                contentEnd = i
            }
            return contentEnd
        }
    }

    static func isPageNumber(_ text: String) -> Bool {
        // Both forms start with "s", "S" or "-", and no other character lower-cases to those.
        guard let first = text.utf8.first, first == 0x73 || first == 0x53 || first == 0x2D else { return false }
        guard text.isShorter(than: 25) else { return false }
        let lower = text.lowercased()
        if lower.hasPrefix("side ") {
            let rest = lower.dropFirst(5).replacing(" af ", with: "/").replacing(" ", with: "")
            return !rest.isEmpty && rest.allSatisfy { $0.isNumber || $0 == "/" }
        }
        if lower.hasPrefix("- ") && lower.hasSuffix(" -") {
            return lower.dropFirst(2).dropLast(2).allSatisfy(\.isNumber)
        }
        return false
    }

    /// Page edges of a text that lost its page breaks but kept a page's own number on a line
    /// ("Egeby Kommune" / "12. marts 2031" / "Side 2.", a PDF's lines on a document site): the
    /// number's line and the two lines above it, where a running header stands.
    static func pageMarkerEdges(_ lines: [SourceLine]) -> Set<Int> {
        var edges = Set<Int>()
        for i in lines.indices where lines[i].text.hasPrefix("Side ") && isPageNumber(String(lines[i].text.dropLast(lines[i].text.hasSuffix(".") ? 1 : 0))) {
            edges.insert(i)
            for j in stride(from: i - 1, through: max(0, i - 2), by: -1) where !lines[j].isBlank { edges.insert(j) }
        }
        return edges.count >= 6 ? edges : []
    }

    /// Removes lines that open or close at least three pages with the same text.
    static func removeRunningHeaders(_ lines: inout [SourceLine], pageEdges firstAndLast: Set<Int>) {
        guard firstAndLast.count >= 2 else { return }
        // A header or footer may take two lines ("Svendborg Kommune    Side 2" above the committee
        // and date): the line next to each page's first and last line is an edge too.
        var pageEdges = firstAndLast
        for i in firstAndLast {
            if let next = (i + 1..<min(lines.count, i + 3)).first(where: { !lines[$0].isBlank }), !firstAndLast.contains(next) { pageEdges.insert(next) }
            if let previous = stride(from: i - 1, to: max(-1, i - 3), by: -1).first(where: { $0 >= 0 && !lines[$0].isBlank }), !firstAndLast.contains(previous) { pageEdges.insert(previous) }
        }
        var counts: [String: Int] = [:]
        for i in pageEdges where i < lines.count && !lines[i].isBlank { counts[runningKey(lines[i].text), default: 0] += 1 }
        // Two pages suffice for a header that names something (a date, a committee); three for short ones.
        let headers = Set(counts.filter { ($0.value >= 3 || $0.value >= 2 && $0.key.count >= 15) && $0.key.count < 120 }.keys)
        guard !headers.isEmpty else { return }
        lines = lines.enumerated().filter { !(pageEdges.contains($0.offset) && headers.contains(runningKey($0.element.text))) }.map(\.element)
    }

    /// A page-edge line with its page number masked ("Svendborg Kommune Side 2" and "… Side 3"
    /// are one footer); other lines are compared as they are.
    static func runningKey(_ text: String) -> String {
        guard text.hasASCIIDigit, text.containsBytes("Side "), let side = text.firstRange(of: "Side ") else { return text }
        return String(text[..<side.upperBound]) + String(text[side.upperBound...].map { $0.isNumber ? "#" : $0 })
    }

    static func isBareURL(_ text: String) -> Bool {
        // Asked of every line: the first byte turns nearly all away before comparing characters.
        guard let first = text.utf8.first, first == 0x68 || first == 0x77 else { return false }
        return (text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("www.")) && !text.contains(" ")
    }

    /// Words that follow a suspended hyphen: "børne-" / "og unge" is not a broken word.
    static let conjunctions: Set<String> = ["og", "eller", "samt", "til", "som", "and", "&", "m.v.", "mv."]

    /// The label over a meeting's list of items ("Dagsorden:"): the bullets below it are no menu.
    static let agendaLabels: Set<String> = ["dagsorden", "dagsorden:", "dagsordenen", "dagsordenen:"]

    /// Rejoins words split across lines: "godken-" + "delse" → "godkendelse", "2023-" + "2024" → "2023-2024".
    /// Drops a web page's navigation menu: a run of at least eight short bullet lines that are
    /// neither headings, people, attachments nor sentences ("• Borger",
    /// "• Affald og genbrug", "• Job i kommunen"). A menu's words are not the page's content
    /// and must not be found or rank as if they were. True when one was dropped.
    static func removeNavigationMenus(_ lines: inout [SourceLine]) -> Bool {
        func isMenuLike(_ text: String) -> Bool {
            guard text.utf8.count <= 120, text.isShorter(than: 61), let last = text.last, last != "." && last != ":" && last != "," && last != ";" else { return false }
            let words = text.split(separator: " ").count
            guard text.hasPrefix("•") ? words <= 8 : words <= 4 else { return false }
            if SectionHeadings.key(text) != nil || AttachmentParser.mayNameAFile(text) { return false }
            // The publisher's name is the page's, even in its menu bar.
            if text.containsBytes(" Kommune") || text.containsBytes("Region ") { return false }
            // A list of members is content ("• Pia Holm", "• Bo Berg (V)").
            if PeopleParser.person(text) != nil { return false }
            return true
        }
        var drop = [Bool](repeating: false, count: lines.count)
        var dropped = false
        var start = 0
        // Most documents have no run of eight bullet lines at all: count bullets first.
        guard lines.lazy.filter({ $0.text.utf8.first == 0xE2 && $0.text.hasPrefix("•") }).count >= 8 else { return false }
        while start < lines.count {
            guard !lines[start].isBlank, isMenuLike(lines[start].text) else { start += 1; continue }
            // A list right under "Dagsorden:" is the meeting's agenda, however many its points.
            if let above = lines[..<start].lastIndex(where: { !$0.isBlank }), Self.agendaLabels.contains(lines[above].text.lowercased()) {
                start += 1
                while start < lines.count, lines[start].isBlank || lines[start].text.hasPrefix("•") { start += 1 }
                continue
            }
            // The run: bullet lines (blank lines between them allowed), after at most a line or
            // two of the menu's own ("Menu", "Søg").
            var end = start, count = 0, bullets = 0
            while end < lines.count, lines[end].isBlank || isMenuLike(lines[end].text) && (lines[end].text.hasPrefix("•") || bullets == 0 && count < 2) {
                if !lines[end].isBlank { count += 1; if lines[end].text.hasPrefix("•") { bullets += 1 } }
                end += 1
            }
            if bullets >= 8 {
                for k in start..<end { drop[k] = true }
                dropped = true
            }
            start = end
        }
        guard dropped else { return false }
        let kept = zip(lines, drop).filter { !$0.1 }.map(\.0)
        // A page that is nothing but its menu keeps it: better its words than no document.
        guard kept.contains(where: { !$0.isBlank }) else { return false }
        lines = kept
        return true
    }

    /// Drops the blank lines a page break leaves inside a word broken across pages ("to
    /// skærmede modtage-" / (footer, header) / "rum, et lille …"): a paragraph never starts
    /// with a lower-case letter, so such a line continues the word.
    static func dropBlanksInsideBrokenWords(_ lines: inout [SourceLine]) {
        var keep = [Bool](repeating: true, count: lines.count)
        var changed = false
        for i in lines.indices where lines[i].text.utf8.last == 0x2D && i + 1 < lines.count && lines[i + 1].isBlank {
            guard let before = lines[i].text.dropLast().last, before.isLetter else { continue }
            guard let j = lines[(i + 1)...].firstIndex(where: { !$0.isBlank }), lines[j].text.first?.isLowercase == true else { continue }
            for k in (i + 1)..<j { keep[k] = false }
            changed = true
        }
        if changed { lines = zip(lines, keep).filter(\.1).map(\.0) }
    }

    static func repairHyphenation(_ lines: inout [SourceLine]) {
        dropBlanksInsideBrokenWords(&lines)
        // Lines a join empties are marked and dropped at the end: removing each from the array
        // at once moved every line after it, for every broken word of a long document.
        var emptied: [Bool] = []
        var i = 0
        while i + 1 < lines.count {
            // The line after an emptied one follows the joined line: skip the emptied one.
            defer { i += emptied.isEmpty || !emptied[i + 1] ? 1 : 2 }
            let text = lines[i].text
            // The last byte first: a line whose last character is "-" ends in its byte.
            guard text.utf8.last == 0x2D, text.hasSuffix("-"), !text.isShorter(than: 3) else { continue }
            let beforeHyphen = text.dropLast()
            guard let last = beforeHyphen.last, last.isLetter || last.isNumber || last == "/" else { continue }
            // A hyphen after a space or an acronym ("EU-") is kept as a real hyphen.
            let next = lines[i + 1].text
            guard let first = next.first, !next.isEmpty else { continue }
            let firstWordEnd = next.firstIndex(of: " ") ?? next.endIndex
            let firstWord = String(next[..<firstWordEnd])
            if conjunctions.contains(firstWord.lowercased()) || first == "•" { continue }
            let rest = next[firstWordEnd...].drop { $0 == " " }
            // The word before the hyphen: after the last space (the guard above keeps a space
            // from ending `beforeHyphen`), found from the end rather than by splitting the line.
            let lastWord = beforeHyphen[(beforeHyphen.lastIndex(of: " ").map { beforeHyphen.index(after: $0) } ?? beforeHyphen.startIndex)...]
            let isAcronym = lastWord.count >= 2 && lastWord.allSatisfy { $0.isUppercase }
            let joined: String
            if first.isLowercase && last.isLetter && !isAcronym {
                joined = String(beforeHyphen) + firstWord
            } else if first.isNumber || first.isUppercase || isAcronym || first.isLowercase {
                joined = text + firstWord
            } else {
                continue
            }
            lines[i].text = joined
            lines[i + 1].text = String(rest)
            if rest.isEmpty {
                if emptied.isEmpty { emptied = [Bool](repeating: false, count: lines.count) }
                emptied[i + 1] = true
            }
        }
        if !emptied.isEmpty { lines = zip(lines, emptied).filter { !$0.1 }.map(\.0) }
    }
}
