/// The parsed form of a user's query, before any Danish analysis.
public indirect enum QueryNode: Hashable, Sendable {
    case word(String)
    case prefix(String)
    case phrase(String)
    case and([QueryNode])
    case or([QueryNode])
    case not(QueryNode)
}

/// A field filter as typed: `udvalg:KB`, `dato:2022-05..2023-02`.
public struct FieldFilter: Hashable, Sendable {
    public var field: Field
    public var value: String
    /// Character offset of the filter in the query, for error messages.
    public var position: Int

    public init(field: Field, value: String, position: Int = 0) {
        self.field = field
        self.value = value
        self.position = position
    }

    /// Filterable fields, with their Danish and English names.
    public enum Field: String, CaseIterable, Hashable, Sendable {
        case committee, date, caseNumber, person, party, outcome, municipality, type

        static let names: [String: Field] = [
            "udvalg": .committee, "committee": .committee, "dato": .date, "date": .date, "sag": .caseNumber, "case": .caseNumber,
            "sagsnr": .caseNumber, "person": .person, "parti": .party, "party": .party, "beslutning": .outcome, "outcome": .outcome,
            "kommune": .municipality, "municipality": .municipality, "type": .type,
        ]

        public init?(name: String) {
            guard let field = Field.names[name.lowercased()] else { return nil }
            self = field
        }
    }
}

/// A query with a syntax error: the message and the character position it points at.
public struct QuerySyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var query: String
    public var position: Int
    public var message: String

    public init(query: String, position: Int, message: String) {
        self.query = query
        self.position = position
        self.message = message
    }

    /// The query with a caret under the position, like a compiler's message.
    public var description: String {
        "query error at character \(position + 1): \(message)\n  \(query)\n  \(String(repeating: " ", count: position))^"
    }
}
