import ArgumentParser

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Not yet available.")
    func run() throws { throw ValidationError("not yet available") }
}
