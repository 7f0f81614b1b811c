import Foundation
import ReferatAnalysis
import ReferatImport
import ReferatIndex
import ReferatSearch
import ReferatStore
import ReferatTestSupport
import Testing

/// The index learns the common words its corpus uses that the word list lacks, so compounds
/// built on them split and their parts find them. "boenhed" (a housing unit) is neither in
/// wdanish nor in hunspell-da; "boenhedsområdet" only splits once the archive has used "boenhed"
/// on its own.
@Suite struct LearnedWordsTests {
    static let compound = """
        Punkt 1. Kapacitet på boenhedsområdet

        Sagsfremstilling
        Der er venteliste på boenhedsområdet, og forvaltningen foreslår en udvidelse.

        Beslutning i Socialudvalget den 12-03-2024
        Godkendt.
        """

    static func standalone(_ n: Int) -> String {
        """
        Punkt \(n). Ny boenhed i kommunens nordlige del

        Sagsfremstilling
        Forvaltningen har undersøgt, om en ny boenhed kan placeres ved skolen, og hver boenhed får egen leder.

        Beslutning i Socialudvalget den 1\(n)-04-2024
        Taget til efterretning.
        """
    }

    /// A folder of minutes files and an index beside it.
    struct Archive {
        let root = try! Scratch.directory("learn")
        var index: String { root + "/index.sqlite" }

        func write(_ name: String, _ text: String) throws {
            try FileManager.default.createDirectory(atPath: root + "/minutes", withIntermediateDirectories: true)
            try text.write(toFile: root + "/minutes/" + name, atomically: false, encoding: .utf8)
        }

        func importAll() throws -> ImportSummary {
            try Importer(store: ArchiveStore(path: index), options: .init(jobs: 2)).run(paths: [root + "/minutes"])
        }

        func topCase(_ query: String) throws -> String? {
            try SearchService(store: ArchiveStore(path: index)).search(query).page.hits.first?.title
        }
    }

    @Test func wordsSharedByTheFirstFilesAreLearnedBeforeAnythingIsWritten() throws {
        let archive = Archive()
        try archive.write("a.txt", Self.standalone(1))
        try archive.write("b.txt", Self.standalone(2))
        try archive.write("c.txt", Self.compound)
        let summary = try archive.importAll()
        #expect(summary.learnedWords >= 1)
        #expect(summary.reindexedEntries == 0)
        let store = try ArchiveStore(path: archive.index)
        let learned = store.lexicon.addedWords
        #expect(learned.contains("boenhed"), "\(learned)")
        #expect(try archive.topCase("boenhed -nordlige") == "Kapacitet på boenhedsområdet")
        #expect(try store.integrityCheck().isEmpty)
    }

    @Test func aWordLearnedLaterReindexesTheEntriesItSplits() throws {
        let archive = Archive()
        try archive.write("c.txt", Self.compound)
        #expect(try archive.importAll().learnedWords == 0)
        // Before: the compound is one unknown word, and its part finds nothing.
        #expect(try archive.topCase("boenhed") == nil)

        try archive.write("a.txt", Self.standalone(1))
        try archive.write("b.txt", Self.standalone(2))
        let summary = try archive.importAll()
        #expect(summary.learnedWords >= 1)
        #expect(summary.reindexedEntries >= 1)
        #expect(try archive.topCase("boenhed -nordlige") == "Kapacitet på boenhedsområdet")
        #expect(try ArchiveStore(path: archive.index).integrityCheck().isEmpty)

        // The re-indexed entry can still be replaced: its delete sees the tokens it was inserted with.
        try archive.write("c.txt", Self.compound.replacingOccurrences(of: "udvidelse", with: "udbygning"))
        #expect(try archive.importAll().imported == 1)
        #expect(try archive.topCase("udbygning") == "Kapacitet på boenhedsområdet")
        #expect(try ArchiveStore(path: archive.index).integrityCheck().isEmpty)
    }

    @Test func capitalisedNamesAndSuspendedFragmentsAreNotLearned() throws {
        let archive = Archive()
        for n in 1...3 {
            try archive.write("\(n).txt", """
                Punkt \(n). Børne- og ungeområdet

                Sagsfremstilling
                Hjemmeplejen ved Kirsebærgaarden er drøftet med Kannegaard.

                Beslutning i Socialudvalget den 1\(n)-05-2024
                Godkendt.
                """)
        }
        _ = try archive.importAll()
        let learned = try ArchiveStore(path: archive.index).lexicon.addedWords
        #expect(!learned.contains("kannegaard") && !learned.contains("kirsebærgaarden"), "\(learned)")
        #expect(!learned.contains("børne"), "\(learned)")
    }

    @Test func aWordTheListKnowsIsNeverSplitByLearnedFragments() {
        let lexicon = DanishLexicon.shared.adding(["konfe", "rencen"])
        #expect(DanishAnalyzer(lexicon: lexicon).compoundParts("konferencen").isEmpty)
        #expect(DanishAnalyzer(lexicon: DanishLexicon.shared.adding(["boenhed"])).compoundParts("boenhedsområdet").contains("boenhed"))
    }
}
