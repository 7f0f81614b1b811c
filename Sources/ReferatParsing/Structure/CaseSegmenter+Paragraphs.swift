import ReferatRecords

/// Items of plain minutes whose numbered titles run straight into the minutes (family C7): a
/// parish council's or an association's own minutes, typed as numbered paragraphs.
///
///     Referat af menighedsrådets møde tirsdag d. 8. maj 2028
///     1. Sommerudflugt , lørdag d. 2. juni til Ribe. Bussen er bestilt. Tilmelding til Eva.
///     2. Kvartalsrapport blev gennemgået af kassereren. Der er råd til en ny plæneklipper.
///     3. Kommende arrangementer og siden sidst;
///
/// The title is the paragraph's first sentence; the rest is the item's text.
extension CaseSegmenter {
    /// The items of a page whose only structure is paragraphs numbered 1, 2, 3 … in order, or
    /// nil. Asked only when nothing else started an item. A table of contents is numbered the
    /// same way, but its entries are titles: at least two paragraphs must hold a sentence's end,
    /// and the page must name a meeting's record near its top.
    func numberedParagraphs(_ lines: [SourceLine]) -> [Anchor]? {
        guard namesARecord(lines, within: 8) else { return nil }
        var found: [Anchor] = []
        var sentences = 0
        for i in lines.indices where !lines[i].isBlank && lines[i].text.utf8.first?.isASCIIDigit == true {
            let text = lines[i].text
            // A numbered line in the text ("3./10. : Højmesse") that does not count on is no paragraph.
            guard let n = Self.numberedParagraph(text), let number = Int(n.number), number == found.count + 1,
                  text.firstMatch(of: Self.dottedLeader) == nil else { continue }
            if Self.paragraphTitle(n.text) != nil { sentences += 1 }
            found.append(Anchor(titleIndex: i, number: n.number, signal: "numbered paragraph", paragraph: true))
        }
        guard found.count >= 3, sentences >= 2 else { return nil }
        return found
    }

    /// The items of a board's own minutes without numbers, each under a short heading that
    /// ends in a colon (a heating plant's or an association's board: "Konstituering:" /
    /// "Formand: Eva Holm" / "Økonomi:" / "Regnskabet ser ud som sidste år."), or nil. Asked
    /// only when nothing else started an item: three or more such headings, two or more with a
    /// sentence under them, none a header's label or an item's section, and the page names a
    /// meeting's record near its top.
    func colonHeadings(_ lines: [SourceLine]) -> [Anchor]? {
        guard namesARecord(lines, within: 10) else { return nil }
        var found: [Anchor] = []
        var sentences = 0
        for i in lines.indices where !lines[i].isBlank && lines[i].text.utf8.last == 0x3A {
            let text = lines[i].text
            guard Self.isColonTitle(text) else { continue }
            let word = String(text.dropLast())
            guard !Self.headerWords.contains(word.lowercased()), !DecisionHeader.isHeader(word) else { continue }
            if let key = SectionHeadings.key(word), SectionHeadings.opening.contains(key) { continue }
            guard let next = nextContent(lines, after: i), lines[next].text.utf8.last != 0x3A else { continue }
            if lines[next].text.hasSuffix(".") || lines[next].text.hasSuffix("?") || Self.endsASentence(lines[next].text[...]) { sentences += 1 }
            found.append(Anchor(titleIndex: i, signal: "heading that ends in a colon (a board's minutes without numbers)"))
        }
        guard found.count >= 3, sentences >= 2 else { return nil }
        return found
    }

    /// Whether one of the first `count` lines that hold text names a meeting's record
    /// ("Referat", "møde") or who sent apologies ("Afbud fra Eva, Bo"): the plain shapes below
    /// are a meeting's only on such a page, not on a news page or a guide that numbers its points.
    func namesARecord(_ lines: [SourceLine], within count: Int) -> Bool {
        lines.lazy.filter { !$0.isBlank }.prefix(count).contains { line in
            let lower = line.text.lowercased()
            return lower.contains("referat") || lower.contains("møde") || lower.hasPrefix("afbud")
        }
    }

    /// The items of a bare agenda, a meeting's numbered titles with nothing under them but
    /// nested points numbered from 1 again (a council's or board's own page: "Dagsorden:" /
    /// "1. Valg af ordstyrer" / "2. Meddelelser" / "  1. Fra formanden" / "  2. Fra kassereren" /
    /// "3. Høringssvar" / …), or nil. Asked only when nothing else started an item.
    ///
    /// The outermost list's entries are the items: three or more, the first numbered 1, all
    /// titles, in an unbroken run of numbered lines under a header that names a dated meeting,
    /// with points under at least one of them, on a page that names a meeting's record near its
    /// top (`namesARecord`). Where the source indents the points, the least
    /// indented lines are the entries, whatever their numbers (a list that restarts at 1 halfway
    /// down is still the agenda). Where nothing is indented the numbers tell the levels: a 1
    /// opens a list inside the entry above it, and a number that counts on from an open list's
    /// last continues that list, the innermost first, closing those inside it.
    ///
    /// An HTML page's list prints its entries with bullets and no numbers (`HTMLText`); only its
    /// indentation tells the levels there.
    ///
    /// Prose between the entries ends the run: that is `numberedRun`'s and `numberedParagraphs`'
    /// shape. A flat list is a viewer's contents above items the page was cut before, not an agenda.
    func bareAgenda(_ lines: [SourceLine]) -> [Anchor]? {
        // Numbered lines, or bulleted ones (number 0): an HTML page's list, whose numbers the
        // extractor does not print, keeps only its indentation.
        var run: [(index: Int, number: Int, title: String)] = []
        for i in lines.indices where !lines[i].isBlank {
            let text = lines[i].text
            if text.utf8.first?.isASCIIDigit == true, let n = numberedTitle(text), let number = Int(n.number) {
                run.append((i, number, n.title))
            } else if text.hasPrefix("• "), text.utf8.count > 4 {
                run.append((i, 0, text.withoutBullet))
            } else if !run.isEmpty {
                break
            }
        }
        let bulleted = run.contains { $0.number == 0 }
        guard let first = run.first, bulleted ? run.allSatisfy({ $0.number == 0 }) : first.number == 1 else { return nil }
        let outer = lines[first.index].indent
        var entries: [(index: Int, number: Int, title: String)] = []
        if run.contains(where: { lines[$0.index].indent != outer }) {
            guard run.allSatisfy({ lines[$0.index].indent >= outer }) else { return nil }
            entries = run.filter { lines[$0.index].indent == outer }
        } else if bulleted {
            return nil
        } else {
            var open: [Int] = []
            for line in run {
                if open.isEmpty {
                    open = [1]
                } else if line.number == 1 {
                    open.append(1)
                    continue
                } else if let level = open.lastIndex(where: { $0 + 1 == line.number }) {
                    open.removeSubrange((level + 1)...)
                    open[level] = line.number
                    guard level == 0 else { continue }
                } else {
                    break
                }
                entries.append(line)
            }
        }
        guard entries.count >= 3, entries.count < run.count,
              entries.allSatisfy({ isRunTitle($0.title) && !Self.listsItemsOnOneLine(lines[$0.index].text) }),
              namesARecord(lines, within: 8), MeetingHeaderParser.parse(Array(lines[..<first.index]))?.date != nil else { return nil }
        return entries.map { Anchor(titleIndex: $0.index, number: $0.number > 0 ? String($0.number) : nil, signal: "entry of a bare agenda's outermost list") }
    }

    nonisolated(unsafe) static let paragraphStart = #/^([0-9]{1,2})\.\s*(\p{Lu}.*)$/#

    /// "2. Kvartalsrapport blev gennemgået …": the number and the paragraph, of any length.
    static func numberedParagraph(_ text: String) -> (number: String, text: String)? {
        text.wholeMatch(of: paragraphStart).map { (String($0.1), String($0.2)) }
    }

    /// The title of a numbered paragraph and the text after it: the paragraph's first sentence
    /// ("Kvartalsrapport blev gennemgået af kassereren. Der er …"), or nil when the paragraph
    /// is one sentence. A point after a short word ("d. 2. juni", "Nov.") or a digit closes an
    /// abbreviation, not the sentence.
    static func paragraphTitle(_ text: String) -> (title: String, rest: Substring)? {
        var from = text.startIndex
        while let mark = text[from...].firstIndex(where: { $0 == "." || $0 == "?" || $0 == "!" }) {
            let after = text.index(after: mark)
            defer { from = after }
            guard after < text.endIndex, text[after] == " ", let next = text[text.index(after: after)...].first, next.isUppercase else { continue }
            let word = text[..<mark].reversed().prefix { $0.isLetter }
            if text[mark] == ".", word.count < 3 || text[..<mark].last?.isNumber == true { continue }
            return (String(text[..<mark]).stripping(" ,"), text[text.index(after: after)...])
        }
        return outcomeAtEnd(text)
    }

    /// "Godkendelse af referat Udskudt.", "Godkendelse af dagsorden Godkendt": a title with the
    /// meeting's outcome as its last, capitalised word.
    static func outcomeAtEnd(_ text: String) -> (title: String, rest: Substring)? {
        guard let space = text.lastIndex(of: " "), text[text.index(after: space)...].first?.isUppercase == true else { return nil }
        let last = text[text.index(after: space)...]
        let title = String(text[..<space]).stripping(" ,")
        guard title.split(separator: " ").count >= 2, OutcomeClassifier.stated.contains(OutcomeClassifier.classify(String(last).stripping(". "))) else { return nil }
        return (title, last)
    }
}
