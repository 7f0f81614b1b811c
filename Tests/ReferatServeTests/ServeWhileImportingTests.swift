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

        // One file per transaction, so the import commits early and often; once its first
        // write shows in the write-ahead log it is stopped (SIGSTOP) in the middle of its work,
        // whatever transaction or segment it holds, and the pages must still answer. Pausing it
        // makes the test independent of how fast the machine is. (Before that write the import
        // is switching the index into WAL mode, a moment that briefly excludes readers and that
        // a running import never stays in.)
        let importer = Process()
        importer.executableURL = URL(fileURLWithPath: Server.binary)
        importer.arguments = ["import", server.corpus, "--index", server.index, "--batch-size", "1"]
        importer.standardOutput = FileHandle.nullDevice
        importer.standardError = FileHandle.nullDevice
        try importer.run()
        let deadline = Date().addingTimeInterval(120)
        func logged() -> Bool { ((try? FileManager.default.attributesOfItem(atPath: server.index + "-wal")[.size] as? Int) ?? 0) > 0 }
        while importer.isRunning, !logged(), Date() < deadline {
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        try #require(importer.isRunning, "the import ended before it could be paused")
        kill(importer.processIdentifier, SIGSTOP)
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
