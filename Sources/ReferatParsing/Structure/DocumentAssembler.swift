import ReferatRecords

/// Builds a `Document` from cleaned lines: kind, title, meeting, cases, letters and pages.
struct DocumentAssembler {
    var lines: [SourceLine]
    var links: [(line: Int, url: String)]
    /// Routing grids found by the cleaner, for the cases whose lines they stood among.
    var routingGrids: [RoutingGrid] = []
    var isWebpage: Bool
    var htmlTitle: String?
    /// Text that may have been copied from a web page: without items, a headline over
    /// paragraphs is a web article (a news page about a meeting), not an unknown document.
    var mayBeArticle = false
    /// The page links back to its meeting's list of items or to the item's attachments: one
    /// item on it is the page's item, not minutes cut short.
    var linksLikeItemPage = false
    /// A document site's page that shows only a document's title over links to other
    /// documents (`TextCleaner.Output.onlyLinksToDocument`): without items, not the document.
    var onlyLinksToDocument = false

    nonisolated(unsafe) static let municipality = #/\b([A-ZÆØÅ][\p{L}]+(?:-[A-ZÆØÅ][\p{L}]+)?) Kommune\b/#
    nonisolated(unsafe) static let proseDecision = #/((?:[A-ZÆØÅ][\p{L}-]*\s){0,2}[A-ZÆØÅ][\p{L}-]*)\s+har\s+(?:på\s+(?:sit\s+|et\s+)?møde(?:t)?\s+)?(?:den\s+)?([0-9]{1,2}\.\s*[a-zæøå]+\s+[0-9]{4}|[0-9]{1,2}[-.][0-9]{1,2}[-.][0-9]{4})\s+(godkendt|vedtaget|tiltrådt|besluttet|afvist|forkastet|udsat|anbefalet)\b([^.]*)/#
    nonisolated(unsafe) static let signature = #/([A-ZÆØÅ][\p{L}-]+(?: [A-ZÆØÅ][\p{L}-]+){1,3}), ((?:[a-zæøå]+)?(?:borgmester|formand|næstformand|direktør|chef|rådmand|regionsrådsformand|sekretær|leder|konsulent))(?: (?:for |i )?((?:[A-ZÆØÅ][\p{L}-]+ )*?(?:Kommune|Region [A-ZÆØÅ][\p{L}]+|KKR [A-ZÆØÅ][\p{L}]+)))?/#

    /// "Bo Berg (A) forlod mødet under punkt 3." or "Eva Ny deltog ikke under punkterne 12-15."
    /// in an earlier item's decision (most often the agenda's approval): the person took no
    /// part in the items named, so the name goes to those items' decisions where the page holds
    /// them, and leaves the item it was written in. Where the page holds none of them (an item's
    /// own page), a departure at a time ("forlod mødet kl. 16.25 under behandling af pkt. 4")
    /// leaves it too: the person took part in this item and left later; a statement about the
    /// items alone ("deltog ikke under punkterne 40-47") stays, the only place it is kept. A
    /// reason naming no later item stays.
    static func moveNonParticipantsToNamedItems(cases: inout [CaseRecord]) {
        let numbers = cases.map { $0.number.flatMap { Int($0) } }
        var moves: [(from: (c: Int, d: Int), person: NonParticipant, to: [Int])] = []
        for c in cases.indices {
            guard let own = numbers[c] else { continue }
            for d in cases[c].decisions.indices {
                for person in cases[c].decisions[d].notParticipating {
                    guard let reason = person.reason, reason.containsBytes("unkt") || reason.containsBytes("kt.") || reason.containsBytes("ag"),
                          let named = namedItems(reason), named.lowerBound > own else { continue }
                    let targets = cases.indices.filter { numbers[$0].map(named.contains) ?? false && !cases[$0].decisions.isEmpty }
                    if !targets.isEmpty || namesTime(reason) { moves.append(((c, d), person, targets)) }
                }
            }
        }
        for move in moves {
            cases[move.from.c].decisions[move.from.d].notParticipating.removeAll { $0 == move.person }
            for t in move.to {
                let last = cases[t].decisions.count - 1
                if !cases[t].decisions[last].notParticipating.contains(where: { $0.name == move.person.name }) {
                    cases[t].decisions[last].notParticipating.append(move.person)
                }
            }
        }
    }

    /// The items a non-participant's reason names: "under punkt 3" (3), "(under) punkterne 12-15"
    /// (12 to 15), "efter punkt 5" (6 on), "fra punkt 5" (5 on), perhaps after the time
    /// ("kl. 16.25 under behandling af pkt. 4").
    static func namedItems(_ reason: String) -> ClosedRange<Int>? {
        guard let m = reason.firstMatch(of: namedItemsPattern), let first = Int(m.first) else { return nil }
        let word = m.word?.lowercased() ?? "under"
        if let last = m.last.flatMap({ Int($0) }), last >= first { return first...last }
        if word == "efter" { return (first + 1)...Int.max }
        if word == "fra" { return first...Int.max }
        return first...first
    }

    /// Whether the reason says when the person left, before the items it names ("kl. 16.25
    /// under behandling af pkt. 4"): a departure during the meeting.
    static func namesTime(_ reason: String) -> Bool {
        reason.firstMatch(of: namedItemsPattern)?.time != nil
    }

    nonisolated(unsafe) static let namedItemsPattern =
        #/^(?i)(?<time>kl\.?\s*[0-9]{1,2}[.:][0-9]{2}\s+)?(?:(?<word>under|efter|fra)\s+)?(?:behandling(?:en)?\s+af\s+)?(?:punkt(?:erne)?|pkt\.?|sag(?:erne)?|dagsordenspunkt(?:erne)?)\s+(?<first>[0-9]{1,3})(?:\s*(?:-|–|og|til)\s*(?<last>[0-9]{1,3}))?/#

    func assemble() -> Document {
        var lines = self.lines
        var municipality = Self.findMunicipality(lines + (htmlTitle.map { [SourceLine(number: 0, text: $0)] } ?? []))
        if isWebpage { lines = Self.removePageFurniture(lines) }

        let anchors = CaseSegmenter().anchors(in: lines)
        let headerEnd = anchors.first.map { max(0, $0.titleIndex - (Self.hasKLEAbove(lines, $0.titleIndex) ? 1 : 0)) } ?? lines.count
        // Without items the whole text may describe the meeting (who was absent, its decisions).
        var meeting = MeetingHeaderParser.parse(Array(lines[..<(anchors.isEmpty ? min(lines.count, 400) : headerEnd)]))
        // "Rådsmøde 27.09.2022" over the items: the page's title names the meeting. A document
        // site shows the title twice, cut short and in full ("Download \"Referat af … 2011\""):
        // the first of the opening lines that names a meeting and its date. Over no items only
        // a title that calls itself the record ("Referat af lokalrådsmøde (4. marts 2031)"): a
        // news page lists "Byrådsmøde 4. februar 2031" too.
        var councilKind: String?
        if meeting?.date == nil || meeting?.body == nil,
           let titled = lines[..<headerEnd].lazy.filter({ !$0.isBlank }).prefix(8)
               .filter({ !anchors.isEmpty || Self.opensWithRecordName($0.text) }).compactMap({ MeetingHeaderParser.meetingTitle($0.text) }).first,
           meeting?.date == nil || meeting?.date == titled.date {
            var found = meeting ?? Meeting()
            found.date = found.date ?? titled.date
            found.body = found.body ?? titled.body
            councilKind = titled.kind
            meeting = found
        }
        // "Møde nr.: 9 Mødedato: 14. april 2031 Mødevarighed:": a document site's title holds the
        // labelled date the transcript's own header lost with its digits.
        if meeting != nil, meeting?.date == nil,
           let dated = lines[..<headerEnd].lazy.filter({ !$0.isBlank }).prefix(8).compactMap({ MeetingHeaderParser.labelledDate($0.text) }).first {
            meeting?.date = dated
        }
        if var found = meeting, found.body == nil, let date = found.date {
            // "Bestyrelsesmøde", "Rådsmøde": without a fuller name in the text, the body is what
            // the meeting's word calls it ("Bestyrelsen", "Rådet").
            found.body = MeetingHeaderParser.body(meetingOn: date, in: lines)
                ?? councilKind.map { MeetingHeaderParser.council(ending: $0, in: lines) ?? $0.prefix(1).uppercased() + $0.dropFirst() }
            meeting = found
        }
        if let end = MeetingHeaderParser.endTime(in: lines), var found = meeting {
            found.endTime = found.endTime ?? end
            meeting = found
        }

        if !anchors.isEmpty, meeting?.body == nil, let body = MeetingHeaderParser.bodyOfMeetingWord(Array(lines[..<headerEnd])) {
            if meeting == nil { meeting = Meeting() }
            meeting?.body = body
        }
        // A header without body or date: the first item, approving the agenda, may name the meeting.
        if let first = anchors.first, meeting?.body == nil || meeting?.date == nil {
            let end = anchors.count > 1 ? anchors[1].titleIndex : min(lines.count, first.titleIndex + 40)
            if let named = MeetingHeaderParser.namedByAgendaApproval(lines[first.titleIndex..<max(end, first.titleIndex)]),
               meeting?.date == nil || named.date == nil || meeting?.date == named.date {
                var found = meeting ?? Meeting()
                found.body = found.body ?? named.body
                found.date = found.date ?? named.date
                meeting = found
            }
        }
        let parser = CaseParser(meeting: meeting, routingGrids: routingGrids)
        var cases: [CaseRecord] = []
        for (k, anchor) in anchors.enumerated() {
            let start = anchor.titleIndex - (Self.hasKLEAbove(lines, anchor.titleIndex) ? 1 : 0)
            let nextStart = k + 1 < anchors.count
                ? anchors[k + 1].titleIndex - (Self.hasKLEAbove(lines, anchors[k + 1].titleIndex) ? 1 : 0) : lines.count
            var span = Array(lines[start..<max(nextStart, start + 1)])
            while span.count > 1 && span.last!.isBlank { span.removeLast() }
            var local = anchor
            local.titleIndex -= start
            local.markerIndex = anchor.markerIndex.map { $0 - start }
            local.titleLine = anchor.titleLine.map { $0 - start }.flatMap { $0 < span.count ? $0 : nil }
            cases.append(parser.parse(span, anchor: local, links: links))
        }
        // A decision header the text ends on ("Beslutning i Kommunalbesty", a page cut short)
        // records nothing.
        if let c = cases.indices.last, let d = cases[c].decisions.last, CaseParser.saysNothing(d),
           let end = lines.last(where: { !$0.isBlank })?.number, d.lines.last.map({ $0 >= end }) ?? false {
            cases[c].decisions.removeLast()
        }
        if cases.allSatisfy({ $0.decisions.isEmpty }) {
            for c in cases.indices { parser.addClosingOutcome(to: &cases[c]) }
        }

        Self.collectProseAbsences(lines, cases: &cases, meeting: &meeting)
        // The agenda's approval printed as a decision under the meeting header (an untitled first
        // item with nothing but its decision) names who was absent from the meeting.
        if meeting != nil, let first = cases.first, first.title.isEmpty, first.number == nil, first.sections.isEmpty,
           first.decisions.count == 1, !first.decisions[0].absent.isEmpty {
            meeting?.addAbsent(first.decisions[0].absent)
        }
        // "1. Fraværende: Eva Holm": an agenda's item that names the absent on its title line.
        for c in cases where c.title.hasPrefix("Fravær") || c.title.hasPrefix("Afbud") {
            var block = [SourceLine(number: 0, text: c.title)]
            // "1. Fraværende:" with the names on the line below: the item's first lines.
            if PeopleParser.absenceLabel(c.title)?.rest.isEmpty == true, let text = c.sections.first?.text {
                block += text.split(separator: "\n").prefix(3).map { SourceLine(number: 0, text: String($0)) }
            }
            guard let list = AbsenceList.read(block, at: 0), !list.absent.isEmpty else { continue }
            if meeting == nil { meeting = Meeting() }
            meeting?.addAbsent(list.absent)
        }
        Self.separateRunTogetherNames(cases: &cases, meeting: &meeting)
        Self.moveNonParticipantsToNamedItems(cases: &cases)
        // A region's minutes name municipalities in their items; the region is the publisher.
        if let region = Self.region(lines, meeting: meeting, municipality: municipality) { municipality = region }
        let kind: DocumentKind
        let namesRecord = lines.prefix(15).contains { line in
            guard line.text.isShorter(than: 100) else { return false }
            let lower = line.text.lowercased()
            return lower.containsPlain("referat") || lower.containsPlain("dagsorden") || lower.containsPlain("beslutningsprotokol")
        }
        // Decision headers: a dated one names its own meeting ("Regionsrådets beslutning den 11. marts 2025").
        var hasDecisionHeader = false, hasDatedDecision = false
        for line in lines where line.text.containsBytes("eslutning") || line.text.containsBytes("ESLUTNING") {
            guard let header = DecisionHeader.parse(line.text) else { continue }
            hasDecisionHeader = true
            if header.date != nil && header.body != nil { hasDatedDecision = true; break }
        }
        // A record's page that lists its items on one line ("Referat" / "1. Godkendelse af
        // dagsordenen 2. Orientering 3. …"): the minutes of a meeting whose items it does not print.
        let listsItemsOfMeeting = namesRecord && lines.prefix(40).contains { CaseSegmenter.listsItemsOnOneLine($0.text) }
        let describesMeeting = hasDatedDecision || listsItemsOfMeeting || Self.isTitledAsRecord(lines) || meeting.map { m in
            (m.date != nil || m.body != nil) && (m.date != nil && (m.body != nil || !m.absent.isEmpty || !m.members.isEmpty) || namesRecord || hasDecisionHeader)
                // A transcript's first page that names who was absent and opens the list of items
                // ("… Afbud: Eva Holm Dagsorden 1. Godkendelse …"), whose date the transcript lost.
                || !m.absent.isEmpty && lines.prefix(40).contains { $0.text.firstMatch(of: Self.agendaOpening) != nil }
        } ?? false
        // A news post that retells a meeting under headings of its own ("Cykelsti ved Åvej:" over
        // a paragraph on what was approved) has headings, not items: nothing numbers them, no line
        // marks a decision or a section, no line opens with the record's name ("Referat af …"), and
        // the page reads as an article about the meeting.
        let retellsMeeting = cases.count > 1 && cases.allSatisfy { $0.number == nil } && reportsOnMeeting(lines)
            && !lines.prefix(15).contains { Self.opensWithRecordName($0.text) }
        if retellsMeeting {
            cases = []
            kind = .webpage
        } else if cases.isEmpty && onlyLinksToDocument {
            kind = .other
        } else if cases.count > 1 {
            kind = .minutes
        } else if cases.count == 1 {
            // Minutes name their meeting (body and date) or open with more of it than a page of
            // one item, which opens with its title.
            let linesBeforeTitle = lines.prefix(anchors[0].titleIndex).filter { !$0.isBlank }.count
            // A viewer's page of one item names its meeting in one line right above the unnumbered
            // title ("Referat Byrådet 11-09-2027" / "Title"); a meeting's page says more of it (a
            // time, a place, who came), more before its first item, or numbers the item.
            let namesMeeting = meeting.map { m in
                m.body != nil && m.date != nil && (linesBeforeTitle > 2 || anchors[0].number != nil || cases[0].number != nil
                    || m.time != nil || m.place != nil || !m.members.isEmpty || !m.absent.isEmpty)
            } ?? false
            // A list of the meeting's items above the one item: the meeting's page, cut short.
            let listsItems = CaseSegmenter().numberedTitles(lines[..<anchors[0].titleIndex]) >= 3
            // An item that began on an earlier page is part of the meeting's record, cut short.
            let cutFromRecord = anchors[0].startsBeforePage
            kind = (meeting != nil && (namesMeeting || linesBeforeTitle > 3) || listsItems || cutFromRecord) && !linksLikeItemPage ? .minutes : .agendaItem
        } else if describesMeeting && (meeting?.body != nil && meeting?.date != nil || !reportsOnMeeting(lines)) {
            kind = .minutes
        } else if isWebpage || mayBeArticle && (Self.isArticle(lines) || Self.isReportOfMeeting(lines)) && !Self.isLetter(lines) {
            kind = .webpage
        } else if Self.isLetter(lines) {
            kind = .letter
        } else {
            kind = .other
        }

        var document = Document(path: "", sha256: "", kind: kind, title: "", municipality: municipality, meeting: meeting,
                                text: lines.map(\.text).joined(separator: "\n"), cases: cases)
        document.title = title(kind: kind, lines: lines, cases: cases, meeting: meeting)
        document.mentionedDecisions = Self.proseDecisions(lines, inCases: cases)
        if !cases.isEmpty {
            let preamble = lines[..<headerEnd].filter { !$0.isBlank }.map(\.text).joined(separator: "\n")
            document.preamble = preamble.isEmpty ? nil : preamble
        }
        if kind == .letter {
            document.signatories = Self.signatories(lines)
            document.date = Self.letterDate(lines)
        }
        if kind == .webpage || kind == .letter || kind == .other {
            document.date = document.date ?? document.mentionedDecisions.first?.date
        }
        if !isWebpage && cases.isEmpty && kind != .letter {
            document.warnings.append(ParseWarning(line: nil, message: "no agenda items found; indexed as a plain document"))
        }
        return document
    }

    /// Absentees and non-participants written in an item's text outside its decisions ("Under
    /// punkt 14 deltog stedfortræder Eva Ny, da Bo Berg (V) var inhabil"): absentees join the
    /// meeting's, non-participants the item's last decision, or the meeting's when the item
    /// has none.
    static func collectProseAbsences(_ lines: [SourceLine], cases: inout [CaseRecord], meeting: inout Meeting?) {
        // One pass over the lines: cases are in the order of their lines.
        var c = 0
        var k = 0
        while k < lines.count {
            let line = lines[k]
            k += 1
            while c < cases.count, cases[c].lines.count == 2, cases[c].lines[1] < line.number { c += 1 }
            guard c < cases.count, cases[c].lines.count == 2, cases[c].lines[0] <= line.number else { continue }
            // A decision's lines were read with the decision.
            guard !cases[c].decisions.contains(where: { $0.lines.count == 2 && $0.lines[0] <= line.number && line.number <= $0.lines[1] }) else { continue }
            // A labelled list in an item's text ("Fraværende med afbud:" over lines of names),
            // as a page of one item prints the meeting's absentees.
            let labelled = PeopleParser.absenceLabel(line.text) != nil
            guard labelled || AbsenceProse.mayMentionAbsence(line.text) else { continue }
            var found: (absent: [Person], notParticipating: [NonParticipant])
            if labelled, let list = AbsenceList.read(lines, at: k - 1) {
                found = (list.absent, list.notParticipating)
                k = max(k, list.next)
            } else if let prose = AbsenceProse.read(line.text) {
                found = (prose.absent, prose.notParticipating)
            } else {
                continue
            }
            if !found.absent.isEmpty {
                if meeting == nil { meeting = Meeting() }
                meeting?.addAbsent(found.absent)
            }
            if let last = cases[c].decisions.indices.last {
                for person in found.notParticipating where !cases[c].decisions[last].notParticipating.contains(where: { $0.name == person.name }) {
                    cases[c].decisions[last].notParticipating.append(person)
                }
            } else if !found.notParticipating.isEmpty {
                // An item without a decision (an agenda, or a page cut short) still tells who
                // stayed out of it: the meeting keeps them.
                if meeting == nil { meeting = Meeting() }
                meeting?.addNotParticipating(found.notParticipating)
            }
        }
    }

    /// Whether the line above an item's title is its identity (a KLE or case number printed
    /// first), which then belongs to this item rather than to the one before.
    static func hasKLEAbove(_ lines: [SourceLine], _ index: Int) -> Bool {
        guard index > 0 else { return false }
        let text = lines[index - 1].text
        if CaseNumbers.bareNumber(text) != nil { return true }
        if text.hasLowercasedPrefix("sagnr") || text.hasLowercasedPrefix("sagsnr"), text.isShorter(than: 40), CaseNumbers.labelledNumber(in: text) != nil { return true }
        return CaseNumbers.kleNumber(in: text).map { $0.count + 6 >= text.count } ?? false
    }

    /// The heading of a list of items and its first entry: "Indholdsfortegnelse 1. Protokollat",
    /// "Dagsorden 1 Velkomst", "Dagsordenspunkter: 1. …".
    nonisolated(unsafe) static let agendaOpening = #/(?:Indholdsfortegnelse|INDHOLDSFORTEGNELSE|Dagsorden|DAGSORDEN|Dagsordenspunkter):?\s+1\.?\s+[A-ZÆØÅ]/#

    func title(kind: DocumentKind, lines: [SourceLine], cases: [CaseRecord], meeting: Meeting?) -> String {
        let first = lines.first { !$0.isBlank }?.text ?? ""
        switch kind {
        case .agendaItem:
            return cases[0].title
        case .webpage:
            return htmlTitle ?? first
        case .letter:
            if let to = lines.firstIndex(where: { $0.text.hasPrefix("Til ") }),
               let subject = lines[(to + 1)...].first(where: { !$0.isBlank }) {
                return subject.text
            }
            return first
        case .minutes:
            if first.split(separator: " ").count <= 2, let body = meeting?.body {
                return [first, body, meeting?.date].compactMap { $0 }.joined(separator: " – ")
            }
            return first
        case .other:
            return first
        }
    }

    nonisolated(unsafe) static let regionName = #/Region (Hovedstaden|Sjælland|Syddanmark|Midtjylland|Nordjylland)\b/#

    /// "Region Midtjylland" when the document is a region's: its meeting is the regional
    /// council's, or the region is named in the header and no municipality anywhere.
    static func region(_ lines: [SourceLine], meeting: Meeting?, municipality: String?) -> String? {
        let header = lines.prefix(40)
        let named = header.compactMap { $0.text.containsBytes("Region ") ? $0.text.firstMatch(of: regionName).map { "Region " + $0.1 } : nil }
        let regional = meeting?.body.map { $0.lowercased().hasPrefix("regionsråd") } ?? false
        // A municipality's page may name its region: only a document that names no municipality is the region's.
        if let first = named.first, regional || municipality == nil { return first }
        if regional {
            // The region named most often anywhere.
            var counts: [String: Int] = [:]
            for line in lines where line.text.containsBytes("Region ") {
                for m in line.text.matches(of: regionName) { counts["Region " + m.1, default: 0] += 1 }
            }
            return counts.max { $0.value < $1.value }?.key
        }
        return nil
    }

    /// "Poul Ebbesen Karin Tved" from a header that lost the commas between its names, beside
    /// "Poul Ebbesen" and "Karin Tved" listed apart in the items: two people, not a third.
    static func separateRunTogetherNames(cases: inout [CaseRecord], meeting: inout Meeting?) {
        var names = Set(meeting?.absent.map(\.name) ?? [])
        for c in cases { for d in c.decisions { for p in d.absent { names.insert(p.name) } } }
        guard names.count >= 3 else { return }
        let split = { (people: [Person]) -> [Person] in
            var out: [Person] = []
            for person in people {
                if let parts = PeopleParser.runTogether(person.name, of: names) {
                    for part in parts where !out.contains(where: { $0.name == part }) && !people.contains(where: { $0.name == part }) { out.append(Person(name: part)) }
                } else if !out.contains(where: { $0.name == person.name }) {
                    out.append(person)
                }
            }
            return out
        }
        if let absent = meeting?.absent { meeting?.absent = split(absent) }
        for c in cases.indices { for d in cases[c].decisions.indices { cases[c].decisions[d].absent = split(cases[c].decisions[d].absent) } }
    }

    /// The municipality the document names most often ("Silkeborg Kommune"), or nil.
    static func findMunicipality(_ lines: [SourceLine]) -> String? {
        var counts: [String: (count: Int, first: Int)] = [:]
        var order = 0
        for line in lines where Self.mayNameMunicipality(line.text) {
            for m in line.text.matches(of: municipality) {
                let name = "\(m.1) Kommune"
                counts[name] = ((counts[name]?.count ?? 0) + 1, counts[name]?.first ?? order)
                order += 1
            }
        }
        return counts.max { a, b in a.value.count < b.value.count || a.value.count == b.value.count && a.value.first > b.value.first }?.key
    }

    /// False when `municipality` cannot match `text`: it needs " Kommune" with no word
    /// character after it, and most lines that say "Kommune" say "Kommunen" or "Kommunernes".
    /// A byte outside ASCII after it may be a letter or not: that line goes to the pattern.
    static func mayNameMunicipality(_ text: String) -> Bool {
        text.containsBytes(" Kommune") { end, bytes in end == bytes.count || !bytes[end].continuesASCIIWord }
    }

    /// Drops breadcrumbs, "Læs mere" links and the contact/footer block of a web page.
    static func removePageFurniture(_ lines: [SourceLine]) -> [SourceLine] {
        var out = lines
        let footerWords: Set<String> = ["kontakt", "kontakt os", "kontaktoplysninger", "kontaktinformation", "find os", "sidefod"]
        if let footer = out.lastIndex(where: { footerWords.contains($0.text.lowercased()) }), footer > out.count / 3 {
            out.removeSubrange(footer...)
        }
        out.removeAll { line in
            let lower = line.text.lowercased()
            return lower.hasPrefix("læs mere") || lower.containsPlain("cvr:") || lower.hasPrefix("cvr ") || lower.hasPrefix("ean")
        }
        // A breadcrumb: "Hjem Kommunen Økonomi … <title>" right above the title itself.
        if let crumb = out.prefix(6).firstIndex(where: { $0.text.hasPrefix("Hjem ") || $0.text.hasPrefix("Forside ") || $0.text.contains(" > ") || $0.text.contains(" › ") }) {
            out.remove(at: crumb)
        }
        while out.first?.isBlank == true { out.removeFirst() }
        while out.last?.isBlank == true { out.removeLast() }
        return out
    }

    /// A news page about a meeting ("Byrådet har besluttet" over paragraphs that tell what the
    /// council did): an article that reports a meeting in prose, is not titled as minutes, and
    /// has none of the minutes' structure (section headings, decision headers, case numbers),
    /// although its prose names the meeting's body and agenda as minutes do. (A meeting with
    /// both body and date, as a transcript's first page names it, makes the page minutes; a
    /// news page gives the day without its year.)
    func reportsOnMeeting(_ lines: [SourceLine]) -> Bool {
        guard mayBeArticle, Self.isArticle(lines), Self.isReportOfMeeting(lines), !Self.isTitledAsRecord(lines) else { return false }
        return !lines.contains { line in
            let text = line.text
            guard !text.isEmpty, text.isShorter(than: 120) else { return false }
            return SectionHeadings.key(text) != nil || CaseSegmenter.isIdentity(text)
                || DecisionHeader.isHeader(text)
        }
    }

    /// Whether `text` opens with the record's name: "Referat af …", "Dagsorden for …".
    static func opensWithRecordName(_ text: String) -> Bool {
        let first = text.prefix { $0 != " " }.lowercased()
        return first == "referat" || first == "dagsorden" || first == "beslutningsprotokol"
    }

    /// A headline (a short first line without a closing point) over at least two paragraphs.
    static func isArticle(_ lines: [SourceLine]) -> Bool {
        guard let first = lines.first(where: { !$0.isBlank }), first.text.isShorter(than: 130), !first.text.hasSuffix(".") else { return false }
        let paragraphs = lines.filter { $0.text.utf8.count > 120 }.count
        return paragraphs >= 2
    }

    /// Whether the document's title (or a line near the top) calls it a body's minutes or agenda: "REBILD KOMMUNE.
    /// REFERAT Økonomiudvalget. Mødedato: …", "Referat af møde i Kommunalbestyrelsen …". A
    /// transcript puts the whole first page on its title line, so the line may be long; the
    /// word must stand as a title word (capitalised, near the start), not inside a sentence
    /// of a notice ("… med følgende dagsorden").
    static func isTitledAsRecord(_ lines: [SourceLine]) -> Bool {
        // The title, or a transcript's first page under a viewer's own lines.
        for line in lines.lazy.filter({ !$0.isBlank }).prefix(12) {
            let head = line.text.prefix(160)
            guard let word = head.firstMatch(of: recordWord), head.distance(from: head.startIndex, to: word.range.lowerBound) < 60 else { continue }
            // The body, or its meeting in one word ("Referat fra Repræsentantskabsmøde i Midttrafik").
            let namesBody = head.split(separator: " ").contains { word in
                let w = String(word).stripping(".,:;()")
                guard w.first?.isUppercase == true else { return false }
                let lower = w.lowercased()
                return MinutesVocabulary.endsLikeBody(w) || lower.count > 8 && (lower.hasSuffix("smøde") || lower.hasSuffix("smødet"))
            }
            if namesBody { return true }
        }
        return false
    }

    /// The names of a meeting's record, "Beslutninger fra mødet" (a list of decisions) among them.
    nonisolated(unsafe) static let recordWord = #/\b(?:Referat|REFERAT|Dagsorden|DAGSORDEN|Beslutningsprotokol|BESLUTNINGSPROTOKOL|Beslutninger fra mødet)\b/#

    /// A text page that reports on a council meeting without being its minutes: a news item
    /// or a notice ("Kommunalbestyrelsen holder møde tirsdag …", "Byrådet besluttede på
    /// mødet …") in prose, naming a meeting or its agenda. A statute, whose paragraphs
    /// ("§ 3") also speak of meetings, is no report.
    static func isReportOfMeeting(_ lines: [SourceLine]) -> Bool {
        var prose = false, meeting = false, sections = 0
        for line in lines.prefix(200) {
            let text = line.text
            if text.hasPrefix("§") { sections += 1; continue }
            if text.utf8.count > 50, text.contains(". ") || text.hasSuffix(".") || text.hasSuffix(":"),
               text.split(separator: " ").count >= 8 { prose = true }
            if !meeting, text.containsBytes("møde") || text.containsBytes("Møde") || text.containsBytes("dagsorden") || text.containsBytes("Dagsorden") {
                meeting = true
            }
        }
        return prose && meeting && sections < 2
    }

    /// A greeting or a salutation; or the opening of a letter a supervising authority sends on
    /// to the council ("Der er i dag skrevet således til byrådsmedlem …"), whose greeting a
    /// transcript cut short may not reach.
    static func isLetter(_ lines: [SourceLine]) -> Bool {
        lines.contains { line in
            let lower = line.text.lowercased()
            return lower.hasPrefix("med venlig hilsen") || lower.hasPrefix("venlig hilsen") || lower.hasPrefix("kære ")
                || lower.hasPrefix("mvh") || lower.hasPrefix("med venlige hilsner")
        } || lines.prefix(30).contains { $0.text.containsBytes("skrevet således til") }
    }

    static func signatories(_ lines: [SourceLine]) -> [Signatory] {
        guard let start = lines.lastIndex(where: { $0.text.lowercased().contains("hilsen") || $0.text.lowercased().hasPrefix("mvh") }) else { return [] }
        let tail = lines[(start + 1)...].filter { !$0.isBlank }.prefix(8)
        var out: [Signatory] = []
        for line in tail {
            for m in line.text.matches(of: signature) {
                out.append(Signatory(name: String(m.1), role: String(m.2), organisation: m.3.map(String.init)))
            }
        }
        if out.isEmpty, let name = tail.first, let person = PeopleParser.person(name.text), person.party == nil {
            let role = tail.dropFirst().first.map(\.text)
            out.append(Signatory(name: person.name, role: role))
        }
        return out
    }

    /// A dateline such as "Aarhus, den 3. maj 2022" or "Dato: 3. maj 2022" near the top.
    static func letterDate(_ lines: [SourceLine]) -> String? {
        for line in lines.prefix(15) {
            let lower = line.text.lowercased()
            guard lower.hasPrefix("dato") || lower.contains(", den ") || lower.hasPrefix("den ") else { continue }
            if let iso = DanishDate.firstISO(in: line.text), line.text.isShorter(than: 60) { return iso }
        }
        return nil
    }

    /// Whether a line has one of the verbs `proseDecision` ends in: a byte test that spares
    /// the unanchored pattern most lines with " har " and a digit.
    static func mentionsDecisionVerb(_ text: String) -> Bool {
        text.containsBytes("godkendt") || text.containsBytes("vedtaget") || text.containsBytes("tiltrådt") || text.containsBytes("besluttet")
            || text.containsBytes("afvist") || text.containsBytes("forkastet") || text.containsBytes("udsat") || text.containsBytes("anbefalet")
    }

    /// "Byrådet har 17. december 2024 godkendt Rammeaftalen 2025-26" outside any decision block.
    static func proseDecisions(_ lines: [SourceLine], inCases cases: [CaseRecord]) -> [Decision] {
        var out: [Decision] = []
        let decisionRanges = cases.flatMap { c in c.decisions.compactMap { $0.lines.count == 2 && $0.lines[0] <= $0.lines[1] ? ($0.lines[0]...$0.lines[1]) : nil } }
        for line in lines where line.text.containsBytes(" har ") && line.text.hasASCIIDigit && mentionsDecisionVerb(line.text) {
            let inDecision = decisionRanges.contains { $0.contains(line.number) }
            guard !inDecision, let m = line.text.firstMatch(of: proseDecision) else { continue }
            let sentence = String(line.text[m.range]).stripping(" ")
            out.append(Decision(body: String(m.1), date: DanishDate.firstISO(in: String(m.2)), text: sentence,
                                outcome: OutcomeClassifier.classify(String(m.3)), lines: [line.number, line.number]))
        }
        return out
    }
}
