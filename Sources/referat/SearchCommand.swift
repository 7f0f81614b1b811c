import ArgumentParser
import Foundation
import ReferatIndex
import ReferatPresentation
import ReferatSearch
import ReferatStore

/// `referat search QUERY`: Danish-aware full-text search with filters.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the index.",
        discussion: """
        Words must all match; OR between alternatives; -word excludes; "a phrase"; prefix*; ( ).
        Filters: udvalg:/committee:, dato:/date: (2023, 2023-01, 2022-05..2023-02), sag:/case:, person:,
        parti:/party:, beslutning:/outcome: (godkendt, afvist, …), kommune:/municipality:, type: (referat, brev, webside).
        """
    )

    @Argument(parsing: .allUnrecognized, help: "The query (a -word excludes it; -h and -f are options).")
    var query: [String] = []

    @OptionGroup var indexOption: IndexOption

    @Option(name: [.customLong("committee"), .customLong("udvalg")], help: "Only decisions of this committee.") var committee: [String] = []
    @Option(name: [.customLong("from"), .customLong("fra")], help: "From this date (2022-05-01, 2022-05, 2022).") var from: String?
    @Option(name: [.customLong("to"), .customLong("til")], help: "Up to this date.") var to: String?
    @Option(name: [.customLong("case"), .customLong("sag")], help: "Case or KLE number.") var caseNumber: [String] = []
    @Option(help: "A person absent, not taking part, or voting.") var person: [String] = []
    @Option(name: [.customLong("party"), .customLong("parti")], help: "A party letter.") var party: [String] = []
    @Option(name: [.customLong("outcome"), .customLong("beslutning")], help: "godkendt/approved, afvist/rejected, …") var outcome: [String] = []
    @Option(name: [.customLong("municipality"), .customLong("kommune")], help: "Municipality.") var municipality: [String] = []
    @Option(help: "Document type: minutes, agendaItem, letter, webpage.") var type: [String] = []

    @Option(help: "Number of hits.") var limit = 10
    @Option(help: "Hits to skip.") var offset = 0
    @Option(help: "relevance or date.") var sort: Sort = .relevance
    @Flag(help: "Counts by committee, year and outcome.") var facets = false
    @Option(name: .shortAndLong, help: "text, json or csv.") var format: OutputFormat = .text
    @Flag(help: "CSV: start with a UTF-8 byte-order mark (for Excel).") var bom = false
    @Flag(help: "CSV: Danish column headers.") var danishHeaders = false
    @Flag(help: "Print the analysed query that ran (terms, weak forms, phrases, prefixes).") var explain = false
    @Flag(help: "Search only for what was typed: when nothing is found, suggest a correction instead of showing its results.") var exact = false

    enum Sort: String, ExpressibleByArgument { case relevance, date }

    /// Marks a query word that ArgumentParser would read as an option; `queryText` removes it.
    static let wordMark: Character = "\u{2060}"

    /// The query language's exclusions look like options: `-fritid` would be `-f ritid`. Before
    /// parsing `search`'s arguments, every argument of one dash and a word (`-fritid`, `-lf`,
    /// `-2023`) is marked as a query word, except the command's own short options `-h` and
    /// `-f`; so is every argument after `--`, which is dropped. Other commands' arguments pass
    /// unchanged.
    static func protectingExclusions(_ arguments: [String]) -> [String] {
        guard arguments.first == "search" else { return arguments }
        var out = ["search"]
        var afterTerminator = false
        for argument in arguments.dropFirst() {
            if afterTerminator {
                out.append(argument.hasPrefix("-") ? String(wordMark) + argument : argument)
            } else if argument == "--" {
                afterTerminator = true
            } else if argument.hasPrefix("-") && !argument.hasPrefix("--") && argument.count > 1 && argument != "-h" && argument != "-f" {
                out.append(String(wordMark) + argument)
            } else {
                out.append(argument)
            }
        }
        return out
    }

    /// The query as typed, without the marks `protectingExclusions` added.
    static func queryText(_ words: [String]) -> String {
        words.map { $0.first == wordMark ? String($0.dropFirst()) : $0 }.joined(separator: " ")
    }

    /// The search as the presentation layer takes it, from the options.
    var request: SearchRequest {
        var request = SearchRequest()
        request.query = Self.queryText(query)
        request.committee = committee
        request.from = from
        request.to = to
        request.caseNumber = caseNumber
        request.person = person
        request.party = party
        request.outcome = outcome
        request.municipality = municipality
        request.type = type
        request.limit = limit
        request.offset = offset
        request.sortByDate = sort == .date
        request.facets = facets
        request.exact = exact
        return request
    }

    func run() throws {
        let store = try indexOption.open(readOnly: true)
        let report: SearchReport
        do {
            report = try request.run(SearchService(store: store, synonyms: try store.committeeSynonyms()))
        } catch let error as QuerySyntaxError {
            Console.err("referat: \(error.description)")
            throw ExitCodes.usage
        } catch let error as SearchService.FilterError {
            Console.err("referat: \(error.description)")
            throw ExitCodes.usage
        }
        if explain, let match = report.result.match { Console.err("query: \(match)") }
        switch format {
        case .json: Console.out(try JSONRenderer().search(report))
        case .csv: Console.out(CSVRenderer(bom: bom, danishHeaders: danishHeaders).search(report))
        case .text: Console.out(Console.text.search(report))
        }
        if report.result.page.total == 0 { throw ExitCodes.noResults }
    }
}
