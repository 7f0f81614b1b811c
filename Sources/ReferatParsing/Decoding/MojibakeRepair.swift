import ReferatRecords

/// Repairs UTF-8 text that was decoded with the wrong single-byte code page somewhere upstream.
///
/// "Ã¸" is "ø" read as Windows-1252; "├ą" is "å" read as CP852 and "├Ñ" as CP850. A line is
/// repaired only when every character maps back to a byte in one code page and those bytes are
/// valid UTF-8 that no longer contains the marker: otherwise the line is left as it was.
enum MojibakeRepair {
    private struct CodePage {
        let name: String
        let reverse: [UInt32: UInt8]
        /// Lead characters of a two-byte UTF-8 sequence for Danish letters (0xC3, 0xC2, 0xE2 bytes).
        let markers: Set<Character>
    }

    private static let pages: [CodePage] = [
        page("Windows-1252", LegacyCodePages.windows1252),
        page("CP850", LegacyCodePages.cp850),
        page("CP852", LegacyCodePages.cp852),
    ]

    private static func page(_ name: String, _ table: [UInt32]) -> CodePage {
        var reverse: [UInt32: UInt8] = [:]
        for (i, scalar) in table.enumerated() { reverse[scalar] = UInt8(0x80 + i) }
        let markers = Set([0xC3, 0xC2, 0xE2].compactMap { Unicode.Scalar(table[$0 - 0x80]).map(Character.init) })
        return CodePage(name: name, reverse: reverse, markers: markers)
    }

    static func repair(_ text: String) -> (String, [ParseWarning]) {
        // Fast path, on bytes: none of the lead characters (Ã Â â Ô ├ ┬) occurs anywhere.
        guard mayContainMarker(text) else { return (text, []) }

        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var firstLine: Int?
        var count = 0
        var used = Set<String>()
        for i in lines.indices {
            for page in pages where lines[i].contains(where: { page.markers.contains($0) }) {
                if let fixed = repairLine(lines[i], page) {
                    lines[i] = fixed
                    firstLine = firstLine ?? i + 1
                    count += 1
                    used.insert(page.name)
                    break
                }
            }
        }
        guard count > 0 else { return (text, []) }
        let message = "repaired mojibake (UTF-8 read as \(used.sorted().joined(separator: "/"))) on \(count) line\(count == 1 ? "" : "s")"
        return (lines.joined(separator: "\n"), [ParseWarning(line: firstLine, message: message)])
    }

    static func mayContainMarker(_ text: String) -> Bool {
        // On the UTF-8 buffer: every file is scanned, and the string's byte iterator is slower.
        var copy = text
        return copy.withUTF8 { bytes in
            var previous: UInt8 = 0, before: UInt8 = 0
            for byte in bytes {
                if previous == 0xC3 && (byte == 0x83 || byte == 0x82 || byte == 0xA2 || byte == 0x94) { return true }
                if before == 0xE2 && previous == 0x94 && (byte == 0x9C || byte == 0xAC) { return true }
                before = previous
                previous = byte
            }
            return false
        }
    }

    private static func repairLine(_ line: String, _ page: CodePage) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(line.utf8.count)
        for scalar in line.unicodeScalars {
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else if let byte = page.reverse[scalar.value] {
                bytes.append(byte)
            } else {
                return nil
            }
        }
        guard let fixed = String(validating: bytes, as: UTF8.self), fixed != line else { return nil }
        return fixed
    }
}
