public import ReferatRecords

/// What the archive holds, for `referat stats`.
public struct ArchiveStats: Codable, Sendable {
    public var documents: Int
    public var cases: Int
    public var decisions: Int
    public var people: Int
    public var documentsByKind: [String: Int]
    public var decisionsByOutcome: [String: Int]
    public var decisionsByBody: [String: Int]
    public var decisionsByYear: [String: Int]
    public var sizeOnDisk: Int64
    public var lastImport: String?
    /// Entries an import into an empty index wrote to the records and had not indexed when it
    /// was cut short (`ArchiveStore.indexDeferredEntries`): searches find them once the next
    /// import has run.
    public var unindexedEntries = 0
}

/// Everything the archive knows about one person, for `referat person`.
public struct PersonReport: Codable, Sendable {
    public var name: String
    public var party: String?
    public var events: [Event]
    /// Year → role → count.
    public var perYear: [String: [String: Int]]

    public struct Event: Codable, Sendable {
        public var role: String
        public var reason: String?
        public var body: String?
        public var date: String?
        public var caseNumber: String?
        public var title: String
        public var path: String
    }
}

/// A case as stored, with the document it came from.
public struct StoredCase: Codable, Sendable {
    public var path: String
    public var municipality: String?
    public var documentTitle: String
    public var record: CaseRecord
}


