import ReferatRecords

/// Items of a page that prints no item titles (families C1, C2, B1 Aabenraa/Assens/Viborg,
/// B5 agendaId): the extractor dropped the accordion header that held each item's number and
/// title, and what is left of every item is a block that opens the same way.
///
///     Sagsid.: 23/101, Sagsinitialer: hlp        Resumé
///     Indstilling                                …
///     …                                          Beslutning Ældrerådet den 10-11-2027
///     Beslutning Byrådet den 25-01-2027          Orienteringen taget til efterretning.
///     Godkendt.                                  Resumé
///     Sagsid.: 22/30877, Sagsinitialer: KRB      …
///
/// Each block is an item without title or number (none is invented), so that its decisions,
/// absentees and case number are still read.
extension CaseSegmenter {
    /// The items of a page without titles, one at every line that opens a block the way the
    /// first block opens, or nil when the page prints titles. `found` are the item starts
    /// the other signals found: when they title the blocks, the page is not headless.
    func headlessAnchors(_ lines: [SourceLine], found: [Anchor]) -> [Anchor]? {
        var opener: String?
        var starts: [Int] = []
        for i in lines.indices where !lines[i].isBlank {
            guard let key = Self.blockOpener(lines[i].text) else { continue }
            if opener == nil { opener = key }
            if key == opener { starts.append(i) }
        }
        if starts.isEmpty, found.isEmpty { return decisionBlocks(lines) ?? loneDecision(lines) }
        guard let first = starts.first else { return nil }
        if !hasDecisionHeader(lines, after: first) {
            // One item's page that prints its decision first ("Referat • <date>" / "Indhold" /
            // "Beslutning i Udvalget den …" / "Godkendt." / "Indstilling" / …): the one block,
            // opened by its decision.
            if starts.count == 1, found.isEmpty, let header = decisionHeader(lines, before: first) {
                return [Anchor(titleIndex: header, access: nil, signal: "decision above the page's only block (one item, its decision first)", untitled: true)]
            }
            // No decision yet (an agenda, or minutes cut before the first decision): the blocks
            // are items only under a header that names a dated meeting ("Dagsorden" / "Udvalget
            // onsdag den 3. maj 2028 kl. 19.00" / "Sagsfremstilling" / …, or "Sagsid.: 29/4410"
            // over each block) and nothing else started an item. An identity over a numbered
            // title ("Sagsnr. 29/4410" / "1. Titel") is a titled item's, cut before its text.
            guard found.isEmpty, opener?.hasPrefix("heading ") == true || nextContent(lines, after: first).map({ numberedTitle(lines[$0].text) == nil }) ?? false,
                  MeetingHeaderParser.parse(Array(lines[..<first]))?.date != nil else { return nil }
        }
        if starts.count == 1 {
            // One block: headless only when nothing else started an item.
            guard found.isEmpty else { return nil }
        } else {
            // A page with titles prints one above (nearly) every block. The first block's line
            // above is the meeting header's last, so only the later blocks tell.
            let titled = starts.dropFirst().filter { blockTitle(lines, above: $0) != nil }.count
            guard titled * 2 < starts.count - 1 else { return nil }
            // Items found before the first block, right above a block, or opening one with the
            // title below its identity line ("Sagnr.: 1-30-72-11-27" / "1. Titel"), are the
            // page's titles.
            let titles = found.filter { anchor in
                let title = anchor.titleLine ?? anchor.titleIndex
                return anchor.titleIndex < first || starts.contains(anchor.titleIndex) || anchor.markerIndex.map(starts.contains) == true
                    || starts.contains { $0 > anchor.titleIndex && blockTitle(lines, above: $0) == anchor.titleIndex }
                    || starts.contains { start in nextContent(lines, after: start).map { $0 == title || nextContent(lines, after: $0) == title } ?? false }
            }
            guard titles.isEmpty else { return nil }
        }
        var anchors = starts.map {
            Anchor(titleIndex: $0, access: nil, signal: "block opening like every item's (the page prints no titles)", untitled: true)
        }
        // A decision printed above the first block, under the meeting header ("Referat • <date>" /
        // "Beslutning i Udvalget den …" / "Dagsorden godkendt."): the agenda's approval, an item
        // whose only text is its decision.
        if let header = decisionHeader(lines, before: first), found.allSatisfy({ $0.titleIndex >= first }) {
            anchors.insert(Anchor(titleIndex: header, access: nil, signal: "decision above the first block (the agenda's approval)", untitled: true), at: 0)
        }
        return anchors
    }

    /// The first decision header above line `first`, under the page's first line.
    func decisionHeader(_ lines: [SourceLine], before first: Int) -> Int? {
        lines[..<first].indices.first { i in
            i > 0 && DecisionHeader.mayBeHeader(lines[i].text) && DecisionHeader.parse(lines[i].text.withoutBullet) != nil
        }
    }

    /// Items of a page that prints nothing of its items but their decisions, each under a header
    /// that names the same meeting ("Regionsrådets beslutning den 4. juni 2027:" over every
    /// item): one item at each header. Headers of different bodies on dates that go forward
    /// are one item's history, one item: a page cut from a longer book or PDF that starts
    /// inside the item ("Beslutning Teknisk Udvalg, 28.02.2027 Anbefales." / "Byrådet,
    /// 22.03.2027 Godkendt.").
    func decisionBlocks(_ lines: [SourceLine]) -> [Anchor]? {
        var starts: [Int] = []
        var steps: [(body: String, date: String)] = []
        for i in lines.indices where !lines[i].isBlank && DecisionHeader.mayBeHeader(lines[i].text) {
            guard let header = DecisionHeader.parse(lines[i].text.withoutBullet) else { continue }
            guard let body = header.body, let date = header.date else { return nil }
            steps.append((body, date))
            starts.append(i)
        }
        guard starts.count >= 2 else { return nil }
        if steps.allSatisfy({ $0.body == steps[0].body && $0.date == steps[0].date }) {
            return starts.map { Anchor(titleIndex: $0, access: nil, signal: "decision header of the same meeting (the page prints only decisions)", untitled: true) }
        }
        // The meeting's header over each item, an item's earlier steps printed after it
        // ("Forretningsudvalgets beslutning den 23. september 2031:" / "Anbefalet." /
        // "Forretningsudvalgets beslutning den 26. august 2031:" / "Sagen blev udsat."): an item
        // at each header of the first one's meeting, the earlier steps its history.
        let meeting = steps.indices.filter { steps[$0].body == steps[0].body && steps[$0].date == steps[0].date }
        if meeting.count >= 2, steps.allSatisfy({ $0.date <= steps[0].date }) {
            return meeting.map { Anchor(titleIndex: starts[$0], access: nil, signal: "decision header of the same meeting, earlier steps after it (the page prints only decisions)",
                                        untitled: true) }
        }
        guard zip(steps, steps.dropFirst()).allSatisfy({ $0.body != $1.body && $0.date <= $1.date }) else { return nil }
        return [Anchor(titleIndex: starts[0], access: nil, signal: "one item's decision history (the page starts inside the item)", untitled: true,
                       startsBeforePage: true)]
    }

    /// The one item of a meeting's page that lost its title ("Åben dagsorden" / "Beslutning" /
    /// "Intet" / "Tidligere behandling" / …): one decision header under a header that names a
    /// dated meeting. The item opens after the agenda's heading above the decision, or at the
    /// decision where there is none.
    func loneDecision(_ lines: [SourceLine]) -> [Anchor]? {
        var header: Int?
        for i in lines.indices where !lines[i].isBlank && DecisionHeader.mayBeHeader(lines[i].text) && DecisionHeader.parse(lines[i].text.withoutBullet) != nil {
            guard header == nil else { return nil }
            header = i
        }
        guard let header, MeetingHeaderParser.parse(Array(lines[..<header]))?.date != nil else { return nil }
        let agenda = lines[..<header].lastIndex { Self.agendaHeadings.contains($0.text.lowercased()) }
        let start = agenda.flatMap { nextContent(lines, after: $0) } ?? header
        return [Anchor(titleIndex: start, access: nil, signal: "the one decision under a dated meeting's header (the page prints no title)", untitled: true)]
    }

    /// The headings over a meeting page's list of items.
    static let agendaHeadings: Set<String> = ["åben dagsorden", "åbent møde", "åbne punkter", "lukket dagsorden", "lukket møde", "dagsorden"]

    /// The kind of line a headless block opens with: an identity line ("Sagsid.:", "Sagsnr.:
    /// 19/18870"), by its label, an opening section heading ("Resumé", "Sagsfremstilling"), or
    /// the bare access word of Aalborg's pages ("Åben", "Lukket").
    static func blockOpener(_ text: String) -> String? {
        guard text.isShorter(than: 91) else { return nil }
        let line = text.withoutBullet
        // "Åben" / "Beslutning" / …: an access marker over each block (Aalborg's council pages).
        if line == "Åben" || line == "Lukket" { return "access" }
        if let key = SectionHeadings.key(line) {
            return SectionHeadings.opening.contains(key) && !SectionHeadings.routing.contains(key) ? "heading " + key : nil
        }
        guard line.hasLowercasedPrefix("sags") || line.hasLowercasedPrefix("sagnr"), isIdentity(line) else { return nil }
        return "identity " + line.prefix { $0.isLetter }.lowercased()
    }

    /// The title-like line printed right above a block's first line, skipping a print link
    /// ("Udskriv", "Udskriv dette punkt").
    func blockTitle(_ lines: [SourceLine], above index: Int) -> Int? {
        var j = index
        while let prev = previousContent(lines, before: j) {
            let text = lines[prev].text.withoutBullet
            if text.hasLowercasedPrefix("udskriv") && text.isShorter(than: 30) {
                j = prev
                continue
            }
            // "Beslutning" / "Godkendt" / the next block: the decision's text is no title.
            return isTitleLike(text) && !followsDecisionHeader(lines, prev) ? prev : nil
        }
        return nil
    }

    /// Whether a decision header follows line `index`: headless blocks are an item's only
    /// when a decision (or a bare `Beslutning` heading) stands in them.
    func hasDecisionHeader(_ lines: [SourceLine], after index: Int) -> Bool {
        lines[(index + 1)...].contains { line in
            let text = line.text.withoutBullet
            return DecisionHeader.isHeader(text)
        }
    }
}

/// Items of an agenda by time slots whose titles' column was lost (a school board's table:
/// "19.00-19.15 - Drøftelse" / text / "19.15-19.45 - Orientering" / …).
extension CaseSegmenter {
    /// A line that opens with a time slot: "19.00-19.15", "9:30 – 10:00".
    nonisolated(unsafe) static let timeSlot = #/^([0-9]{1,2})[.:]([0-9]{2})\s*[-–]\s*([0-9]{1,2})[.:]([0-9]{2})(?![0-9])/#

    /// An item at each line that opens with a time slot starting where the slot before it ended,
    /// three or more in a row, or nil. Only where no other signal found an item: a programme
    /// inside an item has slots too. The slot names no title, so none is invented.
    func timeSlots(_ lines: [SourceLine]) -> [Anchor]? {
        var best: [Int] = [], chain: [Int] = []
        var lastEnd: Int?
        for i in lines.indices where lines[i].text.utf8.first?.isASCIIDigit == true {
            guard let m = lines[i].text.prefixMatch(of: Self.timeSlot), let h1 = Int(m.1), let m1 = Int(m.2), let h2 = Int(m.3), let m2 = Int(m.4),
                  h1 < 24, h2 < 24, m1 < 60, m2 < 60, h2 * 60 + m2 > h1 * 60 + m1 else { continue }
            chain = lastEnd == h1 * 60 + m1 ? chain + [i] : [i]
            lastEnd = h2 * 60 + m2
            if chain.count > best.count { best = chain }
        }
        guard best.count >= 3 else { return nil }
        return best.map { Anchor(titleIndex: $0, access: nil, signal: "time slot that starts where the one before ended (the agenda prints no titles)", untitled: true) }
    }
}
