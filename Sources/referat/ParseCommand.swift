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

    @Flag(help: "Show, for each line, the rule or signal that took it (item start, heading, decision header, absentees, furniture dropped).")
    var explain = false

    struct Output: Encodable {
        var documents: [Document]
        var errors: [String]
    }

    func run() throws {
        let parser = DocumentParser()
        if explain { return try runExplain(parser) }
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

    /// `--explain`: every line with what the parser made of it.
    private func runExplain(_ parser: DocumentParser) throws {
        var failed = false
        for path in files {
            do {
                let lines = try parser.explain(fileAt: path)
                switch format {
                case .json:
                    Console.out(try Console.json(lines))
                case .text, .csv:
                    Console.out(path)
                    for line in lines {
                        let text = line.text.count > 70 ? String(line.text.prefix(69)) + "…" : line.text
                        Console.out("\(String(line.line).leftPadded(to: 5))  \(text.padded(to: 70))  \(line.rule)")
                    }
                }
            } catch let error as ParseError {
                failed = true
                Console.err("referat: error: \(error.description)")
            } catch {
                failed = true
                Console.err("referat: error: \(error)")
            }
        }
        if failed { throw ExitCodes.someFilesFailed }
    }
}

private extension String {
    func padded(to width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
