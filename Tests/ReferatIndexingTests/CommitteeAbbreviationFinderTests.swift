import ReferatAnalysis
import ReferatIndexing
import ReferatParsing
import ReferatRecords
import Testing

/// What a municipality's committee abbreviations stand for, learned from its own documents;
/// letters that do not spell a name are never paired with it.
@Suite struct CommitteeAbbreviationFinderTests {
    struct Spelling: CustomTestStringConvertible, Sendable {
        var abbreviation: String
        var name: String
        var spells: Bool
        var testDescription: String { "\(abbreviation) \(spells ? "=" : "≠") \(name)" }
    }

    static let spellings: [Spelling] = [
        .init(abbreviation: "KFU", name: "Kultur- og Fritidsudvalget", spells: true),
        .init(abbreviation: "KFU", name: "Klima- og Forsyningsudvalget", spells: true),
        .init(abbreviation: "BUU", name: "Børne- og Ungdomsudvalget", spells: true),
        .init(abbreviation: "BUU", name: "Børne- og Uddannelsesudvalget", spells: true),
        .init(abbreviation: "SSU", name: "Social- og Sundhedsudvalget", spells: true),
        .init(abbreviation: "SSU", name: "Social- og Seniorudvalget", spells: true),
        .init(abbreviation: "TMU", name: "Teknik– og Miljøudvalget", spells: true),
        .init(abbreviation: "TM", name: "Teknik- og Miljøudvalget", spells: true),
        .init(abbreviation: "ØK", name: "Økonomiudvalget", spells: true),
        .init(abbreviation: "ØU", name: "Økonomiudvalget", spells: true),
        .init(abbreviation: "KB", name: "Kommunalbestyrelsen", spells: true),
        .init(abbreviation: "BR", name: "Borgerrepræsentationen", spells: true),
        .init(abbreviation: "RR", name: "Regionsrådet", spells: true),
        .init(abbreviation: "BEU", name: "Beskæftigelsesudvalget", spells: true),
        .init(abbreviation: "UBU", name: "Udvalget for Børn og Unge", spells: true),
        .init(abbreviation: "BUF", name: "Børne-, Unge- og Familieudvalget", spells: true),
        .init(abbreviation: "KB", name: "Kultur- og Fritidsudvalget", spells: false),
        .init(abbreviation: "KU", name: "Kultur- og Fritidsudvalget", spells: false),
        .init(abbreviation: "SSU", name: "Økonomiudvalget", spells: false),
        .init(abbreviation: "BUU", name: "Beskæftigelsesudvalget", spells: false),
        .init(abbreviation: "KFUM", name: "Kultur- og Fritidsudvalget", spells: false),
        .init(abbreviation: "TMU", name: "Teknikudvalget", spells: false),
        .init(abbreviation: "EUU", name: "Erhvervsudvalget", spells: false),
    ]

    @Test(arguments: spellings)
    func lettersSpellTheNameOrNot(_ s: Spelling) {
        #expect(CommitteeAbbreviationFinder.spells(s.abbreviation, s.name) == s.spells)
    }

    struct Example: CustomTestStringConvertible, Sendable {
        var label: String
        var text: String
        /// "abbreviation=name" (folded), "!" after it for an explicit pair.
        var pairs: [String]
        var testDescription: String { label }
    }

    static let minutesHeader = """
        Dagsorden og referat
        Kultur- og Fritidsudvalget
        Dato: 04-03-2024

        """

    static let examples: [Example] = [
        .init(label: "name (ABBR)", text: "Kildeby Kommune\n\nKultur- og Fritidsudvalget (KFU) mødes i aften på biblioteket.\n",
              pairs: ["kfu=kultur- og fritidsudvalget!"]),
        .init(label: "ABBR (name)", text: "Lindholt Kommune\n\nSagen sendes til KFU (Klima- og Forsyningsudvalget) til udtalelse.\n",
              pairs: ["kfu=klima- og forsyningsudvalget!"]),
        .init(label: "head first: Udvalget for … (UBU)", text: "Sagen er behandlet i Udvalget for Børn og Unge (UBU) i maj.\n",
              pairs: ["ubu=udvalget for børn og unge!"]),
        .init(label: "en dash in the name", text: "Teknik– og Miljøudvalget (TMU) har sagen.\n",
              pairs: ["tmu=teknik- og miljøudvalget!"]),
        .init(label: "letters that do not spell the name", text: "Økonomiudvalget (KB) og Kultur- og Fritidsudvalget (EU) og Byrådet (2023).\n",
              pairs: []),
        .init(label: "a parenthesis without a committee", text: "Det Europæiske Miljøagentur (EEA) og Kommunernes Landsforening (KL).\n",
              pairs: []),
        .init(label: "members' parties beside a committee's letters",
              text: "Til stede: Eva Holm (SF), Bo Berg (RV) og Teknik- og Miljøudvalget (TMU) ved Ida Lund (DF)\n",
              pairs: ["tmu=teknik- og miljøudvalget!"]),
        .init(label: "a legend of abbreviations", text: "Sagsgang\nBY=Byråd, ØK=Økonomiudvalg, HKU = Havne- og Kystudvalg; TU=Teknisk Forvaltning\n",
              pairs: ["by=byråd!", "hku=havne- og kystudvalg!", "øk=økonomiudvalg!"]),
        .init(label: "an equation that is no legend", text: "Budget 2031: BU=1,2 mio. kr., KB=Kontoret for Byggeri\n", pairs: []),
        .init(label: "a legend with no commas between its entries",
              text: "Forkortelser KB = Kommunalbestyrelsen ØU = Økonomiudvalget HSU = Havne- og Sejladsudvalget LR = Det lokale råd Mødet kl. 16\n",
              pairs: ["hsu=havne- og sejladsudvalget!", "kb=kommunalbestyrelsen!", "øu=økonomiudvalget!"]),
        .init(label: "a legend with colons", text: "Forkortelser: KB: Kommunalbestyrelsen, MKU: Miljø- og Klimaudvalget\n",
              pairs: ["kb=kommunalbestyrelsen!", "mku=miljø- og klimaudvalget!"]),
        .init(label: "a legend in columns, tabs between", text: "Forkortelser\nFKU\tFritids- og Kulturudvalget\nØU\tØkonomiudvalget\n",
              pairs: ["fku=fritids- og kulturudvalget!", "øu=økonomiudvalget!"]),
        .init(label: "a legend in columns, spaces between", text: "Forkortelser\nPMU     Plan- og Miljøudvalget\nBY      Byrådet\n",
              pairs: ["by=byrådet!", "pmu=plan- og miljøudvalget!"]),
        .init(label: "letters as a label above a decision, the name elsewhere", text: """
            Dagsordener og referater
            Naturudvalget
            Mødedato: 03.06.2031

            Nye skraldespande ved søerne
            Teknisk Forvaltning foreslår 40 nye skraldespande. Sagen slutter i Naturudvalget.

            NAU:
            Godkendt.
            """, pairs: ["nau=naturudvalget"]),
        .init(label: "letters heading a code, the name elsewhere", text: """
            Dagsorden og referat
            Børne- og Uddannelsesudvalget
            Mødedato: 12.05.2031

            Budgetforslag 2032
            Forvaltningen har samlet udvalgets ændringsforslag. Udvalget drøftede ændringsforslagene BUU-D-04 og BUU-A-07.

            Beslutning
            Ændringsforslag BUU-A-07 sendes videre til budgetforhandlingerne.
            """, pairs: ["buu=børne- og uddannelsesudvalget"]),
        .init(label: "codes whose letters spell no committee the document names", text: """
            Dagsorden og referat
            Kultur- og Fritidsudvalget
            Mødedato: 12.05.2031

            Hallen efter COVID-19
            Sagen har nummer MOD-2031-00412, jf. VVM-redegørelsen og KFU-notatet.
            """, pairs: []),
        .init(label: "letters at a line's start that spell nothing after them",
              text: "KL  Kommunernes Landsforening\nEU  Erhvervsfremme i Udkanten\nOK  Godkendt af udvalget\n", pairs: []),
        .init(label: "routing beside the decision headers, in order", text: """
            Dagsorden og referat
            Kommunalbestyrelsen

            1. Rammeaftale om det specialiserede socialområde
            Sagsnr.: 23/222

            Sagsgang
            BUU/VPU, ØK, KB

            Sagsfremstilling
            Rammeaftalen skal godkendes af alle kommuner.

            Beslutning i Børne- og ungdomsudvalget den 19-01-2023
            Tiltrådt.

            Beslutning i Voksen- og plejeudvalget den 25-01-2023
            Tiltrådt.

            Beslutning i Økonomiudvalget den 07-02-2023
            Tiltrådt.

            Beslutning i Kommunalbestyrelsen den 21-02-2023
            Godkendt.
            """, pairs: ["buu=børne- og ungdomsudvalget", "kb=kommunalbestyrelsen", "vpu=voksen- og plejeudvalget", "øk=økonomiudvalget"]),
        .init(label: "routing longer than the decisions", text: """
            Dagsorden og referat
            Klima- og Forsyningsudvalget

            1. Regnvandsbassin ved Møllebækken
            Sagsnr.: 24/4102

            Sagsgang
            KFU, ØU, KB

            Sagsfremstilling
            Et bassin kan holde vandet tilbage.

            Beslutning i Klima- og Forsyningsudvalget den 13-05-2024
            Anbefalet.
            """, pairs: ["kfu=klima- og forsyningsudvalget"]),
        .init(label: "abbreviation as a decision's body, the name in the header", text: minutesHeader + """
            1. Nye åbningstider på biblioteket
            Sagsnr.: 24/3102

            Sagsfremstilling
            Biblioteket åbner søndag.

            Beslutning i KFU den 04-03-2024
            Godkendt.
            """, pairs: ["kfu=kultur- og fritidsudvalget"]),
        .init(label: "abbreviation as a body, two names that spell it: none", text: """
            Dagsorden og referat
            Klima- og Forsyningsudvalget

            1. Taget på biblioteket
            Sagsnr.: 24/4103

            Sagsfremstilling
            Kultur- og Fritidsudvalget har bedt om solceller.

            Beslutning i KFU den 13-05-2024
            Godkendt.
            """, pairs: []),
    ]

    /// A column of committee letters whose marks were lost (a routing grid a converter printed
    /// without its empty cells): each letter pair the document names one committee for,
    /// however it inflects the name; a compound that begins with the name is no name.
    @Test func lettersInAColumnPairWithTheOneCommitteeTheDocumentNames() throws {
        let text = """
            Dagsorden og referat
            Byrådet
            Dato: 04-03-2031

            1. Mødeplan for 2031
            Sagsnr.: 30/118

            BYR

            SKU

            HEU

            NFU

            X

            X

            Sagsfremstilling
            Havne- og Erhvervsudvalgsmøderne holdes om tirsdagen. Havne- og Erhvervsudvalgets møder er offentlige.

            Indstilling
            Havne- og Erhvervsudvalget indstiller, at planen godkendes.
            """
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "example.txt")
        let pairs = CommitteeAbbreviationFinder.pairs(in: document).map { $0.abbreviation + "=" + $0.name }
        #expect(pairs.contains("heu=havne- og erhvervsudvalget"), "\(pairs)")
        #expect(!pairs.contains { $0.hasPrefix("sku=") || $0.hasPrefix("nfu=") })
        #expect(CommitteeAbbreviationFinder.lettersInColumns(in: "BYR\nSKU\nX\n") == [], "three letters are a short list")
    }

    /// Letters at the head of a code of capitals and digits; a word with lower-case letters or
    /// without a digit after its letters is no code.
    @Test(arguments: [
        ("ændringsforslagene BUU-A-11 og BUU-A-12 optages", ["BUU", "BUU"]),
        ("jf. (ØK-12), KFU-2031-07.", ["ØK", "KFU"]),
        ("Sagsnr. MOD-2020-00240", ["MOD"]),
        ("VVM-redegørelse, KFU-notatet, BUU-A, KB- og ØU-møder", []),
        ("P35-34-20 og 00.22.00-A26-1-13", []),
        ("BUU/VPU, ØK, KB", []),
    ])
    func lettersHeadingACode(_ text: String, _ letters: [String]) {
        #expect(CommitteeAbbreviationFinder.lettersInCodes(in: text) == letters)
    }

    @Test(arguments: [
        ("økonomiudvalgets", "økonomiudvalg"), ("økonomiudvalget", "økonomiudvalg"), ("havne- og erhvervsudvalgs-", "havne- og erhvervsudvalg"),
        ("kommunalbestyrelsens", "kommunalbestyrels"), ("byrådet", "byråd"),
    ])
    func namesCompareWithoutTheirEndings(_ name: String, _ uninflected: String) {
        #expect(CommitteeAbbreviationFinder.uninflected(name) == uninflected)
    }

    @Test(arguments: [("økonomiudvalgets", true), ("kommunalbestyrelsen", true), ("økonomiudvalgsmødet", false), ("byrådsmøderne", false)])
    func aNameEndsInItsCommitteeWord(_ name: String, _ ends: Bool) {
        #expect(CommitteeAbbreviationFinder.endsInCommitteeWord(name) == ends)
    }

    @Test(arguments: examples)
    func pairsADocumentSpellsOut(_ example: Example) throws {
        let document = try DocumentParser().parse(bytes: Array(example.text.utf8), path: "example.txt")
        let pairs = CommitteeAbbreviationFinder.pairs(in: document).map { $0.abbreviation + "=" + $0.name + ($0.explicit ? "!" : "") }
        #expect(pairs == example.pairs)
    }

    /// Letters heading a code ("BUU-A-05", one of the committee's papers) get the name's forms
    /// beside them weak; the letters alone get them as strong as the name.
    @Test(arguments: [("Forslag BUU-A-05 udgår", true), ("Forslag BUU-12 udgår", true), ("Beslutning i BUU den 9. juni", false), ("BUU - Godkendt", false)])
    func lettersHeadingACodeGetTheNameWeak(_ text: String, _ weak: Bool) {
        let analyzer = DanishAnalyzer()
        let local = LocalAbbreviations([("buu", "børne- og uddannelsesudvalget")], analyzer: analyzer)
        var added: [Bool] = []
        _ = local.replay(AnalysedText(text: text, analyzer: analyzer)) { term, token in
            if token.colocated, String(decoding: term, as: UTF8.self) == analyzer.stem("uddannelsesudvalget") { added.append(token.weak) }
            return 0
        }
        #expect(added == [weak], "\(added)")
    }

    @Test func theNamesFormsStandBesideTheLettersAndTheLettersBesideTheName() {
        let analyzer = DanishAnalyzer()
        let local = LocalAbbreviations([("kfu", "kultur- og fritidsudvalget")], analyzer: analyzer)
        func terms(_ text: String) -> [(String, Bool)] {
            var out: [(String, Bool)] = []
            _ = local.replay(AnalysedText(text: text, analyzer: analyzer)) { term, token in
                out.append((String(decoding: term, as: UTF8.self), token.colocated))
                return 0
            }
            return out
        }
        let name = AnalysedText(text: "kultur- og fritidsudvalget", analyzer: analyzer)
        var nameTerms: [String] = []
        _ = name.replay { term, _ in nameTerms.append(String(decoding: term, as: UTF8.self)); return 0 }

        let atLetters = terms("Beslutning i KFU")
        #expect(atLetters.map(\.0).contains("kfu"))
        for term in nameTerms { #expect(atLetters.contains { $0.0 == term && $0.1 }, "\(term) beside KFU") }
        #expect(terms("Indstilling fra Kultur- og Fritidsudvalget").contains { $0.0 == "kfu" && $0.1 })
        // Half the name is not the name; nor are other letters.
        #expect(!terms("Fritidsudvalget og kulturen").contains { $0.0 == "kfu" })
        #expect(!terms("Beslutning i KFUM").contains { nameTerms.contains($0.0) && $0.1 })
        // A word in lower case is a word: "by" is a town, not Byrådet.
        let council = LocalAbbreviations([("by", "byrådet")], analyzer: analyzer)
        func councilTerms(_ text: String) -> [String] {
            var out: [String] = []
            _ = council.replay(AnalysedText(text: text, analyzer: analyzer)) { term, _ in out.append(String(decoding: term, as: UTF8.self)); return 0 }
            return out
        }
        #expect(councilTerms("Sagen går til BY").contains(analyzer.stem("byrådet")))
        #expect(!councilTerms("Turen går til en by i Jylland").contains(analyzer.stem("byrådet")))
    }

    /// What other municipalities taught: nothing for letters this one defines; every name its
    /// letters elsewhere, and the letters their name only where every municipality agrees.
    @Test func otherMunicipalitiesLettersAreAFallback() {
        let fallback = LocalAbbreviations.fallback(
            for: [("ku", "kulturudvalget")],
            elsewhere: [("tmu", "teknik- og miljøudvalget"), ("ku", "kunstudvalget"), ("buu", "børne- og ungeudvalget"),
                        ("buu", "børne- og uddannelsesudvalget"), ("tmu", "teknik- og miljøudvalget")])
        #expect(fallback.map { "\($0.abbreviation)=\($0.name)\($0.lettersFindName ? "" : "?")" }
                == ["buu=børne- og ungeudvalget?", "buu=børne- og uddannelsesudvalget?", "tmu=teknik- og miljøudvalget"])
    }

    /// A fallback's forms are weak: the municipality's own meaning and the written words rank
    /// above them. Ambiguous letters find no name; the names still find the letters.
    @Test func aFallbacksFormsAreWeak() {
        let analyzer = DanishAnalyzer()
        let local = LocalAbbreviations([("kb", "kommunalbestyrelsen")],
                                       fallback: [("tmu", "teknik- og miljøudvalget", true), ("buu", "børne- og ungeudvalget", false)],
                                       analyzer: analyzer)
        func terms(_ text: String) -> [(term: String, colocated: Bool, weak: Bool)] {
            var out: [(String, Bool, Bool)] = []
            _ = local.replay(AnalysedText(text: text, analyzer: analyzer)) { term, token in
                out.append((String(decoding: term, as: UTF8.self), token.colocated, token.weak))
                return 0
            }
            return out
        }
        let committee = analyzer.stem("miljøudvalget")
        #expect(terms("Sagen går til TMU").contains { $0.term == committee && $0.colocated && $0.weak })
        #expect(terms("Teknik- og Miljøudvalget anbefaler").contains { $0.term == "tmu" && $0.colocated && $0.weak })
        #expect(terms("Beslutning i KB").contains { $0.term == analyzer.stem("kommunalbestyrelsen") && !$0.weak })
        #expect(!terms("Sagen går til BUU").contains { $0.colocated && $0.term == analyzer.stem("ungeudvalget") })
        #expect(terms("Børne- og Ungeudvalget anbefaler").contains { $0.term == "buu" && $0.weak })
    }

    /// The routing's words (weak as written, `AnalysedText.fieldTexts`) say where an item goes:
    /// a learned pair adds nothing beside them, while the same words in the body get their forms.
    @Test(arguments: [
        ("SOS", "social- og sundhedsudvalget", "SOS, KB"),
        ("KFU", "kultur- og fritidsudvalget", "Kultur- og Fritidsudvalget"),
    ])
    func aLearnedPairAddsNothingBesideTheRouting(_ letters: String, _ name: String, _ words: String) throws {
        let analyzer = DanishAnalyzer()
        let local = LocalAbbreviations([(letters.lowercased(), name)], analyzer: analyzer)
        func added(_ columns: [String?]) throws -> Int {
            let field = try #require(AnalysedText.fieldTexts(columns)[EntryText.Field.body.rawValue])
            var plain = 0, withPairs = 0
            let text = AnalysedText(text: field.text, weakFrom: field.weakFrom, analyzer: analyzer)
            _ = text.replay { _, _ in plain += 1; return 0 }
            _ = local.replay(text) { _, _ in withPairs += 1; return 0 }
            return withPairs - plain
        }
        #expect(try added(["T", nil, "Sagen behandles af " + words, nil]) > 0)
        #expect(try added(["T", nil, "Sagen behandles", words]) == 0)
    }
}
