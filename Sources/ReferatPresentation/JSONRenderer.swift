import Foundation
import ReferatIndex
import ReferatSearch
public import ReferatStore

/// JSON with stable English keys and values (outcomes `approved`, kinds `agendaItem`), sorted
/// keys and unescaped slashes, so output is stable and readable; the shapes are documented in
/// README, and the web API answers with the same.
public struct JSONRenderer: Sendable {
    public init() {}

    /// Any value in the renderer's style.
    public func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The shape of a search: snippets with their matches in `[…]`.
    struct SearchOutput: Encodable {
        var total: Int
        /// Present (true) only when `total` is a lower bound: "at least this many".
        var totalIsLowerBound: Bool?
        var suggestion: String?
        var correctedQuery: String?
        var hits: [SearchHit]
        var facets: Facets?
    }

    public func search(_ report: SearchReport) throws -> String {
        let plain = TextRenderer(colour: false)
        var hits = report.result.page.hits
        for i in hits.indices { hits[i].snippet = plain.highlight(hits[i].snippet) }
        return try encode(SearchOutput(total: report.result.page.total,
                                       totalIsLowerBound: report.result.page.totalIsLowerBound ? true : nil, suggestion: report.result.suggestion,
                                       correctedQuery: report.result.correctedQuery, hits: hits,
                                       facets: report.result.page.facets))
    }

    public func caseReport(_ report: CaseReport) throws -> String { try encode(report) }

    public func people(_ reports: [PersonReport]) throws -> String { try encode(reports) }

    public func stats(_ report: StatsReport) throws -> String { try encode(report.stats) }
}
