import Foundation
import ReferatParsing
import ReferatRecords
import Testing

/// Every `Corpus/` file parses to the JSON checked in under `Golden/`.
///
/// Re-record after an intended change with `REFERAT_RECORD_GOLDENS=1 swift test`, then review the diff.
@Suite struct GoldenTests {
    static let recording = ProcessInfo.processInfo.environment["REFERAT_RECORD_GOLDENS"] == "1"

    @Test(arguments: Package.corpusFiles())
    func corpusFileMatchesGolden(_ name: String) throws {
        let document = try DocumentParser().parse(fileAt: Package.corpus + "/" + name)
        var relative = document
        relative.path = "Corpus/" + name
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(relative), as: UTF8.self) + "\n"
        let goldenPath = Package.root + "/Tests/ReferatParsingTests/Golden/" + name + ".json"
        if Self.recording || !FileManager.default.fileExists(atPath: goldenPath) {
            try json.write(toFile: goldenPath, atomically: false, encoding: .utf8)
            if !Self.recording { Issue.record("golden \(goldenPath) was missing and has been written; review it") }
            return
        }
        let golden = try String(contentsOfFile: goldenPath, encoding: .utf8)
        // On a difference, the first differing line, not two whole documents, goes to the log.
        if json != golden {
            let got = json.split(separator: "\n", omittingEmptySubsequences: false), want = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
            let show = { (lines: [Substring]) in line < lines.count ? String(lines[line].prefix(160)) : "(end)" }
            Issue.record("\(name) differs from its golden at line \(line + 1): got \(show(got)), golden has \(show(want)); re-record with REFERAT_RECORD_GOLDENS=1 if intended")
        }
    }

    @Test func everyCorpusFileHasAGolden() throws {
        let goldens = Set(try FileManager.default.contentsOfDirectory(atPath: Package.root + "/Tests/ReferatParsingTests/Golden"))
        let wanted = Set(Package.corpusFiles().map { $0 + ".json" })
        // Only the differences, so the log names the file at fault.
        #expect(wanted.subtracting(goldens).sorted() == [], "Corpus files without a golden")
        #expect(goldens.subtracting(wanted).sorted() == [], "goldens without a Corpus file")
        #expect(Package.corpusFiles().count >= 16)
    }
}
