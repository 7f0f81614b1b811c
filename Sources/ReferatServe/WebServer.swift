import Foundation
import HTTPTypes
import Hummingbird
public import ReferatPresentation
public import ReferatStore

/// `referat serve`: the newsroom's web page, feeds and JSON API over a read-only index.
///
/// The index is opened read-only, so the server never writes to it; SQLite's WAL lets an
/// import in another process commit while pages keep answering from the last commit.
public struct WebServer: Sendable {
    public var host: String
    public var port: Int
    let site: Site

    public init(store: ArchiveStore, host: String, port: Int, limits: SearchRequest.Limits = .init()) {
        self.host = host
        self.port = port
        let shown = host.contains(":") ? "[\(host)]" : host
        site = Site(store: store, limits: limits, fallbackBase: "http://\(shown):\(port)")
    }

    /// The address to open in a browser.
    public var address: String { site.fallbackBase + "/" }

    /// Serves until the process is stopped (SIGINT or SIGTERM); `ready` is called once the
    /// server listens.
    public func run(ready: @escaping @Sendable () -> Void = {}) async throws {
        let app = Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "referat"),
            onServerRunning: { _ in ready() }
        )
        try await app.runService()
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: ErrorPages(site: site))
        let site = self.site
        router.get("/") { request, _ in try site.searchPage(request) }
        router.get("/feed") { request, _ in try site.feed(request) }
        router.get("/sag") { request, _ in try site.casePage(request) }
        router.get("/person") { request, _ in try site.personPage(request) }
        router.get("/arkiv") { _, _ in try site.archivePage() }
        router.get("/hjaelp") { _, _ in Page.html(HTMLRenderer().help()) }
        router.get("/dokument/:id") { _, context in try site.documentPage(context.parameters.get("id")) }
        router.get("/dokument/:id/original") { _, context in try site.originalFile(context.parameters.get("id")) }
        router.get("/api/search") { request, _ in try site.apiSearch(request) }
        router.get("/api/search.csv") { request, _ in try site.apiSearchCSV(request) }
        router.get("/api/case") { request, _ in try site.apiCase(request) }
        router.get("/api/person") { request, _ in try site.apiPerson(request) }
        router.get("/api/stats") { _, _ in try site.apiStats() }
        return router
    }
}

/// Turns failures into pages: HTML for the site, `{"error": …}` under /api/, and the router's
/// own 404 for an unknown address into the site's 404 page.
struct ErrorPages<Context: RequestContext>: RouterMiddleware {
    let site: Site

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let failure as Site.Failure {
            return page(request, failure.status, failure.message)
        } catch let error as HTTPError where error.status == .notFound {
            return page(request, .notFound, "Siden findes ikke.")
        } catch let error as HTTPError {
            return page(request, error.status, error.body ?? error.status.reasonPhrase)
        } catch {
            return page(request, .internalServerError, "Serveren fejlede: \(error)")
        }
    }

    func page(_ request: Request, _ status: HTTPResponse.Status, _ message: String) -> Response {
        if request.uri.path.hasPrefix("/api/") {
            let body = (try? JSONRenderer().encode(["error": message, "status": String(status.code)])) ?? "{}"
            return Page.json(body, status: status)
        }
        return Page.html(HTMLRenderer().error(status: status.code, message: message), status: status)
    }
}
