import ReferatRecords

/// Why each line of a file was read as it was: the rule or signal that took it.
///
/// `referat parse --explain FILE` prints this, so that a user whose municipality's layout
/// fails can see which line was not recognised, and report it.
public struct ExplainedLine: Hashable, Sendable, Codable {
    /// 1-based line number in the source file.
    public var line: Int
    public var text: String
    /// What the parser made of the line: "item start (…)", "decision header", "dropped (…)", ….
    public var rule: String
}

extension DocumentParser {
    /// Explains how the file at `path` is read, line by line.
    public func explain(fileAt path: String) throws(ParseError) -> [ExplainedLine] {
        let format = Format(path: path) ?? .text
        let bytes = try FileReader.read(path, limit: maximumBytes)
        var text: String
        if format == .pdf {
            text = try PDFText.extract(path: path)
        } else {
            text = try SourceDecoder().decode(bytes, path: path).text
            if format == .html { text = HTMLText.extract(text).text }
        }
        let source = TextCleaner.splitLines(text)
        let cleaned = TextCleaner().clean(text)
        let lines = format == .html || cleaned.looksLikeWebpage ? DocumentAssembler.removePageFurniture(cleaned.lines) : cleaned.lines
        let segmenter = CaseSegmenter()
        let anchors = segmenter.anchors(in: lines)
        // A rule per cleaned line; a source line split into several (a heading run into its
        // text) gets the rules of all its pieces.
        var pieceRules = [String?](repeating: nil, count: lines.count)
        let firstItem = anchors.first?.titleIndex ?? lines.count
        for anchor in anchors {
            pieceRules[anchor.titleIndex] = "item start (\(anchor.signal))"
            if let marker = anchor.markerIndex { pieceRules[marker] = "item identity" }
            if let title = anchor.titleLine { pieceRules[title] = "item title" }
        }
        for (index, line) in lines.enumerated() where !line.isBlank && pieceRules[index] == nil {
            let text = line.text
            if index < firstItem, MeetingHeaderParser.labelled(text) != nil || MeetingHeaderParser.bodyAndDate(text) != nil
                || MeetingHeaderParser.isBodyName(text) || text.isShorter(than: 120) && MeetingHeaderParser.standaloneDate(text) != nil
                || text.firstMatch(of: MeetingHeaderParser.genitiveMeeting) != nil || MeetingHeaderParser.prose(text) {
                pieceRules[index] = "meeting header"
            } else if CaseSegmenter.isIdentity(text) {
                pieceRules[index] = "item identity"
            } else if DecisionHeader.mayBeHeader(text), let header = DecisionHeader.parse(text) {
                pieceRules[index] = "decision header (body: \(header.body ?? "from the meeting"), date: \(header.date ?? "from the meeting"))"
            } else if SectionHeadings.key(text) != nil || SectionHeadings.inlineRouting(text) != nil {
                pieceRules[index] = "section heading"
            } else if PeopleParser.absenceLabel(text) != nil || AbsenceProse.read(text) != nil || AbsenceProse.member(text) != nil {
                pieceRules[index] = "absentees or non-participants"
            } else if segmenter.numberedTitle(text) != nil {
                pieceRules[index] = "numbered line, not an item (no identity, heading or decision follows, or the numbering restarts)"
            }
        }
        var rules: [Int: [String]] = [:]
        for (index, line) in lines.enumerated() where !line.isBlank {
            let rule = pieceRules[index] ?? "text"
            if rules[line.number]?.last != rule { rules[line.number, default: []].append(rule) }
        }
        var out: [ExplainedLine] = []
        for line in source {
            let trimmed = line.text.stripping(" \t")
            if trimmed.isEmpty { continue }
            let rule: String
            if let found = rules[line.number] {
                rule = found.count > 1 ? "split: " + found.joined(separator: " + ") : found[0]
            } else {
                rule = "dropped (page furniture, page number, running header or link)"
            }
            out.append(ExplainedLine(line: line.number, text: trimmed, rule: rule))
        }
        return out
    }
}
