import ArgumentParser

/// `referat`: turns Danish council minutes into a searchable archive.
@main
struct Referat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referat",
        abstract: "Parse, index and search Danish council minutes (dagsordener og referater).",
        version: "0.1.0",
        subcommands: [
            ParseCommand.self, AnalyzeCommand.self, ImportCommand.self, StatsCommand.self,
            SearchCommand.self, ShowCommand.self, PersonCommand.self, BenchCommand.self,
        ]
    )
}
