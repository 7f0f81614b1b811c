import Foundation
@testable import ReferatAnalysis
import Testing

enum Fixtures {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static let directory = root + "/Tests/ReferatAnalysisTests/Fixtures"
}

/// The pipeline, point by point, on sentences shaped like the corpus.
@Suite struct AnalyzerTests {
    let analyzer = DanishAnalyzer()

    func terms(_ text: String, _ mode: AnalysisMode = .document) -> [String] {
        analyzer.analyze(text, mode: mode).map(\.term)
    }

    @Test func theRealLibrariesAreLoaded() {
        #expect(analyzer.isStemmerAvailable)
        #expect(analyzer.lexicon.count > 300_000, "apt-get install wdanish")
    }

    @Test func segmentsFoldsAndKeepsDanishLetters() {
        let tokens = analyzer.analyze("ÆBLER, Øer og Ålborg", mode: .document)
        #expect(tokens.map(\.term) == ["æbl", "øer", "ålborg"])
        #expect(tokens.map(\.position) == [0, 1, 3])  // "og" is a stop word: its position stays a gap
        // NFD input is normalised: "å" as a + ring.
        #expect(terms("a\u{30A}r") == terms("år"))
    }

    @Test(arguments: [
        ("kommunen", "kommun"), ("kommunerne", "kommun"), ("kommunernes", "kommun"),
        ("godkendt", "godkend"), ("rammeaftalen", "rammeaftal"), ("rammeaftaler", "rammeaftal"),
    ])
    func inflectionsShareAStem(_ word: String, _ stem: String) {
        #expect(terms(word).first == stem)
    }

    @Test func byteRangesPointIntoTheUTF8Input() {
        let text = "Det specialiserede socialområde"
        let bytes = Array(text.utf8)
        for token in analyzer.analyze(text, mode: .document) {
            let slice = String(decoding: bytes[token.start..<token.end], as: UTF8.self).lowercased()
            #expect(token.term.drop { $0 == "~" }.prefix(3) == slice.prefix(3), "\(token)")
        }
    }

    @Test func lineBreakHyphensAreRejoined() {
        let tokens = analyzer.analyze("godken-\ndelse af 2023-\n2024", mode: .document)
        #expect(tokens.first?.term == analyzer.stem("godkendelse"))
        #expect(tokens.first?.kind == .joined)
        #expect(!terms("e-mail og Vestegnen-Syd").contains("mail") || terms("e-mail").count >= 1)
    }

    /// A sentence whose space after the full stop was lost is two words again; initials,
    /// abbreviations and addresses stay as word segmentation joins them.
    @Test(arguments: [
        ("deltog Preben Petersen.Rådmand Jane Jegind", ["petersen", "rådmand"], [String]()),
        ("mødet.Næste punkt", ["mødet", "næste"], []),
        ("godkendt.Økonomiudvalget anbefaler", ["godkendt", "økonomiudvalget"], []),
        ("se bl.a. kolding.dk og H.C.Andersen", [], ["bl", "a", "kolding", "dk", "andersen"]),
    ])
    func aFullStopBeforeASentenceStartEndsTheWord(_ text: String, _ words: [String], _ never: [String]) {
        let found = terms(text)
        for word in words { #expect(found.contains(analyzer.stem(word)), "\(word) in \(found)") }
        for word in never { #expect(!found.contains(analyzer.stem(word)), "\(word) in \(found)") }
    }

    @Test(arguments: [
        ("børne- og ungeområdet", ["børneområdet", "ungeområdet"]),
        ("social- og specialundervisningsområdet", ["socialområdet"]),
        ("psykiatri- eller handicapområdet", ["psykiatriområdet", "handicapområdet"]),
        ("Børne-, Unge- og Kulturudvalget", ["børneudvalget", "ungeudvalget"]),
        // The closing word's modifier is shorter than a part may be: the hyphen still shares its head.
        ("Miljø- og Byudvalg", ["miljøudvalg"]),
        ("Klima- og Byudvalget", ["klimaudvalget"]),
        ("Havne- og Øudvalget", ["havneudvalget"]),
        // A particle before a noun made from a verb with another particle: the particle alone
        // is a stop word, restored it is the noun.
        ("om- og tilbygning af skolen", ["ombygning"]),
        ("ind- og udbetalinger", ["indbetalinger"]),
        ("op- og nedskrivning", ["opskrivning"]),
        ("til- og fraflytning", ["tilflytning"]),
        // The same before a noun of fewer letters than a split needs after its head.
        ("til- og ombygning", ["tilbygning"]),
        ("ud- og ombygning af hallen", ["udbygning"]),
    ])
    func suspendedHyphensAreExpanded(_ text: String, _ expected: [String]) {
        let produced = Set(terms(text))
        for word in expected {
            #expect(produced.contains(analyzer.stem(word)), "\(word) from \(text)")
        }
    }

    /// A particle restores nothing from a word that does not begin with another particle, nor
    /// without a suspended hyphen.
    @Test(arguments: [("om- og bygning", "ombygning"), ("om og tilbygning", "ombygning"), ("Sol- og tilbygning", "solbygning")])
    func particlesRestoreOnlyParticleNouns(_ text: String, _ absent: String) {
        #expect(!terms(text).contains(analyzer.stem(absent)), "\(terms(text))")
    }

    /// A modifier shorter than a part is split off only where a suspended hyphen says the word
    /// is a compound: alone, "byudvalget" and "byrådet" keep their short modifier.
    @Test(arguments: ["Byudvalget mødtes", "byrådet og byudviklingen", "Øudvalget"])
    func shortModifiersAloneAreNoParts(_ text: String) {
        let produced = terms(text)
        #expect(!produced.contains { $0.hasSuffix("~udvalg") || $0.hasSuffix("~råd") }, "\(produced)")
    }

    @Test(arguments: [
        ("socialområdet", ["social", "område"]),
        ("kommunalbestyrelsen", ["bestyrelse", "kommunal"]),
        ("specialundervisningsområdet", ["specialundervisning", "område"]),
        ("socialpsykiatrien", ["psykiatri"]),
        ("udviklingsområder", ["udvikling", "område"]),
    ])
    func compoundsAreFoundByTheirParts(_ word: String, _ parts: [String]) {
        let produced = Set(terms(word))
        for part in parts {
            #expect(produced.contains("~" + analyzer.stem(part)), "\(part) in \(word): \(produced.sorted())")
        }
    }

    @Test(arguments: ["godkendelse", "borgerne", "kommunen", "udvikling", "beslutning", "indstilling", "psykiatri", "orientering", "forvaltningen"])
    func nonCompoundsAreNotSplit(_ word: String) {
        #expect(!terms(word).contains { $0.hasPrefix("~") && !$0.hasPrefix("~" + analyzer.stem(word)) }, "\(terms(word))")
    }

    @Test func variantsAreWeakColocatedForms() {
        let tokens = analyzer.analyze("Aarhus Aabenraa Kärnten Göteborg café", mode: .document)
        let variants = tokens.filter { $0.kind == .variant }
        #expect(variants.map(\.term) == ["århus", "åbenrå", "kærnten", "gøteborg", "cafe"].map { "~" + analyzer.stem($0) })
        #expect(variants.allSatisfy { $0.colocated })
        // Never across a compound seam, never folding å to a.
        #expect(!terms("ekstraafgift").contains { $0.contains("å") })
        #expect(terms("bånd") != terms("band"))
        #expect(terms("rød") != terms("rod"))
    }

    @Test func queriesOnTheÅFormFindTheAaForm() {
        let query = Set(terms("Århus", .query))
        let document = Set(terms("Aarhus").map { $0.hasPrefix("~") ? String($0.dropFirst()) : $0 })
        #expect(!query.isDisjoint(with: document))
    }

    @Test(arguments: [
        ("sag 23/222 er", "23/222"), ("Sagsnr.: 330-2018-3619", "330-2018-3619"), ("00.01.00-G01-93-16", "00.01.00-g01-93-16"),
        ("den 19-01-2023 kl.", "19-01-2023"), ("§ 17, stk. 4", "§17"), ("mail: ern@viborg.dk senest", "ern@viborg.dk"),
        ("se https://viborg.dk/social/takster-2022/ her", "https://viborg.dk/social/takster-2022/"), ("Rammeaftale 2023-24", "2023-24"),
    ])
    func domainTokensAreKeptWhole(_ text: String, _ whole: String) {
        let tokens = analyzer.analyze(text, mode: .document)
        #expect(tokens.contains { $0.term == whole && $0.kind == .domain }, "\(tokens.map(\.term))")
    }

    @Test(arguments: [
        ("en bevilling på 1.250.000 kr.", "1250000"), ("kr. 250.000 i 2024", "250000"), ("i alt 12.500.000,50 kr.", "12500000"),
    ])
    func amountsAreOneNumberHoweverTheyAreGrouped(_ text: String, _ amount: String) {
        let tokens = analyzer.analyze(text, mode: .document)
        #expect(tokens.contains { $0.term == amount && $0.kind == .domain }, "\(tokens.map(\.term))")
        #expect(!tokens.contains { $0.term == "000" || $0.term == "250" }, "digit groups are not pieces")
        // The query side agrees, whether the user groups the digits or not.
        #expect(terms(amount, .query) == [amount])
        #expect(terms(text.split(separator: " ").first { $0.contains(".") && $0.first!.isNumber }.map(String.init) ?? "", .query).first == amount)
    }

    @Test(arguments: ["19.01.2023", "00.01.00", "kl. 10.30"])
    func datesKLEAndTimesAreNotAmounts(_ text: String) {
        #expect(!analyzer.analyze(text, mode: .document).contains { $0.kind == .domain && !$0.term.contains(".") && !$0.term.contains("-") })
    }

    @Test func datesAlsoGetTheirISOForm() {
        let tokens = analyzer.analyze("19-01-2023", mode: .document)
        #expect(tokens.map(\.term) == ["19-01-2023", "2023-01-19", "2023"])
        #expect(tokens.dropFirst().allSatisfy { $0.colocated })
        #expect(analyzer.analyze("23/222", mode: .document).map(\.term).contains("222"))
    }

    @Test func stopWordsKeepContentWords() {
        #expect(terms("og det er i").isEmpty)
        for word in ["have", "mod", "mine", "under", "over", "efter", "anden"] {
            #expect(!terms(word).isEmpty, "\(word) carries content in minutes")
        }
    }

    @Test func querySideDoesNotDecompoundButExpandsSynonyms() {
        #expect(!terms("socialområdet", .query).contains { $0.hasPrefix("~") })
        #expect(terms("KB", .query).contains(analyzer.stem("kommunalbestyrelsen")))
        #expect(!terms("KB", .document).contains(analyzer.stem("kommunalbestyrelsen")))
        #expect(analyzer.prefixTerm("Psykiat") == "psykiat")
    }

    @Test func userSynonymFilesAddAbbreviations() {
        var synonyms = CommitteeSynonyms(table: [:])
        synonyms.add(fileContents: "# local\nUÆS = Udvalget for Ældre og Sundhed\nBY=byrådet\n")
        #expect(synonyms.expansions(of: "uæs") == ["udvalget for ældre og sundhed"])
        #expect(synonyms.matches(abbreviation: "BY", name: "Byrådet"))
    }

    /// Every word of the Snowball reference list stems the same here (checked in by Scripts/gen_stem_reference.py),
    /// except where the lexicon keeps a word's own final "s" that Snowball takes (`LexiconStemmer`).
    @Test func stemmingAgreesWithSnowballsReference() throws {
        let text = try String(contentsOfFile: Fixtures.directory + "/snowball_danish_reference.tsv", encoding: .utf8)
        var checked = 0, differ: [String] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t")
            guard parts.count == 2 else { continue }
            checked += 1
            let word = String(parts[0]), reference = String(parts[1])
            let expected = LexiconStemmer.keepsFinalS(word, stem: reference, isListed: analyzer.lexicon.contains) ? word : reference
            if analyzer.stem(word) != expected { differ.append("\(word) → \(analyzer.stem(word)) ≠ \(expected)") }
        }
        #expect(checked > 3000)
        #expect(differ.isEmpty, "\(differ.prefix(10))")
    }

    /// The splits of the longest corpus words, reviewed by hand; re-record with REFERAT_RECORD_GOLDENS=1.
    /// The words come from the seeds and first samples (`0xx`, `1xx`), so that the layout samples
    /// added for the parser do not move the reviewed list.
    @Test func compoundSplitsOfTheLongestCorpusWordsAreReviewed() throws {
        var words = Set<String>()
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.root + "/Corpus")
        where (name.hasPrefix("0") || name.hasPrefix("1")) && (name.hasSuffix(".txt") || name.hasSuffix(".html")) {
            guard let text = try? String(contentsOfFile: Fixtures.root + "/Corpus/" + name, encoding: .utf8) else { continue }
            for word in text.split(whereSeparator: { !$0.isLetter }) where word.count >= 7 { words.insert(word.lowercased()) }
        }
        let longest = words.sorted { ($0.count, $1) > ($1.count, $0) }.prefix(2000)
        let lines = longest.map { word in "\(word)\t\(analyzer.compoundParts(word).joined(separator: " "))" }
        let rendered = "# word\tparts (top level, then nested); empty = not split\n" + lines.sorted().joined(separator: "\n") + "\n"
        let path = Fixtures.directory + "/compound_splits.tsv"
        if ProcessInfo.processInfo.environment["REFERAT_RECORD_GOLDENS"] == "1" || !FileManager.default.fileExists(atPath: path) {
            try rendered.write(toFile: path, atomically: false, encoding: .utf8)
            return
        }
        let reviewed = try String(contentsOfFile: path, encoding: .utf8)
        #expect(rendered == reviewed)
    }
}

/// The importer learns the words an empty index's first documents share before analysing
/// them, from `learnableWords(in:)`, a pass without stemming or decompounding. It must find
/// exactly the words a full analysis collects, or the index would depend on that shortcut.
@Suite struct LearnableWordsTests {
    func collectedByAnalysis(_ text: String) -> Set<String> {
        let analyzer = DanishAnalyzer()
        analyzer.learnableWords = []
        _ = analyzer.analyze(text, mode: .document)
        return analyzer.learnableWords ?? []
    }

    @Test(arguments: [
        "Botilbuddet og frikommuneforsøget: botilbud, frikommune og botilbud igen.",
        "Sagen om genbrugspladsen blev godken-\ndelse udsat; specialundervisningsområdet drøftes.",
        "Børne- og ungeområdet, ældreområdet og Sagsnr. 23/222 den 19-01-2023 kl. 16.00.",
        "BOTILBUD botilbud Botilbud bo-tilbud kvalitetsrapport kvalitetsrapporten",
        "",
    ])
    func theShortPassFindsWhatAnalysisCollects(_ text: String) {
        #expect(DanishAnalyzer().learnableWords(in: text) == collectedByAnalysis(text))
    }

    @Test func soOnEveryCorpusFile() throws {
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.root + "/Corpus") where name.hasSuffix(".txt") {
            guard let text = try? String(contentsOfFile: Fixtures.root + "/Corpus/" + name, encoding: .utf8) else { continue }
            let found = DanishAnalyzer().learnableWords(in: text)
            #expect(found == collectedByAnalysis(text), "\(name)")
            checked += found.isEmpty ? 0 : 1
        }
        #expect(checked >= 5)
    }

    /// One analyzer over every Corpus file in turn, as the importer's threads keep theirs: the
    /// short pass's cached forms answer later files as they answered the first, and never
    /// stand in for the whole forms of a document's analysis.
    @Test func oneAnalyzerForManyFilesFindsWhatFreshOnesFind() throws {
        let shared = DanishAnalyzer()
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.root + "/Corpus").sorted() where name.hasSuffix(".txt") {
            guard let text = try? String(contentsOfFile: Fixtures.root + "/Corpus/" + name, encoding: .utf8) else { continue }
            #expect(shared.learnableWords(in: text) == DanishAnalyzer().learnableWords(in: text), "\(name)")
            #expect(shared.analyze(text, mode: .document) == DanishAnalyzer().analyze(text, mode: .document), "\(name)")
        }
    }
}
