import Foundation
@testable import ReferatParsing
import ReferatRecords

/// Paths of the package, found from this file so tests run from any working directory.
enum Package {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var corpus: String { root + "/Corpus" }

    /// Corpus files that the parser takes, sorted.
    static func corpusFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []
        return names.filter { [".txt", ".html", ".htm", ".pdf"].contains(where: $0.hasSuffix) }.sorted()
    }
}

/// `text` parsed as a file named "t.txt": what the table-driven layout tests read.
func parse(_ text: String) throws -> Document {
    try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
}
