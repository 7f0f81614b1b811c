import Foundation
import ReferatIndex
import ReferatSearch
import ReferatStore

/// CSV in UTF-8 with CRLF line ends, for spreadsheets: optionally a byte-order mark (Excel)
/// and Danish column headers; a field that a spreadsheet would read as a formula is quoted.
public struct CSVRenderer: Sendable {
    public var bom: Bool
    public var danishHeaders: Bool

    public init(bom: Bool = false, danishHeaders: Bool = false) {
        self.bom = bom
        self.danishHeaders = danishHeaders
    }

    public func search(_ report: SearchReport) -> String {
        let headers = danishHeaders
            ? ["sagsnummer", "titel", "kommune", "udvalg", "dato", "udfald", "uddrag", "fil", "linje"]
            : ["caseNumber", "title", "municipality", "committee", "date", "outcome", "snippet", "path", "line"]
        let plain = TextRenderer(colour: false)
        var rows = [headers.joined(separator: ",")]
        for h in report.result.page.hits {
            let fields = [h.caseNumber ?? "", h.title, h.municipality ?? "", h.committee ?? "", h.date ?? "", h.outcome ?? "",
                          plain.highlight(h.snippet), h.path, h.line.map(String.init) ?? ""]
            rows.append(fields.map(Self.field).joined(separator: ","))
        }
        return (bom ? "\u{FEFF}" : "") + rows.joined(separator: "\r\n")
    }

    /// One row per count: `table,key,count`, the totals first (table `index`).
    public func stats(_ report: StatsReport) -> String {
        let stats = report.stats
        var rows = ["table,key,count"]
        for (key, value) in [("documents", stats.documents), ("cases", stats.cases), ("decisions", stats.decisions), ("people", stats.people),
                             ("bytesOnDisk", Int(stats.sizeOnDisk)), ("unindexedEntries", stats.unindexedEntries)] {
            rows.append("index,\(key),\(value)")
        }
        for (table, values) in [("documentsByKind", stats.documentsByKind), ("decisionsByOutcome", stats.decisionsByOutcome),
                                ("decisionsByBody", stats.decisionsByBody), ("decisionsByYear", stats.decisionsByYear)] {
            for (key, count) in values.sorted(by: { Danish.less($0.key, $1.key) }) { rows.append("\(table),\(Self.field(key)),\(count)") }
        }
        return (bom ? "\u{FEFF}" : "") + rows.joined(separator: "\r\n")
    }

    /// A field quoted when it must be; a leading = + - @ would be read as a formula by
    /// spreadsheets, so it gets a leading apostrophe.
    public static func field(_ s: String) -> String {
        var value = s
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        if value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r") {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}
