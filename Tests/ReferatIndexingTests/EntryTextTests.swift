import ReferatAnalysis
import ReferatIndexing
import ReferatParsing
import ReferatRecords
import Testing

/// Every word a document prints is in one of its entries: what the parser lifts out of an item's
/// text into fields (absentees, members who took no part, vote lists, the routing) stays in the
/// item's entry.
@Suite struct EntryTextTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var minutes: String
        /// Words that must be in the entry of the item the decision belongs to.
        var words: [String]
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "absentee under a decision", minutes: """
            Byrådet
            Referat
            1. Salg af grund på Møllevej
            Sagsfremstilling
            Kommunen har modtaget et tilbud på grunden.
            Beslutning Byrådet den 03-03-2025
            Godkendt.
            Afbud: Ole Brandtoft (Løsgænger).
            """, words: ["Ole Brandtoft"]),
        Case(name: "several absentees with reasons", minutes: """
            Økonomiudvalget
            Referat
            4. Budgetopfølgning for første kvartal
            Sagsfremstilling
            Forbruget følger budgettet.
            Beslutning Økonomiudvalget den 12-05-2025
            Taget til efterretning.
            Fraværende: Mette Kragsig (A) og Henrik Lundbæk (V).
            """, words: ["Mette Kragsig", "Henrik Lundbæk"]),
        Case(name: "member who took no part", minutes: """
            Teknik- og Miljøudvalget
            Referat
            7. Dispensation til carport på Engvej 3
            Sagsfremstilling
            Ejeren søger om dispensation fra lokalplanen.
            Beslutning Teknik- og Miljøudvalget den 02-06-2025
            Godkendt.
            Svend Aalykke (C) deltog ikke i behandlingen på grund af inhabilitet.
            """, words: ["Svend Aalykke"]),
        Case(name: "routing on one line", minutes: """
            Byrådet
            Referat
            3. Ny skolestruktur
            Sagsgang: BUU/VPU, ØK, KB
            Sagsfremstilling
            Forvaltningen foreslår at samle overbygningen på to skoler.
            Beslutning Byrådet den 03-03-2025
            Godkendt.
            """, words: ["BUU/VPU, ØK, KB"]),
        Case(name: "routing under its heading, item without sections", minutes: """
            Kultur- og Fritidsudvalget
            Referat
            5. Orientering om hallernes åbningstider
            Sagsgang
            KFU, ØK
            Beslutning Kultur- og Fritidsudvalget den 04-03-2025
            Taget til efterretning.
            Bilag
            1. Oversigt over åbningstider
            """, words: ["KFU, ØK", "Oversigt over åbningstider"]),
        Case(name: "vote lists with a named voter", minutes: """
            Byrådet
            Referat
            2. Salg af skolen i Nørreby
            Sagsfremstilling
            Skolen har stået tom siden sommeren.
            Beslutning Byrådet den 03-03-2025
            Godkendt.
            For stemte: A, V og Kirsten Hovmand (løsgænger)
            Imod stemte: Ø
            """, words: ["Kirsten Hovmand (løsgænger)"]),
    ]

    @Test(arguments: cases)
    func liftedLinesStaySearchable(_ c: Case) throws {
        let document = try DocumentParser().parse(bytes: Array(c.minutes.utf8), path: "minutes.txt")
        let item = try #require(document.cases.first)
        let entry = try #require(EntryText.columns(of: document).first)
        let text = entry.compactMap { $0 }.joined(separator: "\n")
        for word in c.words {
            #expect(text.contains(word), "\(word) is not in the entry of \(item.title)")
        }
    }

    @Test func decisionTextHoldsTheLiftedNamesTheHeaderDoesNotGive() {
        let decision = Decision(
            text: "Godkendt.", outcome: .approved,
            absent: [Person(name: "Bo Elkjær", party: "V", reason: "ferie"), Person(name: "Ida Munk")],
            notParticipating: [NonParticipant(name: "Lis Hauge", party: "A", reason: "inhabil")])
        func lines(headerAbsent: [Person]) -> [String] {
            let document = Document(path: "minutes.txt", sha256: "", kind: .minutes, title: "Byrådet",
                                    meeting: Meeting(body: "Byrådet", absent: headerAbsent), text: "")
            return EntryText.text(of: decision, in: document).split(separator: "\n").map(String.init)
        }
        #expect(lines(headerAbsent: []) == ["Godkendt.", "Bo Elkjær (V), ferie", "Ida Munk", "Lis Hauge (A), inhabil"])
        // The header's absentee is in the header's entry, not repeated on every item.
        #expect(lines(headerAbsent: [Person(name: "Ida Munk")]) == ["Godkendt.", "Bo Elkjær (V), ferie", "Lis Hauge (A), inhabil"])
    }

    @Test func decisionTextHoldsItsVoteLists() {
        let decision = Decision(text: "Godkendt.", outcome: .approved,
                                votes: Votes(for: ["A", "Ane Bak (ufp)"], against: [], abstained: ["F"], forCount: 12))
        let document = Document(path: "minutes.txt", sha256: "", kind: .minutes, title: "Byrådet", text: "")
        // Party letters alone are counts: only the named voter is text.
        #expect(EntryText.text(of: decision, in: document) == "Godkendt.\nAne Bak (ufp)")
    }

    @Test(arguments: [
        (CaseRecord(title: "t"), nil, nil),
        (CaseRecord(title: "t", routing: [["BUU", "VPU"], ["ØK"], ["KB"]]), nil, "BUU/VPU, ØK, KB"),
        (CaseRecord(title: "t", attachments: [Attachment(title: "Kort")]), "Kort", nil),
        (CaseRecord(title: "t", routing: [["KFU"]], attachments: [Attachment(title: "Kort"), Attachment(title: "Plan")]), "Kort\nPlan", "KFU"),
        (CaseRecord(title: "t", sections: [Section(heading: "Sagsfremstilling", text: "Tekst.")]), "Sagsfremstilling\nTekst.\n", nil),
        (CaseRecord(title: "t", routing: [["ØK"], ["BR"]], sections: [Section(heading: "", text: "Tekst.")], attachments: [Attachment(title: "Kort")]),
         "\nTekst.\nKort", "ØK, BR"),
    ] as [(CaseRecord, String?, String?)])
    func bodyHoldsSectionsAndAttachmentsRoutingItsOwnColumn(_ item: CaseRecord, _ body: String?, _ routing: String?) {
        #expect(EntryText.body(of: item) == body)
        #expect(EntryText.routing(of: item) == routing)
    }

    /// The routing is read into the body field after the body's own text, from where every
    /// token is weak; the other columns are their fields unchanged.
    @Test(arguments: [
        (["T", "D", "B", nil], [.init(text: "T", weakFrom: .max), .init(text: "D", weakFrom: .max), .init(text: "B", weakFrom: .max)]),
        (["T", nil, "Tekst", "BUU, KB"], [.init(text: "T", weakFrom: .max), nil, .init(text: "Tekst\nBUU, KB", weakFrom: 6)]),
        (["T", nil, nil, "ØK"], [.init(text: "T", weakFrom: .max), nil, .init(text: "ØK", weakFrom: 0)]),
        ([nil, "D", "Æble", "KB"], [nil, .init(text: "D", weakFrom: .max), .init(text: "Æble\nKB", weakFrom: 6)]),
        ([nil, nil, nil, nil], [nil, nil, nil]),
    ] as [([String?], [AnalysedText.FieldText?])])
    func routingFollowsTheBodyAsWeakText(_ columns: [String?], _ fields: [AnalysedText.FieldText?]) {
        #expect(AnalysedText.fieldTexts(columns) == fields)
    }

    /// Every token of the routing is weak and is a word as written, never a compound part
    /// ("bestyrelse" of "Kommunalbestyrelsen"); the body's tokens are the analyzer's.
    @Test(arguments: [
        ("Skolen lukker", "BUU, ØK, KB"),
        ("Skolebestyrelsen er hørt", "Udvalget for Børn og Unge, Kommunalbestyrelsen"),
        ("Aarhus Kommune", "Økonomiudvalget"),
    ])
    func routingTokensAreWeakWordsWithoutParts(_ body: String, _ routing: String) throws {
        let analyzer = DanishAnalyzer()
        let field = try #require(AnalysedText.fieldTexts(["T", nil, body, routing])[EntryText.Field.body.rawValue])
        var tokens: [(term: String, start: Int, weak: Bool)] = []
        _ = AnalysedText(text: field.text, weakFrom: field.weakFrom, analyzer: analyzer).replay { term, token in
            tokens.append((String(decoding: term, as: UTF8.self), Int(token.start), token.weak))
            return 0
        }
        let own = analyzer.analyze(body, mode: .document)
        let words = analyzer.analyze(routing, mode: .document).filter { $0.kind != .part }
        #expect(tokens.filter { $0.start < field.weakFrom }.map { "\($0.term) \($0.weak)" } == own.map { "\($0.unmarkedTerm) \($0.isWeak)" })
        #expect(tokens.filter { $0.start >= field.weakFrom }.map(\.term) == words.map { String($0.unmarkedTerm) })
        #expect(tokens.filter { $0.start >= field.weakFrom }.allSatisfy { $0.weak })
    }

    /// A meeting absentee named only in the header stays out of the items' decision fields.
    @Test func headerAbsenteesStayInTheHeaderEntry() throws {
        let minutes = """
            Byrådet
            Referat
            Fraværende: Grethe Vilstrup (A)
            1. Godkendelse af dagsorden
            Beslutning Byrådet den 03-03-2025
            Godkendt.
            2. Salg af grund på Møllevej
            Sagsfremstilling
            Kommunen har modtaget et tilbud på grunden.
            Beslutning Byrådet den 03-03-2025
            Godkendt.
            """
        let document = try DocumentParser().parse(bytes: Array(minutes.utf8), path: "minutes.txt")
        let entries = EntryText.columns(of: document)
        #expect(document.cases.count == 2)
        for (item, entry) in zip(document.cases, entries) {
            #expect(!(entry[EntryText.Field.decisions.rawValue] ?? "").contains("Vilstrup"), "\(item.title)")
        }
        #expect(entries.contains { ($0[EntryText.Field.body.rawValue] ?? "").contains("Grethe Vilstrup") })
    }
}
