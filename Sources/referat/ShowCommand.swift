import ArgumentParser
import Foundation
import ReferatRecords
import ReferatIndex
import ReferatSearch
import ReferatStore

/// `referat show CASE`: the whole record and its timeline across committees.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a case: sections, recommendation, attachments, and the timeline of decisions.",
        aliases: ["case"]
    )

    @Argument(help: "Case number (23/222) or KLE number.")
    var caseNumber: String

    @OptionGroup var indexOption: IndexOption

    @Option(name: .shortAndLong, help: "text or json.")
    var format: OutputFormat = .text

    struct Output: Encodable {
        var caseNumber: String
        var records: [StoredCase]
        var timeline: [Step]
        var mentionedIn: [SearchHit]
    }

    struct Step: Encodable {
        var date: String?
        var body: String?
        var outcome: String
        var text: String
        var absent: [Person]
        var notParticipating: [NonParticipant]
        var path: String
    }

    func run() throws {
        let store = try indexOption.open(readOnly: true)
        let records = try store.cases(number: caseNumber)
        let mentions = try SearchService(store: store).search("\"\(caseNumber.replacingOccurrences(of: "\"", with: ""))\"", options: {
            var o = SearchService.Options(); o.limit = 50; return o
        }()).page.hits
        var timeline: [Step] = []
        for stored in records {
            for d in stored.record.decisions {
                timeline.append(Step(date: d.date, body: d.body, outcome: d.outcome.rawValue, text: d.text, absent: d.absent,
                                     notParticipating: d.notParticipating, path: stored.path))
            }
        }
        timeline.sort { ($0.date ?? "") < ($1.date ?? "") }
        if records.isEmpty && mentions.isEmpty {
            Console.err("referat: no case \(caseNumber) in \(store.path)")
            throw ExitCodes.noResults
        }
        if format == .json {
            Console.out(try Console.json(Output(caseNumber: caseNumber, records: records, timeline: timeline, mentionedIn: mentions)))
            return
        }
        var out: [String] = []
        if let first = records.first {
            let c = first.record
            out.append("Sag \(caseNumber): \(c.title)\(c.access == .closed ? " (lukket)" : "")")
            if let m = first.municipality { out.append(m) }
            if !c.routing.isEmpty { out.append("Sagsgang: " + c.routing.map { $0.joined(separator: "/") }.joined(separator: " → ")) }
            for s in c.sections where !s.heading.isEmpty { out.append("\n\(s.heading)\n\(s.text)") }
            if !c.attachments.isEmpty {
                out.append("\nBilag")
                for a in c.attachments { out.append("  \(a.number.map { "\($0). " } ?? "")\(a.title)\(a.reference.map { " (\($0))" } ?? "")") }
            }
        }
        if !timeline.isEmpty {
            out.append("\nForløb: " + timeline.map { step in
                let body = step.body.map { name in Self.abbreviation(name, routing: records.first?.record.routing ?? []) } ?? "?"
                return "\(body) \(Self.danishDate(step.date)) \(step.text.split(separator: "\n").first ?? "")"
            }.joined(separator: " → "))
            for step in timeline {
                out.append("  \(Self.danishDate(step.date))  \(step.body ?? "?"): \(step.text)  [\(step.outcome)]")
                if !step.absent.isEmpty { out.append("      Fraværende: " + step.absent.map { person in person.party.map { "\(person.name) (\($0))" } ?? person.name }.joined(separator: ", ")) }
                for p in step.notParticipating { out.append("      Deltog ikke: \(p.name)\(p.reason.map { " (\($0))" } ?? "")") }
            }
        }
        if !mentions.isEmpty {
            out.append("\nNævnt i:")
            for hit in mentions { out.append("  \(hit.path)\(hit.line.map { ":\($0)" } ?? "")  \(hit.title)") }
        }
        Console.out(out.joined(separator: "\n"))
    }

    static func danishDate(_ iso: String?) -> String {
        guard let iso, iso.count == 10 else { return iso ?? "udateret" }
        let p = iso.split(separator: "-")
        return "\(p[2])-\(p[1])-\(p[0])"
    }

    /// "Børne- og ungdomsudvalget" → "BUU" when the routing printed that abbreviation.
    static func abbreviation(_ name: String, routing: [[String]]) -> String {
        for abbr in routing.joined() where abbr.count <= 5 && abbr == abbr.uppercased() {
            let initials = name.split(whereSeparator: { $0 == " " || $0 == "-" }).filter { $0 != "og" }.map { w -> String in
                var s = String(w.prefix(1)).uppercased()
                if w.lowercased().hasSuffix("udvalget") && w.count > 8 { s += "U" }
                return s
            }.joined()
            if initials == abbr || name.lowercased().hasPrefix(abbr.lowercased()) || (abbr == "KB" && name.lowercased().hasPrefix("kommunalbestyrelse")) { return abbr }
        }
        return name
    }
}
