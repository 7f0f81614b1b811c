import Foundation
import ReferatRecords
public import ReferatStore
import ReferatIndex

extension HTMLRenderer {
    /// The case page: record, timeline across committees and meetings, absentees and
    /// non-participants, votes, attachments, and every document it is mentioned in.
    public func caseReport(_ report: CaseReport, documentIDs: [String: Int64]) -> String {
        var out = ""
        let first = report.records.first
        let title = first?.record.title ?? report.caseNumber
        out += "<h1>Sag \(Markup.escape(report.caseNumber)): \(Markup.escape(title))\(first?.record.access == .closed ? " (lukket)" : "")</h1>\n"
        if let first {
            let c = first.record
            var facts: [String] = []
            if let m = first.municipality { facts.append(Markup.escape(m)) }
            if let kle = c.kleNumber { facts.append("KLE \(Markup.escape(kle))") }
            if !c.routing.isEmpty { facts.append("Sagsgang: " + Markup.escape(c.routing.map { $0.joined(separator: "/") }.joined(separator: " → "))) }
            if !facts.isEmpty { out += "<p class=\"meta\">\(facts.joined(separator: " · "))</p>\n" }
        }
        if !report.timeline.isEmpty {
            out += "<h2>Forløb</h2>\n<table id=\"forloeb\"><thead><tr><th>Dato</th><th>Udvalg</th><th>Beslutning</th><th>Udfald</th><th>Fraværende / deltog ikke</th></tr></thead><tbody>\n"
            for step in report.timeline {
                var people = step.absent.map { "Fraværende: " + Self.personLink($0.name, party: $0.party) + ($0.reason.map { " (\(Markup.escape($0)))" } ?? "") }
                people += step.notParticipating.map { "Deltog ikke: " + Self.personLink($0.name, party: $0.party) + ($0.reason.map { " (\(Markup.escape($0)))" } ?? "") }
                let source = documentIDs[step.path].map { " <a href=\"\(Markup.escape(Routes.document($0)))\">dokument</a>" } ?? ""
                out += "<tr><td>\(Self.time(step.date))</td><td>\(Markup.escape(step.body ?? "?"))</td><td>\(Markup.escape(step.text))\(source)</td>"
                out += "<td class=\"outcome\">\(Markup.escape(Danish.outcome(step.outcome)))</td><td>\(people.joined(separator: "<br>"))</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        for stored in report.records {
            let c = stored.record
            let id = documentIDs[stored.path]
            let from = id.map { "<a href=\"\(Markup.escape(Routes.document($0, line: c.lines.first)))\">\(Markup.escape(stored.documentTitle))</a>" }
                ?? Markup.escape(stored.documentTitle)
            out += "<section class=\"item\"><h2>\(Markup.escape(c.title))</h2>\n<p class=\"meta\">Fra \(from)</p>\n"
            for s in c.sections where !s.heading.isEmpty || !s.text.isEmpty {
                out += "<h3>\(Markup.escape(s.heading))</h3>\n<p>\(Self.paragraphs(s.text))</p>\n"
            }
            if let r = c.recommendation, !r.isEmpty, !c.sections.contains(where: { $0.text.contains(r) }) { out += "<h3>Indstilling</h3>\n<p>\(Self.paragraphs(r))</p>\n" }
            for d in c.decisions {
                guard let v = d.votes else { continue }
                out += "<h3>Afstemning \(Markup.escape(d.body ?? "")) \(Self.time(d.date))</h3>\n<ul class=\"votes\">"
                out += "<li>For: \(v.for.map { Self.personLink($0, party: nil) }.joined(separator: ", "))</li>"
                out += "<li>Imod: \(v.against.map { Self.personLink($0, party: nil) }.joined(separator: ", "))</li>"
                out += "<li>Undlod: \(v.abstained.map { Self.personLink($0, party: nil) }.joined(separator: ", "))</li></ul>\n"
            }
            if !c.attachments.isEmpty {
                out += "<h3>Bilag</h3>\n<ol class=\"attachments\">"
                for a in c.attachments { out += "<li>\(Markup.escape(a.title))\(a.reference.map { " (\(Markup.escape($0)))" } ?? "")</li>" }
                out += "</ol>\n"
            }
            out += "</section>\n"
        }
        if !report.mentionedIn.isEmpty {
            out += "<h2>Nævnt i</h2>\n<ul id=\"naevnt-i\">\n"
            for hit in report.mentionedIn {
                let link = documentIDs[hit.path].map { Routes.document($0, line: hit.line) }
                let text = Markup.escape(hit.documentTitle) + " – " + Markup.escape(hit.title)
                out += "<li>" + (link.map { "<a href=\"\(Markup.escape($0))\">\(text)</a>" } ?? text) + " \(Self.time(hit.date))</li>\n"
            }
            out += "</ul>\n"
        }
        out += "<p class=\"downloads\"><a href=\"\(Markup.escape(Markup.link(Routes.apiCase, [("nr", report.caseNumber)])))\">JSON</a></p>\n"
        return page(title: "Sag \(report.caseNumber)", out)
    }

    /// The person page: per year, absences, non-participation and votes, with links to the cases.
    public func people(_ reports: [PersonReport], asked: String) -> String {
        var out = "<h1>Person: \(Markup.escape(asked))</h1>\n"
        if reports.count > 1 { out += "<p>\(reports.count) personer matcher.</p>\n" }
        for r in reports {
            out += "<section class=\"item person\"><h2>\(Markup.escape(r.name))\(r.party.map { " (\(Markup.escape($0)))" } ?? "")</h2>\n"
            let roles = Set(r.perYear.values.flatMap(\.keys)).sorted()
            out += "<table class=\"per-year\"><thead><tr><th>År</th>" + roles.map { "<th>\(Markup.escape(Danish.role($0)))</th>" }.joined() + "</tr></thead><tbody>\n"
            for (year, counts) in r.perYear.sorted(by: { $0.key < $1.key }) {
                out += "<tr><td>\(Markup.escape(year))</td>" + roles.map { "<td>\(counts[$0] ?? 0)</td>" }.joined() + "</tr>\n"
            }
            out += "</tbody></table>\n<ul class=\"events\">\n"
            for e in r.events {
                let what = e.caseNumber.map { Self.caseLink($0, "[\($0)] " + e.title) } ?? Markup.escape(e.title)
                out += "<li>\(Self.time(e.date)) \(Markup.escape(Danish.role(e.role)))\(e.reason.map { " (\(Markup.escape($0)))" } ?? "") · \(Markup.escape(e.body ?? "")) · \(what)</li>\n"
            }
            out += "</ul></section>\n"
        }
        return page(title: asked, out)
    }

    /// A source document's cleaned text, one section per agenda item (each with its line as an
    /// anchor, so a hit opens with its item in view), and the original file when the server has it.
    public func document(_ document: StoredDocument, originalAvailable: Bool) -> String {
        var out = "<h1>\(Markup.escape(document.title))</h1>\n"
        var facts = [Markup.escape(Danish.kind(document.kind))]
        if let m = document.municipality { facts.append(Markup.escape(m)) }
        if let b = document.meetingBody { facts.append(Markup.escape(b)) }
        if let d = document.meetingDate ?? document.date { facts.append(Self.time(d)) }
        facts.append("<code>\(Markup.escape(document.path))</code>")
        out += "<p class=\"meta\">\(facts.joined(separator: " · "))</p>\n"
        if originalAvailable {
            out += "<p class=\"downloads\"><a id=\"original\" href=\"\(Markup.escape(Routes.original(document.id)))\">Hent originalfilen</a> (\(document.size) byte)</p>\n"
        }
        for c in document.cases {
            let anchor = c.lines.first.map { " id=\"linje-\($0)\"" } ?? ""
            out += "<section class=\"item\"\(anchor)><h2>\(c.number.map { "\(Markup.escape($0)). " } ?? "")"
            out += (c.caseNumber.map { Self.caseLink($0, "[\($0)] " + c.title) } ?? Markup.escape(c.title)) + "</h2>\n"
            for s in c.sections { out += "<h3>\(Markup.escape(s.heading))</h3>\n<p>\(Self.paragraphs(s.text))</p>\n" }
            for d in c.decisions {
                out += "<p><strong>\(Markup.escape(d.body ?? "Beslutning"))</strong> \(Self.time(d.date)): \(Markup.escape(d.text)) <span class=\"outcome\">[\(Markup.escape(d.outcome.danishName))]</span></p>\n"
            }
            out += "</section>\n"
        }
        if let text = document.text {
            out += "<pre class=\"text\">"
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                out += "<span id=\"linje-\(i + 1)\">\(Markup.escape(String(line)))</span>\n"
            }
            out += "</pre>\n"
        }
        return page(title: document.title, out)
    }

    /// The archive page: what `referat stats` shows, with charts of decisions per year and committee.
    public func stats(_ report: StatsReport) -> String {
        let s = report.stats
        var out = "<h1>Arkivet</h1>\n"
        out += "<p id=\"totaler\">Dokumenter: \(s.documents) · Sager: \(s.cases) · Beslutninger: \(s.decisions) · Personer: \(s.people) · Seneste import: \(Markup.escape(s.lastImport ?? "-"))</p>\n"
        let years = StatsReport.sorted(s.decisionsByYear, byKey: true).filter { $0.key.count == 4 && $0.key.allSatisfy(\.isNumber) }
        out += "<h2>Beslutninger pr. år</h2>\n" + SVGChart.columns(years.map { ($0.key, $0.value) }, label: "Beslutninger pr. år")
        let bodies = Array(StatsReport.sorted(s.decisionsByBody, byKey: false).prefix(20))
        out += "<h2>Beslutninger pr. udvalg</h2>\n" + SVGChart.bars(bodies.map { ($0.key, $0.value) }, label: "Beslutninger pr. udvalg (de 20 største)")
        func table(_ title: String, _ values: [String: Int], byKey: Bool, word: (String) -> String = { $0 }) -> String {
            "<h2>\(title)</h2>\n<table>" + StatsReport.sorted(values, byKey: byKey).map { "<tr><td>\(Markup.escape(word($0.key)))</td><td>\($0.value)</td></tr>" }.joined() + "</table>\n"
        }
        out += table("Dokumenttyper", s.documentsByKind, byKey: false, word: Danish.kind)
        out += table("Beslutninger efter udfald", s.decisionsByOutcome, byKey: false, word: Danish.outcome)
        out += table("Beslutninger efter udvalg", s.decisionsByBody, byKey: true)
        out += "<p class=\"downloads\"><a href=\"\(Routes.apiStats)\">JSON</a></p>\n"
        return page(title: "Arkivet", out)
    }

    /// Text with its line breaks kept.
    static func paragraphs(_ text: String) -> String {
        Markup.escape(text).replacingOccurrences(of: "\n", with: "<br>\n")
    }
}
