import CStemmer

/// Snowball's Danish stemmer through Debian's libstemmer.
///
/// libstemmer is not thread-safe and its result buffer lives until the next call, so each
/// analyzer owns one stemmer and copies results out at once.
final class SnowballStemmer {
    private let stemmer: OpaquePointer?
    private var cache: [String: String] = [:]

    init(language: String = "danish") {
        stemmer = sb_stemmer_new(language, "UTF_8")
    }

    deinit { sb_stemmer_delete(stemmer) }

    var isAvailable: Bool { stemmer != nil }

    /// The stem of a lower-cased, NFC word.
    func stem(_ word: String) -> String {
        if let hit = cache[word] { return hit }
        guard let stemmer else { return word }
        var copy = word
        let result: String = copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress,
                  let out = sb_stemmer_stem(stemmer, base, Int32(bytes.count)) else { return word }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: out, count: length), as: UTF8.self)
        }
        if cache.count > 20_000 { cache.removeAll(keepingCapacity: true) }
        cache[word] = result
        return result
    }
}
