import Foundation
import ReferatIndex
import ReferatRecords
import ReferatSearch
public import ReferatStore

/// Plain text in Danish, for the terminal: matched words in colour on a terminal, `[…]` otherwise.
public struct TextRenderer: Sendable {
    public var colour: Bool

    public init(colour: Bool) { self.colour = colour }

    /// A snippet with its match marks as terminal colour or brackets.
    public func highlight(_ snippet: String) -> String {
        snippet.replacingOccurrences(of: SearchHit.markOpen, with: colour ? "\u{1B}[1;33m" : "[")
            .replacingOccurrences(of: SearchHit.markClose, with: colour ? "\u{1B}[0m" : "]")
    }

    public func search(_ report: SearchReport) -> String {
        var out: [String] = []
        let page = report.result.page
        if let suggestion = report.result.suggestion { out.append("Mente du: \(suggestion)?") }
        if let corrected = report.result.correctedQuery {
            out.append("Ingen resultater for det skrevne. Viser resultater for: \(corrected) (--exact søger kun efter det skrevne)")
        }
        out.append(Danish.results(page.total, atLeast: page.totalIsLowerBound))
        for (i, hit) in page.hits.enumerated() {
            let number = hit.caseNumber.map { "[\($0)] " } ?? ""
            out.append("")
            out.append("\(report.request.offset + i + 1). \(number)\(hit.title)")
            let meta = [hit.municipality, hit.committee, hit.date, hit.outcome.map { "udfald: \(Danish.outcome($0))" }].compactMap { $0 }
            if !meta.isEmpty { out.append("   " + meta.joined(separator: " · ")) }
            out.append("   " + highlight(hit.snippet))
            out.append("   \(hit.path)\(hit.line.map { ":\($0)" } ?? "")")
        }
        if let facets = page.facets {
            for (title, counts, words) in [("Udvalg", facets.committee, false), ("År", facets.year, false), ("Udfald", facets.outcome, true)]
            where !counts.isEmpty {
                out.append("")
                out.append(title + ": " + counts.map { "\(words ? Danish.outcome($0.value) : $0.value) (\($0.count))" }.joined(separator: ", "))
            }
        }
        return out.joined(separator: "\n")
    }

    public func caseReport(_ report: CaseReport) -> String {
        var out: [String] = []
        if let first = report.records.first {
            let c = first.record
            out.append("Sag \(report.caseNumber): \(c.title)\(c.access == .closed ? " (lukket)" : "")")
            if let m = first.municipality { out.append(m) }
            if !c.routing.isEmpty { out.append("Sagsgang: " + c.routing.map { $0.joined(separator: "/") }.joined(separator: " → ")) }
            for s in c.sections where !s.heading.isEmpty { out.append("\n\(s.heading)\n\(s.text)") }
            if !c.attachments.isEmpty {
                out.append("\nBilag")
                for a in c.attachments { out.append("  \(a.number.map { "\($0). " } ?? "")\(a.title)\(a.reference.map { " (\($0))" } ?? "")") }
            }
        }
        if !report.timeline.isEmpty {
            out.append("\nForløb: " + report.timeline.map { step in
                let body = step.body.map(report.abbreviation) ?? "?"
                return "\(body) \(Danish.date(step.date)) \(step.text.split(separator: "\n").first ?? "")"
            }.joined(separator: " → "))
            for step in report.timeline {
                out.append("  \(Danish.date(step.date))  \(step.body ?? "?"): \(step.text)  [\(Danish.outcome(step.outcome))]")
                if !step.absent.isEmpty { out.append("      Fraværende: " + step.absent.map(Self.person).joined(separator: ", ")) }
                for p in step.notParticipating { out.append("      Deltog ikke: \(p.name)\(p.reason.map { " (\($0))" } ?? "")") }
            }
        }
        if !report.mentionedIn.isEmpty {
            out.append("\nNævnt i:")
            for hit in report.mentionedIn { out.append("  \(hit.path)\(hit.line.map { ":\($0)" } ?? "")  \(hit.title)") }
        }
        return out.joined(separator: "\n")
    }

    public func people(_ reports: [PersonReport]) -> String {
        var out: [String] = []
        for r in reports {
            out.append("\(r.name)\(r.party.map { " (\($0))" } ?? "")")
            for (year, counts) in r.perYear.sorted(by: { $0.key < $1.key }) {
                out.append("  \(year): " + counts.sorted { $0.key < $1.key }.map { "\(Danish.role($0.key)) \($0.value)" }.joined(separator: ", "))
            }
            for e in r.events {
                out.append("    \(Danish.date(e.date))  \(Danish.role(e.role))\(e.reason.map { " (\($0))" } ?? "")  \(e.body ?? "")  \(e.caseNumber.map { "[\($0)] " } ?? "")\(e.title)")
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    public func stats(_ report: StatsReport) -> String {
        let stats = report.stats
        var out = [
            "Index: \(report.path) (\(String(format: "%.1f", Double(stats.sizeOnDisk) / 1e6)) MB)",
            "Dokumenter: \(stats.documents)  Sager: \(stats.cases)  Beslutninger: \(stats.decisions)  Personer: \(stats.people)",
            "Seneste import: \(stats.lastImport ?? "-")",
        ]
        if stats.unindexedEntries > 0 {
            out.append("Endnu ikke søgbare: \(stats.unindexedEntries) poster (en afbrudt import; den næste import gør dem søgbare)")
        }
        func table(_ title: String, _ values: [String: Int], byKey: Bool = false, word: (String) -> String = { $0 }) {
            out.append("\n\(title)")
            for (key, count) in StatsReport.sorted(values, byKey: byKey) { out.append("  \(word(key).padding(40)) \(count)") }
        }
        table("Dokumenttyper", stats.documentsByKind, word: Danish.kind)
        table("Beslutninger efter udfald", stats.decisionsByOutcome, word: Danish.outcome)
        table("Beslutninger efter udvalg", stats.decisionsByBody, byKey: true)
        table("Beslutninger efter år", stats.decisionsByYear, byKey: true)
        return out.joined(separator: "\n")
    }

    static func person(_ p: Person) -> String {
        p.party.map { "\(p.name) (\($0))" } ?? p.name
    }
}

extension String {
    /// Pads with spaces to `width` characters (not bytes: æøå count as one).
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
