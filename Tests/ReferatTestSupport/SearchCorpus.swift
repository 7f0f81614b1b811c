import Foundation

/// The `Corpus/` files the search, import and CLI tests are written against: the four seeds,
/// the first samples `1xx_*` (numbered layouts, regions, web pages, letters, encodings) and the
/// search-quality samples `3xx_*`.
///
/// `Corpus/` also holds one or two samples of every real layout family (`2xx_*`, and from
/// 2026-12 on `4xx_*`), for the parser's goldens and `make demo`; the counts and rankings these
/// tests check stay put as that part grows.
public enum SearchCorpus {
    /// The repository's `Corpus/` folder.
    public static let folder: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/Corpus"
    }()

    /// The file names, sorted: all but the layout samples (`2xx`, `4xx`).
    public static let names: [String] = {
        let all = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return all.filter { !$0.hasPrefix("2") && !$0.hasPrefix("4") && [".txt", ".html", ".htm", ".pdf"].contains(where: $0.hasSuffix) }.sorted()
    }()

    /// A new folder holding copies of the files (named "Corpus", so paths in hits read as they
    /// would for the repository's folder).
    public static func copy() throws -> String {
        let target = try Scratch.directory("corpus") + "/Corpus"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        for name in names { try FileManager.default.copyItem(atPath: folder + "/" + name, toPath: target + "/" + name) }
        return target
    }
}
