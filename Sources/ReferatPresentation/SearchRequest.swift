import Foundation
public import ReferatSearch

/// A whole search as a reader asks for it: the query text, the filters given beside it, the
/// page and the order. The CLI fills it from its options, the web page from its URL; both
/// run it the same way (`options`), and the web page writes it back into links (`queryItems`),
/// so a search URL can be shared, bookmarked and subscribed to.
public struct SearchRequest: Hashable, Sendable {
    public var query = ""
    public var committee: [String] = []
    public var from: String?
    public var to: String?
    /// A date filter as the query language writes it (`2023`, `2022-05..2023-02`): a year facet.
    public var date: [String] = []
    public var caseNumber: [String] = []
    public var person: [String] = []
    public var party: [String] = []
    public var outcome: [String] = []
    public var municipality: [String] = []
    public var type: [String] = []
    public var limit = 10
    public var offset = 0
    public var sortByDate = false
    public var facets = false
    /// Only what was typed: a query that finds nothing is not replaced by its correction.
    public var exact = false

    public init() {}

    /// The filters given beside the query, as the search layer takes them.
    public var filters: [FieldFilter] {
        var filters = committee.map { FieldFilter(field: .committee, value: $0) }
            + caseNumber.map { FieldFilter(field: .caseNumber, value: $0) } + person.map { FieldFilter(field: .person, value: $0) }
            + party.map { FieldFilter(field: .party, value: $0) } + outcome.map { FieldFilter(field: .outcome, value: $0) }
            + municipality.map { FieldFilter(field: .municipality, value: $0) } + type.map { FieldFilter(field: .type, value: $0) }
        if from != nil || to != nil { filters.append(FieldFilter(field: .date, value: "\(from ?? "")..\(to ?? "")")) }
        filters += date.map { FieldFilter(field: .date, value: $0) }
        return filters
    }

    public var options: SearchService.Options {
        var options = SearchService.Options()
        options.limit = limit
        options.offset = offset
        options.sortByDate = sortByDate
        options.facets = facets
        options.exact = exact
        options.filters = filters
        return options
    }

    /// Runs the search.
    public func run(_ service: SearchService) throws -> SearchReport {
        SearchReport(request: self, result: try service.search(query, options: options))
    }
}

extension SearchRequest {
    /// The URL parameters of this search, in Danish as the page's form names them. Paging and
    /// order appear only when they differ from the first page by relevance.
    public var queryItems: [(String, String)] {
        var items: [(String, String)] = []
        if !query.isEmpty { items.append(("q", query)) }
        for (name, values) in [("udvalg", committee), ("dato", date), ("sag", caseNumber), ("person", person), ("parti", party),
                               ("beslutning", outcome), ("kommune", municipality), ("type", type)] {
            for value in values { items.append((name, value)) }
        }
        if let from { items.append(("fra", from)) }
        if let to { items.append(("til", to)) }
        if sortByDate { items.append(("sortering", "dato")) }
        if exact { items.append(("praecis", "1")) }
        if limit != Self.pageSize { items.append(("antal", String(limit))) }
        if offset > 0 { items.append(("fra-nr", String(offset))) }
        return items
    }

    /// The default number of hits on a page.
    public static let pageSize = 10

    /// What a URL may ask for; more is a 400 page, not a slow answer.
    public struct Limits: Sendable {
        public var queryLength = 500
        public var pageSize = 100
        public var offset = 10_000
        public var valuesPerFilter = 20
        public init() {}
    }

    /// A URL parameter that breaks a limit or makes no sense, with a Danish message.
    public struct InvalidParameter: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Reads a search from URL parameters (as `queryItems` writes them), within `limits`.
    public init(queryItems items: [(String, String)], limits: Limits = Limits()) throws(InvalidParameter) {
        self.init()
        limit = Self.pageSize
        func all(_ name: String) throws(InvalidParameter) -> [String] {
            let values = items.filter { $0.0 == name }.map { $0.1.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard values.count <= limits.valuesPerFilter else {
                throw InvalidParameter(message: "For mange værdier for '\(name)' (højst \(limits.valuesPerFilter)).")
            }
            for value in values where value.count > limits.queryLength {
                throw InvalidParameter(message: "Værdien af '\(name)' er for lang (højst \(limits.queryLength) tegn).")
            }
            return values
        }
        func one(_ name: String) throws(InvalidParameter) -> String? { try all(name).last }
        func number(_ name: String, max: Int) throws(InvalidParameter) -> Int? {
            guard let text = try one(name) else { return nil }
            guard let value = Int(text), value >= 0 else { throw InvalidParameter(message: "'\(name)' skal være et tal, ikke '\(text)'.") }
            guard value <= max else { throw InvalidParameter(message: "'\(name)' må højst være \(max).") }
            return value
        }
        query = try one("q") ?? ""
        exact = try one("praecis") == "1"
        committee = try all("udvalg")
        date = try all("dato")
        caseNumber = try all("sag")
        person = try all("person")
        party = try all("parti")
        outcome = try all("beslutning")
        municipality = try all("kommune")
        type = try all("type")
        from = try one("fra")
        to = try one("til")
        switch try one("sortering") {
        case nil, "relevans", "relevance": sortByDate = false
        case "dato", "date": sortByDate = true
        case let other?: throw InvalidParameter(message: "Ukendt sortering '\(other)'; brug 'relevans' eller 'dato'.")
        }
        if let size = try number("antal", max: limits.pageSize) {
            guard size > 0 else { throw InvalidParameter(message: "'antal' skal være mindst 1.") }
            limit = size
        }
        offset = try number("fra-nr", max: limits.offset) ?? 0
    }

    /// True when there is nothing to search for: the page shows only the form.
    public var isEmpty: Bool { query.trimmingCharacters(in: .whitespaces).isEmpty && filters.isEmpty }
}

/// A search and what it found.
public struct SearchReport: Sendable {
    public var request: SearchRequest
    public var result: SearchService.Result

    public init(request: SearchRequest, result: SearchService.Result) {
        self.request = request
        self.result = result
    }
}
