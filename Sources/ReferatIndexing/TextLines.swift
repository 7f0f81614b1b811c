/// The lines of a text, split where `split(whereSeparator: \.isNewline)` splits it, found by
/// reading UTF-8 bytes instead of characters.
///
/// Every newline character (LF, CR, CR LF, VT, FF, NEL, LS, PS) is a grapheme break on both
/// sides, so cutting at its bytes gives the same lines as cutting at characters; an empty
/// piece between CR and LF is left out as the character split leaves out empty lines. The
/// whole-document scans of `CommitteeAbbreviationFinder` run over these lines, and walking
/// grapheme clusters to find them cost more than the scans themselves.
enum TextLines {
    static func of(_ text: String) -> [Substring] {
        let offsets: [(Int, Int)]? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var out: [(Int, Int)] = []
            var start = 0, i = 0
            while i < bytes.count {
                let width = newlineWidth(bytes, at: i)
                guard width > 0 else { i += 1; continue }
                if i > start { out.append((start, i)) }
                i += width
                start = i
            }
            if bytes.count > start { out.append((start, bytes.count)) }
            return out
        }
        guard let offsets else { return text.split(whereSeparator: \.isNewline) }
        let utf8 = text.utf8
        return offsets.map { lower, upper in
            text[utf8.index(utf8.startIndex, offsetBy: lower)..<utf8.index(utf8.startIndex, offsetBy: upper)]
        }
    }

    /// The bytes of the newline character that starts at `i`, or 0.
    private static func newlineWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        switch bytes[i] {
        case 0x0A...0x0D: return 1
        case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0x85: return 2
        case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9): return 3
        default: return 0
        }
    }
}
