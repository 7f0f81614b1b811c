import CICU

/// UAX #29 word segmentation through ICU with the Danish locale.
///
/// Holds one ICU break iterator: not thread-safe, make one per thread (the analyzer does).
final class WordBreaker {
    private let iterator: UnsafeMutableRawPointer?
    private var starts = [Int32](repeating: 0, count: 4096)
    private var ends = [Int32](repeating: 0, count: 4096)

    init() {
        iterator = cicu_word_iterator_open()
    }

    deinit { cicu_word_iterator_close(iterator) }

    /// Word ranges in UTF-16 offsets of `units`.
    func words(_ units: [UInt16]) -> [(start: Int, end: Int)] {
        guard let iterator, !units.isEmpty else { return [] }
        var count = units.withUnsafeBufferPointer { text in
            cicu_words(iterator, text.baseAddress, Int32(text.count), &starts, &ends, Int32(starts.count))
        }
        if count > starts.count {
            starts = [Int32](repeating: 0, count: Int(count))
            ends = [Int32](repeating: 0, count: Int(count))
            count = units.withUnsafeBufferPointer { text in
                cicu_words(iterator, text.baseAddress, Int32(text.count), &starts, &ends, Int32(starts.count))
            }
        }
        guard count > 0 else { return [] }
        return (0..<Int(count)).map { (Int(starts[$0]), Int(ends[$0])) }
    }
}

/// NFC normalisation and case folding through ICU, with a fast path for plain Danish words.
enum CaseFolder {
    static func fold(_ word: Substring) -> String {
        // ASCII and precomposed Latin-1 letters lower-case the same under folding.
        if word.unicodeScalars.allSatisfy({ $0.value < 0x100 && $0.value != 0xDF && $0.value != 0xB5 }) {
            return word.lowercased()
        }
        let units = Array(word.utf16)
        var out = [UInt16](repeating: 0, count: units.count * 3 + 8)
        let n = cicu_fold(units, Int32(units.count), &out, Int32(out.count))
        guard n >= 0, Int(n) <= out.count else { return word.lowercased() }
        return String(decoding: out[..<Int(n)], as: UTF16.self)
    }
}
