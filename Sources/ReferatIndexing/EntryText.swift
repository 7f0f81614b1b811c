public import ReferatRecords

/// What a search entry is and which text it holds: the one definition of an index entry.
///
/// A document gives one entry per agenda item (case) and one for its text before the first
/// item, or one for the whole document when it has no items (letters, web pages). Each entry has three fields, weighted differently by
/// the ranking: its title (with the case numbers), its decision text and its body (sections
/// and attachment titles).
public enum EntryText {
    /// An entry's fields, in this order in `columns(of:)`.
    public enum Field: Int, CaseIterable, Sendable {
        case title, decisions, body
    }

    /// Each entry's fields (see `Field`), in entry order; nil where an entry has no such text.
    public static func columns(of d: Document) -> [[String?]] {
        guard !d.cases.isEmpty else {
            let decisions = d.mentionedDecisions.isEmpty ? nil : d.mentionedDecisions.map(\.text).joined(separator: "\n")
            return [[d.title, decisions, d.text]]
        }
        var entries: [[String?]] = d.cases.map { c in
            let title = c.title + " " + (c.caseNumber ?? "") + " " + c.otherCaseNumbers.joined(separator: " ") + " " + (c.kleNumber ?? "")
            let decisions = c.decisions.isEmpty ? nil : c.decisions.map { ($0.body ?? "") + ": " + $0.text }.joined(separator: "\n")
            // A case without sections has no body text, not even its attachment titles.
            let body = c.sections.isEmpty ? nil
                : c.sections.map { $0.heading + "\n" + $0.text }.joined(separator: "\n") + "\n" + c.attachments.map(\.title).joined(separator: "\n")
            return [title, decisions, body]
        }
        // The text before the first item (header, members, absentees, the list of items): the
        // document's own entry, after its items. It has no title field, so an item that
        // matches in its title or decision ranks above the header that lists it.
        if let preamble = d.preamble {
            let decisions = d.mentionedDecisions.isEmpty ? nil : d.mentionedDecisions.map(\.text).joined(separator: "\n")
            entries.append([nil, decisions, d.title + "\n" + preamble])
        }
        return entries
    }
}
