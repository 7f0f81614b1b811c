/// A decision's outcome normalised across the many ways minutes say it.
///
/// The raw text stays in `Decision.text`; this is for filtering and counting.
public enum Outcome: String, Hashable, Sendable, Codable, CaseIterable {
    case approved, recommended, noted, discussed, postponed, referred, rejected, withdrawn, none, other

    /// The Danish word a user types in a filter (`beslutning:godkendt`).
    public var danishName: String {
        switch self {
        case .approved: "godkendt"
        case .recommended: "anbefalet"
        case .noted: "taget til efterretning"
        case .discussed: "drøftet"
        case .postponed: "udsat"
        case .referred: "oversendt"
        case .rejected: "afvist"
        case .withdrawn: "udgået"
        case .none: "ingen"
        case .other: "andet"
        }
    }

    /// Reads an outcome name in English or Danish, as typed in a filter.
    public init?(userInput: String) {
        let key = userInput.lowercased()
        if let exact = Outcome(rawValue: key) {
            self = exact
            return
        }
        let danish: [String: Outcome] = [
            "godkendt": .approved, "godkendelse": .approved, "vedtaget": .approved, "tiltrådt": .approved,
            "anbefalet": .recommended, "anbefales": .recommended, "indstillet": .recommended,
            "efterretning": .noted, "taget til efterretning": .noted, "orientering": .noted, "noteret": .noted,
            "drøftet": .discussed, "drøftelse": .discussed,
            "udsat": .postponed, "oversendt": .referred, "sendt": .referred,
            "afvist": .rejected, "forkastet": .rejected, "faldt": .rejected,
            "udgået": .withdrawn, "udgår": .withdrawn, "trukket": .withdrawn,
            "ingen": .none, "andet": .other,
        ]
        guard let found = danish[key] else { return nil }
        self = found
    }
}
