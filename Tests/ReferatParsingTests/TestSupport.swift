import Foundation

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
