/// What an import did, printed at the end and as JSON with `--format json`.
public struct ImportSummary: Codable, Sendable {
    public var scanned = 0
    public var imported = 0
    public var skipped = 0
    public var failed = 0
    public var pruned = 0
    public var warnings = 0
    public var cases = 0
    /// Words the index learned from this import (see `ArchiveStore.learnWords`).
    public var learnedWords = 0
    /// Committee abbreviations the index learned (or learned another name for) from this
    /// import, per municipality (see `ArchiveStore.learnAbbreviations`).
    public var learnedAbbreviations = 0
    /// Entries re-tokenized because a learned word or abbreviation occurs in them.
    public var reindexedEntries = 0
    /// Entries an import into an empty index wrote to the records and indexed after the
    /// learning steps, each analysed once (`ArchiveStore.indexDeferredEntries`).
    public var indexedAfterLearning = 0
    /// Whether the import was large enough to compact the index afterwards (`ArchiveStore.compact`).
    public var compacted = false
    /// Whether the index trained its dictionary for section text in this import, and how many
    /// cases it packed again with it (`ArchiveStore.packSections`).
    public var packedWithDictionary = false
    public var repackedCases = 0
    public var bytes: Int64 = 0
    public var seconds = 0.0
    /// CPU time of the parsing threads: reading, hashing, parsing and analysing files, summed
    /// over the threads.
    public var parsingCPUSeconds = 0.0
    /// CPU time of the one writer: SQLite storing the records and building the full-text
    /// index. SQLite allows one writer per index, so the import can never take less wall time
    /// than this, however many parsing threads it has.
    public var writingCPUSeconds = 0.0
    /// Wall time of the finishing steps over the whole index (learning words, compacting).
    public var finishingSeconds = 0.0
    public var interrupted = false
    public var failures: [Failure] = []

    public init() {}

    /// A file that could not be imported: where and why.
    public struct Failure: Codable, Sendable, CustomStringConvertible {
        public var path: String
        public var line: Int?
        public var message: String

        public var description: String { line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)" }
    }

    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1e6 / seconds : 0 }
}

/// Progress after each batch, for a progress line or a log line.
public struct ImportProgress: Sendable {
    /// What the import is doing: files, then the finishing steps over the whole index, which
    /// take a while on a large archive and show no file counts.
    public enum Stage: String, Sendable {
        case files
        /// Learning the corpus's words and committee abbreviations, and re-indexing what they change.
        case learningWords
        /// Indexing the entries an import into an empty index wrote (`entriesDone` of `entriesTotal`).
        case indexing
        /// Merging the full-text index and vacuuming the file.
        case compacting
    }

    public var stage: Stage = .files
    public var filesDone: Int
    public var filesTotal: Int
    public var bytesDone: Int64
    public var bytesTotal: Int64
    public var seconds: Double
    /// Entries indexed so far and in all, while the stage is `indexing`.
    public var entriesDone = 0
    public var entriesTotal = 0

    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytesDone) / 1e6 / seconds : 0 }
    public var etaSeconds: Double? {
        guard bytesDone > 0, seconds > 0.5 else { return nil }
        return Double(bytesTotal - bytesDone) / (Double(bytesDone) / seconds)
    }
}
