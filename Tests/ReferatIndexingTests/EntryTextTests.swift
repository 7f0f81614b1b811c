import ReferatIndexing
import ReferatParsing
import ReferatRecords
import Testing

/// Every word a document prints is in one of its entries: the names the parser lifts out of a
/// decision into fields (absentees, members who took no part) stay searchable in the decision field.
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
        #expect(lines(headerAbsent: []) == ["Godkendt.", "Bo Elkjær (V)", "Ida Munk", "Lis Hauge (A)"])
        // The header's absentee is in the header's entry, not repeated on every item.
        #expect(lines(headerAbsent: [Person(name: "Ida Munk")]) == ["Godkendt.", "Bo Elkjær (V)", "Lis Hauge (A)"])
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
