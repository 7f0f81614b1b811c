/// Field filters on search entries; values inside one list are alternatives (OR), different
/// lists combine with AND. Values arrive folded as the index folds them.
public struct EntryFilters: Hashable, Sendable {
    /// Committee names to find in the bodies that decided on an entry (lower-cased
    /// substrings); each inner list is one filter with its synonyms.
    public var committees: [[String]] = []
    /// First and last day of a decision date or the document's date, ISO 8601.
    public var from: String?
    public var to: String?
    /// Case or KLE numbers, whole.
    public var caseNumbers: [String] = []
    /// People absent, not taking part or voting by name (substrings of the name).
    public var persons: [String] = []
    public var parties: [String] = []
    /// `Outcome.rawValue`s.
    public var outcomes: [String] = []
    /// Municipalities (substrings, folded).
    public var municipalities: [String] = []
    /// `DocumentKind.rawValue`s.
    public var kinds: [String] = []

    public init() {}

    public var isEmpty: Bool {
        committees.isEmpty && from == nil && to == nil && caseNumbers.isEmpty && persons.isEmpty && parties.isEmpty
            && outcomes.isEmpty && municipalities.isEmpty && kinds.isEmpty
    }
}
