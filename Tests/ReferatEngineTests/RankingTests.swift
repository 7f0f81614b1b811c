import Foundation
@testable import ReferatEngine
import ReferatIndex
import ReferatTestSupport
import Testing

/// Where and how often a match occurs decides its rank: each field's count weighs against that
/// field's own length, so a title naming a word among many others, or a long body behind a
/// title, does not outweigh a case about the word.
@Suite struct RankingTests {
    /// An entry's three fields (title, decision text, body) as words.
    struct Entry: Sendable {
        var title: String
        var decision: String = ""
        var body: String = ""
    }

    /// Two entries and a query; `first` must rank above `second`.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var query: [String]
        var first: Entry
        var second: Entry
        var testDescription: String { name }
    }

    /// `n` distinct words that no query asks for.
    static func filler(_ n: Int, _ seed: String) -> String {
        (0..<n).map { "\(seed)\($0)" }.joined(separator: " ")
    }

    static let cases: [Case] = [
        Case(name: "a case about it (decision once, body twice) above a long title naming it among others", query: ["støjskærm"],
             first: Entry(title: "borgerhenvendelse om trafikstøj", decision: "godkendt arbejdet med støjskærm prioriteres",
                          body: filler(60, "a") + " støjskærm " + filler(60, "b") + " støjskærm"),
             second: Entry(title: "status på anlægsprojekter boldbanen støjskærm svømmehallens tag og skovrejsning",
                           decision: "taget til efterretning", body: filler(40, "c"))),
        Case(name: "the same with a phrase", query: ["støjskærm", "langs", "motorvejen"],
             first: Entry(title: "borgerhenvendelse om trafikstøj", decision: "godkendt arbejdet med støjskærm langs motorvejen prioriteres",
                          body: filler(60, "a") + " støjskærm langs motorvejen " + filler(60, "b") + " støjskærm langs motorvejen"),
             second: Entry(title: "status på anlægsprojekter boldbanen støjskærm langs motorvejen og skovrejsning",
                           decision: "taget til efterretning", body: filler(40, "c"))),
        Case(name: "a title behind a long body above a passing mention in a short decision", query: ["kloakrenovering"],
             first: Entry(title: "kloakrenovering i nordbyen", decision: "godkendt", body: filler(300, "d")),
             second: Entry(title: "godkendelse af dagsorden", decision: "dialog om kloakrenovering med forsyningen")),
        Case(name: "how often: three times in the body above once, same length", query: ["skovrejsning"],
             first: Entry(title: "ny skov", body: "skovrejsning " + filler(30, "e") + " skovrejsning " + filler(30, "f") + " skovrejsning"),
             second: Entry(title: "ny skov", body: "skovrejsning " + filler(32, "g"))),
        Case(name: "where: a short title above once in a long body", query: ["vandløbsregulativ"],
             first: Entry(title: "vandløbsregulativ for åen", body: filler(50, "h")),
             second: Entry(title: "orientering", body: filler(100, "i") + " vandløbsregulativ " + filler(100, "j"))),
        Case(name: "where: the decision above the body, same count and length", query: ["udeservering"],
             first: Entry(title: "café ved havnen", decision: "udeservering tilladt", body: filler(40, "k")),
             second: Entry(title: "café ved havnen", decision: "godkendt i alt", body: "udeservering " + filler(39, "l"))),
    ]

    static func tokens(_ text: String) -> FieldTokens {
        var out = FieldTokens()
        for (p, word) in text.split(separator: " ").enumerated() { out.append(Array(word.utf8), position: UInt32(p)) }
        return out
    }

    @Test(arguments: cases)
    func ranksByWhereAndHowOften(_ c: Case) throws {
        let folder = try Scratch.directory("ranking")
        let commit = IndexCommit(base: try IndexFolder.openForWriting(folder, generation: nil), memoryBudget: 1 << 20)
        // Ordinary entries around the two, so that average field lengths are those of minutes.
        for id in 3...30 {
            try commit.add(id: UInt64(id), fields: [Self.tokens(Self.filler(6, "t\(id)x")), Self.tokens(Self.filler(8, "d\(id)x")), Self.tokens(Self.filler(60, "b\(id)x"))],
                           values: DocumentValues())
        }
        // The entry expected second has the lower id: a tie would go its way.
        for (id, e) in [(1, c.second), (2, c.first)] {
            try commit.add(id: UInt64(id), fields: [Self.tokens(e.title), Self.tokens(e.decision), Self.tokens(e.body)], values: DocumentValues())
        }
        let snapshot = try commit.prepare()
        let match: MatchNode = c.query.count == 1 ? .term(IndexTerm(c.query[0])) : .phrase(c.query)
        let ranked = try snapshot.search(IndexQuery(match: match)).entries.map(\.id)
        #expect(ranked == [2, 1])
    }
}
