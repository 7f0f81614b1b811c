import ReferatRecords

/// Turns a file's raw bytes into Unicode text, whatever they are.
///
/// Danish archives hold UTF-8, UTF-16 with a byte-order mark, Windows-1252 and Latin-1 files,
/// and UTF-8 that was once read as the wrong code page ("Ã¸" for "ø", "├ą" for "å"). The decoder
/// detects each, converts, and repairs mojibake line by line where the repair is unambiguous,
/// leaving a warning for each. Binary data is refused with an error rather than indexed as noise.
public struct SourceDecoder: Sendable {
    public init() {}

    /// Decodes `bytes`; throws `ParseError` for empty or binary input.
    func decode(_ bytes: [UInt8], path: String) throws(ParseError) -> DecodedText {
        var warnings: [ParseWarning] = []
        if bytes.isEmpty { throw ParseError(path: path, message: "the file is empty") }

        var text: String
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            text = Self.decodeUTF16(bytes.dropFirst(2), littleEndian: bytes[0] == 0xFF)
            warnings.append(ParseWarning(line: nil, message: "UTF-16 text converted to UTF-8"))
        } else {
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            if let nul = Self.binaryEvidence(body) {
                throw ParseError(path: path, line: nul, message: "binary data, not text (NUL or control bytes); skipped")
            }
            if let utf8 = String(validating: body, as: UTF8.self) {
                text = utf8
            } else {
                text = Self.decodeSingleByte(body, table: LegacyCodePages.windows1252)
                let line = Self.firstInvalidUTF8Line(body)
                warnings.append(ParseWarning(line: line, message: "not valid UTF-8; read as Windows-1252/Latin-1"))
            }
        }
        if text.containsByte(0) {
            text.removeAll { $0 == "\u{0}" }
            warnings.append(ParseWarning(line: nil, message: "NUL characters removed"))
        }
        let (repaired, mojibakeWarnings) = MojibakeRepair.repair(text)
        warnings += mojibakeWarnings
        return DecodedText(text: repaired, warnings: warnings)
    }

    /// The line of the first NUL byte, or of a run of control bytes, when the data looks binary.
    static func binaryEvidence(_ bytes: [UInt8]) -> Int? {
        let sample = bytes.prefix(65_536)
        var controls = 0
        var line = 1
        for byte in sample {
            if byte == 0x0A { line += 1 }
            if byte == 0 && bytes.count > 1 { return line }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { controls += 1 }
        }
        return controls * 20 > sample.count ? 1 : nil
    }

    static func decodeSingleByte(_ bytes: [UInt8], table: [UInt32]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let value = byte < 0x80 ? UInt32(byte) : table[Int(byte) - 0x80]
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    static func decodeUTF16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (i, byte) in bytes.enumerated() where byte == 0x0A {
            if String(validating: bytes[start..<i], as: UTF8.self) == nil { return line }
            line += 1
            start = i + 1
        }
        return line
    }
}
