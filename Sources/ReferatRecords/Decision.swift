/// One committee step's decision on an item: "Beslutning i Børne- og ungdomsudvalget den 19-01-2023".
///
/// A committee's recommendation ("Anbefales") is a step of its own, not the final decision:
/// every step is kept with its body and date, so a case can be followed to the council.
public struct Decision: Hashable, Sendable, Codable {
    /// The deciding body as printed ("Børne- og ungdomsudvalget").
    public var body: String?
    /// ISO 8601 day.
    public var date: String?
    /// The decision text, without the absentee and vote lines.
    public var text: String
    public var outcome: Outcome
    /// Reservations and protocol remarks ("tog forbehold", "ønskede sin stemme ført til protokol").
    public var remarks: [String]
    public var absent: [Person]
    public var notParticipating: [NonParticipant]
    public var votes: Votes?
    /// First and last source line of the decision block, 1-based.
    public var lines: [Int]

    public init(
        body: String? = nil, date: String? = nil, text: String, outcome: Outcome, remarks: [String] = [],
        absent: [Person] = [], notParticipating: [NonParticipant] = [], votes: Votes? = nil, lines: [Int] = []
    ) {
        self.body = body
        self.date = date
        self.text = text
        self.outcome = outcome
        self.remarks = remarks
        self.absent = absent
        self.notParticipating = notParticipating
        self.votes = votes
        self.lines = lines
    }
}

/// Someone who did not take part in an item, e.g. because of a conflict of interest.
public struct NonParticipant: Hashable, Sendable, Codable {
    public var name: String
    public var party: String?
    public var reason: String?

    public init(name: String, party: String? = nil, reason: String? = nil) {
        self.name = name
        self.party = party
        self.reason = reason
    }
}

/// How a vote went, as the lists are printed: party letters or names.
public struct Votes: Hashable, Sendable, Codable {
    public var `for`: [String]
    public var against: [String]
    public var abstained: [String]
    /// Counts when printed ("For: 20"), in the order for, against, abstained.
    public var forCount: Int?
    public var againstCount: Int?
    public var abstainedCount: Int?

    public init(
        for: [String] = [], against: [String] = [], abstained: [String] = [],
        forCount: Int? = nil, againstCount: Int? = nil, abstainedCount: Int? = nil
    ) {
        self.for = `for`
        self.against = against
        self.abstained = abstained
        self.forCount = forCount
        self.againstCount = againstCount
        self.abstainedCount = abstainedCount
    }

    public var isEmpty: Bool {
        self.for.isEmpty && against.isEmpty && abstained.isEmpty
            && forCount == nil && againstCount == nil && abstainedCount == nil
    }

    /// Whether a vote list's entry may name a person ("Ane Bak (A)"): a party letter or name
    /// alone ("A", "Venstre") has no space.
    public static func mayNameAPerson(_ entry: String) -> Bool {
        entry.contains(" ")
    }
}
