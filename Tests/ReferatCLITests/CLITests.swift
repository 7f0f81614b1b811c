import Foundation
import ReferatTestSupport
import Testing

/// Runs the built `referat` binary, as a user would.
enum CLI {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var binary: String {
        ProcessInfo.processInfo.environment["REFERAT_BIN"] ?? root + "/.build/debug/referat"
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:], executable: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        // Output goes to files, so a large output can never block the child on a full pipe.
        let dir = try temporaryDirectory()
        #expect(FileManager.default.createFile(atPath: dir + "/out", contents: nil))
        #expect(FileManager.default.createFile(atPath: dir + "/err", contents: nil))
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/out"))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/err"))
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = try Data(contentsOf: URL(fileURLWithPath: dir + "/out"))
        let errData = try Data(contentsOf: URL(fileURLWithPath: dir + "/err"))
        try? FileManager.default.removeItem(atPath: dir)
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> String {
        try Scratch.directory("cli")
    }
}

@Suite struct ParseCommandTests {
    @Test func parsesSeedToJSON() throws {
        let result = try CLI.run(["parse", "Corpus/002_57d07c45436e4040.txt", "--format", "json"])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let documents = try #require(json?["documents"] as? [[String: Any]])
        let cases = try #require(documents.first?["cases"] as? [[String: Any]])
        #expect(cases.first?["caseNumber"] as? String == "23/222")
        #expect((cases.first?["decisions"] as? [Any])?.count == 4)
    }

    @Test func textSummaryPrintsDanishLetters() throws {
        let result = try CLI.run(["parse", "Corpus/003_746e95f34020876c.txt"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Voksen- og plejeudvalget: Drøftet."))
        #expect(result.stdout.contains("Deltog ikke: Jens Kannegaard Lundager"))
    }

    @Test func badFilesAreNamedAndTheRestStillParse() throws {
        let dir = try CLI.temporaryDirectory()
        let binary = dir + "/image.txt"
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]).write(to: URL(fileURLWithPath: binary))
        let empty = dir + "/empty.txt"
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        let result = try CLI.run(["parse", binary, "Corpus/002_57d07c45436e4040.txt", empty, dir, "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(binary):1: binary data"))
        #expect(result.stderr.contains("\(empty): the file is empty"))
        #expect(result.stderr.contains("\(dir): is a directory"))
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect((json?["documents"] as? [Any])?.count == 1)
    }

    @Test func missingPdftotextOrBrokenPdfIsAClearError() throws {
        let dir = try CLI.temporaryDirectory()
        let pdf = dir + "/broken.pdf"
        try Data("%PDF-1.4\nthis is not a pdf\n".utf8).write(to: URL(fileURLWithPath: pdf))
        let result = try CLI.run(["parse", pdf])
        #expect(result.status == 1)
        #expect(result.stderr.contains(pdf))
        #expect(result.stderr.contains("pdftotext"))
    }
}
