import Foundation
import ReferatImport
import ReferatIndex
@testable import ReferatSearch
import ReferatStore
import ReferatTestSupport
import Testing

/// A quoted phrase ranks its verbatim wording above matches through stems and other small
/// words (`VerbatimPhrases`). Invented texts.
@Suite struct VerbatimPhraseTests {
    @Test(arguments: [
        ("indkaldelse af stedfortræder", "Byrådet godkender indkaldelse af stedfortræder.", 1),
        ("indkaldelse af stedfortræder", "INDKALDELSE AF\nSTEDFORTRÆDER", 1),
        ("indkaldelse af stedfortræder", "Hun var indkaldt som stedfortræder.", 0),
        ("indkaldelse af stedfortræder", "indkaldelse af stedfortræderen", 0),
        ("Grøn Omstilling", "Projektet »grøn omstilling« fortsætter.", 1),
        ("e-mail", "svar pr. e-mail eller brev", 1),
        ("e-mail", "svar pr. email", 0),
    ])
    func countsPhrasesWordForWord(_ phrase: String, _ text: String, _ count: Int) {
        #expect(VerbatimPhrases([phrase]).count(in: text) == count)
    }

    @Test func emptyPhrasesAreNone() {
        #expect(VerbatimPhrases(["", "  ", "–"]).isEmpty)
    }

    static let minutes = [
        ("a.txt", """
            Byrådet
            Referat af mødet den 3. maj 2031

            1. Indkaldt som stedfortræder
            Sagsfremstilling
            Ole Vinter er indkaldt som stedfortræder for Bo Lind.

            Beslutning
            Taget til efterretning.
            """),
        ("b.txt", """
            Byrådet
            Referat af mødet den 7. juni 2031

            1. Forfald i byrådet
            Sagsfremstilling
            Et medlem har meddelt forfald i tre måneder på grund af barsel. Efter styrelsesloven skal
            byrådet tage stilling til, om betingelserne for indkaldelse af stedfortræder er opfyldt,
            og byrådet har tidligere fulgt administrationens indstilling i lignende sager om forfald,
            barsel, sygdom og andre hverv, som medlemmerne har haft i valgperioden.

            Beslutning
            Godkendt.
            """),
    ]

    @Test func theQuotedWordingRanksFirst() throws {
        let root = try Scratch.directory("verbatim")
        try FileManager.default.createDirectory(atPath: root + "/minutes", withIntermediateDirectories: true)
        for (name, text) in Self.minutes { try text.write(toFile: root + "/minutes/" + name, atomically: false, encoding: .utf8) }
        let store = try ArchiveStore(path: root + "/index.sqlite")
        _ = try Importer(store: store, options: .init(jobs: 2)).run(paths: [root + "/minutes"])
        let service = SearchService(store: store)
        let phrase = try service.search("\"indkaldelse af stedfortræder\"").page.hits.map { URL(fileURLWithPath: $0.path).lastPathComponent }
        #expect(phrase.first == "b.txt", "\(phrase)")
        #expect(phrase.contains("a.txt"), "other inflections are still found: \(phrase)")
    }
}
