/// Byte-level work on UTF-8 text for the hot paths that cannot afford `String` per word:
/// cutting snippets and scanning an index for learned words.
public enum UTF8Text {
    /// The scalar that starts at byte `i` of valid UTF-8 and its length in bytes; nil when
    /// the bytes there are cut short.
    @inlinable
    public static func scalar<C: RandomAccessCollection<UInt8>>(in bytes: C, at i: C.Index) -> (scalar: Unicode.Scalar, length: Int)? where C.Index == Int {
        let lead = bytes[i]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard i + length <= bytes.endIndex else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return Unicode.Scalar(value).map { ($0, length) }
    }

    /// True when every character is a lower-case ASCII or Latin-1 letter (a–z, à–ÿ but ÷),
    /// the letters Danish words are written in: then each is a `Character.isLetter` without
    /// a Unicode property lookup. False says nothing; the caller asks `isLetter` itself.
    public static func isLowercaseLatinLetters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b >= 0x61 && b <= 0x7A {
                i += 1
            } else if b == 0xC3, i + 1 < bytes.count, bytes[i + 1] >= 0xA0, bytes[i + 1] <= 0xBF, bytes[i + 1] != 0xB7 {
                i += 2
            } else {
                return false
            }
        }
        return true
    }

    /// Appends `bytes` lower-cased, exactly as `String.lowercased()` would give them.
    ///
    /// ASCII and Latin-1 letters (æ, ø, å, é…) are lower-cased byte by byte, and characters
    /// that lower-casing leaves alone are copied; only text with another capital goes through
    /// `String`.
    public static func appendLowercased(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        // Every byte-wise case below writes as many bytes as it reads, so the output is sized
        // once and written in place (appending byte by byte checked the array's storage for
        // every byte, which was most of the time of the scan after an import).
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: bytes.count))
        let done = out.withUnsafeMutableBufferPointer { whole -> Bool in
            let o = UnsafeMutableBufferPointer(rebasing: whole[start...])
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    o[i] = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
                    i += 1
                } else if b == 0xC3, i + 1 < bytes.count {
                    let c = bytes[i + 1]
                    o[i] = b
                    o[i + 1] = c >= 0x80 && c <= 0x9E && c != 0x97 ? c + 0x20 : c  // À–Þ except ×
                    i += 2
                } else if let (scalar, length) = scalar(in: bytes, at: i), !scalar.properties.changesWhenLowercased {
                    for k in 0..<length { o[i + k] = bytes[i + k] }
                    i += length
                } else {
                    return false
                }
            }
            return true
        }
        if !done {
            out.removeSubrange(start...)
            out += String(decoding: bytes, as: UTF8.self).lowercased().utf8
        }
    }
}
