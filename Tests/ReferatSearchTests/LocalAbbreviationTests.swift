import Foundation
import ReferatImport
import ReferatIndex
import ReferatSearch
import ReferatStore
import ReferatTestSupport
import Testing

/// A municipality's own committee abbreviations, learned from its documents: "KFU" finds the
/// cases its Kultur- og Fritidsudvalget decided in Kildeby and its Klima- og Forsyningsudvalget
/// decided in Lindholt, and a budget grid that only has KFU as a column header ranks below them.
@Suite struct LocalAbbreviationTests {
    static let kildebyExplains = """
        Kildeby Kommune
        Dagsorden og referat
        Kultur- og Fritidsudvalget
        Dato: 04-03-2024

        Kultur- og Fritidsudvalget (KFU) behandler sager om idræt og biblioteker.

        Nr.1 - Nye åbningstider på hovedbiblioteket
        Sagsnr.: 24/3102

        Sagsfremstilling
        Hovedbiblioteket ønsker at åbne søndag formiddag.

        Beslutning i Kultur- og Fritidsudvalget den 04-03-2024
        Godkendt.
        """

    /// A case the committee decided, named in full only, and a grid with KFU as a column header.
    static let kildebyDecided = """
        Kildeby Kommune
        Dagsorden og referat
        Kultur- og Fritidsudvalget
        Dato: 05-02-2024

        Nr.1 - Renovering af Kildeby Svømmehal
        Sagsnr.: 24/3101

        Sagsfremstilling
        Svømmehallens bassin trænger til en renovering.

        Beslutning i Kultur- og Fritidsudvalget den 05-02-2024
        Tiltrådt.
        """

    static let kildebyGrid = """
        Kildeby Kommune
        Dagsorden og referat
        Økonomiudvalget
        Dato: 08-04-2024

        Nr.1 - Forbrugsopfølgning pr. 31. marts 2024
        Sagsnr.: 24/3201

        Sagsfremstilling
        Oversigten fordeler forbruget på udvalgene.

        Område                 KFU     BUU     SSU
        Svømmehal og haller    1,1     0,2     -
        Svømmehal, drift       0,4     -       -
        Hjemmepleje            -       -       1,6

        Beslutning i Økonomiudvalget den 08-04-2024
        Taget til efterretning.
        """

    static let lindholt = """
        Lindholt Kommune
        Dagsorden og referat
        Klima- og Forsyningsudvalget
        Dato: 13-05-2024

        I Lindholt er det Klima- og Forsyningsudvalget (KFU), der har vandforsyningen, mens
        Kultur- og Fritidsudvalget har biblioteker og idræt.

        Nr.1 - Nyt vandværk i Lindholt Nord
        Sagsnr.: 24/4101

        Sagsfremstilling
        Det gamle vandværk kan ikke levere vand nok.

        Beslutning i Klima- og Forsyningsudvalget den 13-05-2024
        Godkendt.

        Nr.2 - Regnvandsbassin ved Møllebækken
        Sagsnr.: 24/4102

        Sagsgang
        KFU, ØU

        Sagsfremstilling
        Et regnvandsbassin kan holde vandet tilbage ved skybrud.

        Beslutning i KFU den 13-05-2024
        Tiltrådt og sendt videre.

        Nr.3 - Bibliotekets nye tag
        Sagsnr.: 24/4103

        Sagsfremstilling
        Kultur- og Fritidsudvalget ønsker, at biblioteket får nyt tag.

        Beslutning i Økonomiudvalget den 14-05-2024
        Godkendt.
        """

    struct Archive {
        let root = try! Scratch.directory("abbreviations")
        var index: String { root + "/index.sqlite" }
        var folder: String { root + "/minutes" }

        func write(_ name: String, _ text: String) throws {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try text.write(toFile: folder + "/" + name, atomically: false, encoding: .utf8)
        }

        func importAll(prune: Bool = false) throws -> ImportSummary {
            try Importer(store: ArchiveStore(path: index), options: .init(jobs: 2, prune: prune)).run(paths: [folder])
        }

        /// Case numbers of the hits, best first.
        func cases(_ query: String) throws -> [String] {
            let store = try ArchiveStore(path: index)
            return try SearchService(store: store, synonyms: store.committeeSynonyms()).search(query).page.hits.compactMap(\.caseNumber)
        }

        func pairs() throws -> [String] {
            try ArchiveStore(path: index).committeeAbbreviations().map { ($0.municipality ?? "-") + ":" + $0.abbreviation + "=" + $0.name }
        }
    }

    static func everything() throws -> Archive {
        let archive = Archive()
        try archive.write("kildeby-1.txt", kildebyExplains)
        try archive.write("kildeby-2.txt", kildebyDecided)
        try archive.write("kildeby-3.txt", kildebyGrid)
        try archive.write("lindholt.txt", lindholt)
        _ = try archive.importAll()
        return archive
    }

    struct Expectation: CustomTestStringConvertible, Sendable {
        var query: String
        /// The cases expected first, in this order.
        var first: [String]
        /// Cases that must not be found at all.
        var absent: [String] = []
        var testDescription: String { query }
    }

    static let expectations: [Expectation] = [
        // The case the committee decided, named in full, above the grid with the letters.
        .init(query: "KFU svømmehal", first: ["24/3101", "24/3201"]),
        .init(query: "KFU vandværk", first: ["24/4101"]),
        // Each municipality's own meaning: Lindholt's library case names Kultur- og
        // Fritidsudvalget, which KFU is not in Lindholt.
        .init(query: "KFU biblioteket", first: ["24/3102"], absent: ["24/4103"]),
        // The full name finds a case whose decision names only the letters.
        .init(query: "forsyningsudvalget regnvandsbassin", first: ["24/4102"]),
        .init(query: "klima forsyningsudvalget bassin", first: ["24/4102"]),
        // The committee filter accepts the learned name.
        .init(query: "udvalg:KFU vandværk", first: ["24/4101"]),
    ]

    @Test(arguments: expectations)
    func anAbbreviationFindsWhatItMeansInEachMunicipality(_ e: Expectation) throws {
        let found = try Self.everything().cases(e.query)
        #expect(Array(found.prefix(e.first.count)) == e.first, "\(found)")
        for a in e.absent { #expect(!found.contains(a), "\(found)") }
    }

    @Test func thePairsAreKeptPerMunicipalityAndListed() throws {
        let pairs = try Self.everything().pairs()
        #expect(pairs.contains("Kildeby Kommune:kfu=kultur- og fritidsudvalget"))
        #expect(pairs.contains("Lindholt Kommune:kfu=klima- og forsyningsudvalget"))
        #expect(!pairs.contains { $0.hasPrefix("Kildeby Kommune:buu") }, "letters in a grid alone teach nothing: \(pairs)")
    }

    @Test func aPairLearnedLaterMakesOlderEntriesFindableAndAReimportChangesNothing() throws {
        let archive = Archive()
        try archive.write("kildeby-2.txt", Self.kildebyDecided)
        try archive.write("kildeby-3.txt", Self.kildebyGrid)
        #expect(try archive.importAll().learnedAbbreviations == 0)
        // Only the letters: the grid, not the case the committee decided.
        #expect(try archive.cases("KFU svømmehal") == ["24/3201"])

        try archive.write("kildeby-1.txt", Self.kildebyExplains)
        let summary = try archive.importAll()
        #expect(summary.learnedAbbreviations == 1)
        #expect(summary.reindexedEntries >= 2)
        #expect(try archive.cases("KFU svømmehal") == ["24/3101", "24/3201"])

        let pairs = try archive.pairs()
        let again = try archive.importAll()
        #expect(again.learnedAbbreviations == 0 && again.reindexedEntries == 0 && again.imported == 0)
        #expect(try archive.pairs() == pairs)
        #expect(try archive.cases("KFU svømmehal") == ["24/3101", "24/3201"])
        #expect(try ArchiveStore(path: archive.index).integrityCheck().isEmpty)

        // The evidence goes with its document: the pair is dropped and the entries re-indexed.
        try FileManager.default.removeItem(atPath: archive.folder + "/kildeby-1.txt")
        _ = try archive.importAll(prune: true)
        #expect(try archive.pairs().isEmpty)
        #expect(try archive.cases("KFU svømmehal") == ["24/3201"])
    }

    /// A routing grid per item (committee letters as column headers, a mark under the
    /// committee that handles it), as some case systems' web pages print it.
    static func gridMeeting(committee: String, date: String, number: String, title: String, marked: Int, text: String) -> String {
        let headers = ["DIR", "SKU", "BYU", "ØKE", "BYR"]
        let cells = headers.indices.map { $0 == marked ? " X" : " " }
        return """
            Dagsordener og referater

            Udvalg: \(committee)
            Mødedato: \(date)
            Mødested: Rådhuset, Vestbro Kommune

            Sagsnr.: \(number) Sagsbehandler: Ida Vang

            \(title)
            \((headers + cells).joined(separator: "\n"))

            Sagsfremstilling

            \(text)

            Beslutning

            Godkendt.
            """
    }

    @Test func aRoutingGridTeachesTheMarkedCommitteeAndItsHeadersAreNoContent() throws {
        let archive = Archive()
        try archive.write("sku.txt", Self.gridMeeting(committee: "Skole- og Kulturudvalget", date: "2. april 2030", number: "17.01.00-G01-3-30",
                                                      title: "Ny skolebestyrelse på Vestbro Skole", marked: 1, text: "Skolen har valgt en ny bestyrelse."))
        try archive.write("oeke.txt", Self.gridMeeting(committee: "Økonomi- og Erhvervsudvalget", date: "9. april 2030", number: "00.30.00-S00-1-30",
                                                       title: "Regnskab for første kvartal", marked: 3, text: "Forbruget følger budgettet."))
        _ = try archive.importAll()
        #expect(try archive.pairs().contains("Vestbro Kommune:sku=skole- og kulturudvalget"))
        #expect(try archive.pairs().contains("Vestbro Kommune:øke=økonomi- og erhvervsudvalget"))
        // The letters find the committee's meeting, not every item whose grid lists them.
        let found = try SearchService(store: ArchiveStore(path: archive.index)).search("SKU").page.hits.map(\.path)
        #expect(!found.isEmpty && found.allSatisfy { $0.hasSuffix("sku.txt") }, "\(found)")
    }

    static let nørreby = """
        Nørreby Kommune
        Referat
        Bygnings- og Kulturudvalget
        Dato: 11-02-2031

        Forkortelser KB = Kommunalbestyrelsen HSU = Havne- og Sejladsudvalget ØU = Økonomiudvalget

        Nr.1 - Nye bådpladser i lystbådehavnen
        Sagsnr.: 31/2202

        Sagsfremstilling
        HSU har drøftet en ny bro med 60 bådpladser.

        Beslutning i Bygnings- og Kulturudvalget den 11-02-2031
        Taget til efterretning.
        """

    static let østerlund = """
        Østerlund Kommune
        Referat
        Byrådet
        Dato: 22-04-2031

        Nr.1 - Havnekassen
        Sagsnr.: 31/5101

        Sagsfremstilling
        Havne- og Sejladsudvalget foreslår, at havnekassen lægges under kommunens konto.

        Beslutning i Byrådet den 22-04-2031
        Godkendt.
        """

    static let vestvig = """
        Vestvig Kommune
        Referat
        Byrådet
        Dato: 23-04-2031

        Handicap- og Sundhedsudvalget (HSU) har behandlet sagen om nye bådpladser.

        Nr.1 - Tilgængelige bådpladser
        Sagsnr.: 31/6101

        Sagsfremstilling
        Havne- og Sejladsudvalget og Handicap- og Sundhedsudvalget ønsker en rampe ved broen.

        Beslutning i Byrådet den 23-04-2031
        Godkendt.

        Nr.2 - Havnens nye bro
        Sagsnr.: 31/6102

        Sagsfremstilling
        Havne- og Sejladsudvalget har fået et tilbud på en ny bro.

        Beslutning i Byrådet den 23-04-2031
        Godkendt.
        """

    /// Letters a municipality never defines borrow what another municipality's documents say
    /// they mean, ranked below the letters where they are that municipality's own; where a
    /// municipality gives the letters a meaning of its own, the other meaning is not borrowed.
    @Test func lettersAnotherMunicipalityDefinesAreAFallbackRankedBelowItsOwn() throws {
        let archive = Archive()
        try archive.write("noerreby.txt", Self.nørreby)
        try archive.write("oesterlund.txt", Self.østerlund)
        try archive.write("vestvig.txt", Self.vestvig)
        _ = try archive.importAll()
        #expect(try archive.pairs().contains("Nørreby Kommune:hsu=havne- og sejladsudvalget"))
        let found = try archive.cases("HSU")
        #expect(found.first == "31/2202", "\(found)")
        #expect(found.contains("31/5101"), "Østerlund borrows Nørreby's meaning: \(found)")
        #expect(!found.contains("31/6102"), "Vestvig's HSU is another committee: \(found)")
    }
}
