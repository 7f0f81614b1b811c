import Foundation
import ReferatParsing
import ReferatRecords
import Testing

/// The PDF samples (`Corpus/2xx_*.pdf`, made by `Scripts/make_pdf_samples.sh`) read through
/// `pdftotext`, against what a reader finds in them (`Corpus/expected/`, written by hand):
/// items, case numbers, decisions with body and date, absentees, and no page furniture in
/// the items' text.
@Suite struct PDFSampleTests {
    struct Expected: Decodable {
        struct Meeting: Decodable { var body: String?; var date: String?; var absent: [Named]? }
        struct Named: Decodable { var name: String }
        struct Decision: Decodable { var body: String?; var date: String?; var absent: [Named]?; var notParticipating: [Named]? }
        struct Item: Decodable { var number: String?; var caseNumber: String?; var title: String; var decisions: [Decision] }
        struct Furniture: Decodable { var notInItemText: [String] }
        var file: String
        var kind: String
        var meeting: Meeting
        var furniture: Furniture
        var joinedWords: [String]?
        var cases: [Item]
    }

    /// One sample, named by its file so that the test log says which failed.
    struct Sample: CustomTestStringConvertible, Sendable {
        var expectedPath: String
        var testDescription: String { (expectedPath as NSString).lastPathComponent }
    }

    static let samples: [Sample] = {
        let folder = Package.corpus + "/expected"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".expected.json") }.sorted().map { Sample(expectedPath: folder + "/" + $0) }
    }()

    @Test func thereAreSamples() {
        #expect(Self.samples.count >= 4)
    }

    @Test(arguments: samples)
    func readsTheSampleAsAReaderWould(_ sample: Sample) throws {
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: URL(fileURLWithPath: sample.expectedPath)))
        let document = try DocumentParser().parse(fileAt: Package.root + "/" + expected.file)
        #expect(document.kind.rawValue == expected.kind)
        #expect(document.meeting?.body == expected.meeting.body)
        #expect(document.meeting?.date == expected.meeting.date)
        #expect(Set(document.meeting?.absent.map(\.name) ?? []) == Set((expected.meeting.absent ?? []).map(\.name)))
        #expect(document.cases.map(\.number) == expected.cases.map(\.number))
        #expect(document.cases.map(\.caseNumber) == expected.cases.map(\.caseNumber))
        #expect(document.cases.map(\.title) == expected.cases.map(\.title))
        for (got, want) in zip(document.cases, expected.cases) {
            #expect(got.decisions.map { [$0.body ?? "", $0.date ?? ""] } == want.decisions.map { [$0.body ?? "", $0.date ?? ""] }, "item \(want.number ?? want.title)")
            for (decision, wanted) in zip(got.decisions, want.decisions) {
                #expect(Set(decision.notParticipating.map(\.name)) == Set((wanted.notParticipating ?? []).map(\.name)), "item \(want.number ?? want.title)")
            }
            let text = got.sections.map(\.text).joined(separator: "\n") + got.decisions.map(\.text).joined(separator: "\n")
            for furniture in expected.furniture.notInItemText {
                #expect(!text.contains(furniture), "page furniture '\(furniture)' in item \(want.number ?? want.title)")
            }
        }
        let all = document.text
        for word in expected.joinedWords ?? [] {
            #expect(all.contains(word), "'\(word)' was not joined across the line end")
        }
    }
}
