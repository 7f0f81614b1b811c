import ArgumentParser
import Foundation
import ReferatStore

/// `referat`: turns Danish council minutes into a searchable archive.
@main
struct Referat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referat",
        abstract: "Parse, index and search Danish council minutes (dagsordener og referater).",
        version: "0.1.0",
        subcommands: [
            ParseCommand.self, AnalyzeCommand.self, ImportCommand.self, StatsCommand.self, AbbreviationsCommand.self,
            SearchCommand.self, ShowCommand.self, PersonCommand.self, ServeCommand.self, BenchCommand.self,
        ]
    )

    /// Runs a command with the exit codes README promises: a usage error is 2 (ArgumentParser
    /// says 64), and an index that cannot be read, whatever command met it, is 3.
    static func main() async {
        let arguments = SearchCommand.protectingExclusions(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as StoreError {
            Console.err("referat: error: \(error.description)")
            Foundation.exit(ExitCodes.badIndex.rawValue)
        } catch {
            if exitCode(for: error) == .validationFailure {
                Console.err(fullMessage(for: error))
                Foundation.exit(ExitCodes.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}
