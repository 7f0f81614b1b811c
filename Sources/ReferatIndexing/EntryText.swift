public import ReferatRecords

/// What a search entry is and which text it holds: the one definition of an index entry.
///
/// A document gives one entry per agenda item (case) and one for its text before the first
/// item, or one for the whole document when it has no items (letters, web pages). Each entry has three fields, weighted differently by
/// the ranking: its title (with the case numbers), its decision text and its body (sections,
/// attachment titles and the item's routing). The routing is a column of its own, which the
/// index reads into the body field as weak evidence (`AnalysedText.fieldTexts`).
public enum EntryText {
    /// An entry's fields as the index keeps them.
    public enum Field: Int, CaseIterable, Sendable {
        case title, decisions, body
    }

    /// An entry's columns, in this order in `columns(of:)`: a field's column has its raw value.
    public enum Column: Int, CaseIterable, Sendable {
        case title, decisions, body, routing
    }

    /// Each entry's columns (see `Column`), in entry order; nil where an entry has no such text.
    public static func columns(of d: Document) -> [[String?]] {
        guard !d.cases.isEmpty else {
            let decisions = d.mentionedDecisions.isEmpty ? nil : d.mentionedDecisions.map { text(of: $0, in: d) }.joined(separator: "\n")
            return [[d.title, decisions, d.text, nil]]
        }
        var entries: [[String?]] = d.cases.map { c in
            let title = c.title + " " + (c.caseNumber ?? "") + " " + c.otherCaseNumbers.joined(separator: " ") + " " + (c.kleNumber ?? "")
            let decisions = c.decisions.isEmpty ? nil : c.decisions.map { ($0.body ?? "") + ": " + text(of: $0, in: d) }.joined(separator: "\n")
            return [title, decisions, body(of: c), routing(of: c)]
        }
        // The text before the first item (header, members, absentees, the list of items): the
        // document's own entry, after its items. It has no title field, so an item that
        // matches in its title or decision ranks above the header that lists it.
        if let preamble = d.preamble {
            let decisions = d.mentionedDecisions.isEmpty ? nil : d.mentionedDecisions.map { text(of: $0, in: d) }.joined(separator: "\n")
            entries.append([nil, decisions, d.title + "\n" + preamble, nil])
        }
        return entries
    }

    /// An item's body column: its sections and its attachments' titles, or nil when it has
    /// none. The store's `entry_content` view gives the same text.
    public static func body(of c: CaseRecord) -> String? {
        var body = c.sections.isEmpty ? "" : c.sections.map { $0.heading + "\n" + $0.text }.joined(separator: "\n") + "\n"
        body += c.attachments.map(\.title).joined(separator: "\n")
        return body.isEmpty ? nil : body
    }

    /// An item's routing column ("BUU/VPU, ØK, KB", the committees it goes through, which the
    /// parser lifts out of the text), or nil when it has none. Every item of a municipality
    /// names the same few committees in it, so a word found only there is weak evidence that
    /// the item is about that committee (`AnalysedText.fieldTexts`). The store's
    /// `entry_content` view gives the same text.
    ///
    ///     routing(of: CaseRecord(title: "Skolestruktur", routing: [["BUU", "VPU"], ["ØK"], ["KB"]]))
    ///     // "BUU/VPU, ØK, KB"
    public static func routing(of c: CaseRecord) -> String? {
        c.routing.isEmpty ? nil : c.routing.map { $0.joined(separator: "/") }.joined(separator: ", ")
    }

    /// A decision's text as its entry holds it: the text, the people the parser lifted out of
    /// it (absentees, members who took no part, each with the reason given), and the people
    /// its vote lists name (one line a side; party letters alone are counts, which would only
    /// lengthen the field), so that a name printed only in "Afbud: …" or "Imod stemte: …"
    /// under a decision is found like any other word. People the
    /// meeting's header gives (the parser repeats them on every decision) are left out: the
    /// header's entry holds them, and every item of the meeting holding them too would rank
    /// the items above the header that says it. The store's `entry_content` view gives the
    /// same text from the stored records.
    ///
    ///     text(of: Decision(text: "Godkendt.", outcome: .approved, absent: [Person(name: "Bo Ek", party: "V", reason: "ferie")]), in: document)
    ///     // "Godkendt.\nBo Ek (V), ferie", unless the header lists Bo Ek
    public static func text(of decision: Decision, in document: Document) -> String {
        let header = Set((document.meeting?.absent.map(\.name) ?? []) + (document.meeting?.notParticipating.map(\.name) ?? []))
        let people = decision.absent.filter { !header.contains($0.name) }.map { person($0.name, $0.party, $0.reason) }
            + decision.notParticipating.filter { !header.contains($0.name) }.map { person($0.name, $0.party, $0.reason) }
        let votes = decision.votes.map { v in
            [v.for, v.against, v.abstained].map { $0.filter(Votes.mayNameAPerson) }.filter { !$0.isEmpty }.map { $0.joined(separator: ", ") }
        } ?? []
        return ([decision.text] + people + votes).joined(separator: "\n")
    }

    private static func person(_ name: String, _ party: String?, _ reason: String?) -> String {
        var line = name
        if let party, !party.isEmpty { line += " (" + party + ")" }
        if let reason, !reason.isEmpty { line += ", " + reason }
        return line
    }
}
