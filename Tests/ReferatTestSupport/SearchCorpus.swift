import Foundation

/// The twenty `Corpus/` files the search, import and CLI tests are written against: the four
/// seeds and the samples `1xx_*` (numbered layouts, regions, web pages, letters, encodings).
///
/// `Corpus/` also holds one or two samples of every real layout family (`2xx_*`), for the
/// parser's goldens and `make demo`; the counts and rankings these tests check stay put as
/// that part grows.
public enum SearchCorpus {
    /// The repository's `Corpus/` folder.
    public static let folder: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/Corpus"
    }()

    /// The file names, sorted: the seeds (`0xx`) and the first samples (`1xx`).
    public static let names: [String] = {
        let all = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return all.filter { ($0.hasPrefix("0") || $0.hasPrefix("1")) && [".txt", ".html", ".htm", ".pdf"].contains(where: $0.hasSuffix) }.sorted()
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
