import ArgumentParser
import Foundation
import ReferatStore

/// `referat abbreviations`: the committee abbreviations the index learned, per municipality.
struct AbbreviationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "abbreviations",
        abstract: "List the committee abbreviations the index learned from its documents, per municipality.")

    @OptionGroup var indexOption: IndexOption

    @Option(name: .customLong("kommune"), help: "Only this municipality's (also --municipality).")
    var municipality: String?

    @Option(name: .customLong("municipality"), help: .hidden)
    var municipalityEnglish: String?

    @Option(name: .shortAndLong, help: "Output format: text, json or csv.")
    var format: OutputFormat = .text

    func run() throws {
        let store = try indexOption.open(readOnly: true)
        var pairs = try store.committeeAbbreviations()
        if let wanted = (municipality ?? municipalityEnglish)?.lowercased() {
            pairs = pairs.filter { ($0.municipality ?? "").lowercased() == wanted }
        }
        switch format {
        case .json: Console.out(try Console.json(pairs))
        case .csv:
            Console.out("municipality,abbreviation,name,documents")
            for p in pairs { Console.out([p.municipality ?? "", p.abbreviation.uppercased(), p.name, String(p.documents)].map(Self.csvField).joined(separator: ",")) }
        case .text:
            if pairs.isEmpty { Console.out("no committee abbreviations learned yet"); return }
            let width = pairs.map { ($0.municipality ?? "(ingen kommune)").count }.max() ?? 0
            for p in pairs {
                let place = p.municipality ?? "(ingen kommune)"
                let documents = p.documents == 1 ? "1 dokument" : "\(p.documents) dokumenter"
                Console.out(place.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + p.abbreviation.uppercased()
                    .padding(toLength: 6, withPad: " ", startingAt: 0) + "  " + p.name + "  (" + documents + ")")
            }
        }
    }

    static func csvField(_ value: String) -> String {
        value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }
}
