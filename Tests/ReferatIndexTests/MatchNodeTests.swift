import ReferatIndex
import Testing

/// The exact tier of a query: the rule every engine ranks by (whole words above compound parts
/// and variants), defined once on the engine-neutral tree.
@Suite struct MatchNodeTests {
    static let kommune = MatchNode.any([.term(IndexTerm("kommun")), .term(IndexTerm("kommun", form: .weak))])
    static let børn = MatchNode.any([.term(IndexTerm("børn")), .term(IndexTerm("børn", form: .weak))])
    static let psykiat = MatchNode.any([.prefix(IndexTerm("psykiat")), .prefix(IndexTerm("psykiat", form: .weak))])

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var node: MatchNode
        var exact: MatchNode?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a word keeps its exact form", node: kommune, exact: .term(IndexTerm("kommun"))),
        Case(name: "a prefix keeps its exact form", node: psykiat, exact: .prefix(IndexTerm("psykiat"))),
        Case(name: "a phrase is exact already", node: .phrase(["nær", "psykiatri"]), exact: .phrase(["nær", "psykiatri"])),
        Case(name: "a weak term alone has no exact form", node: .term(IndexTerm("områd", form: .weak)), exact: nil),
        Case(name: "AND needs every part's exact form", node: .all([kommune, .term(IndexTerm("x", form: .weak))], excluding: []), exact: nil),
        Case(name: "excluded words keep every form", node: .all([kommune], excluding: [børn]),
             exact: .all([.term(IndexTerm("kommun"))], excluding: [børn])),
        Case(name: "OR keeps the alternatives with an exact form",
             node: .any([kommune, .term(IndexTerm("områd", form: .weak))]), exact: .term(IndexTerm("kommun"))),
        Case(name: "a word with two terms keeps both", node: .any([.term(IndexTerm("århus")), .term(IndexTerm("århus", form: .weak)),
                                                                   .term(IndexTerm("aarhus")), .term(IndexTerm("aarhus", form: .weak))]),
             exact: .any([.term(IndexTerm("århus")), .term(IndexTerm("aarhus"))])),
    ]

    @Test(arguments: cases)
    func exactOnly(_ c: Case) {
        #expect(c.node.exactOnly == c.exact)
        #expect(c.node.exactTier == (c.exact ?? c.node))
    }

    @Test func descriptionShowsFormsWithoutEngineSyntax() {
        let node = MatchNode.all([Self.kommune, Self.psykiat, .phrase(["nær", "psykiatri"])], excluding: [Self.børn])
        #expect(node.description == "((kommun OR weak:kommun) AND (psykiat* OR weak:psykiat*) AND \"nær psykiatri\") NOT (børn OR weak:børn)")
    }
}
