import ArgumentParser
import Foundation
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
        if format == .json {
            Console.out(try Console.json(reports))
            return
        }
        let roles = ["absent": "fraværende", "notParticipating": "deltog ikke", "votedFor": "stemte for", "votedAgainst": "stemte imod", "abstained": "undlod"]
        var out: [String] = []
        for r in reports {
            out.append("\(r.name)\(r.party.map { " (\($0))" } ?? "")")
            for (year, counts) in r.perYear.sorted(by: { $0.key < $1.key }) {
                out.append("  \(year): " + counts.sorted { $0.key < $1.key }.map { "\(roles[$0.key] ?? $0.key) \($0.value)" }.joined(separator: ", "))
            }
            for e in r.events {
                out.append("    \(ShowCommand.danishDate(e.date))  \(roles[e.role] ?? e.role)\(e.reason.map { " (\($0))" } ?? "")  \(e.body ?? "")  \(e.caseNumber.map { "[\($0)] " } ?? "")\(e.title)")
            }
            out.append("")
        }
        Console.out(out.joined(separator: "\n"))
    }
}
