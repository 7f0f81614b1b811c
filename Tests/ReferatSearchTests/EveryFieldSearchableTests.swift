import Foundation
import ReferatAnalysis
import ReferatImport
import ReferatIndex
import ReferatParsing
import ReferatRecords
import ReferatSearch
import ReferatStore
import ReferatTestSupport
import Testing

/// Nothing a document says is unsearchable (#19 item 1): every word of every text field its
/// record holds (the meeting header, members and absentees with their reasons, case numbers,
/// routing, sections, attachments' titles, decisions with their lifted people and the people
/// their vote lists name,
/// a letter's signatories) finds the document when searched on its own, quoted (the routing's
/// words, which are weak evidence, unquoted). Words the analyzer drops from a query (stop
/// words) are the only ones left out.
@Suite struct EveryFieldSearchableTests {
    struct Sample: Sendable, CustomStringConvertible {
        var name: String
        var text: String
        /// Fields the parsed record must hold, so that the test covers them.
        var fields: Set<String>
        var description: String { name }
    }

    static let samples: [Sample] = [
        Sample(name: "minutes with header, routing, votes and an item without sections", text: """
            Lundeborg Kommune
            Referat
            Børne- og Uddannelsesudvalget
            Dato: 14-05-2030
            Tidspunkt: 16:00
            Mødested: Mødelokale Fjorden, Lundeborg Rådhus
            Medlemmer: Karin Sølvhøj (A), Jonas Birkelund (V), Pernille Hedegaard (F)
            Fraværende: Jonas Birkelund (V), barsel

            Punkt 1 - Ny skolestruktur i Vestområdet
            Sagsnr.: 30/1401
            KLE: 17.01.00-G01-4-30
            Sagsgang: BUU/VPU, ØK, KB

            Sagsfremstilling
            Elevtallet i Vestområdet falder, og forvaltningen foreslår at samle overbygningen på Tinghøj Skole.

            Indstilling
            Forvaltningen indstiller, at forslaget sendes i høring.

            Beslutning i Børne- og Uddannelsesudvalget den 14-05-2030
            Anbefales.
            For stemte: A, F og Lise Kvorning (løsgænger)
            Imod stemte: Ø
            Afbud: Mads Tornbjerg (C), sygdom
            Rikke Hjortshøj (A) deltog ikke i behandlingen på grund af inhabilitet.

            Bilag
            1. Kortbilag over skoledistrikterne
            2. Høringsbrev til skolebestyrelserne

            Punkt 2 - Orientering om sommerferieaktiviteter
            Sagsnr.: 30/1402
            Sagsgang: BUU

            Beslutning i Børne- og Uddannelsesudvalget den 14-05-2030
            Taget til efterretning.

            Bilag
            1. Program for feriecamp på Strandgården
            """, fields: ["meeting.body", "meeting.place", "meeting.members", "meeting.absent", "case.title", "case.caseNumber",
                         "case.kleNumber", "case.routing", "case.sections", "case.attachments", "decision.body", "decision.text",
                         "decision.absent", "decision.notParticipating", "decision.votes"]),
        Sample(name: "letter with signatory", text: """
            Lundeborg Kommune
            Teknik og Miljø

            Vedrørende: Tilladelse til udledning af overfladevand fra Kærgårdsvej 12

            Lundeborg Kommune giver hermed tilladelse til at udlede overfladevand til Møllebækken.
            Tilladelsen gælder i ti år og kan påklages til Miljø- og Fødevareklagenævnet.

            Med venlig hilsen

            Troels Aagaard Winther
            Miljømedarbejder
            Lundeborg Kommune
            """, fields: ["document.title"]),
    ]

    /// A record's text fields, named as the record names them, with their text.
    static func fields(of d: Document) -> [(name: String, text: String)] {
        var out: [(String, String)] = [("document.title", d.title)]
        func people(_ name: String, _ list: [(String, String?, String?)]) {
            for (person, party, reason) in list { out.append((name, [person, party, reason].compactMap { $0 }.joined(separator: " "))) }
        }
        if let m = d.meeting {
            out += [("meeting.body", m.body), ("meeting.place", m.place)].compactMap { name, text in text.map { (name, $0) } }
            people("meeting.members", m.members.map { ($0.name, $0.party, $0.reason) })
            people("meeting.absent", m.absent.map { ($0.name, $0.party, $0.reason) })
            people("meeting.notParticipating", m.notParticipating.map { ($0.name, $0.party, $0.reason) })
        }
        for s in d.signatories { out.append(("signatory", [s.name, s.role, s.organisation].compactMap { $0 }.joined(separator: " "))) }
        func decisionFields(_ decision: Decision) {
            out += [("decision.body", decision.body ?? ""), ("decision.text", decision.text)] + decision.remarks.map { ("decision.remarks", $0) }
            people("decision.absent", decision.absent.map { ($0.name, $0.party, $0.reason) })
            people("decision.notParticipating", decision.notParticipating.map { ($0.name, $0.party, $0.reason) })
            // A vote list's party letters alone are counts, not words; the people it names are text.
            if let votes = decision.votes { out += (votes.for + votes.against + votes.abstained).filter(Votes.mayNameAPerson).map { ("decision.votes", $0) } }
        }
        for c in d.cases {
            out += [("case.title", c.title), ("case.caseNumber", c.caseNumber ?? ""), ("case.kleNumber", c.kleNumber ?? ""),
                    ("case.recommendation", c.recommendation ?? "")]
            out += c.otherCaseNumbers.map { ("case.otherCaseNumbers", $0) } + c.routing.joined().map { ("case.routing", $0) }
            out += c.sections.map { ("case.sections", $0.heading + "\n" + $0.text) } + c.attachments.map { ("case.attachments", $0.title) }
            c.decisions.forEach(decisionFields)
        }
        d.mentionedDecisions.forEach(decisionFields)
        return out.filter { !$0.1.isEmpty }
    }

    /// The words of a field's text as a user would type them: split at white space, without
    /// the punctuation around them.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",.;:()!?\"'–-")) }.filter { !$0.isEmpty }
    }

    @Test(arguments: samples)
    func everyWordOfEveryFieldFindsTheDocument(_ sample: Sample) throws {
        let root = try Scratch.directory("fields")
        try FileManager.default.createDirectory(atPath: root + "/archive", withIntermediateDirectories: true)
        try sample.text.write(toFile: root + "/archive/sample.txt", atomically: false, encoding: .utf8)
        let store = try ArchiveStore(path: root + "/index.sqlite")
        _ = try Importer(store: store).run(paths: [root + "/archive"])
        let document = try DocumentParser().parse(bytes: Array(sample.text.utf8), path: "sample.txt")
        let fields = Self.fields(of: document)
        #expect(sample.fields.isSubset(of: Set(fields.map(\.name))), "fields the record lacks: \(sample.fields.subtracting(fields.map(\.name)).sorted())")
        let analyzer = DanishAnalyzer()
        let search = SearchService(store: store)
        var options = SearchService.Options()
        options.exact = true
        for (name, text) in fields {
            for word in Self.words(text) where !analyzer.analyze(word, mode: .query).isEmpty {
                // A quoted word asks for its exact form, which the routing does not give (its
                // words are weak evidence, `AnalysedText.fieldTexts`): its words are searched as typed.
                let query = name == "case.routing" ? word : "\"" + word + "\""
                let hits = try search.search(query, options: options).page.hits
                #expect(!hits.isEmpty, "\(name): \"\(word)\" finds nothing")
            }
        }
    }
}
