import Foundation
import Testing

/// The server reads the index read-only: an import in another process writes beside it, pages
/// keep answering from the last commit, and what the import adds appears once it commits.
@Suite struct ServeWhileImportingTests {
    @Test func pagesAnswerWhileAnImportWrites() async throws {
        let server = try Server()
        let seed = try String(contentsOfFile: server.corpus + "/002_57d07c45436e4040.txt", encoding: .utf8)
        for i in 0..<200 {
            let text = seed.replacingOccurrences(of: "23/222", with: "77/\(1000 + i)")
                .replacingOccurrences(of: "Kommunerne og Region Midtjylland indgår", with: "Nyhedsordetzyx \(i) og Region Midtjylland indgår")
            try text.write(toFile: server.corpus + "/800_new_\(i).txt", atomically: true, encoding: .utf8)
        }
        let before = try await server.get("/?q=nyhedsordetzyx")
        #expect(before.text.contains("0 resultater"))

        // One file per transaction, so the import commits early and often. The debug binary
        // stops itself (SIGSTOP, `REFERAT_TEST_STOP_AT`) once its second commit is recorded, in
        // the middle of its work, and the pages must still answer. Stopping at a named point
        // makes the test independent of how fast or loaded the machine is (polling for the
        // import's first write missed it under load: the import ran to its end meanwhile).
        let importer = Process()
        importer.executableURL = URL(fileURLWithPath: Server.binary)
        importer.arguments = ["import", server.corpus, "--index", server.index, "--batch-size", "1"]
        importer.environment = ProcessInfo.processInfo.environment.merging(["REFERAT_TEST_STOP_AT": "recorded:2"]) { $1 }
        importer.standardOutput = FileHandle.nullDevice
        importer.standardError = FileHandle.nullDevice
        try importer.run()
        let deadline = Date().addingTimeInterval(300)
        func stopped() -> Bool {
            let stat = (try? String(contentsOfFile: "/proc/\(importer.processIdentifier)/stat", encoding: .utf8)) ?? ""
            return stat.split(separator: ")").last?.split(separator: " ").first == "T"
        }
        while importer.isRunning, !stopped(), Date() < deadline {
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        try #require(importer.isRunning && stopped(), "the import did not stop at its second commit")
        for _ in 0..<3 {
            let page = try await server.get("/?q=kommunerne")
            #expect(page.status == 200)
            #expect(page.text.contains("id=\"antal\""))
        }
        #expect(importer.isRunning)
        kill(importer.processIdentifier, SIGCONT)
        importer.waitUntilExit()
        #expect(importer.terminationStatus == 0)

        let after = try await server.get("/?q=nyhedsordetzyx")
        #expect(after.text.contains("200 resultater"))
        let feed = try await server.get("/feed?q=nyhedsordetzyx")
        #expect(feed.text.components(separatedBy: "<entry>").count - 1 == 20)
    }
}
