/// One line of cleaned text and the line of the source file it came from.
struct SourceLine: Hashable, Sendable {
    /// 1-based line number in the source file.
    var number: Int
    /// The text, trimmed, with runs of spaces collapsed; empty for a paragraph break.
    var text: String
    /// The spaces and tabs the source line opened with: the only sign of a nested list's level
    /// in a page's text (`bareAgenda`). Zero where the cleaner could not tell.
    var indent = 0

    var isBlank: Bool { text.isEmpty }
}
