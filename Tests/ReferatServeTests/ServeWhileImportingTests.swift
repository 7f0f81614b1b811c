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
        // write shows on disk it is stopped (SIGSTOP) in the middle of its work, whatever it
        // holds, and the pages must still answer. Pausing it makes the test independent of how
        // fast the machine is.
        let importer = Process()
        importer.executableURL = URL(fileURLWithPath: Server.binary)
        importer.arguments = ["import", server.corpus, "--index", server.index, "--batch-size", "1"]
        importer.standardOutput = FileHandle.nullDevice
        importer.standardError = FileHandle.nullDevice
        let untouched = Self.fingerprint(of: server.index)
        try importer.run()
        let deadline = Date().addingTimeInterval(120)
        while importer.isRunning, Self.fingerprint(of: server.index) == untouched, Date() < deadline {
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

    /// Names, sizes and modification times of the index file, its SQLite companions and its
    /// segment folder: any write by the import changes it.
    static func fingerprint(of index: String) -> [String] {
        let folder = URL(fileURLWithPath: index).deletingLastPathComponent().path
        let name = URL(fileURLWithPath: index).lastPathComponent
        let manager = FileManager.default
        var paths = ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix(name) }.map { folder + "/" + $0 }
        paths += ((try? manager.contentsOfDirectory(atPath: index + ".segments")) ?? []).map { index + ".segments/" + $0 }
        return paths.sorted().map { path in
            let attributes = try? manager.attributesOfItem(atPath: path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(path) \(size) \(modified)"
        }
    }
}
