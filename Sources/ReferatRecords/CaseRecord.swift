/// One item ("punkt", "sag") of an agenda or minutes, with every decision taken on it.
public struct CaseRecord: Hashable, Sendable, Codable {
    /// The item number on the agenda ("4" for "4. Godkendelse af regnskab"), if printed.
    public var number: String?
    /// The case number that identifies the case across meetings: "23/222", "330-2018-3619".
    public var caseNumber: String?
    /// Further case numbers printed on the item (document numbers, old references).
    public var otherCaseNumbers: [String]
    /// KLE journal number ("00.01.00-G01-93-16").
    public var kleNumber: String?
    public var title: String
    public var access: Access
    /// Item type suffix: "B" decision, "O" orientation, "D" discussion.
    public var itemType: String?
    /// Committee steps in order; committees in one step share the step ("BUU/VPU").
    public var routing: [[String]]
    public var sections: [Section]
    /// The "Indstilling" text: what the administration recommends.
    public var recommendation: String?
    public var decisions: [Decision]
    public var attachments: [Attachment]
    /// URLs printed in the item, once each.
    public var links: [String]
    /// First and last source line of the item, 1-based.
    public var lines: [Int]

    public init(
        number: String? = nil, caseNumber: String? = nil, otherCaseNumbers: [String] = [], kleNumber: String? = nil,
        title: String, access: Access = .open, itemType: String? = nil, routing: [[String]] = [],
        sections: [Section] = [], recommendation: String? = nil, decisions: [Decision] = [],
        attachments: [Attachment] = [], links: [String] = [], lines: [Int] = []
    ) {
        self.number = number
        self.caseNumber = caseNumber
        self.otherCaseNumbers = otherCaseNumbers
        self.kleNumber = kleNumber
        self.title = title
        self.access = access
        self.itemType = itemType
        self.routing = routing
        self.sections = sections
        self.recommendation = recommendation
        self.decisions = decisions
        self.attachments = attachments
        self.links = links
        self.lines = lines
    }
}

/// Whether an item was treated in public.
public enum Access: String, Hashable, Sendable, Codable {
    case open
    case closed
}

/// A body section with its heading ("Sagsfremstilling", "Økonomiske konsekvenser", …).
public struct Section: Hashable, Sendable, Codable {
    public var heading: String
    public var text: String

    public init(heading: String, text: String) {
        self.heading = heading
        self.text = text
    }
}

/// An attachment ("Bilag") listed on an item.
public struct Attachment: Hashable, Sendable, Codable {
    public var number: Int?
    /// The document id in the municipality's system ("3409105").
    public var documentId: String?
    public var access: Access?
    public var title: String
    /// The journal reference in parentheses ("3802/23").
    public var reference: String?

    public init(number: Int? = nil, documentId: String? = nil, access: Access? = nil, title: String, reference: String? = nil) {
        self.number = number
        self.documentId = documentId
        self.access = access
        self.title = title
        self.reference = reference
    }
}
