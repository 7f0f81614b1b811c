import Foundation
import ReferatRecords

/// Whole HTML pages in Danish, usable without JavaScript: every piece of document text goes
/// through `Markup.escape`, every link through `Routes`.
public struct HTMLRenderer: Sendable {
    public init() {}

    /// The page around a body: title, navigation, a little CSS, and optional `<head>` links.
    func page(title: String, head: String = "", _ body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="da">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Markup.escape(title)) · referat</title>
        \(head)<style>\(Self.style)</style>
        </head>
        <body>
        <header><a class="logo" href="\(Routes.search)">referat</a>
        <nav><a href="\(Routes.search)">Søg</a> <a href="\(Routes.archive)">Arkiv</a> <a href="\(Routes.help)">Hjælp</a></nav></header>
        <main>
        \(body)
        </main>
        </body>
        </html>
        """
    }

    /// A page that says what went wrong: 400 for a bad search, 404 for what is not there.
    public func error(status: Int, message: String) -> String {
        let title = switch status {
        case 404: "Ikke fundet"
        case 400: "Ugyldig forespørgsel"
        default: "Fejl"
        }
        return page(title: title, """
            <h1>\(title)</h1>
            <p class="error" id="fejl">\(Markup.escape(message))</p>
            <p><a href="\(Routes.search)">Til søgningen</a></p>
            """)
    }

    /// The query language, as the search box's help shows it.
    public func help() -> String {
        page(title: "Hjælp", """
            <h1>Sådan søger du</h1>
            \(Self.queryHelp)
            <h2>Abonnér på en søgning</h2>
            <p>Hver søgning har et Atom-feed (linket „Feed“ over resultaterne) med de nyeste beslutninger, der matcher.
            Læg adressen i en feedlæser, så ser du nye beslutninger efter hver import.</p>
            <h2>Data</h2>
            <p>Søgeresultater kan hentes som CSV og JSON; JSON-API'et under <code>/api/</code> giver samme form som
            kommandolinjens <code>--format json</code>.</p>
            """)
    }

    static let queryHelp = """
        <dl class="help">
        <dt><code>psykiatri plan</code></dt><dd>alle ord skal findes (også bøjninger og sammensatte ord)</dd>
        <dt><code>skole OR institution</code></dt><dd>et af ordene</dd>
        <dt><code>-lukning</code></dt><dd>uden ordet</dd>
        <dt><code>"lokal­plan nr. 12"</code></dt><dd>en frase</dd>
        <dt><code>affald*</code></dt><dd>ord der begynder sådan (mindst tre bogstaver)</dd>
        <dt><code>udvalg:KB dato:2023 beslutning:godkendt</code></dt>
        <dd>filtre: <code>udvalg:</code>, <code>dato:</code> (2023, 2023-01, 2022-05..2023-02), <code>sag:</code>, <code>person:</code>,
        <code>parti:</code>, <code>beslutning:</code>, <code>kommune:</code>, <code>type:</code></dd>
        </dl>
        """

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d1d1f;background:#fafafa;line-height:1.45}
        header{background:#16324f;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.5rem;align-items:baseline}
        header a{color:#fff;text-decoration:none;margin-right:1rem}.logo{font-weight:700;font-size:1.2rem}
        main{max-width:70rem;margin:0 auto;padding:1rem 1.2rem}
        form.search{display:grid;gap:.5rem;background:#fff;padding:1rem;border:1px solid #ddd;border-radius:6px}
        form.search .row{display:flex;flex-wrap:wrap;gap:.5rem}form.search label{display:flex;flex-direction:column;font-size:.8rem;color:#555}
        input[type=search]{font-size:1.1rem;padding:.4rem;width:100%;box-sizing:border-box}
        .layout{display:grid;grid-template-columns:15rem 1fr;gap:1.5rem;margin-top:1rem}
        @media(max-width:50rem){.layout{grid-template-columns:1fr}}
        .facets h3{font-size:.9rem;margin:.8rem 0 .2rem}.facets ul{list-style:none;padding:0;margin:0;font-size:.9rem}
        .facets .count,.meta{color:#666}.meta{font-size:.85rem}
        ol.hits{padding-left:1.5rem}ol.hits li{margin-bottom:1rem}.hit h2{font-size:1.05rem;margin:0}
        mark{background:#ffe27a;padding:0 .1em}.snippet{margin:.2rem 0}
        .pager{display:flex;gap:1rem;margin:1rem 0}.downloads{font-size:.85rem}
        .active a{margin-right:.5rem}.suggestion{font-size:1.05rem}
        table{border-collapse:collapse;margin:.5rem 0}td,th{border-bottom:1px solid #ddd;padding:.25rem .6rem;text-align:left;vertical-align:top}
        .outcome{font-weight:600}.error{color:#a00}pre.text{white-space:pre-wrap;background:#fff;padding:1rem;border:1px solid #ddd}
        section.item{background:#fff;border:1px solid #ddd;padding:.5rem 1rem;margin:.8rem 0}section.item:target{border-color:#e0a800;box-shadow:0 0 0 3px #ffe27a}
        svg text{font-size:11px;fill:#333}
        """

    /// A date as Danish readers write it, in a `<time>` element.
    static func time(_ iso: String?) -> String {
        guard let iso else { return "udateret" }
        return "<time datetime=\"\(Markup.escape(iso))\">\(Markup.escape(Danish.date(iso)))</time>"
    }

    static func personLink(_ name: String, party: String?) -> String {
        "<a href=\"\(Markup.escape(Routes.person(name)))\">\(Markup.escape(name))</a>" + (party.map { " (\(Markup.escape($0)))" } ?? "")
    }

    static func caseLink(_ number: String, _ text: String? = nil) -> String {
        "<a href=\"\(Markup.escape(Routes.caseDetail(number)))\">\(Markup.escape(text ?? number))</a>"
    }
}
