import ReferatRecords

/// Finds where items start in a document's lines.
///
/// Every line that could start an item is a candidate, from several signals at once: a title
/// above `23/222 Åben Sag`; a numbered title in any of the real shapes (`4. Titel`, `Punkt 12
/// Titel`, `• 301. Titel`, `Pkt. 42 - Titel`, `1 : Titel`, `38Titel`, a bare `• 35` with the
/// title on the next line); a title above a bare `Åben`/`Lukket` marker; and, where items carry
/// no number at all, the title-like line above the first heading that follows a decision.
/// A candidate is kept when the lines after it confirm it (the item's identity, its first
/// heading, a decision header) before the next candidate, when its label says it is an item
/// (`Punkt`, `Pkt.`), and when its number does not restart the running numbering inside an
/// item (a numbered line in a recommendation, "1. at …", is never an item). Entries of a table
/// of contents (dotted leaders, or a run of numbered lines with nothing between them) are not
/// items: the items themselves follow.
///
/// A segmenter remembers what it found out about a line's text (`Answers`): use one per
/// document, on one thread.
struct CaseSegmenter {
    struct Anchor: Hashable, Sendable {
        /// Index of the first line of the item (its title, or its number when the title follows).
        var titleIndex: Int
        var number: String?
        var access: Access?
        /// Index of the line that carried the access marker, consumed by the anchor.
        var markerIndex: Int?
        /// Index of the title line when it is not `titleIndex` (a bare number line above it).
        var titleLine: Int?
        /// The signal that found this item, for `referat parse --explain`.
        var signal = "numbered title"
        /// A block of a page that prints no item titles: the item has neither title nor number,
        /// and its first line (a heading or identity) is part of its text.
        var untitled = false
        /// A numbered paragraph of plain minutes: its first sentence is the title, the rest its text.
        var paragraph = false
        /// The item began before the page did: a page cut from a longer record, not one item's own page.
        var startsBeforePage = false
    }

    /// Answers already given about a line's text. The signals ask the same questions of the
    /// same lines over and over (each candidate, each scan of a numbered run, each title above
    /// a heading), and each answer costs several patterns.
    final class Answers {
        var titleLike: [String: Bool] = [:]
        var numberedTitle: [String: (number: String, title: String)?] = [:]
    }

    let answers = Answers()

    nonisolated(unsafe) static let numbered = #/^(?:•\s*)?(?:(?:Nr\.|Pkt\.|PKT\.|Punkt nr\.|Punkt|PUNKT|Sag nr\.|SAG NR\.|Dagsordenspunkt|[A-ZÆØÅ]{2,4}\.(?=\s*[0-9])|[A-ZÆØÅ]{2,4}(?=\s+[0-9]{1,3}\.\s))\s*)?([0-9]{1,3})(?:\.(?![0-9])|\)|\s*:|\s*[-–]\s|\s)\s*(\S.*)$/#
    /// "2. behandling …", "2. økonomirapport for året": an ordinal and a word in lower
    /// case, never "at" (a numbered recommendation) nor a month (a date).
    nonisolated(unsafe) static let ordinalStart = #/^[0-9]{1,2}\.\s+(?!at\b)(\p{Ll}+)/#
    nonisolated(unsafe) static let glued = #/^([0-9]{1,3})([A-ZÆØÅ][\p{Ll}].*)$/#
    nonisolated(unsafe) static let bareNumber = #/^(?:•\s*)?(?:(?:Punkt|Pkt\.|Nr\.)\s*:?\s*)?([0-9]{1,3})\.?$/#
    /// A number alone without a point: a page number, as a contents' column prints them.
    nonisolated(unsafe) static let pageNumber = #/[0-9]{1,3}/#
    nonisolated(unsafe) static let numberAfterTitle = #/^(?:Sag nr\.|Pkt\.|Punkt|Dagsordenspunkt)\s*:?\s*([0-9]{1,3})\s*:?$/#
    nonisolated(unsafe) static let dottedLeader = #/(?:\.{3,}|…{2,}|(?:\. ){4,})\s*[0-9ivx]+$/#
    /// A place that ends in its postcode and town ("Mødelokale 2, Rådhuset, Torvet 20, 2635 Ishøj"):
    /// the meeting's place, never an item's title.
    nonisolated(unsafe) static let postalAddress = #/,\s*[0-9]{4}\s+\p{Lu}[\p{L}.\- ]*$/#

    /// Whether `text` starts with a label `numberAfterTitle` needs: a byte test that spares
    /// the regex on nearly every line.
    static func hasNumberLabel(_ text: String) -> Bool {
        text.hasPrefix("Sag nr.") || text.hasPrefix("Pkt.") || text.hasPrefix("Punkt") || text.hasPrefix("Dagsordenspunkt")
    }

    /// The same for `numbered`, which also takes a leading "Nr.", a bullet or a digit.
    static func mayBeNumbered(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return first.isASCIIDigit || text.hasPrefix("Nr.") || text.hasPrefix("•") || text.hasPrefix("PKT") || text.hasPrefix("PUNKT") || text.hasPrefix("SAG NR.")
            || hasNumberLabel(text) || hasBodyLabel(text)
    }

    /// A body's abbreviation before an item's number, as a council's agenda labels its items:
    /// with its point ("HR. 1 Præsentation af rådet": Handicaprådet's item 1) or without it
    /// before a number with one ("HR 1. Handicaprådets kalender").
    static func hasBodyLabel(_ text: String) -> Bool {
        // A capital's first byte (A–Z, or Æ, Ø, Å's lead byte) before the characters are read.
        guard let first = text.utf8.first, first >= 0x41 && first <= 0x5A || first == 0xC3, text.utf8.prefix(12).contains(0x2E) else { return false }
        let head = Array(text.prefix(9))
        if let point = head.firstIndex(of: "."), (2...4).contains(point), point + 1 < head.count,
           head[..<point].allSatisfy({ $0.isUppercase }), head[point + 1] == " " || head[point + 1].isASCII && head[point + 1].isNumber { return true }
        guard let space = head.firstIndex(of: " "), (2...4).contains(space), head[..<space].allSatisfy({ $0.isUppercase }) else { return false }
        let digits = head[(space + 1)...].prefix { $0.isASCII && $0.isNumber }
        return (1...3).contains(digits.count) && space + 1 + digits.count < head.count && head[space + 1 + digits.count] == "."
    }

    /// A label that says the number is an item's ("Punkt 12", "Pkt. 4", "Nr.112", "• 301.").
    /// A short note in parentheses that ends a line, with the space before it: "Pkt. 3 (Eva)".
    nonisolated(unsafe) static let presenterNote = #/\s+\([^()]{1,40}\)$/#

    static func hasItemLabel(_ text: String) -> Bool {
        hasNumberLabel(text) || text.hasPrefix("Nr.") || text.hasPrefix("PKT") || text.hasPrefix("PUNKT") || text.hasPrefix("SAG NR.")
    }

    func anchors(in lines: [SourceLine]) -> [Anchor] {
        var withNumber: [Anchor] = []
        for i in lines.indices where lines[i].text.utf8.first?.isASCIIDigit == true {
            guard let m = CaseNumbers.accessLineMatch(lines[i].text) else { continue }
            guard let title = previousContent(lines, before: i), CaseNumbers.accessLineMatch(lines[title].text) == nil else { continue }
            let access: Access = m.access.hasPrefix("L") ? .closed : .open
            withNumber.append(Anchor(titleIndex: title, access: access, markerIndex: i, signal: "title above a case number with access"))
        }
        // The exported-item family: every item has its "23/222 Åben Sag" line, so nothing else is an item start.
        if !withNumber.isEmpty { return withNumber }

        let contents = listedTitles(lines)
        let numbersLead = numbersLeadTitles(lines)
        var anchors: [Anchor] = []
        var defaultAccess: Access?
        var lastNumber: Int?
        var decisionSinceAnchor = false
        // Plain minutes whose numbered titles were taken as items (see `numberedRun`).
        var run: NumberedRun?
        // Numbered titles not taken since the last item, for `titlesBefore`, and those taken
        // with the item after them.
        var passed: [(index: Int, number: Int, titleLine: Int?, title: String)] = []
        var backfilled: [(titles: [Int], item: Int)] = []
        // The last line of a numbered list that restarted inside an item, and its number.
        var innerList: (index: Int, number: Int)?
        var i = 0
        while i < lines.count {
            defer { i += 1 }
            let text = lines[i].text
            if text.isEmpty { continue }
            // Section markers are short lines; body text is not lower-cased at all.
            let lower = text.utf8.count <= 60 ? text.lowercased() : ""
            if lower.hasPrefix("åbne dagsordenspunkter") || lower.hasPrefix("åbne punkter") || lower == "åbent møde" || lower == "åben dagsorden" { defaultAccess = .open }
            if lower.hasPrefix("lukkede punkter") || lower.hasPrefix("lukkede dagsordenspunkter") || lower.containsPlain("for lukkede døre") || lower == "lukket dagsorden" { defaultAccess = .closed }
            if let access = CaseNumbers.bareAccess(text), let title = titleAbove(lines, before: i) {
                if let existing = anchors.lastIndex(where: { $0.titleIndex == title }) {
                    anchors[existing].access = access
                    anchors[existing].markerIndex = i
                } else if isTitleLike(lines[title].text), numberedTitle(lines[title].text) == nil || isConfirmed(lines, at: title) == false,
                          anchors.last.map({ $0.titleIndex < title }) ?? true,
                          // "Beslutning" / "Dagsorden godkendes" / "Åben": a page that prints no titles,
                          // the decision's text above the next block's bare access word.
                          !(text == "Åben" || text == "Lukket") || !followsDecisionHeader(lines, title),
                          // "Åbent punkt" / "2 Orientering …": a marker over the next item's numbered title is that item's.
                          nextContent(lines, after: i).map({ numberedTitle(lines[$0].text) == nil }) ?? true {
                    anchors.append(Anchor(titleIndex: title, number: numberedTitle(lines[title].text)?.number, access: access, markerIndex: i,
                                          signal: "title above an access marker"))
                    decisionSinceAnchor = false
                }
                continue
            }
            // The number repeated in the item it heads ("• Pkt. 221 Spørgetid" / a file's name / "Pkt. 221"
            // / "Spørgetid"): the same item, where the page's numbers lead their titles.
            if numbersLead, Self.hasNumberLabel(text), let m = text.wholeMatch(of: Self.numberAfterTitle), anchors.last?.number == String(m.1) { continue }
            if !numbersLead, Self.hasNumberLabel(text), let m = text.wholeMatch(of: Self.numberAfterTitle), let title = previousContent(lines, before: i) {
                if anchors.last?.titleIndex != title, isTitleLike(lines[title].text) {
                    anchors.append(Anchor(titleIndex: title, number: String(m.1), access: defaultAccess, markerIndex: i, signal: "title above an item number"))
                    lastNumber = Int(m.1)
                    decisionSinceAnchor = false
                }
                continue
            }
            // The case number and its handler above a title whose number the view dropped
            // ("Sagsnr.: 05.00.00-A00-2-27 Sagsbehandler: Eva Holm" / "Titel"): the item opens
            // with the identity line, unless an item's title stands right above it.
            if Self.opensWithCaseHandler(text), let title = nextContent(lines, after: i), isTitleLike(lines[title].text),
               numberedTitle(lines[title].text) == nil, !Self.isIdentity(lines[title].text), SectionHeadings.key(lines[title].text) == nil,
               previousContent(lines, before: i).map({ above in anchors.last?.titleIndex != above && anchors.last?.titleLine != above && numberedTitle(lines[above].text) == nil }) ?? true {
                anchors.append(Anchor(titleIndex: i, access: defaultAccess, markerIndex: i, titleLine: title, signal: "case number and handler above the title"))
                decisionSinceAnchor = false
                i = title
                continue
            }
            // "Sagsnr: … Sagsansvarlig: Eva Holm" over "Sagsfremstilling", after a decision: the next
            // item, whose title line the page lost.
            if decisionSinceAnchor, Self.opensWithCaseHandler(text, labels: [" Sagsansvarlig:", " Sagsbehandler:"]), let next = nextContent(lines, after: i), let key = SectionHeadings.key(lines[next].text), SectionHeadings.opening.contains(key),
               previousContent(lines, before: i).map({ !isTitleLike(lines[$0].text) }) ?? true {
                anchors.append(Anchor(titleIndex: i, access: defaultAccess, markerIndex: i, signal: "case number over an opening heading after a decision (the title lost)",
                                      untitled: true))
                decisionSinceAnchor = false
                continue
            }
            // A title above its case number, in layouts without numbers ("Titel" / "25/19069 -").
            if Self.isIdentity(text), !text.hasPrefix("Sag nr"), let title = previousContent(lines, before: i), anchors.last.map({ $0.titleIndex < title && ($0.markerIndex ?? -1) < title }) ?? true,
               numberedTitle(lines[title].text) == nil, !Self.isIdentity(lines[title].text),
               nextContent(lines, after: i).map({ numberedTitle(lines[$0].text) == nil }) ?? true,
               isOrphanTitle(lines, title, after: anchors.last), decisionSinceAnchor || anchors.isEmpty,
               PeopleParser.person(lines[title].text) == nil {
                anchors.append(Anchor(titleIndex: title, access: defaultAccess, markerIndex: i, signal: "title above a case number"))
                decisionSinceAnchor = false
                continue
            }
            // The first title of plain minutes, before anything else has started an item.
            // Its number need not be 1 where the first items' titles are no titles ("1. Fraværende: Eva
            // Holm" / "2. Bemærkninger til dagsordenen:" / "3. Godkendelse af regnskab" / text / …).
            let startsRun = run == nil && anchors.isEmpty && (text.utf8.first == 0x31 || passed.isEmpty && text.utf8.first?.isASCIIDigit == true)
                ? numberedRun(lines, at: i) : nil
            // "Forvaltningen indstiller, at" / "1. Formanden vælges …": the recommendation's list.
            let afterLeadIn = previousContent(lines, before: i).map { lines[$0].text.hasSuffix(", at") || lines[$0].text.hasSuffix(" at:") } ?? false
            if !afterLeadIn, let candidate = numberedCandidate(lines, at: i, contents: contents, inRun: run != nil || startsRun != nil) {
                let number = Int(candidate.number) ?? 0
                // The same title printed twice in a row is one item.
                if let last = anchors.last, last.titleIndex >= i - 3,
                   normalisedTitle(titleText(lines, of: last)) == normalisedTitle(candidate.title) {
                    continue
                }
                let labelled = Self.hasItemLabel(text) || text.hasPrefix("•")
                let confirmation = confirmation(lines, at: candidate.titleLine ?? i)
                // A list converted from HTML numbers every item "1.": no restart there.
                var restarts = lastNumber.map { number <= $0 && number != 0 } ?? false && !(run == .ones && number == 1)
                // A bare list that started again at 1 inside an item ("1. Orientering" / "2. Planer" /
                // … with nothing between) goes on counting past the last item's number: still the list.
                if let inner = innerList, number == inner.number + 1, previousContent(lines, before: i) == inner.index { restarts = true }
                // A list under a section heading of an item whose title has no number ("Indstilling" /
                // "1. Udmøntning af …" / "2. …" / "Beslutning"): its next entry, right under the one before.
                if number > 1, let last = anchors.last, last.number == nil, let above = previousContent(lines, before: i),
                   numberedTitle(lines[above].text).flatMap({ Int($0.number) }) == number - 1,
                   hasSectionHeading(lines, after: last.titleLine ?? last.titleIndex, before: above) { restarts = true }
                var keep = false, listed = false
                if confirmation == .identity {
                    keep = true
                } else if restarts {
                    // "1. at …" inside an item: numbering that starts again is not an item.
                    keep = false
                } else if confirmation != .none {
                    keep = true
                } else if labelled, !isInTableOfContents(lines, at: candidate.titleLine ?? i) {
                    keep = true
                } else if let last = lastNumber, number == last + 1 || run == .ones && number == 1 {
                    // The next number after an item: a folded item, or one the text ends in.
                    keep = true
                } else if let listedAt = contents[normalisedTitle(candidate.title)], listedAt < i, !isInTableOfContents(lines, at: i) {
                    // The title as the table of contents lists it, after the table: the item itself.
                    keep = true
                    listed = true
                } else if let startsRun {
                    // Plain minutes (a council's or board's own): titles 1, 2, 3 … (or 1, 1, 1 …)
                    // with the minutes' prose between them and nothing else to confirm them.
                    keep = true
                    run = startsRun
                }
                if keep {
                    // Plain minutes whose first title is also confirmed otherwise are still a run.
                    if run == nil, let startsRun { run = startsRun }
                    var earlier = titlesBefore(number, after: lastNumber, passed, lines)
                    if earlier.isEmpty, anchors.isEmpty, number > 1, startsRun != nil { earlier = untitledBefore(number, lines[..<i]) }
                    if !earlier.isEmpty { backfilled.append((earlier.map(\.index), i)) }
                    for title in earlier {
                        anchors.append(Anchor(titleIndex: title.index, number: String(title.number), access: defaultAccess, titleLine: title.titleLine,
                                              signal: "numbered title before the next item"))
                    }
                    passed = []
                    anchors.append(Anchor(titleIndex: i, number: candidate.number, access: defaultAccess, titleLine: candidate.titleLine,
                                          signal: listed ? "numbered title listed in the contents" : run != nil && anchors.isEmpty ? "first of a run of numbered titles"
                                              : confirmation == .none ? "labelled item number" : "numbered title confirmed by \(confirmation)"))
                    lastNumber = number
                    decisionSinceAnchor = false
                    if let t = candidate.titleLine { i = t }
                } else if !restarts {
                    passed.append((i, number, candidate.titleLine, candidate.title))
                }
                innerList = keep ? nil : restarts ? (i, number) : innerList
                continue
            }
            // A numbered line too much of a sentence to be a title ("3. Orientering fra
            // Administrationen.", "1. at planen følger loven …") still counts in a list that started
            // again inside an item, so the list's next line is not taken for the next item.
            if text.utf8.first?.isASCIIDigit == true, let last = lastNumber, let m = text.wholeMatch(of: Self.numbered), let number = Int(m.1),
               number <= last || innerList.map({ number == $0.number + 1 && previousContent(lines, before: i) == $0.index }) ?? false {
                innerList = (i, number)
            }
            if DecisionHeader.isHeader(text) {
                // "Beslutning" / "Taget til efterretning" / "Beslutning" (a decision printed twice):
                // the line under a decision header is its text, no title.
                if decisionSinceAnchor || anchors.isEmpty, let title = titleAbove(lines, before: i), isOrphanTitle(lines, title, after: anchors.last),
                   !followsDecisionHeader(lines, title) {
                    anchors.append(Anchor(titleIndex: title, access: defaultAccess, signal: "title above a decision"))
                }
                decisionSinceAnchor = true
                continue
            }
            if let key = SectionHeadings.key(text), SectionHeadings.opening.contains(key), decisionSinceAnchor || anchors.isEmpty {
                if let title = titleAbove(lines, before: i), isOrphanTitle(lines, title, after: anchors.last), !followsDecisionHeader(lines, title) {
                    anchors.append(Anchor(titleIndex: title, access: defaultAccess, signal: "title above an opening heading"))
                    decisionSinceAnchor = false
                } else if anchors.isEmpty, let title = leadTitle(lines, before: i), !followsDecisionHeader(lines, title) {
                    anchors.append(Anchor(titleIndex: title, access: defaultAccess, signal: "title above the item's lead"))
                    decisionSinceAnchor = false
                }
            }
        }
        anchors.sort { $0.titleIndex < $1.titleIndex }
        // A list of titles whose last entry was taken as an item that holds every item's text
        // (a page that prints its titles only in the list): the list's other entries are no items.
        for (titles, item) in backfilled {
            let next = anchors.first { $0.titleIndex > item }?.titleIndex ?? lines.count
            if holdsSeveralItems(lines[(item + 1)..<max(item + 1, next)]) { anchors.removeAll { titles.contains($0.titleIndex) } }
        }
        if anchors.isEmpty, let paragraphs = numberedParagraphs(lines) { return paragraphs }
        if let headless = headlessAnchors(lines, found: anchors) { return headless }
        if anchors.isEmpty, let headed = colonHeadings(lines) { return headed }
        if anchors.isEmpty, let listed = bareAgenda(lines) { return listed }
        if anchors.isEmpty, let slots = timeSlots(lines) { return slots }
        return anchors
    }

    /// Whether a page's item numbers on lines of their own ("Pkt. 1") stand above their titles,
    /// not below them: the first has no title above it (a column's label, the header) and a
    /// title below it. A school board's table of items (Aula: "Punkt" / "Referat" / "Pkt. 1" /
    /// "Godkendelse af dagsorden" / "B" / "Godkendt") prints them so; the titled items of a
    /// meeting view ("Spørgetid" / "Sag nr. 129") print the number under the title.
    func numbersLeadTitles(_ lines: [SourceLine]) -> Bool {
        guard let first = lines.indices.first(where: { Self.hasNumberLabel(lines[$0].text) && lines[$0].text.wholeMatch(of: Self.numberAfterTitle) != nil })
        else { return false }
        // "Afbud:" / … / "Bo Berg, udpeget af Byrådet" / "Pkt. 1": a list of people's last line is no title.
        let titleAbove = previousContent(lines, before: first).map { isTitleLike(lines[$0].text) && PeopleParser.person(lines[$0].text) == nil } ?? false
        let titleBelow = nextContent(lines, after: first).map { isTitleLike(lines[$0].text) && numberedTitle(lines[$0].text) == nil } ?? false
        return !titleAbove && titleBelow
    }

    /// Whether line `index` stands right under a decision header: the decision's text
    /// ("Beslutning" / "Godkendt"), never a title above the next header or heading.
    func followsDecisionHeader(_ lines: [SourceLine], _ index: Int) -> Bool {
        previousContent(lines, before: index).map { DecisionHeader.isHeader(lines[$0].text) } ?? false
    }

    /// Whether a section heading ("Indstilling", "Sagsfremstilling") stands between lines `start` and `end`.
    func hasSectionHeading(_ lines: [SourceLine], after start: Int, before end: Int) -> Bool {
        guard start + 1 < end else { return false }
        return lines[(start + 1)..<end].contains { $0.text.isShorter(than: 60) && !$0.text.isEmpty && SectionHeadings.key($0.text) != nil }
    }

    /// Whether `span` holds more than one item's text: two decision headers, identities or
    /// opening headings.
    func holdsSeveralItems(_ span: ArraySlice<SourceLine>) -> Bool {
        var decisions = 0, identities = 0, openings = 0
        for line in span where !line.text.isEmpty && line.text.isShorter(than: 200) {
            if Self.isIdentity(line.text) { identities += 1 }
            if let key = SectionHeadings.key(line.text), SectionHeadings.opening.contains(key) { openings += 1 }
            if DecisionHeader.isHeader(line.text) { decisions += 1 }
            if decisions > 1 || identities > 1 || openings > 1 { return true }
        }
        return false
    }

    /// The items just before item `number` that nothing confirmed: short items with no text
    /// of their own ("1. Godkendelse af dagsorden" / "2. Meddelelser" / "3. Budget 2028" /
    /// "Sagsfremstilling"). They count when the titles not taken since the last item end in an
    /// unbroken count up to `number` from the item after the last one (or from 1), and none
    /// of their titles comes again further down, as a table of contents' titles do.
    func titlesBefore(_ number: Int, after last: Int?, _ passed: [(index: Int, number: Int, titleLine: Int?, title: String)],
                      _ lines: [SourceLine]) -> [(index: Int, number: Int, titleLine: Int?, title: String)] {
        let first = (last ?? 0) + 1
        guard number > first, passed.count >= number - first else { return [] }
        let wanted = Array(passed.suffix(number - first))
        guard wanted.map(\.number) == Array(first..<number) else { return [] }
        let titles = Set(wanted.map { normalisedTitle($0.title) })
        let after = (wanted.last?.titleLine ?? wanted.last?.index ?? 0) + 1
        for line in lines[min(after, lines.count)...] where !line.text.isEmpty && line.text.first?.isNumber == true {
            if let n = numberedTitle(line.text), titles.contains(normalisedTitle(n.title)) { return [] }
        }
        return wanted
    }

    /// The items numbered 1 up to `number` - 1 above the first title of a run of plain minutes
    /// that starts at `number`, whose lines are no titles ("1. Fraværende: Eva Holm" /
    /// "2. Bemærkninger til dagsordenen:"): the last numbered lines above it, counting up from 1.
    func untitledBefore(_ number: Int, _ above: ArraySlice<SourceLine>) -> [(index: Int, number: Int, titleLine: Int?, title: String)] {
        var found: [(index: Int, number: Int, titleLine: Int?, title: String)] = []
        for index in above.indices.reversed() where found.count < number - 1 {
            let text = above[index].text
            guard Self.mayBeNumbered(text), let m = text.wholeMatch(of: Self.numbered), let n = Int(m.1) else { continue }
            guard n == number - 1 - found.count, m.2.first?.isUppercase == true else { return [] }
            found.append((index, n, nil, String(m.2)))
        }
        return found.count == number - 1 ? found.reversed() : []
    }

    /// How plain minutes number their titles: 1, 2, 3 …, or 1, 1, 1 … where a list converted
    /// from a web page lost its numbering.
    enum NumberedRun { case counting, ones }

    /// A numbered title of plain minutes at `index`: "3. Ældremessen", or the number on a line
    /// of its own over the title ("3." / "Ældremessen"), as a web page's list prints them.
    func runEntry(_ lines: [SourceLine], at index: Int) -> (number: String, title: String, titleLine: Int?)? {
        let text = lines[index].text
        if let n = numberedTitle(text) { return (n.number, n.title, nil) }
        guard Self.mayBeNumbered(text), text.utf8.count <= 4, let m = text.wholeMatch(of: Self.bareNumber),
              let next = nextContent(lines, after: index), numberedTitle(lines[next].text) == nil,
              lines[next].text.wholeMatch(of: Self.bareNumber) == nil else { return nil }
        return (String(m.1), lines[next].text, next)
    }

    /// Whether the numbered title at `index` starts a run of at least three titles numbered
    /// on from it in order (1, 2, 3 …, or all 1), each followed by text before the next: the
    /// shape of plain minutes. A table of contents has nothing between its lines; a numbered
    /// list inside an item is made of sentences, which are not titles.
    func numberedRun(_ lines: [SourceLine], at index: Int) -> NumberedRun? {
        guard let first = runEntry(lines, at: index), let start = Int(first.number), isRunTitle(first.title) else { return nil }
        var kind: NumberedRun?
        var count = start, textSince = 0
        // Titles with no text before the next (a one-line item, "2. Præsentation af medlemmerne."):
        // a few, never two in a row, as a table of contents has them all.
        var textless = 0, lastTextless = false
        // Lines of a contents list's page numbers ("4") seen between the titles.
        var pageNumbers = 0
        // Titles that are section words ("3. Økonomi"): an item's numbered sections are all such.
        var headings = SectionHeadings.key(first.title) == nil ? 0 : 1
        // Entries that print the time set aside for them: an agenda's items, never a contents
        // list (which prints page numbers), so one-line items may follow each other.
        var timed = Self.hasScheduledTime(lines[index].text) ? 1 : 0
        var titles = [normalisedTitle(first.title)]
        var lastTitle = first.titleLine ?? index
        var j = lastTitle + 1
        while j < lines.count {
            defer { j += 1 }
            let text = lines[j].text
            if text.isEmpty { continue }
            if Self.mayBeNumbered(text), let n = runEntry(lines, at: j), let number = Int(n.number) {
                let expected = kind == .ones ? 1 : count + 1
                // A list that starts again inside an item's minutes ("Bilag" / "1. Referat fra
                // sidste møde"): the item's text, not the run's end.
                if kind == .counting, number < expected, textSince > 0 {
                    textSince += 1
                    continue
                }
                // A title with its minutes run in after it ("2. Siden sidst: Kirken er malet.") has
                // its text on its own line, so the title before it may have had none (a one-line item).
                let runIn = Self.runInTitle(n.title) != nil
                // A number on its own line over each title ("2." / "Godkendelse af indkaldelse – Godkendt" /
                // "3." / …) marks the entries itself; a contents list in that shape has page numbers.
                let oneLine = textSince == 0 && !runIn && (n.titleLine == nil || pageNumbers > 0)
                let isTimed = Self.hasScheduledTime(text)
                // The first title may be of one line too ("1. Velkomst" / "2. Valg af dirigent" / text),
                // unless it ends in a page number, as a contents entry does ("1 Meddelelser 5").
                let firstOfOneLine = kind == nil && number == start + 1 && !Self.endsInPageNumber(first.title)
                guard !oneLine || isTimed && timed == count - start + 1 || !lastTextless && (kind == .counting || firstOfOneLine),
                      isRunTitle(n.title),
                      number == expected || kind == nil && start == 1 && number == 1 else { break }
                if oneLine { textless += 1 }
                if isTimed { timed += 1 }
                lastTextless = oneLine
                if kind == nil { kind = number == 1 ? .ones : .counting }
                count += 1
                textSince = runIn ? 1 : 0
                titles.append(normalisedTitle(n.title))
                if let t = n.titleLine { j = t }
                lastTitle = j
                if SectionHeadings.key(n.title) != nil { headings += 1 }
            } else if Self.mayHaveDottedLeader(text), text.firstMatch(of: Self.dottedLeader) != nil {
                // A contents entry wrapped onto a second line that ends in its page number: the
                // titles above are a table of contents, not minutes.
                return nil
            } else if text.utf8.count > 3 || !text.utf8.allSatisfy(\.isASCIIDigit) {
                // A contents' page number ("4") between its titles is no text.
                textSince += 1
            } else {
                pageNumbers += 1
            }
        }
        let entries = count - start + 1
        // Two entries that print their times, each with text, are enough: a page cut short.
        guard count - start >= 2 || entries == 2 && timed == 2 && textless == 0 && textSince > 0, headings < entries,
              textless == 0 || textless * 3 <= entries && entries - textless >= 3 || timed == entries && entries - textless >= 2 else { return nil }
        // A table of contents whose titles wrap onto a second line has text between its titles,
        // but its titles come again further down, as the items' own (perhaps longer, unwrapped).
        for line in lines[(lastTitle + 1)...] where line.text.first?.isNumber == true {
            guard let n = numberedTitle(line.text) else { continue }
            let later = normalisedTitle(n.title)
            if titles.contains(where: { $0.count >= 8 && later.hasPrefix($0) }) { return nil }
        }
        return kind
    }

    /// A title in plain minutes, which some end with a point ("Høringssvar.", "Godkendelse af
    /// dagsorden."), but not a sentence ("Rådet anbefaler planen.").
    func isRunTitle(_ title: String) -> Bool {
        // A section word is a title in plain minutes ("3. Økonomi"); `numberedRun` refuses a run of only these.
        if isTitleLike(title) || SectionHeadings.key(title) != nil && title.first?.isUppercase == true { return true }
        if Self.runInTitle(title) != nil { return true }
        if Self.isColonTitle(title) { return true }
        // "Valg til bestyrelsen. Det indstilles, at …": a title, then the item's first
        // sentences on its line, as a general meeting's minutes run them in.
        if let point = title.firstRange(of: ". "), title[point.upperBound...].first?.isUppercase == true {
            let head = title[..<point.lowerBound]
            if head.count >= 3, head.count <= 80, Self.pointsAreAbbreviations(head), isTitleLike(String(head)), !Self.hasVerbSecond(String(head)) { return true }
        }
        guard title.hasSuffix("."), Self.pointsAreAbbreviations(title.dropLast()), title.isShorter(than: 160), isTitleLike(String(title.dropLast())) else { return false }
        return !Self.hasVerbSecond(title)
    }

    /// A plain minutes' title that ends in a colon, its minutes on the lines below ("1. Udvalg:",
    /// "3. Nyt fra skolens hverdag, Per Lund:", a school board's or a club's own minutes): short,
    /// capitalised, one phrase (no sentence's end inside), and no label of who came or not.
    static func isColonTitle(_ title: String) -> Bool {
        guard title.hasSuffix(":"), title.utf8.count >= 4, title.isShorter(than: 81), title.first?.isUppercase == true,
              !title.dropLast().contains(":"), !endsASentence(title[...]), !title.contains(". ") else { return false }
        return PeopleParser.absenceLabel(title) == nil && MeetingHeaderParser.labelled(title) == nil
    }

    /// Whether every point inside `text` closes an abbreviation or an ordinal, not a sentence:
    /// "Mødet d. 18. september", "Sag nr. 4 om skolen" (a short word or a digit before it, a digit
    /// or a lower-case word after it), never "Referatet blev godkendt. Intet nyt". A name's
    /// initial is one too: "Forslag fra Jan E. Holm og Eva L. Ny" (a capital alone before it,
    /// a capital after it).
    static func pointsAreAbbreviations(_ text: Substring) -> Bool {
        let bytes = Array(text.utf8)
        for (i, byte) in bytes.enumerated() where byte == 0x2E {
            guard i + 2 < bytes.count, bytes[i + 1] == 0x20 else { return false }
            let after = bytes[i + 2]
            // "E. Holm", "Ø. Lund": a capital alone before the point (Æ, Ø, Å are 0xC3 and a byte
            // from 0x80 to 0x9E), a capital's first byte after it.
            let capitalBefore = i >= 2 && (0x41...0x5A).contains(bytes[i - 1]) && bytes[i - 2] == 0x20
                || i >= 3 && (0x80...0x9E).contains(bytes[i - 1]) && bytes[i - 2] == 0xC3 && bytes[i - 3] == 0x20
            if capitalBefore, (0x41...0x5A).contains(after) || after == 0xC3 { continue }
            guard after.isASCIIDigit || (0x61...0x7A).contains(after) else { return false }
            if i > 0, bytes[i - 1].isASCIIDigit { continue }
            var letters = 0, j = i - 1
            while j >= 0, (0x61...0x7A).contains(bytes[j]) { letters += 1; j -= 1 }
            guard (1...3).contains(letters), j < 0 || bytes[j] == 0x20 else { return false }
        }
        return true
    }

    /// A plain minutes' title with the minutes run in after a colon ("Siden sidst: Kirken er
    /// malet. Næste møde i maj."): the title before the colon, and the text after it when that
    /// text is prose (it holds a sentence's end), not the rest of a title ("Lokalplan 12: Skolen").
    static func runInTitle(_ title: String) -> (title: Substring, rest: Substring)? {
        guard let colon = title.firstRange(of: ": ") else { return nil }
        let head = title[..<colon.lowerBound], rest = title[colon.upperBound...]
        guard head.count >= 3, head.count <= 40, head.split(separator: " ").count <= 5, head.first?.isUppercase == true,
              !head.contains(where: { $0.isNumber || $0 == "." }), rest.hasSuffix(".") || Self.endsASentence(rest) else { return nil }
        // "Beslutning: Anlægsbevilling til …": a heading's word is no title.
        let word = String(head)
        guard SectionHeadings.key(word) == nil, !DecisionHeader.mayBeHeader(word) || DecisionHeader.parse(word) == nil else { return nil }
        return (head, rest)
    }

    /// Whether `text` holds a sentence's end: a point, a space and a capital.
    static func endsASentence(_ text: Substring) -> Bool {
        var rest = text[...]
        while let point = rest.firstRange(of: ". ") {
            if rest[point.upperBound...].first?.isUppercase == true { return true }
            rest = rest[point.upperBound...]
        }
        return false
    }

    /// Whether `text` may end in a dotted leader: the regex's cheap guard.
    static func mayHaveDottedLeader(_ text: String) -> Bool {
        text.containsBytes("..") || text.containsBytes("…") || text.containsBytes(". . ")
    }

    /// Whether the second word reads as a finite verb, as in most Danish sentences ("Rådet
    /// anbefaler …", "Mødet blev …", "Rådet mødes …"); titles are noun phrases ("Godkendelse af …").
    static func hasVerbSecond(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard words.count >= 2, let first = words[1].first, first.isLowercase else { return false }
        let word = words[1].stripping(".,")
        if ["blev", "var", "har", "havde", "skal", "vil", "kan", "er", "får", "fik", "gav", "tog", "kom", "gik", "så", "ønskede"].contains(word) { return true }
        return word.count > 4 && (word.hasSuffix("er") || word.hasSuffix("es") || word.hasSuffix("ede"))
    }

    /// A title found above a heading in a layout without numbers: title-like, after the last
    /// item's start, and not a line of the meeting header.
    func isOrphanTitle(_ lines: [SourceLine], _ title: Int, after last: Anchor?) -> Bool {
        guard last.map({ $0.titleIndex < title && ($0.titleLine ?? $0.titleIndex) < title && ($0.markerIndex ?? -1) < title }) ?? true else { return false }
        let text = lines[title].text
        guard isTitleLike(text), MeetingHeaderParser.labelled(text) == nil, MeetingHeaderParser.bodyAndDate(text) == nil else { return false }
        // "Sagen behandles i" right above a heading or a case number: a heading whose words went
        // on below it, not a title (a title wrapped at such a word goes on on the next line).
        if let last = text.split(separator: " ").last, text.contains(" "), Self.danglingWords.contains(String(last)) { return false }
        // The item's own title printed again further down ("Dagsordenspunkt 1: Godkendelse af dagsorden").
        if let last, normalisedTitle(numberedTitle(text)?.title ?? text) == normalisedTitle(titleText(lines, of: last)) { return false }
        // "Fraværende uden afbud:" / "Jens Holm": a line under a bare label is its value; and the
        // line under an item's opening heading ("Beslutningstema" / "Budget for vejene") is that
        // heading's text.
        if let above = previousContent(lines, before: title) {
            let label = lines[above].text
            if label.hasSuffix(":"), label.isShorter(than: 40) { return false }
            if label.isShorter(than: 40), let key = SectionHeadings.key(label), SectionHeadings.opening.contains(key) { return false }
            // "Centralforvaltningens bemærkninger" / "Der er ikke yderligere bemærkninger": a
            // department's remarks under their own short heading.
            if SectionHeadings.isRemarksHeading(label) { return false }
        }
        return true
    }

    /// A numbered item start at `index`: its number, title, and the line the title is on when
    /// the number stands alone.
    func numberedCandidate(_ lines: [SourceLine], at index: Int, contents: [String: Int] = [:], inRun: Bool = false) -> (number: String, title: String, titleLine: Int?)? {
        let text = lines[index].text
        // "Pkt. 3 (Eva)": a school board's agenda names who brings the item after its label; the
        // title is on the line below, read as under a bare label.
        let note = Self.hasItemLabel(text) ? text.firstMatch(of: Self.presenterNote).flatMap { note in
            text[..<note.range.lowerBound].wholeMatch(of: Self.bareNumber) != nil ? note : nil
        } : nil
        if note == nil, let n = numberedTitle(text) {
            // Some systems end titles with a point: allowed where the item's identity or heading
            // follows, in plain minutes, and after an item's label ("Punkt 5 Årets video.", a
            // school board's agenda) where the title reads as one (`isRunTitle`: no verb second).
            let title = n.title.hasSuffix(".") && (!n.title.contains(". ") || Self.pointsAreAbbreviations(n.title.dropLast()))
                && ((inRun || Self.hasItemLabel(text)) && isRunTitle(n.title) || confirmation(lines, at: index) != .none)
                ? String(n.title.dropLast()) : n.title
            // A title the table of contents lists above is one, whatever it looks like ("3. Beslutning - Handleplan").
            let listed = contents[normalisedTitle(title)].map { $0 < index } ?? false
            guard listed || isTitleLike(title) || inRun && isRunTitle(title) || Self.hasItemLabel(text) && isLongTitle(title),
                  text.firstMatch(of: Self.dottedLeader) == nil else { return nil }
            // "1. Godkendelse af dagsorden 2. Orientering …": a list of items on one line.
            if let next = Int(n.number).map({ $0 + 1 }), let at = title.firstRange(of: " \(next). "),
               title[at.upperBound...].first?.isUppercase == true { return nil }
            return (n.number, n.title, nil)
        }
        let label = note.map { String(text[..<$0.range.lowerBound]) } ?? text
        guard Self.mayBeNumbered(label), label.utf8.count <= 16, let m = label.wholeMatch(of: Self.bareNumber),
              let next = nextContent(lines, after: index) else { return nil }
        // "Side" / "2" / "5" / … / "63" / "Hjørring Kommune": the last of a column of page
        // numbers from a table of contents, before the page's running header, is no item's number.
        if let above = previousContent(lines, before: index), lines[above].text.wholeMatch(of: Self.pageNumber) != nil { return nil }
        let title = lines[next].text
        // Under a labelled number ("Pkt. 3") a plain minutes' title, which may end in a point or a colon.
        guard isTitleLike(title) || (Self.hasItemLabel(text) || inRun) && isRunTitle(title), numberedTitle(title) == nil, title.firstMatch(of: Self.dottedLeader) == nil,
              !CaseSegmenter.isIdentity(title), SectionHeadings.key(title) == nil else { return nil }
        return (String(m.1), title, next)
    }

    /// The title text of an anchor.
    func titleText(_ lines: [SourceLine], of anchor: Anchor) -> String {
        let text = lines[anchor.titleLine ?? anchor.titleIndex].text
        return numberedTitle(text)?.title ?? text
    }

    /// A labelled item's title that runs past a title's length ("Pkt. 294 Forslag til beslutning
    /// fra …" naming everyone who moved it): its opening words must read like a title, and it
    /// must not end like a sentence.
    func isLongTitle(_ title: String) -> Bool {
        guard !title.isShorter(than: 241), title.isShorter(than: 401), !title.hasSuffix(".") else { return false }
        // The opening's last whole words, less a joining word cut from what followed ("… om at").
        var words = title.prefix(200).split(separator: " ").dropLast()
        while let last = words.last, last.count <= 3, last.first?.isLowercase == true { words = words.dropLast() }
        let opening = words.joined(separator: " ").stripping(",; ")
        // One title, not sentences: every point inside it closes an abbreviation or an ordinal.
        return Self.pointsAreAbbreviations(Substring(opening)) && isTitleLike(opening)
    }

    /// Whether a line reads like an item title: it starts with a capital, a digit or a quote,
    /// is not a sentence (no closing point, no trailing comma), and is no heading, decision
    /// or statement about who was absent.
    func isTitleLike(_ text: String) -> Bool {
        if let known = answers.titleLike[text] { return known }
        let answer = Self.isTitleLike(text)
        answers.titleLike[text] = answer
        return answer
    }

    /// `isTitleLike` without the segmenter's memory.
    static func isTitleLike(_ text: String) -> Bool {
        guard let first = text.first, first.isUppercase || first.isNumber || first == "\"" || first == "”" || first == "(" || first == "«" else { return false }
        guard text.utf8.count >= 3, text.isShorter(than: 241) else { return false }
        if let last = text.last, last == "," || last == ";" || last == ":" && text.isShorter(than: 30) { return false }
        // "… m.v.", and in a title in capitals "… MV.": an abbreviation, no sentence's end.
        if text.hasSuffix("."), case let end = text.suffix(5).lowercased(),
           !(end.hasSuffix("m.v.") || end.hasSuffix("mv.") || end.hasSuffix("m.m.") || end.hasSuffix("etc.")) { return false }
        if text.hasPrefix("At ") || text.hasPrefix("at ") || text.hasSuffix(":") || text.contains(", at ") || text.hasSuffix(" at") { return false }
        // "Onsdag den 11. august 2027": a date alone; "Eva Ny deltog som stedfortræder": who came.
        if text.hasASCIIDigit, text.isShorter(than: 40), MeetingHeaderParser.standaloneDate(text) != nil { return false }
        if text.containsBytes("stedfortræder") || text.containsBytes("suppleant"), text.containsBytes("deltog") || text.containsBytes("mødte") { return false }
        if text.hasASCIIDigit, text.firstMatch(of: Self.postalAddress) != nil { return false }
        if Self.isMeetingPlace(text) { return false }
        // "Hjørring Kommune": the authority's name alone, a page's running header.
        if text.hasSuffix(" Kommune"), text.isShorter(than: 40), text.wholeMatch(of: DocumentAssembler.municipality) != nil { return false }
        // "Referat uden bilag - Helsingør Kommune": the document's own name.
        if (text.hasPrefix("Referat ") || text.hasPrefix("Beslutningsprotokol")) && (text.contains(" Kommune") || text.contains("Region ")) { return false }
        if SectionHeadings.inlineRouting(text) != nil || MeetingHeaderParser.mayBeGenitiveMeeting(text)
            && text.firstMatch(of: MeetingHeaderParser.genitiveMeeting) != nil { return false }
        // "First-agenda Sagsfremstilling": a heading glued to a word before it.
        let words = text.split(separator: " ")
        if words.count == 2, let key = SectionHeadings.key(String(words[1])), SectionHeadings.opening.contains(key) { return false }
        if SectionHeadings.key(text) != nil || CaseNumbers.bareAccess(text) != nil || Self.isIdentity(text) { return false }
        // Who was there: "Stedfortrædere: Jytte Lassen (V)".
        for label in ["Stedfortræder", "Suppleant", "Deltagere", "Medlemmer", "Til stede", "Tilstede", "Mødedeltagere"] where text.hasPrefix(label) {
            if text.prefix(30).contains(":") { return false }
        }
        // Initials ("NIB"), meeting header lines, a body's name alone, a list of attachments.
        if text.utf8.count <= 5, text.allSatisfy({ $0.isUppercase }) { return false }
        if Self.headerWords.contains(text.lowercased()) || MeetingHeaderParser.labelled(text) != nil || MeetingHeaderParser.isBodyName(text)
            || MeetingHeaderParser.bodyAndDate(text) != nil || MeetingHeaderParser.prose(text) { return false }
        if AttachmentParser.mayNameAFile(text) || text.lowercased().hasPrefix("bilag") && text.isShorter(than: 12) { return false }
        // "Bente Holm (A)": a member, not a title.
        if text.isShorter(than: 60), text.contains("(") || text.contains(","), let person = PeopleParser.person(text), person.party != nil,
           person.name.contains(" ") { return false }
        if DecisionHeader.isHeader(text) { return false }
        if PeopleParser.absenceLabel(text) != nil || AbsenceProse.read(text) != nil { return false }
        return true
    }

    /// Words a title never ends on: a preposition or a conjunction whose object is on the next line.
    static let danglingWords: Set<String> = ["i", "af", "til", "for", "med", "om", "på", "fra", "og", "samt", "eller", "ved"]

    /// A meeting's place on a line of its own, without a label or a postcode: a room
    /// ("Mødelokale Engen") or a meeting held online ("Via Microsoft Teams").
    static func isMeetingPlace(_ text: String) -> Bool {
        guard text.isShorter(than: 60), let first = text.first, "MmVvTtOoDd".contains(first) else { return false }
        let lower = text.lowercased()
        return placeOpenings.contains { lower.hasPrefix($0) }
    }

    /// How a line naming the meeting's place opens (compared lower-cased).
    static let placeOpenings = [
        "mødelokale ", "mødelokalet ", "via teams", "via microsoft teams", "via zoom", "via skype", "videomøde", "telefonmøde",
        "online møde", "onlinemøde", "digitalt møde", "virtuelt møde",
    ]

    /// Lines that are header or section words, never a title (compared lower-cased).
    static let headerWords: Set<String> = [
        "referat", "dagsorden", "beslutningsprotokol", "mødedato", "mødested", "mødetidspunkt", "bemærkninger", "deltagere",
        "medlemmer", "fraværende", "indholdsfortegnelse", "åben dagsorden", "lukket dagsorden", "sagsoversigt", "punkter",
        "dagsordenspunkter", "dagsordenpunkter", "tidspunkt", "sted", "dato", "udvalg", "møde", "åbne punkter", "lukkede punkter", "bilag",
        // A viewer's tabs and column labels: "Titel", "Forside".
        "titel", "forside",
    ]

    /// How the lines after a candidate confirm it.
    enum Confirmation: String, CustomStringConvertible {
        case none, identity, heading, decision
        var description: String { rawValue }
    }

    /// What follows a numbered line before the next numbered line: the item's identity, its
    /// opening heading, or a decision header.
    /// Headings that only open an item's text, with the text run in after them on the same
    /// line in a PDF's extraction ("Sagsfremstilling Udskudt til et senere møde …").
    static let runInHeadings = ["Sagsfremstilling ", "SAGSFREMSTILLING ", "Beslutningstema ", "Sagsbeskrivelse ", "Resumé ", "RESUMÉ ", "Sagsresume "]

    /// Whether `text` opens with such a heading and a new sentence after it.
    static func opensWithRunInHeading(_ text: String) -> Bool {
        guard let first = text.utf8.first, first == 0x53 || first == 0x42 || first == 0x52 else { return false }
        return runInHeadings.contains { text.hasPrefix($0) && text.dropFirst($0.count).first?.isUppercase == true }
    }

    func confirmation(_ lines: [SourceLine], at index: Int) -> Confirmation {
        var seen = 0
        var j = index + 1
        while j < lines.count && seen < 8 && j <= index + 30 {
            let text = lines[j].text
            j += 1
            if text.isEmpty { continue }
            // Who did not come ("Fraværende med afbud:" and its names) stands between some
            // items' titles and their first heading: it does not use up the window.
            if let list = AbsenceList.read(lines, at: j - 1) {
                j = max(j, list.next)
                continue
            }
            seen += 1
            if Self.isIdentity(text) {
                // Printed above the next item's title, or above its number alone ("00.01.00-K01-1-31"
                // / "1." / title, a PDF's lines), it is that item's identity.
                if let next = nextContent(lines, after: j - 1),
                   numberedTitle(lines[next].text) != nil || lines[next].text.utf8.count <= 16 && lines[next].text.wholeMatch(of: Self.bareNumber) != nil { return .none }
                return .identity
            }
            if let key = SectionHeadings.key(text), SectionHeadings.opening.contains(key) { return .heading }
            if SectionHeadings.inlineRouting(text) != nil || Self.opensWithRunInHeading(text) { return .heading }
            if DecisionHeader.mayBeHeader(text), DecisionHeader.parse(text) ?? DecisionHeader.insideItem(text) != nil { return .decision }
            if let n = numberedTitle(text) {
                // The same title printed twice is still this item.
                if normalisedTitle(n.title) == normalisedTitle(numberedTitle(lines[index].text)?.title ?? lines[index].text) { continue }
                return .none
            }
            // Body text before any heading: a numbered paragraph, not an item.
            if text.utf8.count > 160 { return .none }
        }
        return .none
    }

    /// The titles of a table of contents — a run of at least three numbered lines with nothing
    /// between them — each with the index of its line. An item whose numbered title repeats one
    /// of them further down is the item itself, even where no heading the segmenter knows
    /// follows it.
    func listedTitles(_ lines: [SourceLine]) -> [String: Int] {
        var listed: [String: Int] = [:]
        var run: [(String, Int)] = []
        func endRun() {
            if run.count >= 3 { for (title, index) in run where listed[title] == nil { listed[title] = index } }
            run.removeAll()
        }
        for (index, line) in lines.enumerated() where !line.isBlank {
            if Self.mayBeNumbered(line.text), line.text.isShorter(than: 241), let m = line.text.wholeMatch(of: Self.numbered) {
                // "1. Budget 2027 ........ 4": the leader and page number are not the title.
                var title = String(m.2)
                if let leader = title.firstMatch(of: Self.dottedLeader) { title = String(title[..<leader.range.lowerBound]) }
                run.append((normalisedTitle(title), index))
            } else {
                endRun()
            }
        }
        endRun()
        return listed
    }

    /// How many lines of `span` are numbered item titles ("3. Budget 2028"), not numbered
    /// sentences ("1. at …").
    func numberedTitles(_ span: ArraySlice<SourceLine>) -> Int {
        span.filter { line in
            guard !line.isBlank else { return false }
            if let n = numberedTitle(line.text) { return isTitleLike(n.title) }
            // A contents entry led by its access ("åbent 3 Budget 2028", "lukket 14 Lukket punkt").
            guard line.text.first == "å" || line.text.first == "l" || line.text.first == "Å" || line.text.first == "L",
                  let m = line.text.wholeMatch(of: Self.accessListed) else { return false }
            return isTitleLike(String(m.1)) || CaseNumbers.bareAccess(String(m.1)) != nil || m.1.lowercased().hasPrefix("lukket")
        }.count
    }

    /// "1. Godkendelse af dagsorden 2. Meddelelser 3. Budget 2028 …": a meeting's items listed
    /// on one line (a viewer's contents run together), three or more numbered from 1 up.
    static func listsItemsOnOneLine(_ text: String) -> Bool {
        guard text.hasPrefix("1. "), text.utf8.count > 40 else { return false }
        var next = 2
        var rest = Substring(text)
        while let at = rest.firstRange(of: " \(next). "), rest[at.upperBound...].first?.isUppercase == true {
            rest = rest[at.upperBound...]
            next += 1
        }
        return next > 3
    }

    /// "åbent 3 Budget 2028": a contents entry whose access word stands before its number.
    nonisolated(unsafe) static let accessListed = #/^(?i:åbent|åben|lukket)\s+[0-9]{1,3}\s+(\S.*)$/#

    /// True when the line is one of a run of numbered lines with nothing else between them: a
    /// table of contents or the list of items before the items themselves.
    func isInTableOfContents(_ lines: [SourceLine], at index: Int) -> Bool {
        if lines[index].text.firstMatch(of: Self.dottedLeader) != nil { return true }
        guard var next = nextContent(lines, after: index) else { return false }
        // A group's label between the entries ("Generelle sager") is part of the list.
        if Self.isGroupLabel(lines[next].text), let after = nextContent(lines, after: next) { next = after }
        let text = lines[next].text
        if numberedTitle(text) != nil || text.wholeMatch(of: Self.bareNumber) != nil { return true }
        // The next entry with its group's label in front ("Økonomisager Punkt 02 Budget").
        if let space = text.firstIndex(of: " "), Self.isGroupLabel(String(text[..<space])) {
            let entry = String(text[text.index(after: space)...])
            if Self.hasItemLabel(entry), numberedTitle(entry) != nil { return true }
        }
        return text.firstMatch(of: Self.dottedLeader) != nil
    }

    /// A short label that groups the entries of a list of items by their kind ("Generelle sager",
    /// "Orienteringssager", "Beslutningspunkter"): one to three words, no digit, no punctuation,
    /// the last a word for cases or items.
    static func isGroupLabel(_ text: String) -> Bool {
        guard text.isShorter(than: 31), text.first?.isUppercase == true, !text.hasASCIIDigit,
              !text.contains(where: { ".:;,!?".contains($0) }), text.split(separator: " ").count <= 3 else { return false }
        let lower = text.lowercased()
        return lower.hasSuffix("sager") || lower.hasSuffix("punkter")
    }

    /// A numbered line is an item title when the item's identity, opening heading or decision
    /// follows it before any other numbered line.
    func isConfirmed(_ lines: [SourceLine], at index: Int) -> Bool {
        confirmation(lines, at: index) != .none
    }

    func nextContent(_ lines: [SourceLine], after index: Int) -> Int? {
        var j = index + 1
        while j < lines.count {
            if !lines[j].isBlank { return j }
            j += 1
        }
        return nil
    }

    /// Splits a numbered title line into its number and title, if it is one.
    func numberedTitle(_ text: String) -> (number: String, title: String)? {
        // Both shapes start with a digit or a label: most lines are neither.
        guard Self.mayBeNumbered(text), text.isShorter(than: 201) || Self.hasItemLabel(text) && text.isShorter(than: 401) else { return nil }
        if let known = answers.numberedTitle[text] { return known }
        let answer = Self.numberedTitle(text)
        answers.numberedTitle[text] = answer
        return answer
    }

    /// The time an agenda sets aside for an item, before its number ("18.45 7. Konstituering")
    /// or its title ("1 - 13.00-13.05 Godkendelse af dagsordenen", "1. Kl. 13.00-13.05 …"), as
    /// councils for the elderly and school boards print their agendas: a clock time or a range,
    /// or anything after "kl." up to the next space.
    nonisolated(unsafe) static let scheduledTime = #/^(?:[Kk]l\.?\s*[0-9][0-9.:\-–]*|[0-2]?[0-9][.:][0-5][0-9](?:\s*[-–]\s*[0-2]?[0-9][.:][0-5][0-9])?)\s+/#

    /// Whether a title ends in a number of up to three digits after a space (markup a page
    /// printed as text aside): a contents entry's page number ("Meddelelser 5<br />").
    static func endsInPageNumber(_ title: String) -> Bool {
        var rest = Substring(title)
        while rest.hasSuffix(" ") || rest.hasSuffix("<br />") || rest.hasSuffix("<br>") {
            rest = rest.hasSuffix(" ") ? rest.dropLast() : rest.dropLast(rest.hasSuffix("<br />") ? 6 : 4)
        }
        let digits = rest.reversed().prefix { $0.isASCII && $0.isNumber }.count
        return (1...3).contains(digits) && rest.dropLast(digits).hasSuffix(" ")
    }

    /// Whether `text` may open with `scheduledTime`: "kl" or "Kl", or one or two digits then a
    /// point or a colon and a digit. The byte test that spares the pattern on nearly every line.
    static func mayOpenWithTime(_ text: Substring) -> Bool {
        var bytes = text.utf8.makeIterator()
        guard let a = bytes.next(), let b = bytes.next() else { return false }
        if a | 0x20 == 0x6B { return b == 0x6C }
        guard a.isASCIIDigit, let c = bytes.next() else { return false }
        if b == 0x2E || b == 0x3A { return c.isASCIIDigit }
        guard b.isASCIIDigit, c == 0x2E || c == 0x3A, let d = bytes.next() else { return false }
        return d.isASCIIDigit
    }

    /// Whether a numbered line prints the time set aside for its item (`scheduledTime`), before
    /// its number or after it.
    static func hasScheduledTime(_ text: String) -> Bool {
        if mayOpenWithTime(text[...]), text.prefixMatch(of: scheduledTime) != nil { return true }
        guard let m = text.prefixMatch(of: numberLead) else { return false }
        let rest = text[m.range.upperBound...]
        return mayOpenWithTime(rest) && rest.prefixMatch(of: scheduledTime) != nil
    }

    /// An item's number and what separates it from its title ("1 - ", "1. ").
    nonisolated(unsafe) static let numberLead = #/[0-9]{1,3}(?:\.|\)|\s*[-–:])?\s+/#

    /// `numberedTitle` without the segmenter's memory, for a line that passed its guards.
    private static func numberedTitle(_ text: String) -> (number: String, title: String)? {
        if mayOpenWithTime(text[...]), let time = text.prefixMatch(of: scheduledTime), text[time.range.upperBound...].first?.isNumber == true {
            return numberedTitle(String(text[time.range.upperBound...]))
        }
        if let m = text.wholeMatch(of: Self.numbered) {
            var title = String(m.2)
            if Self.mayOpenWithTime(title[...]), let time = title.prefixMatch(of: scheduledTime),
               title[time.range.upperBound...].first?.isUppercase == true {
                title = String(title[time.range.upperBound...])
            }
            // "2. behandling af budget 2019-2022": a title may start with an ordinal.
            let ordinal = title.first?.isNumber == true
                && title.firstMatch(of: Self.ordinalStart).map { DanishDate.months[String($0.1)] == nil } == true
            guard let c = title.first, c.isUppercase || c == "(" || c == "\"" || c == "”" || ordinal else { return nil }
            // "26. January 2027": a date whose month a page wrote in capitals is no item. (A
            // title opening with a month's name is the cheap guard; the date is DanishDate's.)
            if let first = title.split(separator: " ", maxSplits: 1).first, DanishDate.months[first.lowercased().stripping(".,")] != nil,
               DanishDate.first(in: text)?.range.lowerBound == text.startIndex { return nil }
            return (String(m.1), title)
        }
        if let m = text.wholeMatch(of: Self.glued) { return (String(m.1), String(m.2)) }
        return nil
    }

    /// "Sagsnr.: 05.00.00-A00-2-27 Sagsbehandler: Eva Holm": an item's identity line naming its
    /// case handler (by one of `labels`), which agenda viewers print first in every item.
    static func opensWithCaseHandler(_ text: String, labels: [String] = [" Sagsbehandler:"]) -> Bool {
        text.hasLowercasedPrefix("sagsnr") && labels.contains { text.containsBytes(of: $0) } && isIdentity(text)
    }

    static func isIdentity(_ text: String) -> Bool {
        // Identity lines are short labels; body text never is one.
        guard text.utf8.count <= 90 else { return false }
        return CaseNumbers.bareAccess(text) != nil || CaseNumbers.accessLineMatch(text) != nil || CaseNumbers.bareNumber(text) != nil
            || isLabelledIdentity(text)
    }

    /// `isIdentity` for a line of at most 90 bytes that is no bare access marker, access line
    /// or bare case number: a label, a KLE number or an item's number after its title. The
    /// item's parser asks this after reading those three itself, so their patterns run once.
    static func isLabelledIdentity(_ text: String) -> Bool {
        mayStartLabelledIdentity(text) && isLabelledIdentityWithoutGuard(text)
    }

    /// `isLabelledIdentity` without its first-byte guard.
    static func isLabelledIdentityWithoutGuard(_ text: String) -> Bool {
        if text.hasLowercasedPrefix("sag") && (text.hasLowercasedPrefix("sagsnr") || text.hasLowercasedPrefix("sagnr") || text.hasLowercasedPrefix("sagsid") || text.hasLowercasedPrefix("sagsnummer"))
            || text.hasLowercasedPrefix("j.nr") || text.hasLowercasedPrefix("j. nr") || text.hasLowercasedPrefix("journalnr")
            || text.hasLowercasedPrefix("dok.nr") || text.hasLowercasedPrefix("kle") || text.hasLowercasedPrefix("lukket sag")
            || text.hasLowercasedPrefix("initialer") || text.hasLowercasedPrefix("sagsbeh") || text.hasLowercasedPrefix("øvrige sagsbehandlere")
            || text.hasPrefix("Sagen afgøres i:")
            || text.hasLowercasedPrefix("sagsansvarlig") || text.hasLowercasedPrefix("sagsinitialer") || text.hasLowercasedPrefix("dokumentnr")
            || text.hasPrefix("Øvrige sagsbehandlere") || (text.hasPrefix("Dok. ") && text.hasASCIIDigit) || text.hasLowercasedPrefix("acadre sagsnr") {
            return true
        }
        guard let first = text.first else { return false }
        // "Åbent - 00.01.00A04 - 2027/34364": the access, the KLE number and the case's number
        // (also cut short at a page's end, "Lukket - 00.01.00K01 - 20").
        if first == "Å" || first == "L", text.hasPrefix("Åbent - ") || text.hasPrefix("Lukket - "), text.isShorter(than: 60),
           CaseNumbers.kleNumber(in: text) != nil { return true }
        if "SPD".contains(first), hasNumberLabel(text), text.wholeMatch(of: numberAfterTitle) != nil { return true }
        if "SB".contains(first), text.isShorter(than: 40), text.firstMatch(of: CaseNumbers.shorthand) != nil { return true }
        // "Sag nr. 2021-0038": a case number after the label, not an item number.
        if text.hasPrefix("Sag nr"), text.isShorter(than: 40), let n = CaseNumbers.labelledNumber(in: text), n.count >= 4 { return true }
        guard first.isNumber || first == "K", text.isShorter(than: 40) else { return false }
        return CaseNumbers.kleNumber(in: text).map { $0.count + 6 >= text.count } ?? false
    }

    /// False when `text` cannot be a labelled identity, on its first two bytes: every label and
    /// shape `isLabelledIdentity` knows starts with a digit, a capital K, or, in either case,
    /// with one of "ac", "br", "da", "do", "in", "j.", "j ", "jo", "kl", "lu", "pk", "pu", "sa"
    /// (or with a character outside ASCII: "Øvrige", "Åbent", the Kelvin sign). Asked of most
    /// short lines of an item, where the labels' comparisons add up.
    static func mayStartLabelledIdentity(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first else { return false }
        if first >= 0x80 || first.isASCIIDigit || first == 0x4B { return true }
        guard let second = utf8.dropFirst().first else { return false }
        if second >= 0x80 { return true }
        let pair = UInt16(first | 0x20) << 8 | UInt16(second.isASCIILetter ? second | 0x20 : second)
        return identityHeads.contains(pair)
    }

    /// The first two bytes of `mayStartLabelledIdentity`'s heads, lower-cased.
    static let identityHeads: Set<UInt16> = Set(["ac", "br", "da", "do", "in", "j.", "j ", "jo", "kl", "lu", "pk", "pu", "sa"].map { head in
        let bytes = Array(head.utf8)
        return UInt16(bytes[0]) << 8 | UInt16(bytes[1])
    })

    /// The title line above an access marker, skipping the item's identity lines.
    func titleAbove(_ lines: [SourceLine], before index: Int) -> Int? {
        var j = index
        while let prev = previousContent(lines, before: j) {
            if !Self.isIdentity(lines[prev].text) { return prev }
            j = prev
        }
        return nil
    }

    /// A single item's page may put a lead paragraph and links between its title and its
    /// first heading ("Title" / "Se alle bilag" / a paragraph / "Indstilling"): the title is
    /// the title-like line above them, within a few lines.
    func leadTitle(_ lines: [SourceLine], before index: Int) -> Int? {
        var j = index
        for _ in 0..<4 {
            guard let prev = previousContent(lines, before: j) else { return nil }
            let text = lines[prev].text
            if isOrphanTitle(lines, prev, after: nil) { return prev }
            let lead = text.utf8.count > 100 || text.hasSuffix(".") || Self.leadLinks.contains(text.lowercased())
            guard lead else { return nil }
            j = prev
        }
        return nil
    }

    /// Links a single item's page prints between its title and its text.
    static let leadLinks: Set<String> = ["se alle bilag", "bilag", "print", "udskriv", "del"]

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
