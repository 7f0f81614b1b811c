/// What a document can be filtered, faceted and sorted on, kept beside its postings in its
/// segment (a column per kind, read without touching the records).
///
///     var values = DocumentValues()
///     values.add(.committee, "økonomiudvalget")
///     values.add(.sortDate, "2024-03-05")
///
/// The values are written as the filters compare them (lower-cased where a filter matches
/// substrings), so a search compares strings and never folds.
public struct DocumentValues: Hashable, Sendable {
    public enum Kind: UInt8, Sendable, CaseIterable {
        /// A body that decided on the entry or the meeting's body, lower-cased (filter).
        case committee = 1
        /// A decision date or the document's date, ISO 8601 (filter).
        case date = 2
        /// A decision's outcome, `Outcome.rawValue` (filter).
        case outcome = 3
        /// Someone absent, not taking part or voting by name, lower-cased (filter).
        case person = 4
        /// A party letter or name as printed (filter).
        case party = 5
        /// A case, KLE or other case number, whole (filter).
        case caseNumber = 6
        /// The document's municipality, lower-cased (filter).
        case municipality = 7
        /// The document's kind, `DocumentKind.rawValue` (filter).
        case documentKind = 8
        /// The entry's date: its latest decision's, else the meeting's or document's (sort, year facet).
        case sortDate = 9
        /// The outcome of the entry's latest decision (facet).
        case latestOutcome = 10
        /// A body that decided on the entry's case, as printed (committee facet).
        case decidingBody = 11
    }

    public struct Value: Hashable, Sendable {
        public var kind: Kind
        public var text: String
    }

    public private(set) var values: [Value] = []

    public init() {}

    public mutating func add(_ kind: Kind, _ text: String?) {
        guard let text, !text.isEmpty else { return }
        let value = Value(kind: kind, text: text)
        if !values.contains(value) { values.append(value) }
    }

    /// The values of one kind, in the order added.
    public func all(_ kind: Kind) -> [String] { values.filter { $0.kind == kind }.map(\.text) }

    /// The first value of a kind.
    public func first(_ kind: Kind) -> String? { values.first { $0.kind == kind }?.text }
}
