/// One parsed source file: minutes, an agenda item, a letter or a web page.
///
/// This is the JSON contract of `referat parse --format json` (camelCase keys) and the unit the
/// store imports. Optional fields are omitted from JSON when unknown.
public struct Document: Hashable, Sendable, Codable {
    /// The path as given on the command line or found by the folder walk.
    public var path: String
    /// Hex SHA-256 of the raw bytes, so a re-import can skip unchanged files.
    public var sha256: String
    public var kind: DocumentKind
    public var title: String
    public var municipality: String?
    /// The letter's or page's own date (ISO 8601), when it states one.
    public var date: String?
    public var meeting: Meeting?
    /// People who signed a letter.
    public var signatories: [Signatory]
    /// The cleaned full text: noise removed, hyphenation repaired, one line per source line.
    public var text: String
    /// In a document with items, its text before the first item: the meeting header, members
    /// and absentees, the list of items, opening remarks. Search indexes it as the document's
    /// own entry, so that nothing the document says is unsearchable. Nil without items.
    public var preamble: String?
    public var cases: [CaseRecord]
    /// Decisions stated in running prose ("Byrådet har 17. december 2024 godkendt …"), outside any case.
    public var mentionedDecisions: [Decision]
    public var warnings: [ParseWarning]

    public init(
        path: String, sha256: String, kind: DocumentKind, title: String, municipality: String? = nil,
        date: String? = nil, meeting: Meeting? = nil, signatories: [Signatory] = [], text: String,
        cases: [CaseRecord] = [], mentionedDecisions: [Decision] = [], warnings: [ParseWarning] = []
    ) {
        self.path = path
        self.sha256 = sha256
        self.kind = kind
        self.title = title
        self.municipality = municipality
        self.date = date
        self.meeting = meeting
        self.signatories = signatories
        self.text = text
        self.cases = cases
        self.mentionedDecisions = mentionedDecisions
        self.warnings = warnings
    }
}

/// What a document is, decided from its layout rather than its file name.
public enum DocumentKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A meeting's minutes or agenda with several items.
    case minutes
    /// A single item exported on its own (the seeds 002 and 003).
    case agendaItem
    case letter
    case webpage
    case other
}

/// A non-fatal finding while parsing: the record is still produced.
public struct ParseWarning: Hashable, Sendable, Codable {
    /// 1-based line in the source, or nil when the warning concerns the whole file.
    public var line: Int?
    public var message: String

    public init(line: Int?, message: String) {
        self.line = line
        self.message = message
    }
}

/// Someone who signed a letter, as printed under "Med venlig hilsen".
public struct Signatory: Hashable, Sendable, Codable {
    public var name: String
    public var role: String?
    public var organisation: String?

    public init(name: String, role: String? = nil, organisation: String? = nil) {
        self.name = name
        self.role = role
        self.organisation = organisation
    }
}
