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
    private var loaded: ByteStringSet?
    public let path: String

    /// The word forms, read on first use: a query that needs no decompounding never pays for it.
    var words: ByteStringSet {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        var set = ByteStringSet(minimumCapacity: 400_000)
        if let data = FileManager.default.contents(atPath: path) {
            data.withUnsafeBytes { raw in Self.readLines(raw.bindMemory(to: UInt8.self), into: &set) }
        }
        if !set.isEmpty { for word in Self.supplement { set.insert(word) } }
        loaded = set
        return set
    }

    /// One word per line; lines with an apostrophe ("bil's") are skipped. Most lines are
    /// lower-case ASCII already, so only lines with a capital or a non-ASCII byte pay for
    /// Unicode lower-casing: the list loads in a fraction of the time.
    static func readLines(_ bytes: UnsafeBufferPointer<UInt8>, into set: inout ByteStringSet) {
        var lineStart = 0
        var needsLowercasing = false
        var hasApostrophe = false
        for i in 0...bytes.count {
            let byte: UInt8 = i < bytes.count ? bytes[i] : 0x0A
            switch byte {
            case 0x0A:
                if i > lineStart, !hasApostrophe {
                    var end = i
                    if bytes[end - 1] == 0x0D { end -= 1 }
                    let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
                    if needsLowercasing {
                        set.insert(String(decoding: line, as: UTF8.self).lowercased())
                    } else {
                        set.insert(line)
                    }
                }
                lineStart = i + 1
                needsLowercasing = false
                hasApostrophe = false
            case 0x27: hasApostrophe = true
            case 0x41...0x5A, 0x80...: needsLowercasing = true
            default: break
            }
        }
    }

    /// True when the word list was found; without it, nothing is decompounded.
    public var isLoaded: Bool { !words.isEmpty }
    public var count: Int { words.count }

    public init(path: String) {
        self.path = path
    }

    public init(words: some Sequence<String>) {
        path = ""
        loaded = ByteStringSet(words.map { $0.lowercased() })
    }

    public func contains(_ word: some StringProtocol) -> Bool {
        words.contains(String(word))
    }
}
