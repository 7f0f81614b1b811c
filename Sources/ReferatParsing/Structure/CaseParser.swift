import ReferatRecords

/// Turns one item's lines into a `CaseRecord`: identity, routing, sections, decisions, attachments.
struct CaseParser: Sendable {
    let meeting: Meeting?
    /// The document's routing grids: a case without a routing line takes the one among its lines.
    var routingGrids: [RoutingGrid] = []

    private enum Block {
        case preamble
        case section(Int)
        case routing(String)
        case decision(Int)
        case attachments
    }

    private struct DecisionDraft {
        var header: DecisionHeader
        var firstLine: Int
        /// Opened by "Referat" (`DecisionHeader.insideItem`), not by a decision header.
        var byReferat = false
        /// Opened right after another step's header, with nothing between them.
        var afterStep = false
        /// The header calls itself a decision ("Beslutning Byrådet den …"), not only a body and date.
        var saysDecision = false
        /// A committee's recommendation on a line of its own (`DecisionHeader.recommendation`).
        var recommends = false
        var lines: [SourceLine] = []
    }

    nonisolated(unsafe) static let itemType = #/\s*\(([BODI])\)\s*$/#
    /// Empty parentheses closing a title, perhaps with a space inside: "( )", "()".
    nonisolated(unsafe) static let emptyParentheses = #/\s*\(\s*\)\s*$/#

    /// What systems print before a closed or open item's title: "Lukket punkt:", "(Lukket)".
    static let closedPrefixes = ["Lukket sag:", "Lukket punkt:", "LUKKET PUNKT:", "LUKKET PUNKT -", "Lukket punkt -", "Lukket dagsorden –", "Lukket dagsorden -", "(Lukket)", "Lukket:", "Closed:"]
    static let openPrefixes = ["Åben sag:", "Åbent punkt:", "ÅBENT PUNKT:", "Åben dagsorden –", "Åben dagsorden -", "(Åben)", "(Åbent)", "Åben:"]

    /// False when `title` cannot match `itemType`: its last byte is ASCII but neither ")" nor
    /// white space. The pattern is searched from every position of the title, while nearly
    /// every title ends in a letter. A last byte outside ASCII (a mark, a no-break space) is
    /// left to the pattern.
    static func mayEndInItemType(_ title: String) -> Bool {
        guard let last = title.utf8.last else { return false }
        return last == 0x29 || last.isASCIIWhitespace || last >= 0x80
    }
    nonisolated(unsafe) static let inlineURL = #/https?://[^\s<>()"]+/#

    /// The link texts' plain cores (`String.plainCore`): a title that holds none of them holds
    /// no link text, and searching it for each text by characters costs far more.
    static let linkTextCores = ByteStemTable(MinutesVocabulary.linkTexts.map(String.plainCore))

    func parse(_ lines: [SourceLine], anchor: CaseSegmenter.Anchor, links: [(line: Int, url: String)]) -> CaseRecord {
        let segmenter = CaseSegmenter()
        let titleLine = lines[anchor.titleLine ?? anchor.titleIndex]
        // "• Valg af ordstyrer": an HTML list's entry; the bullet is no part of the title.
        var title = anchor.untitled ? "" : titleLine.text.withoutBullet
        var number = anchor.number
        // The minutes run in after the title ("2. Siden sidst: Kirken er malet."): the item's first text.
        var runIn: String?
        if anchor.titleLine == nil, let numbered = segmenter.numberedTitle(title), anchor.number != nil || anchor.markerIndex == nil {
            number = number ?? numbered.number
            title = numbered.title
            if let split = CaseSegmenter.runInTitle(title) {
                title = String(split.title)
                runIn = String(split.rest)
            }
        }
        // "1. Udvalg:", "Pkt. 3" / "Nyt fra elevrådet:": the colon opens the minutes below, it is not the title's.
        if runIn == nil, CaseSegmenter.isColonTitle(title) { title = String(title.dropLast()) }
        if anchor.paragraph, let paragraph = CaseSegmenter.numberedParagraph(titleLine.text) {
            title = paragraph.text.stripping(";")
            runIn = nil
            if let split = CaseSegmenter.paragraphTitle(title) {
                title = split.title
                runIn = String(split.rest)
            }
        }
        var record = CaseRecord(title: title, access: anchor.access ?? .open)
        for prefix in Self.closedPrefixes where title.hasPrefix(prefix) {
            record.access = .closed
            title = title.dropFirst(prefix.count).stripping(" –-:")
        }
        for prefix in Self.openPrefixes where title.hasPrefix(prefix) {
            // "Åben dagsorden - godkendelse": a title that goes on in lower case is the whole title,
            // and so is one about the agenda itself ("Åben dagsorden - Godkendelse").
            let rest = title.dropFirst(prefix.count).stripping(" –-:")
            if rest.first?.isLowercase == true || rest.hasPrefix("Godkendelse") && !rest.contains(" ") { break }
            title = rest
        }
        if Self.linkTextCores.occurs(in: title) {
            for suffix in MinutesVocabulary.linkTexts {
                // "Godkendelse af dagsordenKlik her for at folde ud og læse mere om Godkendelse af dagsorden"
                if let range = title.firstRange(of: suffix), range.lowerBound > title.startIndex {
                    title = String(title[..<range.lowerBound]).stripping(" .–-")
                }
            }
        }
        if Self.mayEndInItemType(title), let m = title.firstMatch(of: Self.itemType) {
            record.itemType = String(m.1)
            title = String(title[..<m.range.lowerBound])
        }
        // "Godkendelse af dagsorden ( )": the case number's place, left empty by the page.
        if title.hasSuffix(")"), let m = title.firstMatch(of: Self.emptyParentheses) { title = String(title[..<m.range.lowerBound]) }
        record.title = title
        record.number = number
        record.lines = [lines.first!.number, lines.last!.number]

        var sections: [(heading: String, lines: [String])] = []
        var decisions: [DecisionDraft] = []
        var attachmentLines: [String] = []
        var block = Block.preamble
        var routingSeen = false
        var expectsItemType = false
        var headAbsent: [Person] = []
        var lastWasStep = false
        if let runIn {
            sections.append(("", [runIn]))
            block = .section(0)
        }

        // The first line is skipped as the title, or read as identity when it is the marker.
        for (offset, line) in lines.enumerated() where anchor.untitled || offset != anchor.titleLine && (offset != anchor.titleIndex || offset == anchor.markerIndex) {
            if offset < anchor.titleIndex {
                // Identity printed above the title (a KLE or case number) belongs to this item.
                if !readIdentity(line.text, into: &record), let kle = CaseNumbers.kleNumber(in: line.text) { record.kleNumber = record.kleNumber ?? kle }
                continue
            }
            if offset == anchor.markerIndex {
                if let m = CaseNumbers.accessLineMatch(line.text) { record.caseNumber = String(m.number) } else { _ = readIdentity(line.text, into: &record) }
                continue
            }
            let text = line.text
            if text.isEmpty {
                appendBlank(block, &sections, &decisions, &attachmentLines)
                continue
            }
            let stepBefore = lastWasStep
            lastWasStep = false
            // The title printed a second time right below itself.
            if case .preamble = block, sections.isEmpty, !title.isEmpty, segmenter.normalisedTitle(segmenter.numberedTitle(text)?.title ?? text) == segmenter.normalisedTitle(title) {
                continue
            }
            // "Punkttype" / "Beslutning.": the item's type in one word (a FirstAgenda export), not
            // the heading of its decision.
            if text == "Punkttype" || text == "Punkttype:" {
                expectsItemType = true
                continue
            }
            if expectsItemType {
                expectsItemType = false
                if text.isShorter(than: 30), !text.contains(" ") { continue }
            }
            if !isInDecision(block) || CaseSegmenter.isIdentity(text) && text.isShorter(than: 80) {
                if readIdentity(text, into: &record) { continue }
            }
            // "Fraværende: Afbud: Eva Holm" among the item's fields, above its decision (Tårnby):
            // who was away when the meeting decided it. The line stays in the item's text.
            if decisions.isEmpty, PeopleParser.absenceLabel(text)?.rest.isEmpty == false, let list = AbsenceList.read(lines, at: offset) {
                headAbsent += list.absent
            }
            let unbulleted = text.withoutBullet
            let parsed = DecisionHeader.parse(unbulleted)
            if let header = parsed ?? DecisionHeader.insideItem(unbulleted) {
                // A bare "Beslutning" heading over the dated header of the same step ("Beslutning" /
                // "Dagsordenspunkt 1: Godkendelse af dagsorden" / "Økonomiudvalgets beslutning i
                // mødet den 31. marts 2020") is one decision: the heading goes.
                if let last = decisions.last, last.header.body == nil, last.header.date == nil, last.header.inlineText == nil,
                   header.body != nil || header.date != nil, last.lines.filter({ !$0.isBlank }).count <= 1,
                   last.lines.allSatisfy({ $0.isBlank || $0.text.isShorter(than: 100) && !$0.text.hasSuffix(".") }) {
                    decisions.removeLast()
                }
                decisions.append(DecisionDraft(header: header, firstLine: line.number, byReferat: parsed == nil, afterStep: stepBefore,
                                               saysDecision: Self.callsItselfDecision(unbulleted)))
                block = .decision(decisions.count - 1)
                lastWasStep = true
                continue
            }
            // "Økonomiudvalget anbefaler indstillingen." after the recommendation: a committee's
            // step before the council's decision; the next committee's line is a step of its own.
            let recommending = decisions.last?.recommends == true
            if !isInDecision(block) || recommending, let step = DecisionHeader.recommendation(unbulleted) {
                decisions.append(DecisionDraft(header: step, firstLine: line.number, afterStep: stepBefore, recommends: true))
                block = .decision(decisions.count - 1)
                lastWasStep = true
                continue
            }
            if let (key, value) = SectionHeadings.inlineRouting(text) {
                if record.routing.isEmpty || key.hasPrefix("sags") && !routingSeen {
                    record.routing = SectionHeadings.routingSteps(value)
                    routingSeen = key.hasPrefix("sags") || key.hasPrefix("forventet") || key.hasPrefix("behandling")
                }
                continue
            }
            if let key = SectionHeadings.key(text) {
                if SectionHeadings.routing.contains(key) {
                    block = .routing(key)
                } else {
                    sections.append((text.stripping(": "), []))
                    block = .section(sections.count - 1)
                }
                continue
            }
            if isAttachmentHeading(text) {
                block = .attachments
                let rest = text.drop { $0 != ":" }.dropFirst().stripping(" ")
                if !rest.isEmpty { attachmentLines.append(rest) }
                continue
            }
            switch block {
            case .routing(let key):
                if SectionHeadings.looksLikeRouting(text) {
                    if record.routing.isEmpty || !routingSeen {
                        record.routing = SectionHeadings.routingSteps(text)
                        routingSeen = !key.contains("kompetence")
                    }
                    if key != "sagsgang og sagstype" { block = .preamble }
                } else if key == "sagsgang og sagstype" {
                    // "Beslutningssag" / "Orienteringssag": the item type in words.
                    block = .preamble
                } else {
                    sections.append(("", [text]))
                    block = .section(sections.count - 1)
                }
            case .preamble:
                sections.append(("", [text]))
                block = .section(sections.count - 1)
            case .section(let s):
                sections[s].lines.append(text)
            case .decision(let d):
                decisions[d].lines.append(line)
            case .attachments:
                attachmentLines.append(text)
            }
        }

        // SBSYS prints its case numbers in the KLE shape, often under the label "Sagsnr.".
        if record.caseNumber == nil, let kle = record.kleNumber, CaseNumbers.isCaseShapedKLE(kle) { record.caseNumber = kle }
        record.sections = sections.map { Section(heading: $0.heading, text: Self.joinParagraphs($0.lines)) }
            .filter { !$0.text.isEmpty || !$0.heading.isEmpty }
        record.recommendation = record.sections.first { SectionHeadings.recommendation.contains($0.heading.lowercased()) }?.text
        // "Referat" over nothing (a running header at a page's top, or the next item's title
        // run into it) records no decision.
        decisions.removeAll { $0.byReferat && $0.header == DecisionHeader(body: nil, date: nil, inlineText: nil) && $0.lines.allSatisfy(\.isBlank) }
        // Two or more steps in a row named only by body and date, each with nothing under it,
        // list the item's earlier steps ("Økonomiudvalget den 25. oktober 2027, pkt. 3 Byrådet
        // den 31. oktober 2027, pkt. 3 Resumé …", a transcript's history above the case):
        // references, no decisions. Empty headers that call themselves decisions ("Beslutning
        // Byrådet den 26-11-2027" / "Beslutning Økonomiudvalget den …") stay steps.
        let drafted = decisions.map { draft in (draft, buildDecision(draft)) }
        let emptyStep = { (k: Int) in
            !drafted[k].0.saysDecision && (drafted[k].0.header.body != nil || drafted[k].0.header.date != nil) && Self.saysNothing(drafted[k].1)
        }
        var listed = Set<Int>()
        var start = 0
        while start < drafted.count {
            var end = start
            while end + 1 < drafted.count, drafted[end + 1].0.afterStep, emptyStep(end), emptyStep(end + 1) { end += 1 }
            if end > start { listed.formUnion(start...end) }
            start = end + 1
        }
        // A bare "Beslutning" over nothing (an agenda's placeholder for the decision to come)
        // records no decision; any other step named with its body or date does, text or not.
        let built = drafted.indices.filter { !listed.contains($0) }.map { drafted[$0] }
            .filter { draft, decision in draft.header.body != nil || draft.header.date != nil || !Self.saysNothing(decision) }
        // A bare "Beslutning" takes the meeting's body and date. A later "Beslutning …" header in
        // the same item that names that body and date with a text of its own is the meeting's
        // decision; the bare heading's text was something else (the case's story, a note on why
        // the item is closed), as one body decides an item once at a meeting.
        let namedSteps = built.filter { draft, decision in
            (draft.header.body != nil || draft.header.date != nil) && !decision.text.isEmpty
                && lines.first(where: { $0.number == draft.firstLine })?.text.withoutBullet.hasPrefix("Beslutning ") == true
        }
        let kept = built.filter { draft, decision in
            guard draft.header.body == nil, draft.header.date == nil, !draft.byReferat, decision.date != nil else { return true }
            return !namedSteps.contains { later in later.0.firstLine > draft.firstLine && later.1.date == decision.date && Self.sameBody(later.1.body, decision.body) }
        }
        var steps = kept.map(\.1)
        // A bare "Beslutning" over who came and who sent word ("I mødet deltog: …" / "Følgende
        // havde meldt afbud: …"), before the body's dated step in the same item ("Udvalgets
        // beslutning på mødet den 5. april 2031:"), where no meeting gives either a date: the
        // attendance of that step, not a decision of its own.
        if let bare = steps.indices.first, steps[bare].body == nil, steps[bare].date == nil, steps.count >= 2,
           !OutcomeClassifier.stated.contains(steps[bare].outcome), !steps[bare].absent.isEmpty || !steps[bare].notParticipating.isEmpty,
           let step = steps.indices.dropFirst().first(where: { steps[$0].body != nil && steps[$0].date != nil && !steps[$0].text.isEmpty }) {
            for person in steps[bare].absent where !steps[step].absent.contains(where: { $0.name == person.name }) { steps[step].absent.append(person) }
            for person in steps[bare].notParticipating where !steps[step].notParticipating.contains(where: { $0.name == person.name }) {
                steps[step].notParticipating.append(person)
            }
            steps.remove(at: bare)
        }
        record.decisions = Self.withoutRepeatedSteps(steps)
        for k in record.decisions.indices where record.decisions[k].body == meeting?.body && record.decisions[k].date == meeting?.date {
            for person in headAbsent where !record.decisions[k].absent.contains(where: { $0.name == person.name }) {
                record.decisions[k].absent.append(person)
            }
        }
        record.attachments = AttachmentParser.parse(attachmentLines)
        let first = lines.first!.number, last = lines.last!.number
        var seen = Set<String>()
        var caseLinks: [String] = []
        for link in links where link.line >= first && link.line <= last && seen.insert(link.url).inserted { caseLinks.append(link.url) }
        if record.routing.isEmpty, let grid = routingGrids.first(where: { $0.line >= first && $0.line <= last }) {
            record.routing = grid.committees.map { [$0] }
        }
        for line in lines {
            for m in line.text.containsBytes("http") ? line.text.matches(of: Self.inlineURL) : [] {
                let url = String(m.output).stripping(".,;")
                if seen.insert(url).inserted { caseLinks.append(url) }
            }
        }
        record.links = caseLinks
        return record
    }

    /// Whether a step's header names itself a decision ("Beslutning …", "Økonomiudvalgets beslutning den …").
    static func callsItselfDecision(_ header: String) -> Bool {
        let lowered = header.lowercased()
        return MinutesVocabulary.decisionHeaderWords.contains { lowered.contains($0.lowercased()) }
    }

    /// Whether a decision has nothing a reader could learn from: no text, nobody away, no vote.
    static func saysNothing(_ decision: Decision) -> Bool {
        decision.text.isEmpty && decision.absent.isEmpty && decision.notParticipating.isEmpty && decision.votes == nil && decision.remarks.isEmpty
    }

    /// The decisions without a history's last entry that repeats an earlier decision: "Beslutning"
    /// at the top and "05-10-2027 Aarhus Byråd" at the end of "Sagens forløb" are one step, on the
    /// same date by the same body ("Aarhus Byråd", "Byrådet") with the same outcome.
    static func withoutRepeatedSteps(_ decisions: [Decision]) -> [Decision] {
        guard decisions.count > 1 else { return decisions }
        var kept: [Decision] = []
        for decision in decisions {
            guard let k = kept.firstIndex(where: { earlier in
                earlier.date != nil && earlier.date == decision.date && earlier.outcome == decision.outcome
                    && sameBody(earlier.body, decision.body)
            }) else {
                kept.append(decision)
                continue
            }
            // Who was absent or stood aside, as either copy says.
            for person in decision.absent where !kept[k].absent.contains(where: { $0.name == person.name }) { kept[k].absent.append(person) }
            for person in decision.notParticipating where !kept[k].notParticipating.contains(where: { $0.name == person.name }) {
                kept[k].notParticipating.append(person)
            }
        }
        return kept
    }

    /// Whether two names are one body's: equal, or the same last word once its definite ending
    /// goes ("Aarhus Byråd" and "Byrådet").
    static func sameBody(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return false }
        func key(_ name: String) -> String {
            let last = name.lowercased().split(separator: " ").last.map(String.init) ?? ""
            return last.hasSuffix("et") || last.hasSuffix("en") ? String(last.dropLast(2)) : last
        }
        return a == b || key(a) == key(b) && key(a).count >= 4
    }

    /// Plain minutes state the decision in the item's own prose, with no heading: "Godkendt.",
    /// "Orienteringen blev taget til efterretning.", "Der er enighed om, at …". In a document
    /// where no item has a decision header, an item without headings whose short closing
    /// paragraph states an outcome, or whose prose states what the meeting concluded, has that
    /// paragraph as its decision (taken out of the text, so it is not there twice), with the
    /// meeting's body and date.
    func addClosingOutcome(to record: inout CaseRecord) {
        guard record.decisions.isEmpty, record.routing.isEmpty, var decision = Self.closingOutcome(&record.sections, lastLine: record.lines.last) else { return }
        inheritMeeting(&decision)
        record.decisions = [decision]
    }

    static func closingOutcome(_ sections: inout [Section], lastLine: Int?) -> Decision? {
        guard let last = sections.last, sections.allSatisfy({ $0.heading.isEmpty }) else { return nil }
        var paragraphs = last.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let closing = paragraphs.last else { return nil }
        let text: String, outcome: Outcome
        let closingOutcome = closing.isShorter(than: 200) && !closing.hasPrefix("At ") && !closing.hasPrefix("at ")
            && !ProseConclusion.tellsHistory(closing) ? OutcomeClassifier.classify(closing) : .other
        if OutcomeClassifier.stated.contains(closingOutcome) {
            text = paragraphs.removeLast()
            outcome = closingOutcome
        } else if let conclusion = ProseConclusion.last(in: paragraphs) {
            // The meeting's own conclusion in the prose, from its sentence to its paragraph's end.
            let paragraph = paragraphs[conclusion.paragraph]
            text = String(paragraph[conclusion.start...])
            let before = paragraph[..<conclusion.start].stripping(" ")
            if before.isEmpty { paragraphs.remove(at: conclusion.paragraph) } else { paragraphs[conclusion.paragraph] = before }
            outcome = OutcomeClassifier.classify(text)
        } else if let first = paragraphs.firstIndex(where: { !$0.isEmpty }), first < paragraphs.count - 1, case let opening = paragraphs[first],
                  opening.isShorter(than: 120), OutcomeClassifier.opensWithOutcome(opening),
                  case let stated = OutcomeClassifier.classify(opening), OutcomeClassifier.stated.contains(stated) {
            // "Udskydes til et senere møde." / notes: the outcome said first, the discussion after it.
            text = paragraphs.remove(at: first)
            outcome = stated
            while paragraphs.first?.isEmpty == true { paragraphs.removeFirst() }
        } else {
            return nil
        }
        let rest = paragraphs.joined(separator: "\n")
        if rest.isEmpty { sections.removeLast() } else { sections[sections.count - 1].text = rest }
        return Decision(text: text, outcome: outcome, lines: lastLine.map { [$0, $0] } ?? [])
    }

    private func isInDecision(_ block: Block) -> Bool {
        if case .decision = block { return true }
        return false
    }

    private func isAttachmentHeading(_ text: String) -> Bool {
        guard text.utf8.count <= 40, let first = text.first, first == "B" || first == "b" || first == "V" || first == "v" else { return false }
        let lower = text.lowercased()
        return lower == "bilag" || lower == "bilag:" || lower.hasPrefix("bilag:") || lower == "bilagsliste" || lower == "vedlagte bilag" || lower == "bilag til punktet"
    }

    private func appendBlank(_ block: Block, _ sections: inout [(heading: String, lines: [String])], _ decisions: inout [DecisionDraft], _ attachments: inout [String]) {
        switch block {
        case .section(let s): sections[s].lines.append("")
        case .decision(let d): decisions[d].lines.append(SourceLine(number: 0, text: ""))
        case .attachments: attachments.append("")
        default: break
        }
    }

    /// Reads case numbers, KLE numbers and access markers; true when the line was only that.
    private func readIdentity(_ text: String, into record: inout CaseRecord) -> Bool {
        guard text.utf8.count <= 90 else { return false }
        if let access = CaseNumbers.bareAccess(text) {
            record.access = access
            return true
        }
        if let m = CaseNumbers.accessLineMatch(text) {
            record.caseNumber = record.caseNumber ?? String(m.number)
            record.access = m.access.hasPrefix("L") ? .closed : .open
            return true
        }
        if let number = CaseNumbers.bareNumber(text) {
            if record.caseNumber == nil { record.caseNumber = number } else if record.caseNumber != number { record.otherCaseNumbers.append(number) }
            if text.hasPrefix("Lukket") { record.access = .closed }
            return true
        }
        if CaseSegmenter.hasNumberLabel(text), let m = text.wholeMatch(of: CaseSegmenter.numberAfterTitle) {
            record.number = record.number ?? String(m.1)
            return true
        }
        // Short, and neither access marker, access line nor bare number: what else `isIdentity` takes.
        guard CaseSegmenter.isLabelledIdentity(text) || text.hasLowercasedPrefix("dok") || text.hasPrefix("Sag ") || text.hasPrefix("BR ") else { return false }
        var consumed = false
        for m in text.matches(of: CaseNumbers.labelled) {
            let value = String(m.1)
            let label = text[m.range].lowercased()
            consumed = true
            if label.hasPrefix("dok") || record.caseNumber != nil {
                if record.caseNumber != value && !record.otherCaseNumbers.contains(value) { record.otherCaseNumbers.append(value) }
            } else {
                record.caseNumber = value
            }
        }
        if let m = text.firstMatch(of: CaseNumbers.shorthand) {
            consumed = true
            if record.caseNumber == nil { record.caseNumber = String(m.1) } else { record.otherCaseNumbers.append(String(m.1)) }
        }
        if let kle = CaseNumbers.kleNumber(in: text) {
            record.kleNumber = record.kleNumber ?? kle
            consumed = true
        }
        if text.hasLowercasedPrefix("lukket sag") { record.access = .closed; consumed = true }
        // Empty labels ("J.nr.:. Sagsid.: Initialer:") are identity lines too.
        // "Sagen afgøres i:" names who decides, as the routing does; alone, its value lost, it is furniture.
        if !consumed && (text.hasLowercasedPrefix("j.nr") || text.hasLowercasedPrefix("sagsid") || text.hasLowercasedPrefix("sagsnr")
            || text.hasPrefix("Sagen afgøres i:")) { consumed = true }
        return consumed
    }

    private func buildDecision(_ draft: DecisionDraft) -> Decision {
        var paragraphs: [[String]] = [[]]
        var absent: [Person] = []
        var notParticipating: [NonParticipant] = []
        var votes = Votes()
        var remarks: [String] = []
        var nobodyAbsent: String?
        var date = draft.header.date
        let lines = (draft.header.inlineText.map { [SourceLine(number: draft.firstLine, text: $0)] } ?? []) + draft.lines
        var i = 0
        while i < lines.count {
            let text = lines[i].text
            i += 1
            if text.isEmpty {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
                continue
            }
            // "Beslutning fra Integrationsrådet" / "Dato: 10. december 2027" / "Sted: …": the
            // step's own meeting, labelled under its header, before its text.
            if paragraphs.allSatisfy(\.isEmpty), text.isShorter(than: 120), let (field, value) = MeetingHeaderParser.labelled(text) {
                if field == .date, date == nil, let iso = DanishDate.firstISO(in: value) { date = iso; continue }
                if field == .place || field == .time || field == .endTime { continue }
            }
            if PeopleParser.saysNobodyWasAbsent(text) {
                nobodyAbsent = nobodyAbsent ?? text
                continue
            }
            if let list = AbsenceList.read(lines, at: i - 1) {
                absent += list.absent
                notParticipating += list.notParticipating
                i = list.next
                continue
            }
            // One sentence goes to the single-person reader; more to the prose reader.
            if AbsenceProse.sentences(text).count == 1, let np = PeopleParser.nonParticipant(text), !np.name.contains(" og ") {
                notParticipating.append(np)
                continue
            }
            if let prose = AbsenceProse.read(text) {
                absent += prose.absent
                notParticipating += prose.notParticipating
            }
            if VoteReader.read(text, into: &votes) { continue }
            if text.containsBytes("forbehold") || text.containsBytes("til protokol") || text.containsBytes("rotokolbemærkning") {
                remarks.append(text)
            }
            paragraphs[paragraphs.count - 1].append(text)
        }
        absent = Self.unique(absent, by: \.name)
        notParticipating = Self.unique(notParticipating, by: \.name)
        // "1. Fraværende" / "Beslutning" / "Alle mødt.": that nobody was absent is the item's
        // whole decision, kept as its text where nothing else stands under the header.
        if let nobodyAbsent, paragraphs.allSatisfy(\.isEmpty), absent.isEmpty, notParticipating.isEmpty { paragraphs = [[nobodyAbsent]] }
        let text = Self.joinParagraphs(paragraphs.flatMap { $0 + [""] })
        var decision = Decision(
            body: draft.header.body, date: date, text: text, outcome: OutcomeClassifier.classify(text),
            remarks: remarks, absent: absent, notParticipating: notParticipating, votes: votes.isEmpty ? nil : votes,
            lines: [draft.firstLine, lines.last(where: { $0.number > 0 })?.number ?? draft.firstLine]
        )
        inheritMeeting(&decision)
        return decision
    }

    /// A decision of the meeting itself (no other body or date named) takes the meeting's body,
    /// date and absentees.
    private func inheritMeeting(_ decision: inout Decision) {
        if let meeting, decision.date == nil || decision.date == meeting.date, decision.body == nil || decision.body == meeting.body {
            decision.body = decision.body ?? meeting.body
            decision.date = decision.date ?? meeting.date
            for person in meeting.absent where !decision.absent.contains(where: { $0.name == person.name }) {
                decision.absent.append(person)
            }
        } else if let meeting, meeting.date == nil, decision.body == nil, decision.date != nil {
            // "Beslutning den 3. maj 2027" under a header naming only the body: that body's step.
            decision.body = meeting.body
        }
        // "Beslutning" / "By- og Kulturudvalget godkender indstillingen." on a page that names
        // no meeting (one item's page): the body the decision opens with, as its subject.
        if decision.body == nil, let body = Self.subjectBody(decision.text) { decision.body = body }
    }

    /// The body that opens `text` as its subject, a verb in lower case after it: "Byrådet
    /// godkendte …", "Børne- og Ungeudvalget tog orienteringen til efterretning".
    static func subjectBody(_ text: String) -> String? {
        guard text.first?.isUppercase == true, let m = text.prefixMatch(of: MeetingHeaderParser.bodyInLine) else { return nil }
        let rest = text[m.range.upperBound...]
        guard rest.first == " ", rest.dropFirst().first?.isLowercase == true else { return nil }
        return MeetingHeaderParser.cleanBody(String(m.1))
    }

    /// `items` without later ones whose key was seen: a name listed twice is one person.
    static func unique<T>(_ items: [T], by key: (T) -> String) -> [T] {
        var seen = Set<String>()
        return items.filter { seen.insert(key($0)).inserted }
    }

    /// Joins lines: wrapped lines with a space, paragraphs and list items with a newline.
    static func joinParagraphs(_ lines: [String]) -> String {
        var out = ""
        var pendingBreak = false
        for line in lines {
            if line.isEmpty {
                pendingBreak = !out.isEmpty
                continue
            }
            let startsItem = line.hasPrefix("• ") || line.leadingCharacterClass?.isNumber == true && line.dropFirst().prefix(3).contains(".")
            if out.isEmpty {
                out = line
            } else if pendingBreak || startsItem {
                out += "\n" + line
            } else {
                out += " " + line
            }
            pendingBreak = false
        }
        return out
    }
}
