public import ReferatAnalysis
public import ReferatRecords

/// The indexing step: a parsed document's search entries, analysed, and the words its index
/// may learn from it. Runs on a parsing thread with that thread's analyzer, so that the
/// engine's writer only stores what it is given.
///
///     let indexed = DocumentIndexer(analyzer: analyzer).index(document)
///     indexed.entries[0][0].count   // tokens of the first entry's title
public struct DocumentIndexer {
    public let analyzer: DanishAnalyzer

    public init(analyzer: DanishAnalyzer) {
        self.analyzer = analyzer
    }

    /// A document's entries (`EntryText.columns`), each with its fields' tokens (fields
    /// without text left out), and its learnable words (see `WordForms.isLearnable`).
    public struct Indexed: Sendable {
        public var entries: [[AnalysedText]]
        /// Sorted.
        public var learnableWords: [String]
    }

    public func index(_ document: Document) -> Indexed {
        index(fields: EntryText.columns(of: document))
    }

    /// The same for a document's entry fields (`EntryText.columns(of:)`), made already.
    public func index(fields: [[String?]]) -> Indexed {
        analyzer.learnableWords = []
        defer { analyzer.learnableWords = nil }
        let entries = fields.map { AnalysedText.fields($0, analyzer: analyzer) }
        return Indexed(entries: entries, learnableWords: analyzer.learnableWords.map { $0.sorted() } ?? [])
    }

    /// The learnable words `index(_:)` would collect, without analysing the entries (see
    /// `DanishAnalyzer.learnableWords(in:)`): an import into an empty index collects them
    /// while it reads the files, and analyses the entries once, after learning.
    public func learnableWords(of document: Document) -> [String] {
        learnableWords(fields: EntryText.columns(of: document))
    }

    /// The same for a document's entry fields (`EntryText.columns(of:)`), made already.
    public func learnableWords(fields entries: [[String?]]) -> [String] {
        var words = Set<String>()
        for fields in entries {
            for case let text? in fields { words.formUnion(analyzer.learnableWords(in: text)) }
        }
        return words.sorted()
    }
}
