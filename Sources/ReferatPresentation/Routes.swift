/// The web page's addresses, in one place: the HTML and Atom renderers write them, the
/// server routes them.
public enum Routes {
    public static let search = "/"
    public static let feed = "/feed"
    public static let caseDetail = "/sag"
    public static let person = "/person"
    public static let document = "/dokument"
    public static let archive = "/arkiv"
    public static let help = "/hjaelp"
    public static let apiSearch = "/api/search"
    public static let apiSearchCSV = "/api/search.csv"
    public static let apiCase = "/api/case"
    public static let apiPerson = "/api/person"
    public static let apiStats = "/api/stats"

    public static func search(_ request: SearchRequest) -> String { Markup.link(search, request.queryItems) }
    public static func feed(_ request: SearchRequest) -> String { Markup.link(feed, request.feedItems) }
    public static func caseDetail(_ number: String) -> String { Markup.link(caseDetail, [("nr", number)]) }
    public static func person(_ name: String) -> String { Markup.link(person, [("navn", name)]) }
    public static func document(_ id: Int64, line: Int? = nil) -> String { "\(document)/\(id)" + (line.map { "#linje-\($0)" } ?? "") }
    public static func original(_ id: Int64) -> String { "\(document)/\(id)/original" }
}

extension SearchRequest {
    /// A feed's parameters: the search's, without paging and order (a feed is newest first).
    var feedItems: [(String, String)] {
        var request = self
        request.offset = 0
        request.limit = Self.pageSize
        request.sortByDate = false
        return request.queryItems
    }

    /// The same search with one filter value more (a facet clicked), from the first page.
    public func adding(_ name: WritableKeyPath<SearchRequest, [String]>, _ value: String) -> SearchRequest {
        var request = self
        if !request[keyPath: name].contains(value) { request[keyPath: name].append(value) }
        request.offset = 0
        return request
    }

    /// The same search without one filter value, from the first page.
    public func removing(_ name: WritableKeyPath<SearchRequest, [String]>, _ value: String) -> SearchRequest {
        var request = self
        request[keyPath: name].removeAll { $0 == value }
        request.offset = 0
        return request
    }
}
