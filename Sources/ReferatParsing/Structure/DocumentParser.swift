public import ReferatRecords

/// Parses a source file into a `Document`: the entry point of the parsing layer.
///
///     let document = try DocumentParser().parse(fileAt: "Corpus/002_57d07c45436e4040.txt")
///     print(document.cases[0].caseNumber)  // "23/222"
///
/// Never traps on any input: bad files throw `ParseError` naming the path (and line).
public struct DocumentParser: Sendable {
    /// Files above this size are refused: minutes are rarely over a few MB of text.
    public var maximumBytes: Int
    /// Lines longer than this are cut into pieces so that no pattern sees megabytes at once.
    public var maximumLineLength = 20_000

    public init(maximumBytes: Int = 64 << 20) {
        self.maximumBytes = maximumBytes
    }

    /// Input formats, chosen by file extension.
    public enum Format: Sendable {
        case text, html, pdf

        public init?(path: String) {
            switch path.split(separator: ".").last?.lowercased() {
            case "txt", "text": self = .text
            case "html", "htm", "xhtml": self = .html
            case "pdf": self = .pdf
            default: return nil
            }
        }
    }

    /// Reads and parses the file at `path`.
    public func parse(fileAt path: String) throws(ParseError) -> Document {
        let format = Format(path: path) ?? .text
        let bytes = try FileReader.read(path, limit: maximumBytes)
        if format == .pdf {
            let text = try PDFText.extract(path: path)
            return try parse(bytes: Array(text.utf8), path: path, format: .pdf, sha256: SHA256.hex(bytes))
        }
        return try parse(bytes: bytes, path: path, format: format)
    }

    /// Reads a file's bytes with the same checks and messages as `parse(fileAt:)`.
    public func readFile(_ path: String) throws(ParseError) -> [UInt8] {
        try FileReader.read(path, limit: maximumBytes)
    }

    /// Parses bytes already in memory; `path` is used for messages and the record.
    ///
    /// The bytes, the decoded text and the source lines are each let go as soon as the next
    /// form is made, so that a large file is not held several times over: pass the bytes with
    /// `consume` when the caller has no further use for them.
    public func parse(bytes: consuming [UInt8], path: String, format: Format = .text, sha256: String? = nil) throws(ParseError) -> Document {
        let sha256 = sha256 ?? SHA256.hex(bytes)
        var decoded = try SourceDecoder().decode(bytes, path: path)
        bytes = []
        var warnings = decoded.warnings
        var text = decoded.text
        decoded.text = ""
        var htmlTitle: String?
        if format == .html {
            let page = HTMLText.extract(text)
            text = page.text
            htmlTitle = page.title
        }
        text = splitLongLines(text, warnings: &warnings)
        let cleaned = TextCleaner().clean(consume text)
        guard cleaned.lines.contains(where: { !$0.isBlank }) else {
            throw ParseError(path: path, message: "no text found (the file holds only whitespace or markup)")
        }
        var document = DocumentAssembler(
            lines: cleaned.lines, links: cleaned.links, routingGrids: cleaned.routingGrids, isWebpage: format == .html || cleaned.looksLikeWebpage, htmlTitle: htmlTitle,
            mayBeArticle: format == .text && !cleaned.fromDocumentSite, linksLikeItemPage: cleaned.linksLikeItemPage,
            onlyLinksToDocument: cleaned.onlyLinksToDocument
        ).assemble()
        document.path = path
        document.sha256 = sha256
        document.warnings = warnings + document.warnings
        return document
    }

    private func splitLongLines(_ text: String, warnings: inout [ParseWarning]) -> String {
        guard text.utf8.count > maximumLineLength else { return text }
        // Line by line with memchr: every file over the limit in size is scanned here.
        var copy = text
        let (longest, firstLong) = copy.withUTF8 { bytes -> (Int, Int?) in
            var longest = 0, lineNumber = 1, firstLong: Int?
            var start = 0
            while start <= bytes.count {
                let end = bytes.firstOffset(of: 0x0A, from: start) ?? bytes.count
                if end - start > maximumLineLength && firstLong == nil { firstLong = lineNumber }
                longest = max(longest, end - start)
                lineNumber += 1
                start = end + 1
            }
            return (longest, firstLong)
        }
        guard let firstLong else { return text }
        warnings.append(ParseWarning(line: firstLong, message: "line of \(longest) bytes cut into pieces of at most \(maximumLineLength)"))
        var out = ""
        out.reserveCapacity(text.utf8.count + text.utf8.count / maximumLineLength)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !out.isEmpty { out += "\n" }
            guard line.utf8.count > maximumLineLength else { out += line; continue }
            // Pieces stay on one source line: a vertical tab is removed later, a form feed would not be.
            var piece = 0
            for ch in line {
                if piece >= maximumLineLength && ch == " " {
                    out += "\r"
                    piece = 0
                    continue
                }
                out.append(ch)
                piece += ch.utf8.count
            }
        }
        return out
    }
}
