import ReferatIndexing

/// The analysed fields of one search entry, offered to the tokenizer while the entry's FTS
/// row is inserted (or deleted). Bound with `TokenHandoff.$current.withValue` around that one
/// statement: the tokenizer runs synchronously on the calling thread, so nothing leaks to
/// other rows. The tokenizer replays a field's tokens when FTS5 hands it the same text
/// (compared byte for byte; any other text is analysed as usual, so a mismatch costs time,
/// never correctness).
enum TokenHandoff {
    @TaskLocal static var current: [AnalysedText]?
}
