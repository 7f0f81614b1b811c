import Dispatch
import Foundation
import ReferatAnalysis
import ReferatEngine
import ReferatParsing
import ReferatRecords
public import ReferatStore

/// Imports folder trees of minutes into the archive: incremental, idempotent and crash-safe.
///
/// Files are hashed first; an unchanged file (same SHA-256) is skipped, a changed one replaces
/// its old records. Parsing runs on `jobs` threads; one writer commits each batch in its own
/// transaction, so an interrupted import keeps every committed batch and loses only the one
/// in flight, which the next import redoes. At most two batches are in memory at once.
public final class Importer: Sendable {
    public struct Options: Sendable {
        public var jobs: Int
        public var prune: Bool
        public var batchSize: Int

        public init(jobs: Int = 0, prune: Bool = false, batchSize: Int = 64) {
            self.jobs = jobs > 0 ? jobs : ProcessInfo.processInfo.activeProcessorCount
            self.prune = prune
            self.batchSize = max(1, batchSize)
        }
    }

    let store: ArchiveStore
    let options: Options
    let parser = DocumentParser()

    public init(store: ArchiveStore, options: Options = Options()) {
        self.store = store
        self.options = options
    }

    /// One file's outcome, filled in by a parsing thread.
    enum Outcome: Sendable {
        case parsed(ArchiveStore.Incoming)
        case unchanged
        case failed(ImportSummary.Failure)
    }

    /// Runs the import. `shouldStop` is polled between batches (Ctrl-C); `progress` is called after each.
    public func run(paths: [String], shouldStop: @Sendable () -> Bool = { false }, progress: (ImportProgress) -> Void = { _ in }) throws(StoreError) -> ImportSummary {
        let start = Date()
        var summary = ImportSummary()
        try store.checkBeforeWriting()
        try? store.setWriting(true)
        let found = FileWalker.walk(paths)
        summary.failures += found.problems
        summary.failed += found.problems.count
        summary.scanned = found.files.count
        let known = try store.knownFiles()
        let bytesTotal = found.files.reduce(Int64(0)) { $0 + $1.size }
        var bytesDone: Int64 = 0
        var filesDone = 0

        let writerQueue = DispatchQueue(label: "referat.import.writer")
        let inFlight = DispatchSemaphore(value: 2)
        let writeErrors = ErrorBox()
        // CPU time of this run's parsing threads (reading, hashing, parsing, analysing) and of
        // its writer, for the summary.
        let parsingCPU = CPUTally(), writingCPU = CPUTally()

        // Analyzers for the parsing threads, kept across chunks so their word caches stay
        // warm; they analyse with the index's lexicon.
        var analyzers = AnalyzerPool(lexicon: store.lexicon)
        // An import into an empty index writes the records first and indexes their entries
        // once, after learning the archive's words and abbreviations (`indexDeferredEntries`):
        // the parsing threads only parse.
        let wasEmpty = try store.isEmpty()
        let defersIndexing = try store.defersIndexing()
        let sizeBefore = store.sizeOnDisk()
        let packing = try store.sectionPacking()
        // Text of the new and changed documents: what this import adds to the index.

        var importedBytes: Int64 = 0
        var index = 0
        while index < found.files.count {
            if shouldStop() { summary.interrupted = true; break }
            if let error = writeErrors.first { throw error }
            let chunk = Array(found.files[index..<min(index + Self.chunkSize(at: index, of: found.files.count, batchSize: options.batchSize), found.files.count)])
            index += chunk.count
            let outcomes = parse(chunk, known: known, analyzers: analyzers, cpu: parsingCPU, analyze: !defersIndexing, packing: packing)
            var batch: [ArchiveStore.Incoming] = []
            for outcome in outcomes {
                switch outcome {
                case .parsed(let incoming):
                    batch.append(incoming)
                    summary.imported += 1
                    summary.cases += incoming.document.cases.count
                    summary.warnings += incoming.document.warnings.count
                case .unchanged:
                    summary.skipped += 1
                case .failed(let failure):
                    summary.failed += 1
                    summary.failures.append(failure)
                }
            }
            // Compacting is owed from the batch that makes the import large enough for it (an
            // empty index, or a quarter of the index's size), marked in that batch's transaction.
            // The measure is the text added, not the bytes read: unchanged files add nothing, and
            // a PDF adds its text, not its file.
            importedBytes += batch.reduce(Int64(0)) { $0 + Int64($1.textBytes) }
            let owed: ArchiveStore.PendingSteps = wasEmpty || importedBytes * 4 >= sizeBefore ? .compact : []
            inFlight.wait()
            let store = self.store
            let pending = batch
            writerQueue.async {
                defer { inFlight.signal() }
                do { try writingCPU.measure { try store.replace(pending, pending: owed, deferIndexing: defersIndexing) } } catch { writeErrors.record(error) }
            }
            filesDone += chunk.count
            bytesDone += chunk.reduce(Int64(0)) { $0 + $1.size }
            summary.bytes = bytesDone
            progress(ImportProgress(filesDone: filesDone, filesTotal: found.files.count, bytesDone: bytesDone, bytesTotal: bytesTotal, seconds: Date().timeIntervalSince(start)))
        }
        writerQueue.sync {}
        if let error = writeErrors.first { throw error }
        // The parsing threads' analyzers and their word caches are not needed past here: the
        // finishing steps analyse with their own, and would otherwise hold both at once.
        analyzers = AnalyzerPool(lexicon: store.lexicon)

        if options.prune && !summary.interrupted {
            let present = Set(found.files.map(\.path))
            let roots = paths.map(FileWalker.normalise)
            let gone = known.keys.filter { path in
                !present.contains(path) && roots.contains { root in root == "." || path == root || path.hasPrefix(root + "/") }
            }
            summary.pruned = try store.remove(paths: gone.sorted())
        }
        func report(_ stage: ImportProgress.Stage, entriesDone: Int = 0, of entriesTotal: Int = 0) {
            var p = ImportProgress(filesDone: filesDone, filesTotal: found.files.count, bytesDone: bytesDone, bytesTotal: bytesTotal,
                                   seconds: Date().timeIntervalSince(start))
            p.stage = stage
            p.entriesDone = entriesDone
            p.entriesTotal = entriesTotal
            progress(p)
        }
        let finishing = Date()
        // The steps this import, or an earlier one cut short, made due (see `PendingSteps`).
        let owed = summary.interrupted ? [] : try store.pendingSteps()
        if owed.contains(.learnWords) {
            report(.learningWords)
            TestHook.reached("learningWords")
            let learned = try store.learnWords(jobs: options.jobs)
            summary.learnedWords += learned.words.count
            summary.reindexedEntries = learned.reindexedEntries
        }
        // After the words: re-indexing an entry for a pair uses the lexicon just learned.
        if owed.contains(.learnAbbreviations) {
            if !owed.contains(.learnWords) { report(.learningWords) }
            let learned = try store.learnAbbreviations(jobs: options.jobs)
            summary.learnedAbbreviations += learned.learned.count
            summary.reindexedEntries += learned.reindexedEntries
        }
        // After both: the entries are analysed with the words and pairs just learned.
        if owed.contains(.indexEntries) {
            TestHook.reached("indexingEntries")
            // 16 entries per file of `--batch-size` in each commit (1,024 by default, about a
            // batch of minutes' worth): commits as frequent as the import's own, and a step cut
            // short loses one piece.
            summary.indexedAfterLearning = try store.indexDeferredEntries(jobs: options.jobs, entriesPerCommit: options.batchSize * 16) { done, total in
                report(.indexing, entriesDone: done, of: total)
            }
        }
        // Compacting rewrites the file: worth it when the import wrote a good part of it.
        if owed.contains(.compact) {
            report(.compacting)
            // Packing with a dictionary frees pages for compacting to give back.
            let packing = try store.packSections()
            summary.packedWithDictionary = packing.trained
            summary.repackedCases = packing.repacked
            TestHook.reached("compacting")
            try store.compact(rewritten: packing.repacked > 0)
            summary.compacted = true
        }
        try? store.setWriting(false)
        summary.finishingSeconds = Date().timeIntervalSince(finishing)
        summary.parsingCPUSeconds = parsingCPU.seconds
        summary.writingCPUSeconds = writingCPU.seconds
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// Files in the chunk that starts at file `index` of `total`: `batchSize`, but a quarter
    /// of it for the last two batches' worth. The writer commits the last chunk alone, after
    /// the parsing threads are done; a smaller last chunk leaves it less to do then.
    static func chunkSize(at index: Int, of total: Int, batchSize size: Int) -> Int {
        index > 0 && total - index <= 2 * size ? max(1, size / 4) : size
    }

    /// Hashes and parses a chunk on `jobs` threads, adding their CPU time to `cpu`; results keep
    /// the chunk's order. With `analyze` false the documents' entries are left unanalysed, for
    /// the deferred indexing step (`ArchiveStore.Incoming.analyze(with:entries:)`).
    func parse(_ chunk: [(path: String, size: Int64)], known: [String: String], analyzers: AnalyzerPool, cpu: CPUTally,
               analyze: Bool = true, packing: ArchiveStore.SectionPacking = .init()) -> [Outcome] {
        let parser = self.parser
        return analyzers.concurrentMap(count: chunk.count, jobs: options.jobs) { i, analyzer in
            cpu.measure { parseFile(chunk[i], known: known, parser: parser, analyzer: analyzer, analyze: analyze, packing: packing) }
        }
    }

    /// Reads, hashes and parses one file, and analyses its entries unless `analyze` is false.
    private func parseFile(_ file: (path: String, size: Int64), known: [String: String], parser: DocumentParser,
                           analyzer: DanishAnalyzer, analyze: Bool, packing: ArchiveStore.SectionPacking) -> Outcome {
        let (path, size) = file
        let outcome: Outcome
        do {
            let bytes = try parser.readFile(path)
            let sha = SHA256.hex(bytes)
            if known[path] == sha {
                outcome = .unchanged
            } else {
                let format = DocumentParser.Format(path: path) ?? .text
                let document = format == .pdf
                    ? try parser.parse(fileAt: path)
                    : try parser.parse(bytes: consume bytes, path: path, format: format, sha256: sha)
                var incoming = ArchiveStore.Incoming(document: document, size: Int(size))
                // Analysed here, in parallel, rather than on the single writer thread.
                incoming.analyze(with: analyzer, entries: analyze, packing: packing)
                outcome = .parsed(incoming)
            }
            TestHook.reached("parsed")
        } catch {
            // Reading and parsing throw `ParseError` only: a message with the line, if any.
            outcome = .failed(.init(path: path, line: error.line, message: error.message))
        }
        return outcome
    }
}

/// The first error a writer hit, for the importing thread to rethrow.
final class ErrorBox: @unchecked Sendable {
    private var error: StoreError?
    private let lock = NSLock()

    func record(_ e: any Error) {
        lock.lock()
        if error == nil { error = (e as? StoreError) ?? StoreError(path: "", message: "\(e)") }
        lock.unlock()
    }

    var first: StoreError? {
        lock.lock()
        defer { lock.unlock() }
        return error
    }
}
