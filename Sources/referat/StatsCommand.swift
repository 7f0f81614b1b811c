import ArgumentParser

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Not yet available.")
    func run() throws { throw ValidationError("not yet available") }
}
