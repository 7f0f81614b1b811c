public import ArgumentParser
public import ReferatAnalysis
import ReferatStore

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

    @Option(help: "Analyse with this index's lexicon: the word list plus the words the index learned from its corpus.")
    var index: String?

    struct Output: Encodable {
        var tokens: [Token]
    }

    func run() throws {
        var lexicon = DanishLexicon.shared
        if let index {
            do {
                lexicon = try ArchiveStore(path: index, readOnly: true).lexicon
            } catch {
                Console.err("referat: error: \(error.description)")
                throw ExitCodes.badIndex
            }
        }
        let tokens = DanishAnalyzer(lexicon: lexicon).analyze(text, mode: mode)
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
