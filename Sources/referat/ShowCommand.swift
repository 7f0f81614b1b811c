import ArgumentParser
import ReferatPresentation
import ReferatSearch
import ReferatStore

/// `referat show CASE`: the whole record and its timeline across committees.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a case: sections, recommendation, attachments, and the timeline of decisions.",
        aliases: ["case"]
    )

    @Argument(help: "Case number (23/222) or KLE number.")
    var caseNumber: String

    @OptionGroup var indexOption: IndexOption

    @Option(name: .shortAndLong, help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let store = try indexOption.open(readOnly: true)
        let report = try CaseReport.load(caseNumber, store: store, search: SearchService(store: store, synonyms: try store.committeeSynonyms()))
        if report.isEmpty {
            Console.err("referat: no case \(caseNumber) in \(store.path)")
            throw ExitCodes.noResults
        }
        Console.out(format == .json ? try JSONRenderer().caseReport(report) : Console.text.caseReport(report))
    }
}
