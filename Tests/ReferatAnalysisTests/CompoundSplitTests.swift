import ReferatAnalysis
import Testing

/// Issue 19's compound examples and more of each kind: sub-compounds are parts, linking
/// letters stay with the part before them, words the old word list lacked split on
/// hunspell-da's forms, nonsense parts never appear, and a query compound gives its parts.
@Suite struct CompoundSplitTests {
    let analyzer = DanishAnalyzer()

    /// The stems of a word's compound parts in document mode, as the index stores them.
    func partStems(_ word: String) -> Set<String> {
        Set(analyzer.analyze(word, mode: .document).filter { $0.kind == .part }.map { String($0.term.dropFirst()) })
    }

    func stems(_ words: [String]) -> Set<String> { Set(words.map { analyzer.stem($0) }) }

    @Test func hunspellDanishIsLoaded() {
        #expect(!analyzer.compoundParts("bostøttetilbud").isEmpty, "apt-get install hunspell-da")
    }

    @Test(arguments: [
        ("kunststofbaner", ["kunststof", "kunst", "stof", "baner"]),
        ("havvindmølleparken", ["hav", "vind", "mølle", "parken", "vindmølle", "møllepark"]),
        ("sundhedsplejerskeordningen", ["sundhedsplejerske", "sundhed", "plejerske", "ordningen"]),
        ("specialundervisningsområdet", ["specialundervisning", "special", "undervisning", "området"]),
        ("affaldsindsamlingsordning", ["affald", "indsamling", "ordning", "indsamlingsordning"]),
        ("cykelstiforbindelsen", ["cykelsti", "cykel", "sti", "forbindelsen"]),
        ("trafiksikkerhedsplanen", ["trafiksikkerhed", "trafik", "sikkerhed", "planen"]),
        ("solcelleparken", ["solcelle", "sol", "celle", "parken"]),
    ])
    func everyMeaningfulSubCompoundIsAPart(_ word: String, _ parts: [String]) {
        let produced = partStems(word)
        #expect(stems(parts).isSubset(of: produced), "\(word): \(produced.sorted())")
    }

    @Test(arguments: [
        ("bilskatten", ["bil", "skatten"], ["kat"]),
        ("vejskilte", ["vej", "skilte"], ["kilt"]),
        ("skoleelevernes", ["skole", "elevernes"], ["lever", "skolee"]),
        ("hundeejerne", ["hunde", "ejerne"], ["eejer"]),
        ("husstandene", ["hus", "standene"], ["tand"]),
        ("arbejdsstyrken", ["arbejde", "styrken"], ["tyrk"]),
        ("sagsbehandlingstiden", ["sag", "behandling", "tiden"], ["sbehandling"]),
        ("vejbelysningsudgifter", ["vej", "belysning", "udgifter"], ["sudgift"]),
        ("bostøttetilbud", ["bostøtte", "tilbud"], ["ettilbud"]),
    ])
    func linkingLettersStayWithThePartBefore(_ word: String, _ parts: [String], _ never: [String]) {
        let produced = partStems(word)
        #expect(stems(parts).isSubset(of: produced), "\(word): \(produced.sorted())")
        #expect(produced.isDisjoint(with: stems(never)), "\(word): \(produced.sorted())")
    }

    /// The parts a document's compound is indexed by, in running text (capitalised, between
    /// punctuation), are those a query of the same word asks for: a linking "s" stays with the
    /// part before it on both sides, and no side takes it from the next part.
    @Test(arguments: [
        ("bilskatten", ["kat"]),
        ("ejendomsskatten", ["kat", "sskat"]),
        ("kommuneskatten", ["kat"]),
        ("virksomhedsskatten", ["kat"]),
        ("landsskatteretten", ["kat", "sret"]),
        ("erhvervsskolerne", ["kole", "sskole"]),
        ("idrætsskolen", ["kole"]),
        ("forsyningsselskabet", ["elskab", "sselskab"]),
        ("sundhedsstyrelsen", ["tyrelse", "sstyrelse"]),
        ("ansættelsesstop", ["top"]),
        ("driftsstøtte", ["tøtte"]),
        ("vandløbsstrækningen", ["trækning"]),
        ("tilsynsrapporten", ["srapport"]),
        ("arbejdsstyrken", ["tyrk"]),
        ("husstandene", ["tand"]),
        ("vejskilte", ["kilt"]),
        ("livstruende", ["struende"]),
    ])
    func theDocumentSideSplitsLinkingLettersAsTheQuerySideDoes(_ word: String, _ never: [String]) {
        let sentence = "Udvalget drøftede " + word.prefix(1).uppercased() + word.dropFirst() + ", og sagen blev udsat."
        let inText = Set(analyzer.analyze(sentence, mode: .document).filter { $0.kind == .part }.map { String($0.term.dropFirst()) })
        let queried = Set(analyzer.analyze(word, mode: .query).filter { $0.kind == .part }.map(\.term))
        #expect(!queried.isEmpty, "\(word) is not split")
        #expect(queried.isSubset(of: inText), "\(word): document \(inText.sorted()), query \(queried.sorted())")
        #expect(inText == partStems(word), "\(word): in running text \(inText.sorted()), alone \(partStems(word).sorted())")
        #expect(inText.union(queried).isDisjoint(with: stems(never)), "\(word): \(inText.union(queried).sorted())")
    }

    @Test(arguments: [
        "betingelse", "konferencen", "arbejde", "forsikring", "godkendelse", "borgerne", "kommunen", "udvikling", "beslutning",
        "indstilling", "orientering", "forvaltningen", "psykiatri", "undersøgelse", "tilladelse", "virksomheder",
        "foranstaltninger", "medarbejderne", "overenskomsten", "leverandøren", "forudsætninger", "hjemløse", "standarden",
        "regnskabet", "parkering", "formanden", "beskæftigelse",
    ])
    func ordinaryWordsStayWhole(_ word: String) {
        #expect(partStems(word).isEmpty, "\(word): \(partStems(word).sorted())")
    }

    @Test(arguments: [
        ("vejbelysningsudgifter", ["vej", "belysning", "udgifter"]),
        ("kunststofbaner", ["kunst", "stof", "baner"]),
        ("ældreboligbyggeri", ["ældre", "bolig", "byggeri"]),
        ("skolebuskørsel", ["skole", "bus", "kørsel"]),
        ("klimaudvalget", ["klima", "udvalget"]),
    ])
    func aQueryCompoundGivesItsFinestParts(_ word: String, _ parts: [String]) {
        let tokens = analyzer.analyze(word, mode: .query)
        #expect(tokens.first?.kind == .word && tokens.first?.term == analyzer.stem(word))
        let queryParts = tokens.filter { $0.kind == .part }
        #expect(queryParts.map(\.term) == parts.map { analyzer.stem($0) }, "\(tokens.map(\.term))")
        #expect(queryParts.allSatisfy { $0.colocated && !$0.term.hasPrefix("~") })
    }

    @Test(arguments: ["kommunen", "psykiatri", "betingelse"])
    func aQueryWordThatIsNoCompoundGivesNoParts(_ word: String) {
        #expect(!analyzer.analyze(word, mode: .query).contains { $0.kind == .part })
    }
}

/// Issue 19, item 4: a suspended word followed by an en dash, em dash or minus sign, or by a
/// hyphen set apart from it, is restored like one with "-".
@Suite struct SuspendedDashTests {
    let analyzer = DanishAnalyzer()

    func expansions(_ text: String) -> Set<String> {
        Set(analyzer.analyze(text, mode: .document).filter { $0.kind == .expansion }.map(\.term))
    }

    @Test(arguments: [
        ("Social– og Sundhedsudvalget", "socialudvalget"),
        ("Social — og Sundhedsudvalget", "socialudvalget"),
        ("Social -og Sundhedsudvalget", "socialudvalget"),
        ("Social – og Sundhedsudvalget", "socialudvalget"),
        ("Social—og Sundhedsudvalget", "socialudvalget"),
        ("Social − og Sundhedsudvalget", "socialudvalget"),
        ("Social - og Sundhedsudvalget", "socialudvalget"),
        ("Børne– og ungeområdet", "børneområdet"),
        ("Teknik– og Miljøudvalget", "teknikudvalget"),
        ("Klima– eller Energiudvalget", "klimaudvalget"),
        ("Børne–, Unge– og Kulturudvalget", "ungeudvalget"),
        ("Plan -og Boligudvalget", "planudvalget"),
        ("Erhvervs — og Beskæftigelsesudvalget", "erhvervsudvalget"),
    ])
    func dashesSuspendLikeHyphens(_ text: String, _ restored: String) {
        #expect(expansions(text).contains(analyzer.stem(restored)), "\(text): \(expansions(text).sorted())")
    }

    @Test(arguments: [
        "Budgettet — og dermed servicen — holder",
        "Mødet – og det blev langt",
        "2023 – 2024",
        "Vestegnen-Syd og Nordvest",
    ])
    func aDashBetweenOrdinaryWordsRestoresNothing(_ text: String) {
        #expect(expansions(text).isEmpty, "\(expansions(text).sorted())")
    }

    @Test func aDashSuspendedWordIsNotLearnable() {
        #expect(!analyzer.learnableWords(in: "klima– og energiudvalget").contains("klima"))
    }
}
