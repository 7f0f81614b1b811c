import Foundation
import ReferatIndex
import ReferatSearch
import ReferatStore

/// Prints search results as text (highlight in colour on a terminal, `[…]` otherwise), JSON or CSV.
struct HitRenderer {
    let colour: Bool

    func highlight(_ snippet: String, colour: Bool) -> String {
        snippet.replacingOccurrences(of: SearchHit.markOpen, with: colour ? "\u{1B}[1;33m" : "[")
            .replacingOccurrences(of: SearchHit.markClose, with: colour ? "\u{1B}[0m" : "]")
    }

    func text(_ result: SearchService.Result) -> String {
        var out: [String] = []
        let page = result.page
        if let suggestion = result.suggestion { out.append("Mente du: \(suggestion)?") }
        if let corrected = result.correctedQuery { out.append("Ingen resultater for det skrevne. Viser resultater for: \(corrected) (--exact søger kun efter det skrevne)") }
        out.append("\(page.total) \(page.total == 1 ? "resultat" : "resultater")")
        for (i, hit) in page.hits.enumerated() {
            let number = hit.caseNumber.map { "[\($0)] " } ?? ""
            out.append("")
            out.append("\(i + 1). \(number)\(hit.title)")
            let meta = [hit.municipality, hit.committee, hit.date, hit.outcome.map { "udfald: \($0)" }].compactMap { $0 }
            if !meta.isEmpty { out.append("   " + meta.joined(separator: " · ")) }
            out.append("   " + highlight(hit.snippet, colour: colour))
            out.append("   \(hit.path)\(hit.line.map { ":\($0)" } ?? "")")
        }
        if let facets = page.facets {
            for (title, counts) in [("Udvalg", facets.committee), ("År", facets.year), ("Udfald", facets.outcome)] where !counts.isEmpty {
                out.append("")
                out.append(title + ": " + counts.map { "\($0.value) (\($0.count))" }.joined(separator: ", "))
            }
        }
        return out.joined(separator: "\n")
    }

    struct JSONResult: Encodable {
        var total: Int
        var suggestion: String?
        var correctedQuery: String?
        var hits: [SearchHit]
        var facets: Facets?
    }

    func json(_ result: SearchService.Result) throws -> String {
        var hits = result.page.hits
        for i in hits.indices { hits[i].snippet = highlight(hits[i].snippet, colour: false) }
        return try Console.json(JSONResult(total: result.page.total, suggestion: result.suggestion, correctedQuery: result.correctedQuery, hits: hits, facets: result.page.facets))
    }

    func csv(_ page: SearchPage, bom: Bool, danishHeaders: Bool) -> String {
        let headers = danishHeaders
            ? ["sagsnummer", "titel", "kommune", "udvalg", "dato", "udfald", "uddrag", "fil", "linje"]
            : ["caseNumber", "title", "municipality", "committee", "date", "outcome", "snippet", "path", "line"]
        var rows = [headers.joined(separator: ",")]
        for h in page.hits {
            let fields = [h.caseNumber ?? "", h.title, h.municipality ?? "", h.committee ?? "", h.date ?? "", h.outcome ?? "",
                          highlight(h.snippet, colour: false), h.path, h.line.map(String.init) ?? ""]
            rows.append(fields.map(Self.csvField).joined(separator: ","))
        }
        return (bom ? "\u{FEFF}" : "") + rows.joined(separator: "\r\n")
    }

    static func csvField(_ s: String) -> String {
        // A leading = + - @ would be read as a formula by spreadsheets.
        var value = s
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        if value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r") {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}
