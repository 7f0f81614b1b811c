import Foundation
import ReferatTestSupport
import Testing

/// The index commands, run as a user would, on a temporary index of the search corpus (the
/// seeds and the first samples of `Corpus/`, see `SearchCorpus`).
@Suite(.serialized) struct ArchiveCommandTests {
    static let corpus = try! SearchCorpus.copy()

    static let index: String = {
        let dir = try! CLI.temporaryDirectory()
        let path = dir + "/referat.sqlite"
        let result = try! CLI.run(["import", corpus, "--index", path])
        precondition(result.status == 0, result.stderr)
        return path
    }()

    func run(_ arguments: [String]) throws -> CLI.Result {
        try CLI.run(arguments + ["--index", Self.index])
    }

    @Test func importSummaryAsJSONAndIdempotence() throws {
        let result = try run(["import", Self.corpus, "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["skipped"] as? Int == 35)
        #expect(json["imported"] as? Int == 0)
    }

    /// The summary says where an import's time went. Thread CPU clocks bound each figure: the
    /// parsing threads cannot use more CPU than the wall time times their number, and the one
    /// writer no more than the wall time, so a unit or accounting slip shows.
    @Test func importSummaryReportsWhereTheTimeWent() throws {
        let dir = try CLI.temporaryDirectory()
        let result = try CLI.run(["import", Self.corpus, "--index", dir + "/timed.sqlite", "--jobs", "2", "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let wall = try #require(json["seconds"] as? Double)
        let parsing = try #require(json["parsingCPUSeconds"] as? Double)
        let writing = try #require(json["writingCPUSeconds"] as? Double)
        let finishing = try #require(json["finishingSeconds"] as? Double)
        #expect(parsing > 0 && parsing <= wall * 2)
        #expect(writing > 0 && writing <= wall)
        #expect(finishing > 0 && finishing <= wall)
    }

    /// The routing `BUU/VPU, ØK, KB` beside the decision headers of 23/222 teaches Norddjurs'
    /// meanings; `abbreviations` lists them, per municipality.
    @Test func abbreviationsListsWhatTheIndexLearnedPerMunicipality() throws {
        let text = try run(["abbreviations", "--kommune", "Norddjurs Kommune"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Norddjurs Kommune  BUU     børne- og ungdomsudvalget  (1 dokument)"), "\(text.stdout)")
        let json = try run(["abbreviations", "--format", "json"])
        let pairs = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(pairs.contains { $0["municipality"] as? String == "Norddjurs Kommune" && $0["abbreviation"] as? String == "vpu"
            && $0["name"] as? String == "voksen- og plejeudvalget" && $0["documents"] as? Int == 1 })
    }

    @Test func searchPrintsHighlightedHitsWithFileAndLine() throws {
        let result = try run(["search", "Århus"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("[19/12001] Godkendelse af tilskud til Aarhus Kulturnat"))
        #expect(result.stdout.contains("[Århus]"))
        #expect(result.stdout.contains("Corpus/105_kultur_og_idraet_2019-05-14.txt:"))
    }

    @Test func searchJSONAndCSVParse() throws {
        let json = try run(["search", "psykiatri", "--format", "json", "--facets"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["total"] as? Int ?? 0) > 0)
        #expect((object["facets"] as? [String: Any])?["year"] != nil)
        let csv = try run(["search", "psykiatri", "--format", "csv", "--bom", "--danish-headers"])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("\u{FEFF}sagsnummer,titel,kommune,udvalg,dato,udfald,uddrag,fil,linje"))
        let rows = csv.stdout.components(separatedBy: "\r\n")
        #expect(rows.count >= 2)
        #expect(rows.dropFirst().allSatisfy { CSVTest.fields($0).count == 9 })
    }

    @Test func optionsAndDanishFilterNames() throws {
        let english = try run(["search", "godkendt", "--committee", "KB", "--from", "2023-01-01", "--format", "json"])
        let danish = try run(["search", "godkendt", "udvalg:KB", "dato:2023-01-01..", "--format", "json"])
        #expect(english.stdout == danish.stdout)
        #expect(english.stdout.contains("23/222"))
    }

    /// A typo shows the correction's results, named; `--exact` only suggests it and finds nothing.
    @Test func aTypoShowsTheCorrectedSearch() throws {
        let corrected = try run(["search", "psykiatrei"])
        #expect(corrected.status == 0)
        #expect(corrected.stdout.contains("Viser resultater for: psykiatri"))
        let json = try run(["search", "psykiatrei", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["correctedQuery"] as? String == "psykiatri")
        #expect((object["total"] as? Int ?? 0) > 0)
        let exact = try run(["search", "psykiatrei", "--exact"])
        #expect(exact.status == 4)
        #expect(exact.stdout.contains("Mente du: psykiatri?"))
    }

    @Test func exitCodesSayWhatHappened() throws {
        #expect(try run(["search", "kvantecomputer"]).status == 4)
        let syntax = try run(["search", "\"unclosed"])
        #expect(syntax.status == 2)
        #expect(syntax.stderr.contains("^"))
        let dir = try CLI.temporaryDirectory()
        let foreign = dir + "/notes.txt"
        try "my notes".write(toFile: foreign, atomically: false, encoding: .utf8)
        let bad = try CLI.run(["search", "kommune", "--index", foreign])
        #expect(bad.status == 3)
        #expect(bad.stderr.contains("not a referat index"))
        #expect(try String(contentsOfFile: foreign, encoding: .utf8) == "my notes")
        #expect(try CLI.run(["stats", "--index", dir + "/none.sqlite"]).status == 3)
    }

    @Test func showPrintsTheTimelineAcrossCommittees() throws {
        let result = try run(["show", "23/222"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Forløb: BUU 19-01-2023 Tiltrådt. → VPU 25-01-2023 Tiltrådt. → ØK 07-02-2023 Tiltrådt. → KB 21-02-2023 Godkendt."))
        #expect(result.stdout.contains("Fraværende: Jens Meilvang (I), Morten Friis Heidemann (V)"))
        let json = try run(["show", "23/222", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["timeline"] as? [Any])?.count == 4)
    }

    @Test func personShowsAbsencesAndConflicts() throws {
        let result = try run(["person", "Peter Holm"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Peter Holm (V)"))
        #expect(result.stdout.contains("deltog ikke (inhabil)"))
        #expect(try run(["person", "Ingen Sådan"]).status == 4)
    }

    @Test func statsCountsAndSortsDanish() throws {
        let result = try run(["stats", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["cases"] as? Int == 76)
        let text = try run(["stats"]).stdout
        // Danish collation: Økonomiudvalget after Voksen- og plejeudvalget.
        let v = try #require(text.range(of: "Voksen- og plejeudvalget")), ø = try #require(text.range(of: "Økonomiudvalget"))
        #expect(v.lowerBound < ø.lowerBound)
    }

    @Test func analyzeShowsTokensAsJSON() throws {
        let result = try CLI.run(["analyze", "børne- og ungeområdet", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let tokens = try #require(object["tokens"] as? [[String: Any]])
        #expect(tokens.contains { $0["kind"] as? String == "expansion" })
        #expect(tokens.allSatisfy { $0["start"] != nil && $0["end"] != nil && $0["position"] != nil && $0["colocated"] != nil })
    }
}

enum CSVTest {
    /// Splits one CSV row, honouring quotes.
    static func fields(_ row: String) -> [String] {
        var out: [String] = [], current = "", quoted = false
        var chars = Array(row)[...]
        while let c = chars.popFirst() {
            if c == "\"" {
                if quoted && chars.first == "\"" { current.append("\""); chars = chars.dropFirst() } else { quoted.toggle() }
            } else if c == "," && !quoted {
                out.append(current); current = ""
            } else {
                current.append(c)
            }
        }
        out.append(current)
        return out
    }
}
