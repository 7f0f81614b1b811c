public import ReferatAnalysis
import ReferatIndexing
public import ReferatRecords

extension ArchiveStore {
    /// A parsed file and what the importer knows about it.
    public struct Incoming: Sendable {
        public var document: Document
        public var size: Int
        /// Each entry's fields analysed ahead of the write (`analyze(with:)`), or nil.
        var entries: [[AnalysedText]]?
        /// Words the document uses that the index may learn (filled by `analyze(with:)`).
        public internal(set) var learnableWords: [String] = []
        /// Each case's sections deflated ahead of the write (`analyze(with:)`), or nil.
        var packedSections: [[UInt8]?]?

        public init(document: Document, size: Int) {
            self.document = document
            self.size = size
        }

        /// Runs the indexing step (`DocumentIndexer`) now, on the calling thread, so that the
        /// writer only replays tokens; and deflates the sections (`PackedSections`), which
        /// would otherwise cost the writer's time too. Call it on a parsing thread with that
        /// thread's own analyzer.
        public mutating func analyze(with analyzer: DanishAnalyzer) {
            let indexed = DocumentIndexer(analyzer: analyzer).index(document)
            entries = indexed.entries
            learnableWords = indexed.learnableWords
            packedSections = document.cases.map { PackedSections.pack($0.sections) }
        }

        /// Collects the document's learnable words only, as `analyze(with:)` would, without
        /// analysing its entries (see `DocumentIndexer.learnableWords(of:)`).
        public mutating func collectLearnableWords(with analyzer: DanishAnalyzer) {
            learnableWords = DocumentIndexer(analyzer: analyzer).learnableWords(of: document)
        }
    }
}
