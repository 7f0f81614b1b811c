import ReferatRecords

/// The readable summary `referat parse --format text` prints: one block per case.
struct DocumentSummary {
    let document: Document

    init(_ document: Document) { self.document = document }

    func render() -> String {
        var out = ["\(document.path)  [\(document.kind.rawValue)]", "  \(document.title)"]
        if let m = document.municipality { out.append("  Kommune: \(m)") }
        if let meeting = document.meeting {
            let parts = [meeting.body, meeting.date, meeting.time, meeting.place].compactMap { $0 }
            out.append("  Møde: \(parts.joined(separator: ", "))")
            if !meeting.absent.isEmpty { out.append("  Fraværende: \(meeting.absent.map(Self.person).joined(separator: ", "))") }
        }
        for s in document.signatories {
            out.append("  Underskrevet: \([s.name, s.role, s.organisation].compactMap { $0 }.joined(separator: ", "))")
        }
        for d in document.mentionedDecisions {
            out.append("  Nævnt beslutning: \(d.body ?? "?") \(d.date ?? "") \(d.outcome.rawValue): \(d.text)")
        }
        for c in document.cases {
            let head = [c.number.map { "\($0)." }, c.caseNumber, c.title, c.access == .closed ? "(lukket)" : nil].compactMap { $0 }
            out.append("")
            out.append("  " + head.joined(separator: " "))
            if !c.routing.isEmpty { out.append("    Sagsgang: " + c.routing.map { $0.joined(separator: "/") }.joined(separator: " → ")) }
            for d in c.decisions {
                out.append("    \(d.date ?? "udateret")  \(d.body ?? "?"): \(d.text.split(separator: "\n").first ?? "")  [\(d.outcome.rawValue)]")
                if !d.absent.isEmpty { out.append("      Fraværende: " + d.absent.map(Self.person).joined(separator: ", ")) }
                for p in d.notParticipating { out.append("      Deltog ikke: \(p.name)\(p.reason.map { " (\($0))" } ?? "")") }
                if let v = d.votes {
                    out.append("      Stemmer: for \(v.for.joined(separator: ", ")); imod \(v.against.joined(separator: ", ")); undlod \(v.abstained.joined(separator: ", "))")
                }
            }
            if !c.attachments.isEmpty { out.append("    Bilag: \(c.attachments.count)") }
        }
        return out.joined(separator: "\n")
    }

    static func person(_ p: Person) -> String {
        p.party.map { "\(p.name) (\($0))" } ?? p.name
    }
}
