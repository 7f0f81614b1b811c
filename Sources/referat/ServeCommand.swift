import ArgumentParser
import Foundation
import ReferatServe
import ReferatStore

/// `referat serve`: the web page, feeds and JSON API for a newsroom, over a read-only index.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the archive as a web page with feeds and a JSON API (read-only).",
        discussion: "Binds to loopback unless --host says otherwise; put a reverse proxy in front for a newsroom."
    )

    @OptionGroup var indexOption: IndexOption

    @Option(help: "The address to listen on (0.0.0.0 for every interface).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
    }

    func run() async throws {
        let store = try indexOption.open(readOnly: true)
        let server = WebServer(store: store, host: host, port: port)
        let address = server.address
        let path = store.path
        try await server.run {
            Console.out("referat serve: \(address) (index \(path), read-only; Ctrl-C stops)")
        }
    }
}
