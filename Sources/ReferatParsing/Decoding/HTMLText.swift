/// Plain text from an HTML page, with page furniture (navigation, header, footer, cookie
/// banners, scripts) removed and block elements turned into lines.
enum HTMLText {
    /// Elements whose whole content is dropped.
    static let dropped: Set<String> = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "select", "svg", "template", "iframe", "head"]
    /// Class or id words that mark furniture on any element.
    static let furnitureMarkers = ["cookie", "breadcrumb", "skip", "menu", "navigation", "footer", "share", "consent", "banner"]
    static let blocks: Set<String> = ["p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "table", "ul", "ol", "dd", "dt", "blockquote", "pre", "hr", "main", "body", "dl", "figcaption", "caption", "address"]

    static func extract(_ html: String) -> (title: String?, text: String) {
        var out = ""
        var title: String?
        var h1: String?
        var capture: String?  // text inside <title> or <h1>
        var skipTag: String?
        var skipDepth = 0
        // Lists open around the text: a nested list's items are indented, two spaces a level.
        var listDepth = 0
        var i = html.startIndex
        while i < html.endIndex {
            let ch = html[i]
            if ch == "<" {
                if html[i...].hasPrefix("<!--") {
                    i = html[i...].firstRange(of: "-->")?.upperBound ?? html.endIndex
                    continue
                }
                guard let close = html[i...].firstIndex(of: ">") else { break }
                let tagText = html[html.index(after: i)..<close]
                i = html.index(after: close)
                let isEnd = tagText.hasPrefix("/")
                let name = tagText.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
                let selfClosing = tagText.hasSuffix("/")
                if let skipping = skipTag {
                    if name == skipping { skipDepth += isEnd ? -1 : (selfClosing ? 0 : 1) }
                    if skipDepth <= 0 { skipTag = nil }
                    continue
                }
                if !isEnd && !selfClosing {
                    let attributes = tagText.lowercased()
                    let marked = (attributes.contains("class=") || attributes.contains("id=") || attributes.contains("role=\"navigation\""))
                        && furnitureMarkers.contains { attributes.contains($0) }
                    if dropped.contains(name) && name != "head" || marked {
                        skipTag = name
                        skipDepth = 1
                        continue
                    }
                }
                if name == "title" || name == "h1" {
                    if isEnd {
                        let text = decodeEntities(capture ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
                        if name == "title" { title = title ?? text } else { h1 = h1 ?? text }
                        capture = nil
                    } else {
                        capture = ""
                    }
                    if name == "title" { continue }
                }
                if blocks.contains(name) {
                    out += "\n"
                    if (name == "ol" || name == "ul") && !selfClosing { listDepth = max(0, listDepth + (isEnd ? -1 : 1)) }
                    if name == "li" && !isEnd { out += String(repeating: "  ", count: max(0, listDepth - 1)) + "• " }
                } else if name == "td" || name == "th" {
                    out += " "
                }
                continue
            }
            if skipTag == nil {
                if capture != nil { capture!.append(ch) }
                if capture == nil || h1 == nil {
                    out.append(ch == "\n" || ch == "\r" || ch == "\t" ? " " : ch)
                }
            }
            i = html.index(after: i)
        }
        // Text inside <title> must not be in the body.
        let text = decodeEntities(out)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }).joined(separator: " ")
            // A nested list's item keeps its indentation, the only sign of its level (`SourceLine.indent`).
            let indent = line.prefix { $0 == " " }.count
            return indent > 0 && words.hasPrefix("•") ? String(repeating: " ", count: indent) + words : words
        }
        var collapsed: [String] = []
        for line in lines where !(line.isEmpty && collapsed.last?.isEmpty ?? true) { collapsed.append(line) }
        if let titleText = title, collapsed.first == titleText { collapsed.removeFirst() }
        return ((h1?.isEmpty == false ? h1 : nil) ?? title, collapsed.joined(separator: "\n"))
    }

    static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "aelig": "æ", "oslash": "ø", "aring": "å",
        "AElig": "Æ", "Oslash": "Ø", "Aring": "Å", "eacute": "é", "Eacute": "É", "auml": "ä", "ouml": "ö", "uuml": "ü",
        "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "ndash": "–", "mdash": "—", "hellip": "…", "rsquo": "’", "lsquo": "‘",
        "rdquo": "”", "ldquo": "“", "laquo": "«", "raquo": "»", "sect": "§", "shy": "", "bull": "•", "euro": "€", "deg": "°",
        "copy": "©", "middot": "·",
    ]

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var i = text.startIndex
        while i < text.endIndex {
            if text[i] == "&", let semi = text[i...].prefix(12).firstIndex(of: ";") {
                let name = text[text.index(after: i)..<semi]
                var replacement: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if name.hasPrefix("#") {
                    replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else {
                    replacement = entities[String(name)]
                }
                if let replacement {
                    out += replacement
                    i = text.index(after: semi)
                    continue
                }
            }
            out.append(text[i])
            i = text.index(after: i)
        }
        return out
    }
}
