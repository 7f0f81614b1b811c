public import ArgumentParser
public import ReferatAnalysis

/// `referat analyze TEXT`: shows the tokens the index or a query gets, and why.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Show how Danish text is analysed into index or query tokens."
    )

    @Argument(help: "The text to analyse.")
    var text: String

    @Option(help: "document (index side) or query.")
    var mode: AnalysisMode = .document

    @Option(name: .shortAndLong, help: "Output format: text or json.")
    var format: OutputFormat = .text

    struct Output: Encodable {
        var tokens: [Token]
    }

    func run() throws {
        let tokens = DanishAnalyzer().analyze(text, mode: mode)
        if format == .json {
            Console.out(try Console.json(Output(tokens: tokens)))
            return
        }
        Console.out("position  term                      bytes      kind")
        for t in tokens {
            let term = (t.colocated ? "  " : "") + t.term
            Console.out("\(String(t.position).padding(8))  \(term.padding(24))  \("\(t.start)-\(t.end)".padding(9))  \(t.kind.rawValue)")
        }
    }
}

extension AnalysisMode: ExpressibleByArgument {}

extension String {
    /// Pads with spaces to `width` characters (not bytes: æøå count as one).
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
