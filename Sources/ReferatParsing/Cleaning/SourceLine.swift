/// One line of cleaned text and the line of the source file it came from.
struct SourceLine: Hashable, Sendable {
    /// 1-based line number in the source file.
    var number: Int
    /// The text, trimmed, with runs of spaces collapsed; empty for a paragraph break.
    var text: String

    var isBlank: Bool { text.isEmpty }
}
