import ReferatAnalysis
import ReferatIndex
@testable import ReferatSearch
import ReferatStore
import Testing

/// The snippet builder works on UTF-8 bytes; these cases pin what it marks and how it cuts,
/// including the non-ASCII and spelling-variant paths that bytes make easy to get wrong.
@Suite struct SnippetTests {
    let analyzer = DanishAnalyzer()

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        /// Query words, stemmed as the query side stems them.
        var words: [String] = []
        var prefixes: [String] = []
        var phrases: [String] = []
        /// Words that must come out marked, in order.
        var marked: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "an inflection", text: "Kommunerne har godkendt budgettet.", words: ["kommune"], marked: ["Kommunerne"]),
        Case(name: "upper-case Danish letters", text: "ÆLDRERÅDET udtalte sig, og Ældrerådet blev hørt.", words: ["ældrerådet"],
             marked: ["ÆLDRERÅDET", "Ældrerådet"]),
        Case(name: "aa for å", text: "Mødet blev holdt i Aarhus og i Århus.", words: ["århus"], marked: ["Aarhus", "Århus"]),
        Case(name: "a compound part", text: "Om specialundervisningsområdet i øvrigt.", words: ["undervisning"], marked: ["specialundervisningsområdet"]),
        Case(name: "a prefix", text: "Budgetforslaget og budgettet for 2024.", prefixes: ["budget"], marked: ["Budgetforslaget", "budgettet"]),
        Case(name: "a case number", text: "Sag 23/222 blev behandlet; sag 23/223 ikke.", phrases: ["23/222"], marked: ["23", "222", "23"]),
        Case(name: "a combining accent stays in its word", text: "Cafe\u{301}en og caféen.", prefixes: ["cafe"], marked: ["Cafe\u{301}en"]),
        Case(name: "dashes and quotes are not letters", text: "Børne–ungeområdet „psykiatri“ psykiatrien", words: ["psykiatri"],
             marked: ["psykiatri", "psykiatrien"]),
        Case(name: "nothing matches", text: "Ingen relevante ord her.", words: ["takster"], marked: []),
    ]

    func builder(_ c: Case) -> SnippetBuilder {
        SnippetBuilder(analyzer: analyzer, terms: Set(c.words.map { analyzer.stem($0) }), prefixes: c.prefixes, phrases: c.phrases)
    }

    /// The marked words of a snippet, in order.
    static func marked(_ snippet: String) -> [String] {
        snippet.split(separator: Character(SearchHit.markOpen), omittingEmptySubsequences: false).dropFirst().map { String($0.prefix { String($0) != SearchHit.markClose }) }
    }

    @Test(arguments: cases)
    func marksTheMatchedWords(_ c: Case) {
        let snippet = builder(c).snippet(c.text)
        #expect(Self.marked(snippet) == c.marked, "\(snippet)")
        #expect(snippet.replacing(SearchHit.markOpen, with: "").replacing(SearchHit.markClose, with: "") == c.text)
    }

    @Test func theWindowIsCentredOnTheMatchesAndLineBreaksBecomeSpaces() {
        let filler = (1...60).map { "ord\($0)" }.joined(separator: " ")
        let text = "\n" + filler + "\n\n\rRammeaftalen\nfor botilbud\n" + filler + "\n"
        let snippet = SnippetBuilder(analyzer: analyzer, terms: [analyzer.stem("rammeaftale")], prefixes: [], phrases: []).snippet(text)
        #expect(snippet.hasPrefix("…") && snippet.hasSuffix("…"))
        #expect(!snippet.contains("\n") && !snippet.contains("\r"))
        #expect(snippet.contains(" \(SearchHit.markOpen)Rammeaftalen\(SearchHit.markClose) for botilbud "))
        #expect(snippet.split(separator: " ").count == 28)

        let short = SnippetBuilder(analyzer: analyzer, terms: [], prefixes: [], phrases: []).snippet("\n\nEt kort referat.\n")
        #expect(short == "Et kort referat.")
    }

    @Test(arguments: ["", "   ", "…–„“", "\n\n"])
    func textWithoutWordsGivesNoSnippet(_ text: String) {
        #expect(SnippetBuilder(analyzer: analyzer, terms: ["x"], prefixes: [], phrases: []).snippet(text) == "")
    }

    @Test func aLongTextIsCutAtACharacterBoundary() {
        let text = String(repeating: "æøå ", count: 5_000)
        let snippet = SnippetBuilder(analyzer: analyzer, terms: [], prefixes: [], phrases: []).snippet(text)
        #expect(snippet.hasPrefix("æøå æøå"))
        #expect(!snippet.contains("\u{FFFD}"))
    }
}
