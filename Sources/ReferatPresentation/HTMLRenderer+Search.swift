import Foundation
import ReferatIndex
import ReferatRecords
import ReferatSearch

extension HTMLRenderer {
    /// The search page: the form with the whole query language and filters, then the hits with
    /// facets, paging, "Mente du", downloads and the feed. `documentIDs` maps hit paths to
    /// document ids for links; `report` is nil before anything was asked.
    public func search(_ request: SearchRequest, report: SearchReport?, documentIDs: [String: Int64]) -> String {
        let title = request.isEmpty ? "Søg i referater" : "\(request.query) – søgning"
        var head = ""
        if report != nil {
            head = "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Nye beslutninger\" href=\"\(Markup.escape(Routes.feed(request)))\">\n"
        }
        var body = form(request)
        if let report {
            body += "<div class=\"layout\">\n<aside class=\"facets\" id=\"facetter\">\n\(activeFilters(request))\(facets(report))</aside>\n"
            body += "<section id=\"resultater\">\n\(results(report, documentIDs: documentIDs))</section>\n</div>\n"
        } else {
            body += "<section class=\"intro\">\(Self.queryHelp)</section>\n"
        }
        return page(title: title, head: head, body)
    }

    func form(_ request: SearchRequest) -> String {
        func field(_ label: String, _ name: String, _ values: [String], placeholder: String = "") -> String {
            (values.isEmpty ? [""] : values).map {
                "<label>\(label)<input name=\"\(name)\" value=\"\(Markup.escape($0))\" placeholder=\"\(placeholder)\"></label>"
            }.joined(separator: "\n")
        }
        func select(_ label: String, _ name: String, _ selected: [String], _ options: [(String, String)]) -> String {
            let chosen = selected.last ?? ""
            let items = ([("", "alle")] + options).map { value, text in
                "<option value=\"\(Markup.escape(value))\"\(value == chosen ? " selected" : "")>\(Markup.escape(text))</option>"
            }.joined()
            return "<label>\(label)<select name=\"\(name)\">\(items)</select></label>"
        }
        let outcomes = Outcome.allCases.map { ($0.rawValue, $0.danishName) }
        let kinds = ["minutes", "agendaItem", "letter", "webpage"].map { ($0, Danish.kind($0)) }
        let hiddenDates = request.date.map { "<input type=\"hidden\" name=\"dato\" value=\"\(Markup.escape($0))\">" }.joined()
        return """
            <form class="search" method="get" action="\(Routes.search)" role="search">
            <input type="search" name="q" id="q" value="\(Markup.escape(request.query))" placeholder="Søg, fx psykiatri udvalg:KB dato:2023" aria-label="Søgning" autofocus>
            <div class="row">
            \(field("Udvalg", "udvalg", request.committee))
            <label>Fra dato<input name="fra" value="\(Markup.escape(request.from ?? ""))" placeholder="2022-05-01"></label>
            <label>Til dato<input name="til" value="\(Markup.escape(request.to ?? ""))" placeholder="2023"></label>
            \(select("Beslutning", "beslutning", request.outcome, outcomes))
            \(field("Person", "person", request.person))
            \(field("Parti", "parti", request.party))
            \(field("Kommune", "kommune", request.municipality))
            \(select("Type", "type", request.type, kinds))
            <label>Sortering<select name="sortering"><option value="relevans"\(request.sortByDate ? "" : " selected")>relevans</option><option value="dato"\(request.sortByDate ? " selected" : "")>nyeste først</option></select></label>
            \(hiddenDates)\(request.caseNumber.map { "<input type=\"hidden\" name=\"sag\" value=\"\(Markup.escape($0))\">" }.joined())
            </div>
            <div><button type="submit" id="soeg">Søg</button> <a href="\(Routes.help)">Hjælp til søgesproget</a></div>
            </form>

            """
    }

    /// The filters in force, each with a link that removes it.
    func activeFilters(_ request: SearchRequest) -> String {
        let lists: [(String, WritableKeyPath<SearchRequest, [String]>, (String) -> String)] = [
            ("udvalg", \.committee, { $0 }), ("år", \.date, { $0 }), ("beslutning", \.outcome, { Outcome(userInput: $0)?.danishName ?? $0 }),
            ("person", \.person, { $0 }), ("parti", \.party, { $0 }), ("kommune", \.municipality, { $0 }), ("type", \.type, Danish.kind),
            ("sag", \.caseNumber, { $0 }),
        ]
        var links: [String] = []
        for (label, path, word) in lists {
            for value in request[keyPath: path] {
                links.append("<a class=\"remove\" href=\"\(Markup.escape(Routes.search(request.removing(path, value))))\" title=\"Fjern filteret\">\(label): \(Markup.escape(word(value))) ✕</a>")
            }
        }
        return links.isEmpty ? "" : "<p class=\"active\">\(links.joined(separator: " "))</p>\n"
    }

    func facets(_ report: SearchReport) -> String {
        guard let facets = report.result.page.facets else { return "" }
        let request = report.request
        func list(_ title: String, _ id: String, _ counts: [Facets.Count], _ path: WritableKeyPath<SearchRequest, [String]>,
                  _ word: (String) -> String) -> String {
            guard !counts.isEmpty else { return "" }
            let items = counts.map { count in
                let link = Routes.search(request.adding(path, count.value))
                return "<li><a href=\"\(Markup.escape(link))\">\(Markup.escape(word(count.value)))</a> <span class=\"count\">(\(count.count))</span></li>"
            }.joined(separator: "\n")
            return "<h3>\(title)</h3>\n<ul id=\"facet-\(id)\">\n\(items)\n</ul>\n"
        }
        return list("Udvalg", "udvalg", facets.committee, \.committee, { $0 }) + list("År", "aar", facets.year, \.date, { $0 })
            + list("Beslutning", "beslutning", facets.outcome, \.outcome, Danish.outcome)
    }

    func results(_ report: SearchReport, documentIDs: [String: Int64]) -> String {
        let request = report.request
        let page = report.result.page
        var out = ""
        if let suggestion = report.result.suggestion {
            var corrected = request
            corrected.query = suggestion
            corrected.offset = 0
            out += "<p class=\"suggestion\" id=\"mente-du\">Mente du: <a href=\"\(Markup.escape(Routes.search(corrected)))\">\(Markup.escape(suggestion))</a>?</p>\n"
        }
        if let corrected = report.result.correctedQuery {
            var typed = request
            typed.exact = true
            typed.offset = 0
            out += "<p class=\"suggestion\" id=\"viser-for\">Ingen resultater for det skrevne. Viser resultater for <strong>\(Markup.escape(corrected))</strong>."
                + " <a href=\"\(Markup.escape(Routes.search(typed)))\">Søg kun efter \(Markup.escape(request.query))</a></p>\n"
        }
        let first = page.total == 0 ? 0 : request.offset + 1
        let last = request.offset + page.hits.count
        out += "<p class=\"total\" id=\"antal\">\(Danish.results(page.total, atLeast: page.totalIsLowerBound))\(page.total > 0 ? " · viser \(first)–\(last)" : "")</p>\n"
        out += """
            <p class="downloads">Hent: <a href="\(Markup.escape(Markup.link(Routes.apiSearchCSV, request.queryItems)))" download>CSV</a> ·
            <a href="\(Markup.escape(Markup.link(Routes.apiSearch, request.queryItems)))">JSON</a> ·
            <a href="\(Markup.escape(Routes.feed(request)))">Feed (Atom)</a></p>

            """
        if !page.hits.isEmpty {
            out += "<ol class=\"hits\" start=\"\(first)\">\n"
            for hit in page.hits { out += self.hit(hit, documentID: documentIDs[hit.path]) }
            out += "</ol>\n"
        }
        out += pager(report)
        return out
    }

    func hit(_ hit: SearchHit, documentID: Int64?) -> String {
        let target = hit.caseNumber.map(Routes.caseDetail) ?? documentID.map { Routes.document($0, line: hit.line) } ?? Routes.search
        let number = hit.caseNumber.map { "<span class=\"case-number\">[\(Markup.escape($0))]</span> " } ?? ""
        var meta: [String] = []
        if let m = hit.municipality { meta.append(Markup.escape(m)) }
        if let c = hit.committee { meta.append(Markup.escape(c)) }
        if let d = hit.date { meta.append(Self.time(d)) }
        if let o = hit.outcome { meta.append("<span class=\"outcome\">\(Markup.escape(Danish.outcome(o)))</span>") }
        meta.append(Markup.escape(Danish.kind(hit.kind)))
        let source = documentID.map { "<a class=\"source\" href=\"\(Markup.escape(Routes.document($0, line: hit.line)))\">\(Markup.escape(hit.documentTitle))</a>" }
            ?? Markup.escape(hit.documentTitle)
        return """
            <li class="hit"><h2>\(number)<a href="\(Markup.escape(target))">\(Markup.escape(hit.title))</a></h2>
            <div class="meta">\(meta.joined(separator: " · "))</div>
            <p class="snippet">\(Markup.snippet(hit.snippet))</p>
            <div class="meta">Kilde: \(source)</div></li>

            """
    }

    func pager(_ report: SearchReport) -> String {
        let request = report.request
        let total = report.result.page.total, atLeast = report.result.page.totalIsLowerBound
        guard total > request.limit || atLeast else { return "" }
        let pages = (total + request.limit - 1) / request.limit
        let current = request.offset / request.limit + 1
        var links: [String] = []
        if request.offset > 0 {
            var previous = request
            previous.offset = max(0, request.offset - request.limit)
            links.append("<a rel=\"prev\" id=\"forrige\" href=\"\(Markup.escape(Routes.search(previous)))\">← Forrige</a>")
        }
        links.append("<span>Side \(current) af \(atLeast ? "mindst " : "")\(pages)</span>")
        // Past a count that is a lower bound there may be more: the next page is offered.
        if request.offset + request.limit < total || atLeast {
            var next = request
            next.offset = request.offset + request.limit
            links.append("<a rel=\"next\" id=\"naeste\" href=\"\(Markup.escape(Routes.search(next)))\">Næste →</a>")
        }
        return "<nav class=\"pager\">\(links.joined(separator: " "))</nav>\n"
    }
}
