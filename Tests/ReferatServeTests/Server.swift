import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import ReferatTestSupport
import Testing

/// A real `referat serve` process on a loopback port, over an index built from `Corpus/` plus
/// one document full of hostile text, started once for the test process.
final class Server: Sendable {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var binary: String {
        ProcessInfo.processInfo.environment["REFERAT_BIN"] ?? root + "/.build/debug/referat"
    }

    /// Text the hostile document's title and body carry; the pages must show it as text.
    static let hostileTitle = #"Fjendtlig <script>alert(1)</script> "><img src=x onerror=alert(2)> {{7*7}}"#
    static let hostileCase = "99/666"
    static let hostileWord = "skurkeagtigt"

    static let shared: Server = {
        do { return try Server() } catch { fatalError("cannot start referat serve: \(error)") }
    }()

    let folder: String
    let index: String
    let corpus: String
    let port: Int
    let pid: Int32
    var base: String { "http://127.0.0.1:\(port)" }

    init() throws {
        corpus = try SearchCorpus.copy()
        folder = URL(fileURLWithPath: corpus).deletingLastPathComponent().path
        let seed = try String(contentsOfFile: corpus + "/002_57d07c45436e4040.txt", encoding: .utf8)
        var hostile = seed.replacingOccurrences(of: "Rammeaftale om samarbejde på det specialiserede socialområde 2023-2024", with: Self.hostileTitle)
            .replacingOccurrences(of: "23/222", with: Self.hostileCase)
        hostile = hostile.replacingOccurrences(of: "Kommunerne og Region Midtjylland indgår",
                                               with: "Et \(Self.hostileWord) afsnit </p><script>alert(3)</script> {{constructor}} og Region Midtjylland indgår")
        try hostile.write(toFile: corpus + "/999_hostile.txt", atomically: true, encoding: .utf8)
        index = folder + "/serve.sqlite"
        let imported = try Self.run(["import", corpus, "--index", index], in: folder)
        guard imported.status == 0 else { throw Failure(message: "import failed: \(imported.stderr)") }
        port = try LoopbackPort.free()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["serve", "--index", index, "--port", String(port)]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        FileManager.default.createFile(atPath: folder + "/serve.out", contents: nil)
        FileManager.default.createFile(atPath: folder + "/serve.err", contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/serve.out"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/serve.err"))
        try process.run()
        pid = process.processIdentifier
        Self.started.append(pid)
        atexit { for pid in Server.started { kill(pid, SIGTERM) } }
        // Ready when it prints the address to open.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let out = try? String(contentsOfFile: folder + "/serve.out", encoding: .utf8), out.contains("http://") { return }
            guard process.isRunning else { break }
            usleep(50_000)
        }
        throw Failure(message: "serve did not start: " + ((try? String(contentsOfFile: folder + "/serve.err", encoding: .utf8)) ?? ""))
    }

    nonisolated(unsafe) static var started: [Int32] = []

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }


    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary to the end (the CLI's answers, to compare with the API's).
    static func run(_ arguments: [String], in directory: String) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let dir = try Scratch.directory("serve-cli")
        FileManager.default.createFile(atPath: dir + "/out", contents: nil)
        FileManager.default.createFile(atPath: dir + "/err", contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/out"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/err"))
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: (try? String(contentsOfFile: dir + "/out", encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOfFile: dir + "/err", encoding: .utf8)) ?? "")
    }

    struct Response {
        var status: Int
        var contentType: String
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// GET a path (with its query string, already encoded) from the server.
    func get(_ path: String) async throws -> Response {
        let url = try #require(URL(string: base + path))
        var request = URLRequest(url: url)
        request.timeoutInterval = 60
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return Response(status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type") ?? "", body: data)
    }
}
