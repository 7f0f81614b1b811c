import ReferatParsing
import ReferatRecords
import Testing

/// The four real seed documents come out exactly as the project's first issue specifies.
@Suite struct SeedTests {
    func parse(_ name: String) throws -> Document {
        try DocumentParser().parse(fileAt: Package.corpus + "/" + name)
    }

    @Test func seed002IsOneCaseWithFourDecisions() throws {
        let document = try parse("002_57d07c45436e4040.txt")
        #expect(document.kind == .agendaItem)
        #expect(document.cases.count == 1)
        let c = try #require(document.cases.first)
        #expect(c.caseNumber == "23/222")
        #expect(c.title == "Rammeaftale om samarbejde på det specialiserede socialområde 2023-2024")
        #expect(c.access == .open)
        #expect(c.routing == [["BUU", "VPU"], ["ØK"], ["KB"]])
        #expect(c.recommendation == "Velfærdsdirektøren indstiller, at udkast til Rammeaftale 2023-24 godkendes.")
        let expected: [(String, String, String, Outcome, [Person])] = [
            ("Børne- og ungdomsudvalget", "2023-01-19", "Tiltrådt.", .approved, [Person(name: "Bente Hedegaard", party: "A")]),
            ("Voksen- og plejeudvalget", "2023-01-25", "Tiltrådt.", .approved, [Person(name: "Karoline Bergkvist Søgaard", party: "A")]),
            ("Økonomiudvalget", "2023-02-07", "Tiltrådt.", .approved, []),
            ("Kommunalbestyrelsen", "2023-02-21", "Godkendt.", .approved,
             [Person(name: "Jens Meilvang", party: "I"), Person(name: "Morten Friis Heidemann", party: "V")]),
        ]
        #expect(c.decisions.count == expected.count)
        for (decision, want) in zip(c.decisions, expected) {
            #expect(decision.body == want.0)
            #expect(decision.date == want.1)
            #expect(decision.text == want.2)
            #expect(decision.outcome == want.3)
            #expect(decision.absent == want.4)
        }
        #expect(c.attachments.count == 6)
        #expect(c.attachments[3] == Attachment(
            number: 4, documentId: "3409105", access: .open,
            title: "Bilag 2 - Lands- og landsdelsdækkende tilbud og sikrede afdelinger", reference: "3802/23"))
        #expect(c.links == ["https://sekretariatmidtjylland.viborg.dk/social/takstomraadet/takster-2022/"])
        #expect(!c.decisions.contains { $0.text.contains("http") })
    }

    @Test func seed003HasANonParticipantAndListItems() throws {
        let document = try parse("003_746e95f34020876c.txt")
        let c = try #require(document.cases.first)
        #expect(c.caseNumber == "22/5128")
        #expect(c.routing == [["BUU"], ["VPU"]])
        #expect(c.decisions.count == 1)
        let d = try #require(c.decisions.first)
        #expect(d.body == "Voksen- og plejeudvalget")
        #expect(d.date == "2022-05-30")
        #expect(d.text == "Drøftet.")
        #expect(d.outcome == .discussed)
        #expect(d.notParticipating.map(\.name) == ["Jens Kannegaard Lundager"])
        #expect(document.text.contains("• Børn og unge med komplekse udfordringer"))
        #expect(!document.text.unicodeScalars.contains { (0xE000...0xF8FF).contains($0.value) })
    }

    @Test func seed000IsALetterWithSignatories() throws {
        let document = try parse("000_894198b3a3d206c5.txt")
        #expect(document.kind == .letter)
        #expect(document.cases.isEmpty)
        #expect(document.title == "Invitation til lokalpolitiske drøftelser")
        #expect(document.signatories.map(\.name) == ["Torben Hansen", "Ib Lauritsen"])
        #expect(document.signatories.map(\.organisation) == ["Randers Kommune", "Ikast-Brande Kommune"])
        // "Rammeaf-" / "tale" is rejoined.
        #expect(document.text.contains("nye Rammeaftale,\nda aftalen"))
        #expect(!document.text.contains("Rammeaf-"))
    }

    @Test func seed004IsAWebPageWithoutFurniture() throws {
        let document = try parse("004_31d5589ebbea57ad.txt")
        #expect(document.kind == .webpage)
        #expect(document.title == "Rammeaftale for kommunerne i region Midtjylland")
        for furniture in ["Skip til hoved indholdet", "Hjem Kommunen", "CVR", "Søvej 1", "Genveje", "Læs mere"] {
            #expect(!document.text.contains(furniture), "\(furniture) should be gone")
        }
        #expect(document.municipality == "Silkeborg Kommune")
        let stated = try #require(document.mentionedDecisions.first)
        #expect(stated.body == "Byrådet")
        #expect(stated.date == "2024-12-17")
        #expect(stated.outcome == .approved)
        #expect(document.cases.isEmpty)
    }
}
