import ArgumentParser
import ReferatPresentation
import ReferatStore

/// `referat person NAME`: a person's party, absences, non-participation and votes.
struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "person", abstract: "Show a person's absences, non-participation and votes, per year.")

    @Argument(help: "The name, or part of it.")
    var name: [String]

    @OptionGroup var indexOption: IndexOption

    @Option(name: .shortAndLong, help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let store = try indexOption.open(readOnly: true)
        let reports = try store.people(named: name.joined(separator: " "))
        if reports.isEmpty {
            Console.err("referat: nobody named '\(name.joined(separator: " "))' in \(store.path)")
            throw ExitCodes.noResults
        }
        Console.out(format == .json ? try JSONRenderer().people(reports) : Console.text.people(reports))
    }
}
