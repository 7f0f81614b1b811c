import Foundation
import Testing

/// The server reads the index read-only: an import in another process writes beside it, pages
/// keep answering from the last commit, and what the import adds appears once it commits.
@Suite struct ServeWhileImportingTests {
    @Test func pagesAnswerWhileAnImportWrites() async throws {
        let server = try Server()
        let seed = try String(contentsOfFile: server.corpus + "/002_57d07c45436e4040.txt", encoding: .utf8)
        // Enough files that the import outlasts a few page requests on a loaded machine.
        for i in 0..<200 {
            let text = seed.replacingOccurrences(of: "23/222", with: "77/\(1000 + i)")
                .replacingOccurrences(of: "Kommunerne og Region Midtjylland indgår", with: "Nyhedsordetzyx \(i) og Region Midtjylland indgår")
            try text.write(toFile: server.corpus + "/800_new_\(i).txt", atomically: true, encoding: .utf8)
        }
        let before = try await server.get("/?q=nyhedsordetzyx")
        #expect(before.text.contains("0 resultater"))

        let importer = Process()
        importer.executableURL = URL(fileURLWithPath: Server.binary)
        importer.arguments = ["import", server.corpus, "--index", server.index]
        importer.standardOutput = FileHandle.nullDevice
        importer.standardError = FileHandle.nullDevice
        try importer.run()
        var answeredDuringImport = 0
        while importer.isRunning {
            let page = try await server.get("/?q=kommunerne")
            #expect(page.status == 200)
            #expect(page.text.contains("id=\"antal\""))
            if importer.isRunning { answeredDuringImport += 1 }
        }
        importer.waitUntilExit()
        #expect(importer.terminationStatus == 0)
        #expect(answeredDuringImport > 0)

        let after = try await server.get("/?q=nyhedsordetzyx")
        #expect(after.text.contains("200 resultater"))
        let feed = try await server.get("/feed?q=nyhedsordetzyx")
        #expect(feed.text.components(separatedBy: "<entry>").count - 1 == 20)
    }
}
