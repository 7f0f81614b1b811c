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
        while i < lines.count {
            let line = lines[i]
            if Self.mayBeGroupNumber(line), let number = Self.groupNumberMatch(line) {
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
                    if !parts.isEmpty && Self.mayBeGroupNumber(lines[i]) && Self.groupNumberMatch(lines[i]) != nil { break }
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
                var title = line.hasPrefix("• ") ? String(line.dropFirst(2)) : line
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

    /// `groupNumber`'s capture ("1 -" → "1"), read from the bytes: digits, spaces, one dash or
    /// point. A line with other bytes where the spaces may be (a no-break space) goes to the
    /// pattern.
    static func groupNumberMatch(_ line: String) -> Substring? {
        let byHand: Substring?? = line.withByteScanner { s -> Substring?? in
            let digits = s.digits()
            guard (1...3).contains(digits) else { return .some(nil) }
            s.skip { $0 == 0x20 || $0 == 0x09 }
            let mark = s.next
            if (s.take(0x2D) || s.take(0x2E) || s.take("–")) && s.isAtEnd { return .some(Substring(line.utf8.prefix(digits))) }
            return (mark ?? 0) >= 0x80 ? nil : .some(nil)
        } ?? nil
        if let byHand { return byHand }
        return line.firstMatch(of: groupNumber).map(\.1)
    }

    /// `documentId`'s capture: the line is 4 to 12 ASCII digits. A line with a byte outside
    /// ASCII goes to the pattern.
    static func documentIdMatch(_ line: String) -> Substring? {
        let utf8 = line.utf8
        if utf8.allSatisfy(\.isASCIIDigit) { return (4...12).contains(utf8.count) ? Substring(line) : nil }
        guard utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        return line.firstMatch(of: documentId).map(\.1)
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
    ///
    /// The pattern is tried from the whitespace before the last "(" that a digit follows, not
    /// from every character of a long title. No match can start earlier: after a match's
    /// reference only spaces and one "(H)"-like letter in parentheses may come, so its "(" is
    /// that last one, and the match takes in all the whitespace before it. Where a byte
    /// before that "(" might be whitespace outside ASCII, the whole text is searched.
    static func referenceMatch(in text: String) -> (reference: Substring, start: String.Index)? {
        guard text.containsBytes("/") else { return nil }
        let utf8 = text.utf8
        var paren: String.Index?
        var i = utf8.endIndex
        while i > utf8.startIndex {
            let previous = utf8.index(before: i)
            if utf8[previous] == 0x28, i < utf8.endIndex, utf8[i].isASCIIDigit { paren = previous; break }
            i = previous
        }
        guard let paren else { return nil }
        var start = paren
        var startIsCertain = true
        while start > utf8.startIndex {
            let previous = utf8.index(before: start)
            let b = utf8[previous]
            if b.isASCIIWhitespace {
                start = previous
            } else {
                if b >= 0x80 { start = utf8.startIndex; startIsCertain = false }
                break
            }
        }
        if startIsCertain, let reference = referenceByHand(text, from: paren) { return (reference, start) }
        guard let m = text[start...].firstMatch(of: referenceTail) else { return nil }
        return (m.1, m.range.lowerBound)
    }

    /// The reference when the text from `paren` on is exactly what `referenceTail` takes after
    /// its leading white space: "(3391/23)", then optionally "(H)", with ASCII spaces or tabs
    /// between and after. Then the pattern, tried from the white space before `paren`, matches
    /// there with this reference. Anything else (nil) is left to the pattern.
    static func referenceByHand(_ text: String, from paren: String.Index) -> Substring? {
        let found: Range<Int>?? = text.withByteScanner(at: text.utf8.distance(from: text.utf8.startIndex, to: paren)) { s in
            let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
            guard s.take(0x28) else { return nil }
            let referenceStart = s.offset
            guard (1...7).contains(s.digits()), s.take(0x2F), (2...4).contains(s.digits()) else { return nil }
            let referenceEnd = s.offset
            guard s.take(0x29) else { return nil }
            s.skip(while: blank)
            if s.take(0x28) {
                // [A-ZÆØÅ], then ")".
                guard s.take(where: { $0 >= 0x41 && $0 <= 0x5A }) || s.take("Æ") || s.take("Ø") || s.take("Å"), s.take(0x29) else { return nil }
                s.skip(while: blank)
            }
            return s.isAtEnd ? referenceStart..<referenceEnd : nil
        }
        guard let range = found ?? nil else { return nil }
        return text[text.utf8Index(range.lowerBound)..<text.utf8Index(range.upperBound)]
    }

}
