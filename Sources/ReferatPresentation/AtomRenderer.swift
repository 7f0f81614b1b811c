public import Foundation
import ReferatIndex
import ReferatSearch

/// An Atom feed of a search's newest matching decisions, so that a journalist can subscribe to
/// a saved search in any feed reader; each entry links to its case page (or its document).
public struct AtomRenderer: Sendable {
    /// The address the server is reached at (`http://host:port`), for absolute links.
    public var base: String

    public init(base: String) { self.base = base }

    /// `report` should be sorted newest first; `documentIDs` maps hit paths to document ids.
    public func search(_ report: SearchReport, documentIDs: [String: Int64], now: Date = Date()) -> String {
        let request = report.request
        let selfLink = base + Routes.feed(request)
        let title = request.isEmpty ? "referat" : "referat: " + (request.query.isEmpty ? request.queryItems.map { "\($0.0):\($0.1)" }.joined(separator: " ") : request.query)
        let stamps = report.result.page.hits.compactMap { Self.timestamp($0.date) }
        let updated = stamps.max() ?? Self.timestamp(now)
        var out = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <title>\(Markup.escape(title))</title>
            <id>\(Markup.escape(selfLink))</id>
            <link rel="self" type="application/atom+xml" href="\(Markup.escape(selfLink))"/>
            <link rel="alternate" type="text/html" href="\(Markup.escape(base + Routes.search(request)))"/>
            <updated>\(updated)</updated>
            <author><name>referat</name></author>
            <generator>referat</generator>

            """
        for hit in report.result.page.hits {
            let link = base + (hit.caseNumber.map(Routes.caseDetail) ?? documentIDs[hit.path].map { Routes.document($0, line: hit.line) } ?? Routes.search(request))
            let id = "\(link)#\(Markup.encode(hit.path)):\(hit.line ?? 0)"
            let meta = [hit.committee, hit.date.map(Danish.date), hit.outcome.map(Danish.outcome)].compactMap { $0 }.joined(separator: " · ")
            let summary = (meta.isEmpty ? "" : meta + ": ") + TextRenderer(colour: false).highlight(hit.snippet)
            out += """
                <entry>
                <title>\(Markup.escape((hit.caseNumber.map { "[\($0)] " } ?? "") + hit.title))</title>
                <id>\(Markup.escape(id))</id>
                <link rel="alternate" type="text/html" href="\(Markup.escape(link))"/>
                <updated>\(Self.timestamp(hit.date) ?? updated)</updated>
                <summary type="text">\(Markup.escape(summary))</summary>
                </entry>

                """
        }
        return out + "</feed>\n"
    }

    /// An ISO date as an Atom timestamp (midnight UTC); nil for an incomplete date.
    static func timestamp(_ iso: String?) -> String? {
        guard let iso, iso.count == 10, iso.dropFirst(4).first == "-" else { return nil }
        return iso + "T00:00:00Z"
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
