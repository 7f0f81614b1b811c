import ArgumentParser

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Not yet available.")
    func run() throws { throw ValidationError("not yet available") }
}
