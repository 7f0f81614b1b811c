@testable import ReferatParsing
import Testing

/// Byte tests in front of slower comparisons may let lines through, but never turn away one
/// the comparison accepts: each table holds lines it accepts, and near misses.
@Suite struct ByteGuardTests {
    /// A needle's plain core is the longest run of characters that equal only themselves.
    @Test(arguments: [
        ("Åbn/luk punkt", "bn/luk punkt"), ("Klik her for at folde ud", "lik her for at folde ud"), ("Læs mere", "Læs mere"),
        ("Resumé", "Resum"), ("é", ""), ("", ""), ("aKbbbKcc", "bbb"),
    ] as [(String, String)])
    func plainCores(_ needle: String, _ core: String) {
        #expect(String.plainCore(needle) == Array(core.utf8))
    }

    /// A title with a link text holds its plain core, in whatever form its other characters come.
    @Test(arguments: [
        "Godkendelse af dagsordenKlik her for at folde ud og læse mere", "Lokalplan 12A\u{30A}bn/luk punkt", "Budget 2028Vis mere",
        "Budget 2028 Læs mere", "Fold ud", "Budget 2028", "Budget 2028 Fold u", "Vis mer\u{301}e",
    ])
    func linkTextsAreNeverHidden(_ title: String) {
        if MinutesVocabulary.linkTexts.contains(where: { title.firstRange(of: $0) != nil }) { #expect(CaseParser.linkTextCores.occurs(in: title)) }
    }

    /// Every heading passes, as printed (capitalised, in capitals, with a colon or a bullet);
    /// lines with a point, a comma, a digit or a parenthesis do not.
    @Test func headingsAreNeverHidden() {
        for key in SectionHeadings.known.union(SectionHeadings.routing) {
            let capitalised = key.prefix(1).uppercased() + key.dropFirst()
            for line in [key, capitalised, key.uppercased(), capitalised + ":", "• " + capitalised] {
                #expect(SectionHeadings.mayBeHeading(line), "\(line)")
                #expect(SectionHeadings.key(line) == key, "\(line)")
            }
        }
    }

    @Test(arguments: [
        ("Godkendt.", false), ("Bo Berg (V)", false), ("Beslutning i Byrådet den 3-5-2027", false), ("Sagsfremstilling, fortsat", false),
        ("Økonomi", true), ("Sagsgang:", true), ("Udbud af der psykiatri", true), ("Kommunikation/høring", true), ("Resume\u{301}", true),
    ] as [(String, Bool)])
    func headingGuard(_ line: String, _ passes: Bool) {
        #expect(SectionHeadings.mayBeHeading(line) == passes)
        if !passes { #expect(SectionHeadings.key(line) == nil) }
    }

    /// Labelled identities start with a digit, a letter of their labels, or outside ASCII.
    @Test(arguments: [
        "Sagsnr.: 19/40211", "SAGSNR. 19/40211", "J.nr.: 00.01.00-A00-1-21", "j. nr. 12/345", "Journalnr. 12/345", "Dok.nr.: 123/45",
        "KLE 00.01.00", "\u{212A}LE 00.01.00", "Lukket sag", "Initialer: ABC", "Sagsbehandler: Eva Holm", "Øvrige sagsbehandlere: Bo Berg",
        "Sagsansvarlig: Eva Ny", "Sagsinitialer: ABC", "Dokumentnr. 12345", "Dok. 12345", "Acadre sagsnr. 12/345",
        "Åbent - 00.01.00A04 - 2027/34364", "Lukket - 00.01.00K01 - 20", "Sag nr. 4", "Punkt 12", "Pkt. 3", "Dagsordenspunkt 2",
        "Sag 2019/04412", "BR 366/07", "Sag nr. 2021-0038", "00.01.00A04", "K00.01.00", "Godkendt.", "Taget til efterretning.", "Bo Berg (V)",
    ])
    func labelledIdentitiesAreNeverHidden(_ line: String) {
        if CaseSegmenter.isLabelledIdentityWithoutGuard(line) { #expect(CaseSegmenter.mayStartLabelledIdentity(line)) }
        #expect(CaseSegmenter.isLabelledIdentity(line) == CaseSegmenter.isLabelledIdentityWithoutGuard(line))
    }

    /// Letters in either case, on bytes; a mark or another letter in between is no occurrence.
    @Test(arguments: [
        ("hans suppleant", "suppleant", true), ("HANS SUPPLEANT", "suppleant", true), ("Stedfortræderen Bo", "stedfortr", true),
        ("suppleAnt", "suppleant", true), ("supple-ant", "suppleant", false), ("supplean", "suppleant", false), ("", "suppleant", false),
    ] as [(String, StaticString, Bool)])
    func lettersInEitherCase(_ text: String, _ needle: StaticString, _ found: Bool) {
        #expect(text.containsLetters(needle) == found)
    }

    /// Access lines pass the guard, in every access word and with marks in their numbers.
    @Test(arguments: [
        "23/222 Åben Sag", "24/1187 Lukket sag", "2019/04412 Åbent", "330-2018-3619 Åben sag", "23/222 A\u{30A}ben", "23/222 Luket punkt",
        "23/222\u{A0}Lukket", "2\u{301}3/222 Åben", "23/222 Åben Sag.", "5223207", "1 - ", "15-12-2015 Byrådet", "23/222 Åbne",
    ])
    func accessLinesAreNeverHidden(_ line: String) {
        #expect((CaseNumbers.accessLineMatch(line) != nil) == (line.wholeMatch(of: CaseNumbers.accessLine) != nil))
    }

    /// The absence labels a line may start with, found by their first two characters, are
    /// the labels it starts with.
    @Test func labelsByTheirFirstCharacters() {
        for label in PeopleParser.absenceLabels {
            #expect(PeopleParser.labelsByHead[String(label.prefix(2))]?.contains(label) == true)
            let line = label.prefix(1).uppercased() + label.dropFirst() + ": Bo Berg"
            #expect(PeopleParser.absenceLabel(line) != nil, "\(line)")
        }
        #expect(PeopleParser.labelsByHead.values.flatMap { $0 }.count == PeopleParser.absenceLabels.count)
    }

    /// The body pattern's look-ahead turns no ending away: a name with each ending is read.
    @Test(arguments: [
        "Kulturudvalget", "Teknisk Udvalg", "Skolebestyrelsen", "Bestyrelse", "Handicaprådet", "Ældreråd", "Magistraten",
        "Borgerrepræsentationen", "Direktionen", "Generalforsamlingen", "KKR Midtjylland", "ØU", "Børne- og Ungeudvalget",
    ])
    func everyBodyEndingIsRead(_ name: String) {
        let header = DecisionHeader.parse("Beslutning i " + name + " den 03-05-2027")
        #expect(header?.body == name)
        #expect(header?.date == "2027-05-03")
    }

    /// Each phrase of a substitute's holds one of the stems the guard looks for.
    @Test func substitutePhrasesHoldAStem() {
        for phrase in AbsenceList.substituteOfAnother {
            #expect(AbsenceList.substituteStems.contains(where: phrase.containsLetters), "\(phrase)")
            #expect(AbsenceList.substituteStems.contains(where: phrase.uppercased().containsLetters), "\(phrase)")
        }
    }
}
