import Foundation
import ReferatImport
import ReferatIndex
import ReferatSearch
import ReferatStore
import ReferatTestSupport
import Testing

/// Issue 19, item 3: a compound in the query also finds its parts written apart, ranked below
/// whole-word and compound-part matches.
@Suite struct QueryCompoundTests {
    static func item(_ n: Int, _ title: String, _ text: String) -> String {
        """
        Punkt \(n). \(title)

        Sagsfremstilling
        \(text)

        Beslutning i Teknikudvalget den 1\(n)-04-2024
        Godkendt.
        """
    }

    /// One index: a whole-word match, a compound-part match, a match written apart and one
    /// that has only some of the parts.
    static let index: String = {
        let root = try! Scratch.directory("query-compound")
        try! FileManager.default.createDirectory(atPath: root + "/minutes", withIntermediateDirectories: true)
        let files = [
            ("a.txt", item(1, "Ny skolebus til Tårup", "Kommunen køber en skolebus med plads til 40 elever.")),
            ("b.txt", item(2, "Skolebusruten om sommeren", "Skolebusruten lægges om, mens vejen repareres.")),
            ("c.txt", item(3, "Bussen til skolen i Vindinge", "Eleverne kører med bus til skolen, og bussen holder ved kirken.")),
            ("d.txt", item(4, "Ny skole i Vindinge", "Skolen får nye lokaler til idræt.")),
            ("e.txt", item(5, "Tillæg til regnvandsplanen", "Regnvandsplanen får et tillæg for Lunde Nord.")),
            ("f.txt", item(6, "Høring om regnvandplanen", "Regnvandplanen sendes i høring i fire uger.")),
            ("g.txt", item(7, "Plan for regn og vand", "Regnen og vandet i grøfterne skal ledes bort efter planen.")),
        ]
        for (name, text) in files { try! text.write(toFile: root + "/minutes/" + name, atomically: false, encoding: .utf8) }
        let path = root + "/index.sqlite"
        _ = try! Importer(store: ArchiveStore(path: path), options: .init(jobs: 1)).run(paths: [root + "/minutes"])
        return path
    }()

    func titles(_ query: String, _ configure: (inout SearchService.Options) -> Void = { _ in }) throws -> [String] {
        var options = SearchService.Options()
        configure(&options)
        return try SearchService(store: ArchiveStore(path: Self.index)).search(query, options: options).page.hits.map(\.title)
    }

    @Test func wholeWordThenCompoundPartThenPartsWrittenApart() throws {
        #expect(try titles("skolebus") == ["Ny skolebus til Tårup", "Skolebusruten om sommeren", "Bussen til skolen i Vindinge"])
    }

    @Test func soWithAFilterAndInTheCount() throws {
        let result = try SearchService(store: ArchiveStore(path: Self.index)).search("skolebus udvalg:teknikudvalget")
        #expect(result.page.total == 3)
        #expect(result.page.hits.map(\.title) == ["Ny skolebus til Tårup", "Skolebusruten om sommeren", "Bussen til skolen i Vindinge"])
        #expect(result.page.hits.map(\.exact) == [true, false, false])
    }

    /// A compound written without its linking s is found by the word with it, in the tier of
    /// the parts written apart, below the word as the query has it.
    @Test func aCompoundWithoutItsLinkingSIsFoundBelowTheWord() throws {
        let found = try titles("regnvandsplanen")
        #expect(found.first == "Tillæg til regnvandsplanen", "\(found)")
        #expect(found.contains("Høring om regnvandplanen"), "\(found)")
        let explained = try SearchService(store: ArchiveStore(path: Self.index)).search("regnvandsplanen").match?.description ?? ""
        #expect(explained.contains("apartregnvandplan"), "\(explained)")
    }

    @Test func theDatesOrderStillHoldsWhenAsked() throws {
        #expect(try Set(titles("skolebus") { $0.sortByDate = true }).count == 3)
    }

    @Test func aWordThatIsNoCompoundDoesNotMatchMore() throws {
        #expect(try titles("skole").contains("Ny skole i Vindinge"))
        #expect(try !titles("skolebus").contains("Ny skole i Vindinge"))
    }

    @Test func anExcludedCompoundExcludesOnlyItsWordAndParts() throws {
        // "-skolebus" keeps the entry that speaks of a bus to the school in other words.
        #expect(try Set(titles("Vindinge -skolebus")) == ["Bussen til skolen i Vindinge", "Ny skole i Vindinge"])
    }

    @Test func theIssuesExampleFindsItsPartsWrittenApartInTheCorpus() throws {
        let hits = try CorpusIndex.search("vejbelysningsudgifter").page.hits
        #expect(hits.first?.caseNumber == "24/1103", "\(hits.map { ($0.caseNumber ?? $0.title) + " " + $0.path })")
    }
}
