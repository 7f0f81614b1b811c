/// The meeting header: which body met, when and where, and who was there.
///
/// Meeting-level absence applies to every item of the meeting; the parser copies it onto
/// undated decisions that belong to this meeting.
public struct Meeting: Hashable, Sendable, Codable {
    public var body: String?
    /// ISO 8601 day.
    public var date: String?
    /// Start time as printed, normalised to `HH:MM`.
    public var time: String?
    public var endTime: String?
    public var place: String?
    public var members: [Person]
    public var absent: [Person]
    /// People the header says did not take part in some items ("X deltog ikke i behandlingen
    /// af punkt 12"), where the items themselves are not in the text.
    public var notParticipating: [NonParticipant]

    public init(
        body: String? = nil, date: String? = nil, time: String? = nil, endTime: String? = nil,
        place: String? = nil, members: [Person] = [], absent: [Person] = [], notParticipating: [NonParticipant] = []
    ) {
        self.body = body
        self.date = date
        self.time = time
        self.endTime = endTime
        self.place = place
        self.members = members
        self.absent = absent
        self.notParticipating = notParticipating
    }

    /// Reads records written before `notParticipating` existed.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        body = try c.decodeIfPresent(String.self, forKey: .body)
        date = try c.decodeIfPresent(String.self, forKey: .date)
        time = try c.decodeIfPresent(String.self, forKey: .time)
        endTime = try c.decodeIfPresent(String.self, forKey: .endTime)
        place = try c.decodeIfPresent(String.self, forKey: .place)
        members = try c.decodeIfPresent([Person].self, forKey: .members) ?? []
        absent = try c.decodeIfPresent([Person].self, forKey: .absent) ?? []
        notParticipating = try c.decodeIfPresent([NonParticipant].self, forKey: .notParticipating) ?? []
    }
}

/// A council member as minutes print them: "Bente Holm (A)", "Bo Berg (Løsgænger)".
public struct Person: Hashable, Sendable, Codable {
    public var name: String
    /// Party letter or group as printed ("A", "KF", "Løsgænger"); nil when none is given.
    public var party: String?
    /// Why, when the line says ("sygdom", "inhabil", "til kl. 18.40").
    public var reason: String?

    public init(name: String, party: String? = nil, reason: String? = nil) {
        self.name = name
        self.party = party
        self.reason = reason
    }
}
