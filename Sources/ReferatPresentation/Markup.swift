import Foundation
import ReferatIndex

/// Escaping for HTML and XML, and the URL query strings of the web page: the one place where
/// document text becomes markup, so minutes that contain `<script>` or `"><img onerror=…>` show
/// as text.
public enum Markup {
    /// Text as HTML or XML character data or attribute value (quotes too).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // Control characters are not allowed in XML 1.0; the match marks are handled by `snippet`.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{7F}": out += " "
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A snippet escaped, with its matched words in `<mark>`.
    public static func snippet(_ snippet: String) -> String {
        let marked = snippet.replacingOccurrences(of: SearchHit.markOpen, with: "\u{E000}")
            .replacingOccurrences(of: SearchHit.markClose, with: "\u{E001}")
        return escape(marked).replacingOccurrences(of: "\u{E000}", with: "<mark>").replacingOccurrences(of: "\u{E001}", with: "</mark>")
    }

    /// The characters a query value keeps unencoded.
    static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    /// `name=value&…`, every value percent-encoded as UTF-8.
    public static func query(_ items: [(String, String)]) -> String {
        items.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }

    public static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// A path with a query string, or the path alone when there are no parameters.
    public static func link(_ path: String, _ items: [(String, String)]) -> String {
        items.isEmpty ? path : path + "?" + query(items)
    }

    /// Reads `a=1&b=x+y%C3%A6`: `+` is a space (as HTML forms send it); a value that is not
    /// valid percent-encoded UTF-8 is nil, which the caller answers with a 400 page.
    public static func parseQuery(_ query: String) -> [(String, String)]? {
        var items: [(String, String)] = []
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = String(parts[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding,
                  let value = (parts.count > 1 ? String(parts[1]) : "").replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            else { return nil }
            items.append((name, value))
        }
        return items
    }
}
