public import ReferatAnalysis
import ReferatIndexing
public import ReferatRecords

extension ArchiveStore {
    /// A parsed file and what the importer knows about it.
    public struct Incoming: Sendable {
        public var document: Document
        public var size: Int
        /// The bytes of the document's cleaned text, kept when `analyze(with:)` lets the text go.
        public let textBytes: Int
        /// Each entry's fields analysed ahead of the write (`analyze(with:)`), or nil.
        var entries: [[AnalysedText]]?
        /// Words the document uses that the index may learn (filled by `analyze(with:)`).
        public internal(set) var learnableWords: [String] = []
        /// Each case's sections deflated ahead of the write (`analyze(with:)`), or nil.
        var packedSections: [[UInt8]?]?
        /// The committee abbreviations the document spells out (`CommitteeAbbreviationFinder`),
        /// found ahead of the write, or nil.
        var abbreviations: [CommitteeAbbreviation]?

        public init(document: Document, size: Int) {
            self.document = document
            self.size = size
            textBytes = document.text.utf8.count
        }

        /// Runs the indexing step (`DocumentIndexer`) now, on the calling thread, so that the
        /// writer only replays tokens; and deflates the sections (`PackedSections`), which
        /// would otherwise cost the writer's time too. Call it on a parsing thread with that
        /// thread's own analyzer.
        ///
        /// A document whose entries hold more than `analysedLimit` bytes of text is not
        /// analysed ahead: its tokens, kept until the write, take about four times its text,
        /// and the writer analyses it when it indexes it, one field at a time.
        ///
        /// With `entries` false only the learnable words are collected: for a bulk import, which
        /// analyses the entries once, after learning (`ArchiveStore.indexDeferredEntries`).
        public mutating func analyze(with analyzer: DanishAnalyzer, entries analysingEntries: Bool = true, packing: SectionPacking = .init()) {
            let fields = EntryText.columns(of: document)
            let bytes = fields.reduce(0) { total, entry in entry.reduce(total) { $0 + ($1?.utf8.count ?? 0) } }
            if !analysingEntries || bytes > Self.analysedLimit {
                learnableWords = DocumentIndexer(analyzer: analyzer).learnableWords(fields: fields)
            } else {
                let indexed = DocumentIndexer(analyzer: analyzer).index(fields: fields)
                entries = indexed.entries
                learnableWords = indexed.learnableWords
            }
            abbreviations = CommitteeAbbreviationFinder.pairs(in: document)
            // A document with items is kept as its items and preamble, not its whole text
            // (`insert`): the text would wait for the writer beside the items' copy of it.
            if !document.cases.isEmpty { document.text = "" }
            packedSections = document.cases.map { PackedSections.pack($0.sections, dictionary: packing.dictionary) }
        }

        /// Entry text, in bytes, above which a document is left for the writer to analyse.
        static let analysedLimit = 8 << 20
    }

    /// How `Incoming.analyze` packs sections: with the index's dictionary once it has one
    /// (`PackingDictionary`). Read once per import: a dictionary is trained only after writing.
    public struct SectionPacking: Sendable {
        let dictionary: PackingDictionary?
        public init() { dictionary = nil }
        init(dictionary: PackingDictionary?) { self.dictionary = dictionary }
    }

    /// The packing new documents get in this index now.
    public func sectionPacking() throws(StoreError) -> SectionPacking {
        try read { db in SectionPacking(dictionary: try PackingDictionary.current(db)) }
    }
}
