import ReferatRecords

/// Reads a "Bilag" block into attachment records.
///
/// The seeds' systems print groups: `1 -` / `3408659` / `Åben Title (3391/23) (H)`, where a title
/// may run over lines. Other systems print `Bilag 1: Title`, bare file names, or bullet lists.
enum AttachmentParser {
    nonisolated(unsafe) static let groupNumber = #/^([0-9]{1,3})\s*[-–.]$/#
    nonisolated(unsafe) static let documentId = #/^([0-9]{4,12})$/#
    nonisolated(unsafe) static let referenceTail = #/\s*\(([0-9]{1,7}/[0-9]{2,4})\)\s*(?:\([A-ZÆØÅ]\))?\s*$/#
    nonisolated(unsafe) static let labelled = #/^Bilag\s+([0-9]{1,3})\s*[:.–-]\s*(.+)$/#
    nonisolated(unsafe) static let numbered = #/^([0-9]{1,3})[.)]\s+(.+)$/#
    nonisolated(unsafe) static let fileName = #/[\p{L}\p{N}_.()-]+\.(?:pdf|docx?|xlsx?|pptx?|jpe?g|png|txt|msg)\b/#

    static func parse(_ lines: [String]) -> [Attachment] {
        var out: [Attachment] = []
        var i = 0
        let lines = lines.filter { !$0.isEmpty }
        // A group's number line is asked twice, as the end of the title before it and as the
        // start of its group: the second time takes the first answer.
        var lastAsked: (index: Int, number: Substring?)?
        func groupNumber(at index: Int) -> Substring? {
            if let last = lastAsked, last.index == index { return last.number }
            let number = Self.mayBeGroupNumber(lines[index]) ? Self.groupNumberMatch(lines[index]) : nil
            lastAsked = (index, number)
            return number
        }
        while i < lines.count {
            let line = lines[i]
            if let number = groupNumber(at: i) {
                var attachment = Attachment(number: Int(number), title: "")
                i += 1
                if i < lines.count, let id = Self.documentIdMatch(lines[i]) {
                    attachment.documentId = String(id)
                    i += 1
                }
                var parts: [String] = []
                while i < lines.count {
                    var part = lines[i]
                    if parts.isEmpty, let access = leadingAccess(part) {
                        attachment.access = access.0
                        part = access.1
                    }
                    if let ref = referenceMatch(in: part) {
                        attachment.reference = String(ref.reference)
                        part = String(part[..<ref.start])
                        if !part.isEmpty { parts.append(part) }
                        i += 1
                        break
                    }
                    if !parts.isEmpty && groupNumber(at: i) != nil { break }
                    parts.append(part)
                    i += 1
                }
                attachment.title = parts.joined(separator: " ").stripping(" ")
                out.append(attachment)
                continue
            }
            if line.hasPrefix("Bilag"), let m = line.firstMatch(of: labelled) {
                out.append(withReference(Attachment(number: Int(m.1), title: String(m.2))))
            } else if Self.mayNameAFile(line), line.matches(of: fileName).count >= 1, line.replacing(fileName, with: "").stripping(" ,;").isEmpty {
                for file in line.matches(of: fileName) { out.append(Attachment(title: String(file.output))) }
            } else if line.utf8.first?.isASCIIDigit == true, let m = line.firstMatch(of: numbered) {
                out.append(withReference(Attachment(number: Int(m.1), title: String(m.2))))
            } else {
                var title = line.withoutBullet
                var access: Access?
                if let a = leadingAccess(title) { access = a.0; title = a.1 }
                var attachment = withReference(Attachment(title: title))
                attachment.access = access
                out.append(attachment)
            }
            i += 1
        }
        return out
    }

    /// Cheap test before the `groupNumber` pattern: a line that starts with a digit and ends
    /// in "-", "–" or ".". (Each pattern here is tried on every line of a "Bilag" section;
    /// most lines fail the byte test, and the pattern engine costs far more.)
    static func mayBeGroupNumber(_ line: String) -> Bool {
        guard line.utf8.first?.isASCIIDigit == true else { return false }
        return line.hasSuffix("-") || line.hasSuffix(".") || line.hasSuffix("–")
    }

    /// `groupNumber`'s capture ("1 -" → "1").
    static func groupNumberMatch(_ line: String) -> Substring? {
        line.firstMatch(of: groupNumber)?.capture(1)
    }

    /// `documentId`'s capture; a line without a digit first cannot be one.
    static func documentIdMatch(_ line: String) -> Substring? {
        guard line.utf8.first?.isASCIIDigit == true || line.utf8.first ?? 0 >= 0x80 else { return nil }
        return line.firstMatch(of: documentId)?.capture(1)
    }

    /// Cheap test before the `fileName` pattern, which is searched from every position of a
    /// line: a file name needs one of the extensions, whose bytes then occur in the line.
    static func mayNameAFile(_ line: String) -> Bool {
        guard line.containsBytes(".") else { return false }
        return line.containsBytes(".pdf") || line.containsBytes(".doc") || line.containsBytes(".xls") || line.containsBytes(".ppt")
            || line.containsBytes(".jp") || line.containsBytes(".png") || line.containsBytes(".txt") || line.containsBytes(".msg")
    }

    static func leadingAccess(_ text: String) -> (Access, String)? {
        for (word, access) in [("Åben ", Access.open), ("Lukket ", .closed)] where text.hasPrefix(word) {
            return (access, String(text.dropFirst(word.count)))
        }
        return nil
    }

    static func withReference(_ attachment: Attachment) -> Attachment {
        var a = attachment
        if let ref = referenceMatch(in: a.title) {
            a.reference = String(ref.reference)
            a.title = String(a.title[..<ref.start])
        }
        return a
    }

    /// `referenceTail`'s first match in `text`: the reference and where the match starts.
    /// A reference needs a "/" (the guard). After the reference's "(" the pattern allows only
    /// white space and a letter in parentheses ("(3391/23) (H)"), so that "(" is the last one
    /// a digit follows, and a match can only start where the white space before it starts:
    /// the pattern is tried there alone rather than from every position of the title.
    static func referenceMatch(in text: String) -> (reference: Substring, start: String.Index)? {
        guard text.containsBytes("/"), let paren = lastParenBeforeDigit(text) else { return nil }
        let from = text[..<paren].lastIndex(where: { !$0.isWhitespace }).map { text.index(after: $0) } ?? text.startIndex
        guard let m = text[from...].prefixMatch(of: referenceTail), let reference = m.capture(1) else { return nil }
        return (reference, m.range.lowerBound)
    }

    /// The last "(" whose next character starts with an ASCII digit, as `[0-9]` needs.
    static func lastParenBeforeDigit(_ text: String) -> String.Index? {
        var end = text.endIndex
        while let paren = text[..<end].lastIndex(of: "(") {
            let next = text.index(after: paren)
            if next < text.endIndex, let scalar = text[next].unicodeScalars.first, (0x30...0x39).contains(scalar.value) { return paren }
            end = paren
        }
        return nil
    }

}
