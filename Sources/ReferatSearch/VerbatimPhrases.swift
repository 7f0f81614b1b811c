import Foundation
import ReferatAnalysis
import ReferatIndex

/// A query's phrases as typed, for ranking the entries that hold them word for word.
///
///     let verbatim = VerbatimPhrases(["indkaldelse af stedfortræder"])
///     verbatim.count(in: "… betingelserne for indkaldelse af stedfortræder er …")  // 1
///     verbatim.count(in: "… var indkaldt som stedfortræder …")                      // 0
///
/// The index holds stems and no stop words, so a phrase also matches other inflections with
/// other small words between them ("indkaldt som stedfortrædere"). Those are found, as words
/// in other forms are, but the wording the user quoted ranks first: within a tier of a page, an
/// entry that holds more of the query's phrases verbatim comes before one that holds fewer.
/// Letters are compared without case, and anything between words (spaces, line breaks,
/// punctuation) counts as one space.
struct VerbatimPhrases: Sendable {
    /// Each phrase folded, between spaces (" indkaldelse af stedfortræder "), as UTF-8.
    private let phrases: [[UInt8]]

    init(_ phrases: [String]) {
        self.phrases = phrases.map { Self.folded($0) }.filter { $0.count > 2 }
    }

    var isEmpty: Bool { phrases.isEmpty }

    /// How many of the phrases `text` holds word for word.
    func count(in text: String) -> Int {
        let folded = Self.folded(text)
        return folded.withUnsafeBufferPointer { haystack in
            phrases.count { phrase in phrase.withUnsafeBufferPointer { Self.occurs($0, in: haystack) } }
        }
    }

    /// `hits` with, within each tier (exact matches, then the rest), the hits that hold more
    /// phrases verbatim first, in their order otherwise.
    func ranked(_ hits: [SearchHit]) -> [SearchHit] {
        let keys = hits.map { hit in (hit.exact ? 0 : 1, -count(in: hit.title + "\n" + (hit.text ?? ""))) }
        return hits.indices.sorted { a, b in
            (keys[a].0, keys[a].1, a) < (keys[b].0, keys[b].1, b)
        }.map { hits[$0] }
    }

    /// The text's UTF-8, lower case, with every run of characters that are neither letters nor
    /// digits as one space, and a space before and after. Made from the UTF-8 bytes, ASCII
    /// without a property lookup: every hit of a phrase query's page is read whole.
    static func folded(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = [0x20]
            out.reserveCapacity(bytes.count + 2)
            var space = false
            func keep(_ scalar: Unicode.Scalar) {
                if space, out.count > 1 { out.append(0x20) }
                space = false
                if scalar.value < 0x80 { out.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { out.append($0) } }
            }
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    switch b {
                    case 0x61...0x7A, 0x30...0x39: keep(Unicode.Scalar(b))
                    case 0x41...0x5A: keep(Unicode.Scalar(b + 0x20))
                    default: space = true
                    }
                    i += 1
                    continue
                }
                guard let (scalar, length) = UTF8Text.scalar(in: bytes, at: i) else { break }
                i += length
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    if scalar.properties.isUppercase, let lower = scalar.properties.lowercaseMapping.unicodeScalars.first {
                        keep(lower)
                    } else {
                        keep(scalar)
                    }
                } else if !scalar.properties.isGraphemeExtend {
                    space = true
                }
            }
            out.append(0x20)
            return out
        }
    }

    /// True when `needle` occurs in `haystack` (both folded: whole words, spaces around).
    private static func occurs(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needle.count <= haystack.count, let first = needle.first else { return false }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first, memcmp(haystack.baseAddress! + i, needle.baseAddress!, needle.count) == 0 { return true }
            i += 1
        }
        return false
    }
}
