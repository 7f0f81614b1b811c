import ArgumentParser

struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "person", abstract: "Not yet available.")
    func run() throws { throw ValidationError("not yet available") }
}
