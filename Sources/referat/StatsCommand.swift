import ArgumentParser
import Foundation
import ReferatPresentation
import ReferatStore

/// `referat stats`: what the index holds.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Show what the index holds.")

    @OptionGroup var indexOption: IndexOption

    @Option(name: .shortAndLong, help: "Output format: text, json or csv.")
    var format: OutputFormat = .text

    @Flag(help: "Run SQLite's integrity check and verify the search index's files; exit 3 if the index is damaged.")
    var check = false

    func run() throws {
        if check {
            let store = try indexOption.open(readOnly: true)
            let problems = try store.integrityCheck()
            if problems.isEmpty {
                Console.out("integrity: ok")
                return
            }
            for p in problems { Console.err("referat: integrity: \(p)") }
            throw ExitCodes.badIndex
        }
        let store = try indexOption.open(readOnly: true)
        let report = StatsReport(path: store.path, stats: try store.stats())
        switch format {
        case .json: Console.out(try JSONRenderer().stats(report))
        case .csv: Console.out(CSVRenderer().stats(report))
        case .text: Console.out(Console.text.stats(report))
        }
    }
}
