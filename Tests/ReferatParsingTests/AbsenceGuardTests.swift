@testable import ReferatParsing
import ReferatRecords
import Testing

/// The byte tests before the absence patterns may let lines through, but never one a pattern
/// would match: each table holds lines the pattern accepts, and near misses.
@Suite struct AbsenceGuardTests {
    @Test(arguments: [
        "1. Fraværende: Eva Holm", "12. Afbud: Bo Berg (V)", "3.\tAfbud : Ib Lund", "1\u{301}. Afbud: Bo Berg", "9.\u{A0}Fraværende: Eva Ny",
        "123. Afbud: Bo Berg", " 1. Afbud: Bo Berg", "\u{FF11}. Afbud: Bo Berg", "Fraværende: Eva Holm", "1. Fraværende:", "",
    ])
    func numberedLabelsAreNeverHidden(_ line: String) {
        if line.wholeMatch(of: PeopleParser.numberedLabel) != nil { #expect(PeopleParser.mayStartWithItemNumber(line)) }
    }

    /// Lines a label starts (as `absenceLabel` compares them, lower-cased) and near misses.
    @Test(arguments: [
        "Fraværende: Eva Holm", "FRAVÆRENDE: EVA HOLM", "Følgende havde meldt afbud:", "FØLGENDE VAR FRAVÆRENDE", "Afbud fra Bo Berg",
        "AFBUD", "Ikke til stede: Bo Berg", "Ej til stede:", "Forfald: Eva Ny", "fravær", "\u{130}kke til stede", "Fo\u{301}rfald",
        "F", "", "Af sagen fremgår", "Efter drøftelse", "Indstilling", "Fr", "f\u{F8}lgende udeblev",
    ])
    func labelsAreNeverHidden(_ line: String) {
        let lower = line.prefix(30).lowercased()
        if PeopleParser.absenceLabels.contains(where: { lower.hasPrefix($0) }) { #expect(PeopleParser.mayStartWithLabel(line)) }
    }

    /// The first-byte guard lets through every line whose first character is a label's first
    /// letter; a letter with a mark after it is no label's start.
    @Test(arguments: [
        ("Fraværende: Eva Holm", "Eva Holm"), ("afbud: Bo Berg", "Bo Berg"), ("Ikke til stede: Ib Lund", "Ib Lund"), ("Ej til stede: Eva Ny", "Eva Ny"),
        ("• Afbud: Bo Berg (V)", "Bo Berg (V)"), ("F\u{308}raværende: Eva Holm", nil), ("\u{130}kke til stede: Bo Berg", nil),
        ("Øvrige: Bo Berg", nil), ("•Afbud: Bo Berg", nil), ("", nil),
        ("Deltog ikke: Eva Ny og Bo Berg.", "Eva Ny og Bo Berg"), ("deltog ikke: Ib Lund", "Ib Lund"),
        ("Deltog ikke i behandlingen: Ib Lund", nil), ("Det blev godkendt.", nil), ("Deltog: Eva Ny", nil),
        ("Uden afbud Ib Lund.", "Ib Lund"), ("Udvalget godkendte.", nil), ("Uden afbud blev sagen udsat.", nil),
    ] as [(String, String?)])
    func labelsAfterTheFirstByteGuard(_ line: String, _ rest: String?) {
        #expect(PeopleParser.absenceLabel(line)?.rest == rest)
        if let first = line.first, "FfAaIiEe".contains(first) { #expect(PeopleParser.mayStartWithLabelLetter(line)) }
        if PeopleParser.absenceLabel(line) != nil { #expect(PeopleParser.mayStartWithLabelLetter(line.withoutBullet)) }
    }

    @Test func numberedLabelsStillRead() {
        #expect(PeopleParser.absenceLabel("1. Fraværende: Eva Holm")?.rest == "Eva Holm")
        #expect(PeopleParser.absenceLabel("• 2. Afbud: Bo Berg (V)")?.rest == "Bo Berg (V)")
        #expect(!PeopleParser.mayStartWithItemNumber("Fraværende: Eva Holm"))
    }

    /// Every predicate, after names, in the ways a page may write it: the pattern's match
    /// implies the guard's bytes.
    static let predicateSentences: [String] = {
        let predicates = MinutesVocabulary.absentPredicates + MinutesVocabulary.notParticipatingPredicates
        return predicates.flatMap { predicate in
            [
                "Bo Berg (V) \(predicate) under punkt 3", "Eva Ny og Ib Lund \(predicate)", "Borgmester Eva Ny\u{A0}\(predicate)",
                "Bo Berg, der \(predicate.decomposedRing) i dag", "Eva Ny \(predicate.uppercased())", "Eva Ny \(predicate)s",
            ]
        } + ["Eva Ny blev væk", "", "Bo Berg var fraværend"]
    }()

    @Test(arguments: predicateSentences)
    func predicatesAreNeverHidden(_ sentence: String) throws {
        if try AbsenceProse.listThenPredicate.firstMatch(in: sentence) != nil { #expect(AbsenceProse.predicateNeedles.occurs(in: sentence)) }
    }

    @Test(arguments: MinutesVocabulary.absentPredicates + MinutesVocabulary.notParticipatingPredicates + MinutesVocabulary.absentExceptions)
    func everyPhraseKeepsANeedle(_ phrase: String) {
        #expect(!AbsenceProse.literalNeedle(phrase).isEmpty)
    }

    @Test func needlesStopBeforeCharactersWithOtherForms() {
        #expect(AbsenceProse.literalNeedle("gjorde opmærksom på inhabilitet") == Array("gjorde opmærksom p".utf8))
        #expect(AbsenceProse.literalNeedle("var fraværende") == Array("var fraværende".utf8))
        #expect(AbsenceProse.literalNeedle("Kelvin") == [])
    }

    @Test(arguments: [
        "Alle var mødt undtagen Bo Berg (V)", "Alle medlemmer var mødt undtagen Eva Ny og Ib Lund", "Alle var til stede undtagen fra Bo Berg",
        "Alle var mødt undtagen\u{A0}Bo Berg", "Alle var mødt undtagen bo berg", "Alle var mødt", "undtaget Bo Berg",
    ])
    func exceptionsAreNeverHidden(_ sentence: String) throws {
        if try AbsenceProse.exceptNames.firstMatch(in: sentence) != nil { #expect(AbsenceProse.exceptionNeedles.occurs(in: sentence)) }
    }

    @Test(arguments: [
        "Lone er fraværende - Bo Holm deltager i hendes sted", "Jesper har meldt afbud", "Anne-Marie havde meldt afbud.", "Lone\ter fraværende",
        "Lone var fraværende", "Lone er fraværende\u{301}", "Lone er syg", "LONE ER FRAVÆRENDE", "lone er fraværende",
    ])
    func firstNameAbsencesAreNeverHidden(_ line: String) {
        if line.firstMatch(of: AbsenceList.firstNameThenAbsent) != nil { #expect(AbsenceList.absentNeedles.occurs(in: line)) }
    }

    @Test func firstNameAbsencesStillRead() {
        #expect(AbsenceList.firstNameAbsent("Lone er fraværende - Bo Holm deltager i hendes sted")?.name == "Lone")
        #expect(AbsenceList.firstNameAbsent("Silas holder pause; hans suppleant, Zita, deltager i stedet")?.name == "Silas")
        #expect(AbsenceList.firstNameAbsent("Silas deltager som suppleant") == nil)
    }
}

@Suite struct ByteStemTableTests {
    static let stems = ["fravær", "fbud", " stedet for", "ab", "a", "æø"]

    /// The table must agree with searching each stem's bytes by hand, at the text's edges too.
    @Test(arguments: ["", "a", "b", "fravær", "xfravær", "fravæ", "Bo har meldt afbud", "i stedet for", "stedet for", "æ", "æøx", "ø", "b\u{301}"])
    func agreesWithASearchByHand(_ text: String) {
        let hay = Array(text.utf8)
        let byHand = Self.stems.map { Array($0.utf8) }.contains { stem in
            hay.count >= stem.count && (0...(hay.count - stem.count)).contains { Array(hay[$0..<($0 + stem.count)]) == stem }
        }
        #expect(ByteStemTable(Self.stems).occurs(in: text) == byHand)
    }

    /// Stems of two bytes and more, and one of one byte, where a position is turned away by its
    /// pair of bytes: a stem's first byte without its second, a stem at the text's end, the one
    /// byte stem last.
    static let pairStems = ["fravær", "fbud", " stedet for", "æø", "q"]

    @Test(arguments: ["", "f", "fr", "frav", "fravær", "Bo var fraværende", "ffbud", "afbu", "Eva meldte afbud", " stedet", "i stedet for",
                      "æ", "ø", "æø", "øæ", "q", "aq", "qa", "Sagsfremstilling"])
    func agreesWithASearchByHandWhenPairsTurnAway(_ text: String) {
        let hay = Array(text.utf8)
        let byHand = Self.pairStems.map { Array($0.utf8) }.contains { stem in
            hay.count >= stem.count && (0...(hay.count - stem.count)).contains { Array(hay[$0..<($0 + stem.count)]) == stem }
        }
        #expect(ByteStemTable(Self.pairStems).occurs(in: text) == byHand)
    }

    @Test func anEmptyStemOccursEverywhere() {
        #expect(ByteStemTable([""]).occurs(in: ""))
        #expect(!ByteStemTable([String]()).occurs(in: "fravær"))
    }
}

private extension String {
    /// "å" written as "a" and a combining ring, which the patterns read as "å".
    var decomposedRing: String { replacing("å", with: "a\u{30A}") }
}

@Suite struct SuffixGuardTests {
    static let suffixes = ["Referat", "Resumé", "Sagsresume", ". Sagsfremstilling", "K", "-", ""]

    /// The last-byte test may let texts through, but never one `hasSuffix` accepts: also with
    /// "é" written as "e" and a mark, a Kelvin sign for "K", and marks after the last letter.
    @Test(arguments: [
        "1. Meddelelse fra formandenReferat", "Godkendelse af budgetResumé", "Godkendelse af budgetResume\u{301}", "Sagsresume", "Sagsresume\u{301}",
        "Notat. Sagsfremstilling", "Notat. Sagsfremstilling\r\n", "Punkt \u{212A}", "Punkt K", "1 -", "1 –", "", "Referat ", "x\u{0600}Referat",
    ])
    func neverHidesASuffix(_ text: String) {
        for suffix in Self.suffixes where text.hasSuffix(suffix) { #expect(text.mayHaveSuffix(suffix), "\(suffix)") }
    }

    @Test func turnsAwayOtherEndings() {
        #expect(!"Godkendelse af budgettet.".mayHaveSuffix("Referat"))
        #expect(!"Godkendelse af budgettet".mayHaveSuffix("Resume"))
        #expect("Godkendelse af Referat".mayHaveSuffix("Referat"))
    }
}

extension AbsenceGuardTests {
    /// A list of apologies may name the member away through the one who came instead
    /// ("Ib Lund (i stedet for Bo Berg)"): the member is the absentee.
    @Test(arguments: [
        ("Afbud: Eva Ny, Ib Lund ( i stedet for Bo Berg)", ["Eva Ny", "Bo Berg"]),
        ("Afbud: Ib Lund (i stedet for Bo Berg)", ["Bo Berg"]),
        ("Afbud: Eva Ny, Ib Lund (sygdom)", ["Eva Ny", "Ib Lund"]),
        // A name's initial is no sentence's end; a substitutes' label ends the list.
        ("Afbud: Kaj L. Dam. I stedet deltog Eva Ny.", ["Kaj L. Dam"]),
        ("Afbud: Kaj E. Holm (A) Stedfortrædere: Bo Berg (A)", ["Kaj E. Holm"]),
        // A second list in the next sentence, opened by a label of its own.
        ("Afbud: Eva Ny og Bo Berg. Uden afbud Ib Lund.", ["Eva Ny", "Bo Berg", "Ib Lund"]),
    ])
    func theMemberAStandInReplacedIsAbsent(_ line: String, _ names: [String]) throws {
        let read = try #require(AbsenceList.read([SourceLine(number: 1, text: line)], at: 0))
        #expect(read.absent.map(\.name) == names)
    }
}
