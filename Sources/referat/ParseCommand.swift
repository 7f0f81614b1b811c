import ArgumentParser
import ReferatParsing
import ReferatRecords

/// `referat parse FILE...`: prints the structured records of each file.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse minutes files (.txt, .html, .pdf) into structured case records."
    )

    @Argument(help: "Files to parse.")
    var files: [String]

    @Option(name: .shortAndLong, help: "Output format: text or json.")
    var format: OutputFormat = .text

    struct Output: Encodable {
        var documents: [Document]
        var errors: [String]
    }

    func run() throws {
        let parser = DocumentParser()
        var documents: [Document] = []
        var errors: [String] = []
        for path in files {
            do {
                let document = try parser.parse(fileAt: path)
                documents.append(document)
                for warning in document.warnings {
                    Console.err("\(path):\(warning.line.map(String.init) ?? "-"): warning: \(warning.message)")
                }
            } catch {
                errors.append(error.description)
                Console.err("referat: error: \(error.description)")
            }
        }
        switch format {
        case .json:
            Console.out(try Console.json(Output(documents: documents, errors: errors)))
        case .text, .csv:
            for document in documents { Console.out(DocumentSummary(document).render()) }
        }
        if !errors.isEmpty { throw ExitCodes.someFilesFailed }
    }
}
