import ArgumentParser
import Foundation
import ReferatImport
import ReferatStore

/// `referat import PATH...`: batch-imports folders of minutes into the index.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import files and folder trees (.txt, .html, .htm, .pdf) into the index.",
        discussion: "Unchanged files are skipped, changed files replaced. Bad files are reported and skipped; the exit code is 1 when any failed."
    )

    @Argument(help: "Files and folders to import.")
    var paths: [String]

    @OptionGroup var indexOption: IndexOption

    @Option(help: "Parsing threads (default: one per core).")
    var jobs: Int = 0

    @Flag(help: "Remove documents whose files are gone from the imported folders.")
    var prune = false

    @Option(name: .shortAndLong, help: "Summary format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Files per transaction.")
    var batchSize = 64

    func run() throws {
        let store = try indexOption.open(readOnly: false)
        if let rebuilt = store.rebuiltSearchEntries {
            FileHandle.standardError.write(Data("import: rebuilt the search index of \(rebuilt) entries from the records (the index was made by an older referat)\n".utf8))
        }
        Interrupt.install()
        let terminal = Console.stderrIsTerminal
        var lastLog = 0
        let importer = Importer(store: store, options: .init(jobs: jobs, prune: prune, batchSize: batchSize))
        let summary: ImportSummary
        do {
            summary = try importer.run(paths: paths, shouldStop: { Interrupt.isRequested }) { p in
                if p.stage == .indexing {
                    if terminal {
                        FileHandle.standardError.write(Data("\r\(p.filesDone)/\(p.filesTotal) files, indexing entries \(p.entriesDone)/\(p.entriesTotal)…\u{1B}[K".utf8))
                    } else {
                        Console.err("import: indexed \(p.entriesDone)/\(p.entriesTotal) entries")
                    }
                } else if p.stage != .files {
                    let what = p.stage == .learningWords ? "learning the archive's words" : "compacting the index"
                    if terminal {
                        FileHandle.standardError.write(Data("\r\(p.filesDone)/\(p.filesTotal) files, \(what)…\u{1B}[K".utf8))
                    } else {
                        Console.err("import: \(what)")
                    }
                } else if terminal {
                    let eta = p.etaSeconds.map { String(format: " ETA %.0fs", $0) } ?? ""
                    FileHandle.standardError.write(Data(String(format: "\r%d/%d files  %.1f/%.1f MB  %.1f MB/s%@   ",
                        p.filesDone, p.filesTotal, Double(p.bytesDone) / 1e6, Double(p.bytesTotal) / 1e6, p.megabytesPerSecond, eta).utf8))
                } else if p.filesDone - lastLog >= 1000 || p.filesDone == p.filesTotal {
                    lastLog = p.filesDone
                    Console.err(String(format: "import: %d/%d files, %.1f MB, %.1f MB/s", p.filesDone, p.filesTotal, Double(p.bytesDone) / 1e6, p.megabytesPerSecond))
                }
            }
        } catch {
            if terminal { Console.err("") }
            Console.err("referat: error: \(error.description)")
            throw ExitCodes.badIndex
        }
        if terminal { Console.err("") }
        for failure in summary.failures { Console.err("referat: error: \(failure.description)") }
        if format == .json {
            Console.out(try Console.json(summary))
        } else {
            var learned: [String] = []
            if summary.learnedWords > 0 { learned.append("\(summary.learnedWords) words") }
            if summary.learnedAbbreviations > 0 { learned.append("\(summary.learnedAbbreviations) committee abbreviations") }
            var afterLearning: [String] = []
            if summary.reindexedEntries > 0 || (!learned.isEmpty && summary.indexedAfterLearning == 0) {
                afterLearning.append("re-indexed \(summary.reindexedEntries) entries")
            }
            if summary.indexedAfterLearning > 0 { afterLearning.append("indexed \(summary.indexedAfterLearning) entries after learning") }
            Console.out(String(format: "imported %d, skipped %d unchanged, failed %d, pruned %d; %d cases, %d warnings; %.1f MB in %.2f s (%.1f MB/s)%@%@%@%@",
                summary.imported, summary.skipped, summary.failed, summary.pruned, summary.cases, summary.warnings,
                Double(summary.bytes) / 1e6, summary.seconds, summary.megabytesPerSecond,
                learned.isEmpty ? "" : "; learned \(learned.joined(separator: " and "))",
                afterLearning.isEmpty ? "" : "; " + afterLearning.joined(separator: ", "),
                summary.compacted ? (summary.repackedCases > 0 ? "; index compacted, \(summary.repackedCases) cases' text packed again with a dictionary" : "; index compacted") : "",
                summary.interrupted ? "; interrupted, committed batches kept" : ""))
        }
        if summary.interrupted { throw ExitCodes.interrupted }
        if summary.failed > 0 { throw ExitCodes.someFilesFailed }
    }
}
