import Foundation

/// The Danish word forms that decompounding and hyphen repair trust.
///
/// Loaded once per process from `/usr/share/dict/danish` (Debian package wdanish, ~313,000
/// forms), lower-cased. Words seen standalone in the corpus can be added by the importer.
public final class DanishLexicon: @unchecked Sendable {
    public static let defaultPath = "/usr/share/dict/danish"

    /// Words of municipal Danish that wdanish lacks but compounds are built from
    /// ("specialundervisning", "dagtilbudsområdet").
    public static let supplement: Set<String> = ["special", "dagtilbud", "dagtilbuddet", "dagtilbuddene"]

    /// The shared lexicon, loaded on first use.
    public static let shared = DanishLexicon(path: ProcessInfo.processInfo.environment["REFERAT_WORDLIST"] ?? defaultPath)

    private let lock = NSLock()
    private var loaded: Set<String>?
    public let path: String

    /// The word forms, read on first use: a query that needs no decompounding never pays for it.
    var words: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        var set = Set<String>()
        if let data = FileManager.default.contents(atPath: path) {
            set.reserveCapacity(320_000)
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.contains("'") {
                set.insert(line.lowercased())
            }
        }
        if !set.isEmpty { set.formUnion(Self.supplement) }
        loaded = set
        return set
    }

    /// True when the word list was found; without it, nothing is decompounded.
    public var isLoaded: Bool { !words.isEmpty }
    public var count: Int { words.count }

    public init(path: String) {
        self.path = path
    }

    public init(words: some Sequence<String>) {
        path = ""
        loaded = Set(words.map { $0.lowercased() })
    }

    public func contains(_ word: some StringProtocol) -> Bool {
        words.contains(String(word))
    }
}
