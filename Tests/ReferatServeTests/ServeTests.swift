import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Percent-encodes a URL parameter value.
func enc(_ value: String) -> String {
    value.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")) ?? ""
}

/// Every page of `referat serve`, against the real binary over an index of `Corpus/`.
@Suite struct ServePageTests {
    struct PageCase: CustomTestStringConvertible, Sendable {
        var path: String
        var shows: [String]
        var testDescription: String { path }
    }

    @Test(arguments: [
        PageCase(path: "/", shows: ["<form class=\"search\"", "udvalg:KB"]),
        PageCase(path: "/?q=kommunerne", shows: ["id=\"antal\"", "<mark>", "id=\"facet-udvalg\"", "application/atom+xml", "/api/search.csv?q=kommunerne"]),
        PageCase(path: "/?q=psykiatrei", shows: ["id=\"viser-for\"", "Viser resultater for <strong>psykiatri</strong>", "praecis=1", "<mark>"]),
        PageCase(path: "/?q=psykiatrei&praecis=1", shows: ["id=\"mente-du\"", "Mente du", "0 resultater"]),
        PageCase(path: "/?q=godkendt&udvalg=KB&sortering=dato", shows: ["id=\"antal\"", "nyeste først</option>"]),
        PageCase(path: "/sag?nr=23%2F222", shows: ["Sag 23/222", "id=\"forloeb\"", "godkendt", "Børne- og ungdomsudvalget"]),
        PageCase(path: "/person?navn=Holm", shows: ["Person: Holm", "fraværende", "href=\"/sag?nr="]),
        PageCase(path: "/arkiv", shows: ["<svg id=\"chart-years\"", "<svg id=\"chart-committees\"", "Beslutninger efter udfald"]),
        PageCase(path: "/hjaelp", shows: ["Sådan søger du"]),
    ])
    func pageAnswers(_ page: PageCase) async throws {
        let response = try await Server.shared.get(page.path)
        #expect(response.status == 200)
        #expect(response.contentType == "text/html; charset=utf-8")
        for text in page.shows { #expect(response.text.contains(text), "\(page.path) should show \(text)") }
    }

    @Test func aHitLinksToItsCaseAndItsDocumentWithTheItemInView() async throws {
        let search = try await Server.shared.get("/?q=rammeaftale")
        #expect(search.text.contains("href=\"/sag?nr=23%2F222\""))
        let link = try #require(search.text.firstMatch(of: /href="(\/dokument\/\d+)#linje-(\d+)"/))
        let document = try await Server.shared.get(String(link.1))
        #expect(document.status == 200)
        #expect(document.text.contains("id=\"linje-\(link.2)\""))
        #expect(document.text.contains("id=\"original\""))
    }

    @Test func theOriginalFileIsTheImportedFile() async throws {
        let search = try await Server.shared.get("/?q=rammeaftale")
        let link = try #require(search.text.firstMatch(of: /href="\/dokument\/(\d+)#/))
        let page = try await Server.shared.get("/dokument/\(link.1)")
        let path = try #require(page.text.firstMatch(of: /<code>([^<]+)<\/code>/)).1
        let original = try await Server.shared.get("/dokument/\(link.1)/original")
        #expect(original.status == 200)
        let file = path.hasPrefix("/") ? String(path) : Server.shared.folder + "/" + path
        let onDisk = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(original.body == onDisk)
        #expect(original.contentType == "text/plain; charset=utf-8")
    }

    @Test func aFacetNarrowsTheSearch() async throws {
        let all = try await Server.shared.get("/?q=godkendt")
        let totalMatch = try #require(all.text.firstMatch(of: /id="antal">(\d+) result/))
        let total = try #require(Int(totalMatch.1))
        let facets = try #require(all.text.firstMatch(of: /<ul id="facet-udvalg">\n<li><a href="([^"]+)">[^<]+<\/a> <span class="count">\((\d+)\)/))
        let narrowed = try await Server.shared.get(String(facets.1).replacingOccurrences(of: "&amp;", with: "&"))
        let countMatch = try #require(narrowed.text.firstMatch(of: /id="antal">(\d+) result/))
        let count = try #require(Int(countMatch.1))
        #expect(count == Int(facets.2))
        #expect(count < total)
        #expect(narrowed.text.contains("title=\"Fjern filteret\""))
    }

    @Test func pagingWalksThroughTheResults() async throws {
        let first = try await Server.shared.get("/?q=kommune&antal=2")
        #expect(first.text.contains("Side 1 af"))
        let next = try #require(first.text.firstMatch(of: /id="naeste" href="([^"]+)"/))
        let second = try await Server.shared.get(String(next.1).replacingOccurrences(of: "&amp;", with: "&"))
        #expect(second.text.contains("Side 2 af"))
        #expect(second.text.contains("<ol class=\"hits\" start=\"3\">"))
    }
}

/// Status codes: a clear 400 page for a search over the limits or that cannot be read, 404
/// for what the archive does not hold.
@Suite struct ServeStatusTests {
    struct StatusCase: CustomTestStringConvertible, Sendable {
        var path: String
        var status: Int
        var says: String
        var testDescription: String { "\(status) \(path.prefix(60))" }
    }

    @Test(arguments: [
        StatusCase(path: "/sag?nr=98%2F765432", status: 404, says: "ingen sag"),
        StatusCase(path: "/person?navn=Zzxqvy", status: 404, says: "ingen person"),
        StatusCase(path: "/dokument/987654", status: 404, says: "intet dokument"),
        StatusCase(path: "/dokument/..%2F..%2Fetc%2Fpasswd", status: 404, says: "Intet dokument"),
        StatusCase(path: "/dokument/1/..%2F..%2Fetc%2Fpasswd", status: 404, says: "findes ikke"),
        StatusCase(path: "/ingen-side", status: 404, says: "Siden findes ikke"),
        StatusCase(path: "/?q=" + String(repeating: "a", count: 501), status: 400, says: "for lang"),
        StatusCase(path: "/?q=skole&antal=101", status: 400, says: "højst være 100"),
        StatusCase(path: "/?q=skole&antal=0", status: 400, says: "mindst 1"),
        StatusCase(path: "/?q=skole&fra-nr=-3", status: 400, says: "skal være et tal"),
        StatusCase(path: "/?q=skole&sortering=tilfældig", status: 400, says: "Ukendt sortering"),
        StatusCase(path: "/?q=%22uafsluttet", status: 400, says: "kan ikke læses"),
        StatusCase(path: "/?q=a*+b*+c*+d*+e*", status: 400, says: "kan ikke læses"),
        StatusCase(path: "/?q=skole&beslutning=m%C3%A5ske", status: 400, says: "Filteret"),
        StatusCase(path: "/?q=%FF%FE", status: 400, says: "UTF-8"),
        StatusCase(path: "/sag", status: 400, says: "mangler"),
        StatusCase(path: "/feed", status: 400, says: "skal have en søgning"),
    ])
    func pageStatus(_ c: StatusCase) async throws {
        let response = try await Server.shared.get(c.path)
        #expect(response.status == c.status)
        #expect(response.contentType.hasPrefix("text/html"))
        #expect(response.text.contains(c.says), "\(c.path) should say \(c.says)")
    }

    @Test(arguments: ["/api/case?nr=98%2F765432", "/api/person?navn=Zzxqvy", "/api/search?q=skole&antal=500", "/api/nothing"])
    func apiErrorsAreJSON(path: String) async throws {
        let response = try await Server.shared.get(path)
        #expect([400, 404].contains(response.status))
        #expect(response.contentType.hasPrefix("application/json"))
        let object = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        #expect((object?["error"] as? String)?.isEmpty == false)
    }
}

/// The API answers with the CLI's `--format json`, value for value.
@Suite struct ServeAPITests {
    struct APICase: CustomTestStringConvertible, Sendable {
        var path: String
        var cli: [String]
        var testDescription: String { path }
    }

    @Test(arguments: [
        APICase(path: "/api/search?q=kommunerne", cli: ["search", "kommunerne", "--format", "json"]),
        APICase(path: "/api/search?q=godkendt&udvalg=KB&antal=5&sortering=dato", cli: ["search", "godkendt", "--committee", "KB", "--limit", "5", "--sort", "date", "--format", "json"]),
        APICase(path: "/api/search?q=psykiatrei", cli: ["search", "psykiatrei", "--format", "json"]),
        APICase(path: "/api/case?nr=23%2F222", cli: ["show", "23/222", "--format", "json"]),
        APICase(path: "/api/person?navn=Holm", cli: ["person", "Holm", "--format", "json"]),
        APICase(path: "/api/stats", cli: ["stats", "--format", "json"]),
    ])
    func apiMatchesTheCLI(_ c: APICase) async throws {
        let response = try await Server.shared.get(c.path)
        #expect(response.status == 200)
        #expect(response.contentType == "application/json; charset=utf-8")
        let cli = try Server.run(c.cli + ["--index", Server.shared.index], in: Server.shared.folder)
        let api = try JSONSerialization.jsonObject(with: response.body) as? NSObject
        let expected = try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? NSObject
        #expect(api != nil)
        #expect(api == expected)
    }

    @Test func csvDownloadHasTheSearchHits() async throws {
        let response = try await Server.shared.get("/api/search.csv?q=kommunerne&antal=3")
        #expect(response.status == 200)
        #expect(response.contentType.hasPrefix("text/csv"))
        let lines = response.text.split(separator: "\r\n")
        #expect(lines.first == "\u{FEFF}caseNumber,title,municipality,committee,date,outcome,snippet,path,line")
        #expect(lines.count == 4)
    }
}

/// Document text is shown as text on every page, in the API and in feeds.
@Suite struct ServeEscapingTests {
    @Test(arguments: ["/?q=\(Server.hostileWord)", "/sag?nr=99%2F666", "/feed?q=\(Server.hostileWord)"])
    func hostileTextIsEscaped(path: String) async throws {
        let response = try await Server.shared.get(path)
        #expect(response.status == 200)
        let text = response.text
        #expect(text.contains("Fjendtlig"))
        #expect(!text.contains("<script>"))
        #expect(!text.contains("<img"))
        #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(text.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
        #expect(text.contains("{{7*7}}"))
    }

    @Test func hostileDocumentPageIsEscaped() async throws {
        let search = try await Server.shared.get("/?q=\(Server.hostileWord)")
        let link = try #require(search.text.firstMatch(of: /href="(\/dokument\/\d+)#/))
        let document = try await Server.shared.get(String(link.1))
        #expect(document.status == 200)
        #expect(!document.text.contains("<script>"))
        #expect(document.text.contains("&lt;/p&gt;&lt;script&gt;alert(3)&lt;/script&gt; {{constructor}}"))
    }

    @Test func aHostileQueryIsEscaped() async throws {
        let response = try await Server.shared.get("/?q=\(enc("\"><script>alert(9)</script>"))")
        #expect(!response.text.contains("<script>alert(9)"))
        #expect(response.text.contains("&quot;&gt;&lt;script&gt;alert(9)&lt;/script&gt;"))
    }
}

/// Feeds are Atom that an XML parser reads, newest first, linking to case pages.
@Suite struct ServeFeedTests {
    final class AtomReader: NSObject, XMLParserDelegate {
        var root: String?
        var rootNamespace: String?
        var entries: [[String: String]] = []
        var feedFields: [String: String] = [:]
        private var current: [String: String]?
        private var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if root == nil {
                root = name
                rootNamespace = namespaceURI
            }
            if name == "entry" { current = [:] }
            if name == "link", attributes["rel"] == "alternate" {
                if current != nil { current?["link"] = attributes["href"] } else { feedFields["link"] = attributes["href"] }
            }
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "entry", let entry = current {
                entries.append(entry)
                current = nil
            } else if name == "link" {
                return
            } else if current != nil {
                current?[name] = text
            } else {
                feedFields[name] = text
            }
        }
    }

    func read(_ path: String) async throws -> (Server.Response, AtomReader) {
        let response = try await Server.shared.get(path)
        let parser = XMLParser(data: response.body)
        parser.shouldProcessNamespaces = true
        let reader = AtomReader()
        parser.delegate = reader
        #expect(parser.parse(), "the feed is well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
        return (response, reader)
    }

    @Test(arguments: ["/feed?q=godkendt", "/feed?q=kommunerne&udvalg=KB", "/feed?beslutning=godkendt", "/feed?q=\(Server.hostileWord)"])
    func feedIsAtom(path: String) async throws {
        let (response, atom) = try await read(path)
        #expect(response.status == 200)
        #expect(response.contentType == "application/atom+xml; charset=utf-8")
        #expect(atom.root == "feed")
        #expect(atom.rootNamespace == "http://www.w3.org/2005/Atom")
        for field in ["title", "id", "updated"] { #expect(atom.feedFields[field]?.isEmpty == false, "feed has \(field)") }
        #expect(!atom.entries.isEmpty)
        for entry in atom.entries {
            for field in ["title", "id", "updated", "link"] { #expect(entry[field]?.isEmpty == false, "entry has \(field)") }
            #expect(entry["updated"]?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil)
            #expect(entry["link"]?.hasPrefix(Server.shared.base + "/") == true)
        }
        let dates = atom.entries.compactMap { $0["updated"] }
        #expect(dates == dates.sorted(by: >), "newest first")
    }

    @Test func entriesLinkToTheCasePage() async throws {
        let (_, atom) = try await read("/feed?q=rammeaftale")
        let cases = atom.entries.filter { $0["title"]?.hasPrefix("[") == true }
        #expect(cases.contains { $0["link"] == Server.shared.base + "/sag?nr=23%2F222" })
        for entry in cases {
            let link = try #require(entry["link"])
            #expect(link.hasPrefix(Server.shared.base + "/sag?nr="))
            let page = try await Server.shared.get(String(link.dropFirst(Server.shared.base.count)))
            #expect(page.status == 200)
        }
    }
}
