import Foundation
import HTTPTypes
import Hummingbird
import ReferatIndex
import ReferatPresentation
import ReferatSearch
import ReferatStore

/// The answers of every route, from the read-only archive through the presentation layer.
/// Handlers return whole responses: a bad search is a 400 page, an unknown case a 404.
struct Site: Sendable {
    let store: ArchiveStore
    let services: SearchServicePool
    let limits: SearchRequest.Limits
    /// The address to print and to use in feeds when a request names no host.
    let fallbackBase: String

    init(store: ArchiveStore, limits: SearchRequest.Limits = .init(), fallbackBase: String) {
        self.store = store
        services = SearchServicePool(store: store)
        self.limits = limits
        self.fallbackBase = fallbackBase
    }

    /// Hits on a feed: the newest decisions matching the search.
    static let feedSize = 20

    /// A request that cannot be answered, with its status and a Danish message.
    struct Failure: Error {
        var status: HTTPResponse.Status
        var message: String
    }

    // MARK: Reading requests

    func items(_ request: Request) throws(Failure) -> [(String, String)] {
        guard let items = Markup.parseQuery(request.uri.query ?? "") else {
            throw Failure(status: .badRequest, message: "Adressens parametre er ikke gyldig UTF-8.")
        }
        return items
    }

    func searchRequest(_ request: Request) throws(Failure) -> SearchRequest {
        do {
            return try SearchRequest(queryItems: try items(request), limits: limits)
        } catch let error as SearchRequest.InvalidParameter {
            throw Failure(status: .badRequest, message: error.message)
        } catch let error as Failure {
            throw error
        } catch {
            throw Failure(status: .badRequest, message: "\(error)")
        }
    }

    func run(_ search: SearchRequest) throws(Failure) -> SearchReport {
        do {
            return try services.with { service in try search.run(service) }
        } catch let error as QuerySyntaxError {
            throw Failure(status: .badRequest, message: "Søgningen kan ikke læses: \(error.description)")
        } catch let error as SearchService.FilterError {
            throw Failure(status: .badRequest, message: "Filteret kan ikke bruges: \(error.description)")
        } catch {
            throw Failure(status: .internalServerError, message: "Indekset kunne ikke læses: \(error)")
        }
    }

    func parameter(_ request: Request, _ names: String...) throws(Failure) -> String {
        let all = try items(request)
        for name in names {
            if let value = all.last(where: { $0.0 == name })?.1.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                guard value.count <= limits.queryLength else {
                    throw Failure(status: .badRequest, message: "Værdien af '\(name)' er for lang (højst \(limits.queryLength) tegn).")
                }
                return value
            }
        }
        throw Failure(status: .badRequest, message: "Parameteren '\(names[0])' mangler.")
    }

    func documentIDs(_ paths: [String]) throws(Failure) -> [String: Int64] {
        do { return try store.documentIDs(paths: paths) } catch { throw Failure(status: .internalServerError, message: error.description) }
    }

    /// `http://host:port` as the client addressed the server, for a feed's absolute links.
    func base(_ request: Request) -> String {
        guard let authority = request.head.authority, !authority.isEmpty,
              authority.allSatisfy({ $0.isLetter || $0.isNumber || ".-:[]".contains($0) }) else { return fallbackBase }
        return "http://" + authority
    }

    // MARK: Pages

    func searchPage(_ request: Request) throws(Failure) -> Response {
        var search = try searchRequest(request)
        search.facets = true
        if search.isEmpty { return Page.html(HTMLRenderer().search(search, report: nil, documentIDs: [:])) }
        let report = try run(search)
        let ids = try documentIDs(report.result.page.hits.map(\.path))
        return Page.html(HTMLRenderer().search(search, report: report, documentIDs: ids))
    }

    func feed(_ request: Request) throws(Failure) -> Response {
        var search = try searchRequest(request)
        guard !search.isEmpty else { throw Failure(status: .badRequest, message: "Et feed skal have en søgning (q=… eller et filter).") }
        search.sortByDate = true
        search.offset = 0
        search.limit = Self.feedSize
        // A subscription follows what was asked for, never a correction of it.
        search.exact = true
        let report = try run(search)
        let ids = try documentIDs(report.result.page.hits.map(\.path))
        return Page.make(.ok, "application/atom+xml; charset=utf-8", AtomRenderer(base: base(request)).search(report, documentIDs: ids))
    }

    func casePage(_ request: Request) throws(Failure) -> Response {
        let report = try caseReport(try parameter(request, "nr"))
        let ids = try documentIDs(report.records.map(\.path) + report.mentionedIn.map(\.path) + report.timeline.map(\.path))
        return Page.html(HTMLRenderer().caseReport(report, documentIDs: ids))
    }

    func caseReport(_ number: String) throws(Failure) -> CaseReport {
        let report: CaseReport
        do {
            report = try services.with { service in try CaseReport.load(number, store: store, search: service) }
        } catch {
            throw Failure(status: .internalServerError, message: "Indekset kunne ikke læses: \(error)")
        }
        guard !report.isEmpty else { throw Failure(status: .notFound, message: "Arkivet kender ingen sag \(number).") }
        return report
    }

    func people(_ name: String) throws(Failure) -> [PersonReport] {
        let reports: [PersonReport]
        do { reports = try store.people(named: name) } catch { throw Failure(status: .internalServerError, message: error.description) }
        guard !reports.isEmpty else { throw Failure(status: .notFound, message: "Arkivet kender ingen person ved navn \(name).") }
        return reports
    }

    func personPage(_ request: Request) throws(Failure) -> Response {
        let name = try parameter(request, "navn", "name")
        return Page.html(HTMLRenderer().people(try people(name), asked: name))
    }

    func stats() throws(Failure) -> StatsReport {
        do { return StatsReport(path: store.path, stats: try store.stats()) } catch { throw Failure(status: .internalServerError, message: error.description) }
    }

    func archivePage() throws(Failure) -> Response {
        Page.html(HTMLRenderer().stats(try stats()))
    }

    func storedDocument(_ id: String?) throws(Failure) -> StoredDocument {
        guard let id, let number = Int64(id), number > 0 else { throw Failure(status: .notFound, message: "Intet dokument med det nummer.") }
        let document: StoredDocument?
        do { document = try store.document(id: number) } catch { throw Failure(status: .internalServerError, message: error.description) }
        guard let document else { throw Failure(status: .notFound, message: "Arkivet har intet dokument nr. \(number).") }
        return document
    }

    /// The original file of a document, only when the file at the path the index recorded
    /// still has the size it had at import: the path comes from the index, never from the URL.
    func original(_ document: StoredDocument) -> Data? {
        let url = URL(fileURLWithPath: document.path)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              (attributes[.size] as? NSNumber)?.intValue == document.size else { return nil }
        return try? Data(contentsOf: url)
    }

    func documentPage(_ id: String?) throws(Failure) -> Response {
        let document = try storedDocument(id)
        return Page.html(HTMLRenderer().document(document, originalAvailable: original(document) != nil))
    }

    func originalFile(_ id: String?) throws(Failure) -> Response {
        let document = try storedDocument(id)
        guard let data = original(document) else { throw Failure(status: .notFound, message: "Originalfilen findes ikke længere på serveren.") }
        let name = URL(fileURLWithPath: document.path).lastPathComponent
        let type = switch URL(fileURLWithPath: name).pathExtension.lowercased() {
        case "pdf": "application/pdf"
        case "html", "htm": "text/plain; charset=utf-8"  // shown as source, never run in the site's origin
        default: "text/plain; charset=utf-8"
        }
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        var headers: HTTPFields = [
            .contentType: type,
            .contentDisposition: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(Markup.encode(name))",
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        ]
        headers[.contentSecurityPolicy] = "default-src 'none'; sandbox"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    // MARK: API

    func apiSearch(_ request: Request) throws(Failure) -> Response {
        let report = try run(try searchRequest(request))
        do { return Page.json(try JSONRenderer().search(report)) } catch { throw Failure(status: .internalServerError, message: "\(error)") }
    }

    func apiSearchCSV(_ request: Request) throws(Failure) -> Response {
        let report = try run(try searchRequest(request))
        return Page.make(.ok, "text/csv; charset=utf-8", CSVRenderer(bom: true, danishHeaders: false).search(report),
                         extra: [.contentDisposition: "attachment; filename=\"referat.csv\""])
    }

    func apiCase(_ request: Request) throws(Failure) -> Response {
        let report = try caseReport(try parameter(request, "nr"))
        do { return Page.json(try JSONRenderer().caseReport(report)) } catch { throw Failure(status: .internalServerError, message: "\(error)") }
    }

    func apiPerson(_ request: Request) throws(Failure) -> Response {
        let reports = try people(try parameter(request, "navn", "name"))
        do { return Page.json(try JSONRenderer().people(reports)) } catch { throw Failure(status: .internalServerError, message: "\(error)") }
    }

    func apiStats() throws(Failure) -> Response {
        do { return Page.json(try JSONRenderer().stats(try stats())) } catch { throw Failure(status: .internalServerError, message: "\(error)") }
    }
}
