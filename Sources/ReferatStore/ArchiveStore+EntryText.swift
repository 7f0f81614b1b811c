public import ReferatAnalysis
import ReferatRecords

extension ArchiveStore {
    /// The text of each search entry's columns (title, decisions, body), in entry order, as the
    /// view `entry_content` assembles it from the stored records; nil where the view gives NULL.
    ///
    /// Mirrors the view so that the importer can analyse entries before they reach the writer
    /// (see `PretokenizedText`). A test holds the two equal on every corpus file.
    static func entryColumns(of d: Document) -> [[String?]] {
        guard !d.cases.isEmpty else {
            let decisions = d.mentionedDecisions.isEmpty ? nil : d.mentionedDecisions.map(\.text).joined(separator: "\n")
            return [[d.title, decisions, d.text]]
        }
        return d.cases.map { c in
            let title = c.title + " " + (c.caseNumber ?? "") + " " + c.otherCaseNumbers.joined(separator: " ") + " " + (c.kleNumber ?? "")
            let decisions = c.decisions.isEmpty ? nil : c.decisions.map { ($0.body ?? "") + ": " + $0.text }.joined(separator: "\n")
            // SQL: NULL || anything is NULL, so a case without sections has no body text.
            let body = c.sections.isEmpty ? nil
                : c.sections.map { $0.heading + "\n" + $0.text }.joined(separator: "\n") + "\n" + c.attachments.map(\.title).joined(separator: "\n")
            return [title, decisions, body]
        }
    }
}

extension ArchiveStore.Incoming {
    /// Analyses the document's search entries now, on the calling thread, so that the writer
    /// only replays tokens. Call it on a parsing thread with that thread's own analyzer.
    /// Also collects the document's learnable words (`ArchiveStore.learnWords`) and deflates
    /// its sections (`PackedSections`), which would otherwise cost the writer's time.
    ///
    /// A document whose entries hold more than `pretokenizedLimit` bytes of text is not
    /// pre-analysed: its tokens, kept until the write, take about four times its text, and the
    /// writer's tokenizer analyses it as FTS5 asks, one column at a time.
    public mutating func analyze(with analyzer: DanishAnalyzer) {
        let columns = ArchiveStore.entryColumns(of: document)
        let bytes = columns.reduce(0) { total, entry in entry.reduce(total) { $0 + ($1?.utf8.count ?? 0) } }
        if bytes > Self.pretokenizedLimit {
            collectLearnableWords(with: analyzer)
        } else {
            analyzer.learnableWords = []
            defer { analyzer.learnableWords = nil }
            pretokenized = columns.map { PretokenizedText.columns($0, analyzer: analyzer) }
            learnableWords = analyzer.learnableWords.map { $0.sorted() } ?? []
        }
        packedSections = document.cases.map { PackedSections.pack($0.sections) }
    }

    /// Entry text, in bytes, above which a document is left for the writer to analyse.
    static let pretokenizedLimit = 8 << 20

    /// Collects the document's learnable words only, as `analyze(with:)` would, without
    /// analysing its entries (see `DanishAnalyzer.learnableWords(in:)`). The importer uses it
    /// for the first documents of an empty index, which it analyses once it has learned the
    /// words they share.
    public mutating func collectLearnableWords(with analyzer: DanishAnalyzer) {
        var words = Set<String>()
        for columns in ArchiveStore.entryColumns(of: document) {
            for case let text? in columns { words.formUnion(analyzer.learnableWords(in: text)) }
        }
        learnableWords = words.sorted()
    }
}
