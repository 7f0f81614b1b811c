/// A file that cannot be turned into a document, with where and why, rendered like a compiler.
///
///     Corpus/broken.pdf: pdftotext failed: Syntax Error: Couldn't find trailer dictionary
public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String

    public init(path: String, line: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(path):\(line): \(message)" }
        return "\(path): \(message)"
    }
}
