@testable import ReferatParsing
import ReferatRecords
import Testing

@Suite struct DecisionHeaderTests {
    @Test(arguments: [
        ("Beslutning i Børne- og ungdomsudvalget den 19-01-2023", "Børne- og ungdomsudvalget", "2023-01-19", nil),
        ("Beslutning i Økonomiudvalget den 4. marts 2019:", "Økonomiudvalget", "2019-03-04", nil),
        ("Beslutning Teknik- og Miljøudvalget den 02-11-2021", "Teknik- og Miljøudvalget", "2021-11-02", nil),
        ("Beslutning Udvalget for teknik og miljø den 11-06-2019", "Udvalget for teknik og miljø", "2019-06-11", nil),
        ("Teknik- og Miljøudvalgets beslutning den 8. april 2021", "Teknik- og Miljøudvalget", "2021-04-08", nil),
        ("Kultur- og Idrætsudvalget, 14-05-2019, pkt. 31", "Kultur- og Idrætsudvalget", "2019-05-14", nil),
        ("Økonomiudvalget, 10. september 2019, pkt. 65:", "Økonomiudvalget", "2019-09-10", nil),
        ("28-08-2019 Byrådet – Sagens behandling blev udsat", "Byrådet", "2019-08-28", "Sagens behandling blev udsat"),
        ("Beslutning i Magistraten den 7. november 2022", "Magistraten", "2022-11-07", nil),
        ("Beslutning: Vedtaget", nil, nil, "Vedtaget"),
        ("BESLUTNING", nil, nil, nil),
        ("Integrationsudvalgets møde den 12. december 2027:", "Integrationsudvalget", "2027-12-12", nil),
        // A step of the meeting's body ("Beslutning den …"), or a body not named like one.
        ("Beslutning den 3. maj 2027", nil, "2027-05-03", nil),
        ("Beslutning den 03-05-2027: Godkendt.", nil, "2027-05-03", "Godkendt."),
        ("Beslutning den : Godkendt.", nil, nil, "Godkendt."),
        ("Beslutning i Økonomiudvalget", "Økonomiudvalget", nil, nil),
        ("Beslutning fra Plan, Miljø og Teknik, 9. februar 2027, pkt. 421", "Plan, Miljø og Teknik", "2027-02-09", nil),
        ("Beslutning på byrådsmødet den 15. marts 2027", "Byrådet", "2027-03-15", nil),
        ("Beslutning på kommunalbestyrelsesmødet den 2. juni 2027", "Kommunalbestyrelsen", "2027-06-02", nil),
        // Dated headers with more than a body and a date in them (issue 17, point 5), and the
        // other shapes of a dated step (read by `LineReader`).
        ("Beslutning i Økonomiudvalget (18-21) den 22-01-2018", "Økonomiudvalget (18-21)", "2018-01-22", nil),
        ("Beslutning i Forretningsudvalget 2018-2021 fredag den 14. august 2020, pkt. 1", "Forretningsudvalget 2018-2021", "2020-08-14", nil),
        ("Beslutning i Økonomiudvalget (ØK) den 3. maj 2021: Godkendt.", "Økonomiudvalget (ØK)", "2021-05-03", "Godkendt."),
        ("Beslutning i KKR Midtjylland den 4-marts-2019", "KKR Midtjylland", "2019-03-04", nil),
        ("Beslutning fra ØU d. 3/5-21", "ØU", "2021-05-03", nil),
        ("BESLUTNING fra ØU d. 3.5.21", "ØU", "2021-05-03", nil),
        ("Beslutning: Byrådet, på mødet den 4. marts 2019, pkt. 3: Godkendt", "Byrådet", "2019-03-04", "Godkendt"),
        ("Beslutning i Udvalget for Klima, Teknik og Miljø den 2027-03-04", "Udvalget for Klima, Teknik og Miljø", "2027-03-04", nil),
        ("Beslutninger i Byrådet den 22-01-2018 kl. 16.00 Tiltrådt", "Byrådet", "2018-01-22", "Tiltrådt"),
        ("Beslutning i Økonomiudvalget, Byrådet den 1. sept. 2021", "Økonomiudvalget, Byrådet", "2021-09-01", nil),
        ("Beslutning Økonomi og Strategi den 14-03-2022", "Økonomi og Strategi", "2022-03-14", nil),
        ("Beslutning Plan, Miljø & Teknik den 14-03-2022: Godkendt", "Plan, Miljø & Teknik", "2022-03-14", "Godkendt"),
        ("Økonomiudvalgets behandling på mødet den 4. marts 2019, sag 4: Anbefales", "Økonomiudvalget", "2019-03-04", "Anbefales"),
        ("Kommunalbestyrelsens møde 28. november 2027 Punkt 1: Der var ingen meddelelser.", "Kommunalbestyrelsen", "2027-11-28", "Der var ingen meddelelser."),
        ("Plan- og Trafikudvalget, 02.03.2031 Anbefales.", "Plan- og Trafikudvalget", "2031-03-02", "Anbefales."),
        ("ØU, 14-05-2019, sag 12", "ØU", "2019-05-14", nil),
        ("Social og Sundhed, 6. januar 2020, pkt. 123: Godkendt", "Social og Sundhed", "2020-01-06", "Godkendt"),
    ] as [(String, String?, String?, String?)])
    func recognisesDecisionHeaders(_ line: String, _ body: String?, _ date: String?, _ inline: String?) throws {
        let header = try #require(DecisionHeader.parse(line))
        #expect(header.body == body)
        #expect(header.date == date)
        #expect(header.inlineText == inline)
    }

    @Test(arguments: [
        "Beslutningstema", "Beslutningskompetence", "Udvalget besluttede at udsætte sagen.", "Tiltrådt.", "Sagsfremstilling",
        "Beslutning adresserer kan naturfagene.", "Beslutningsgrundlag rammeaftalen mv på faglige fokus",
        "Sikrede dk rammeaftale brodersønners beslutning kommende først", "Byrådets behandling af sagen blev udsat",
        "Økonomiudvalgets møde den 4. marts 2027", "Byrådets møde den 4. marts 2027 blev aflyst:",
    ])
    func ignoresOtherLines(_ line: String) {
        #expect(DecisionHeader.parse(line) == nil)
    }
}

@Suite struct OutcomeTests {
    @Test(arguments: [
        ("Godkendt.", Outcome.approved), ("Tiltrådt.", .approved), ("Vedtaget", .approved),
        ("Lokalplanen blev tiltrådt med 34 stemmer mod 15", .approved), ("Anbefales.", .recommended),
        ("Indstilles godkendt.", .recommended), ("Anbefales godkendt.", .recommended), ("Taget til efterretning.", .noted),
        ("Til orientering.", .noted), ("Orientering givet.", .noted), ("Drøftet.", .discussed), ("Udsat.", .postponed),
        ("Sagens behandling blev udsat", .postponed), ("Oversendt til Kommunalbestyrelsen.", .referred),
        ("Sendt til høring.", .referred), ("Afvist.", .rejected), ("Forkastet.", .rejected), ("Forslaget faldt.", .rejected),
        ("Ikke godkendt.", .rejected), ("Udgår.", .withdrawn), ("Ingen.", .none), ("Intet.", .none),
        ("Udvalget ønsker en ny sag om emnet.", .other),
    ])
    func normalisesOutcomes(_ text: String, _ outcome: Outcome) {
        #expect(OutcomeClassifier.classify(text) == outcome)
    }
}

@Suite struct PeopleTests {
    @Test(arguments: [
        ("Bente Holm (A)", Person(name: "Bente Holm", party: "A")),
        ("Bente Holm, A", Person(name: "Bente Holm", party: "A")),
        ("Bente Holm, A (sygdom)", Person(name: "Bente Holm", party: "A", reason: "sygdom")),
        ("Bo Berg (Løsgænger)", Person(name: "Bo Berg", party: "Løsgænger")),
        ("Bo Berg ()", Person(name: "Bo Berg")),
        ("Karin Lund (KF)", Person(name: "Karin Lund", party: "KF")),
        ("Jens  Meilvang (I)", Person(name: "Jens  Meilvang", party: "I")),
        ("Ida Marie van Dijk (Ø)", Person(name: "Ida Marie van Dijk", party: "Ø")),
    ])
    func parsesPeople(_ line: String, _ person: Person) {
        #expect(PeopleParser.person(line) == person)
    }

    @Test func inlineListKeepsPartiesWithNames() {
        let people = PeopleParser.people(inList: "Bente Holm, A (sygdom), Bo Berg (V) og Ane Bak (Ø)")
        #expect(people.map(\.name) == ["Bente Holm", "Bo Berg", "Ane Bak"])
        #expect(people.map(\.party) == ["A", "V", "Ø"])
    }

    @Test(arguments: [
        ("Jens Kannegaard Lundager deltog ikke i behandlingen af punktet.", "Jens Kannegaard Lundager", nil),
        ("Hanne Sejer (V) deltog ikke i behandlingen af punktet pga. inhabilitet.", "Hanne Sejer", "inhabilitet"),
        ("Peter Holm (V) erklærede sig inhabil og deltog ikke i behandlingen af punktet.", "Peter Holm", "inhabil"),
        ("Lise Krogh erklærede sig inhabil.", "Lise Krogh", "inhabil"),
    ] as [(String, String, String?)])
    func findsNonParticipants(_ line: String, _ name: String, _ reason: String?) throws {
        let found = try #require(PeopleParser.nonParticipant(line))
        #expect(found.name == name)
        #expect(found.reason == reason)
    }

    @Test(arguments: ["Udvalget vurderede, at Lise Krogh ikke var inhabil.", "Tiltrådt.", "Alle medlemmer deltog."])
    func negationsAndOtherLinesAreNotNonParticipants(_ line: String) {
        #expect(PeopleParser.nonParticipant(line) == nil)
    }

    @Test func readsVoteLines() {
        var votes = Votes()
        #expect(VoteReader.read("For stemte: A, B, F og Ø.", into: &votes))
        #expect(VoteReader.read("Imod stemte: C, A. Bak (løsgænger), O", into: &votes))
        #expect(VoteReader.read("Undlod at stemme: I", into: &votes))
        #expect(VoteReader.read("For: 20 (Ane Bak (A), Bo Berg (V))", into: &votes))
        #expect(votes.for == ["A", "B", "F", "Ø", "Ane Bak (A)", "Bo Berg (V)"])
        #expect(votes.against == ["C", "A. Bak (løsgænger)", "O"])
        #expect(votes.abstained == ["I"])
        #expect(votes.forCount == 20)
        #expect(!VoteReader.read("Godkendt.", into: &votes))
    }

    /// Vote lines and sentences as real minutes print them (names and counts invented).
    @Test(arguments: [
        ("For stemte: A (9), Kaja Friis (B), C (10) og Ane Holm (ufp), i alt 21.", Votes(for: ["A (9)", "Kaja Friis (B)", "C (10)", "Ane Holm (ufp)"], forCount: 21)),
        ("Imod stemte:  2 (C+O)", Votes(against: ["C", "O"], againstCount: 2)),
        ("Undlod at stemme: 0.", Votes(abstainedCount: 0)),
        ("For stemte 16: A, F og Ø", Votes(for: ["A", "F", "Ø"], forCount: 16)),
        ("Ø (1) stemte for at imødekomme anmodningen.", Votes(for: ["Ø (1)"])),
        ("(Ø) stemte imod.", Votes(against: ["Ø"])),
        ("Et flertal (A+V+C+N) godkender indstillingen.", Votes(for: ["A", "V", "C", "N"])),
    ] as [(String, Votes)])
    func readsRealVoteShapes(_ line: String, _ expected: Votes) {
        var votes = Votes()
        _ = VoteReader.read(line, into: &votes)
        #expect(votes == expected)
    }
}

@Suite struct IdentityTests {
    @Test(arguments: [
        ("Sagsnr.: 19/40211", "19/40211"), ("Sagsid.: 20/3381", "20/3381"), ("Sagsnummer: 21/775", "21/775"),
        ("Sagsnr.: 330-2018-3619", "330-2018-3619"), ("Sagnr.: 1-31-72-114-21", "1-31-72-114-21"), ("Sagsnr. 299835", "299835"),
    ])
    func readsLabelledCaseNumbers(_ line: String, _ number: String) {
        #expect(CaseNumbers.labelledNumber(in: line) == number)
    }

    @Test(arguments: [
        ("00.01.00-G01-93-16", "00.01.00-G01-93-16"), ("27.12.04-P20-1-22", "27.12.04-P20-1-22"),
        ("00.30.10-Ø00-4-16", "00.30.10-Ø00-4-16"), ("KLE: 00.01.00A04", "00.01.00A04"),
    ])
    func readsKLENumbers(_ line: String, _ number: String) {
        #expect(CaseNumbers.kleNumber(in: line) == number)
    }

    @Test(arguments: ["23/222 Åben Sag", "24/1187 Lukket sag", "2019/04412 Åbent", "330-2018-3619 Åben sag"])
    func recognisesAccessLines(_ line: String) {
        #expect(line.wholeMatch(of: CaseNumbers.accessLine) != nil)
    }

    @Test(arguments: [("Åben", Access.open), ("Åbent punkt", .open), ("Lukket sag", .closed), ("Åben skole - evaluering", nil)] as [(String, Access?)])
    func recognisesBareAccess(_ line: String, _ access: Access?) {
        #expect(CaseNumbers.bareAccess(line) == access)
    }

    /// An identity line is an access marker, an access line, a bare case number, or what
    /// `isLabelledIdentity` takes (labels, KLE numbers); body text is none of them.
    @Test(arguments: [
        ("Åben", true, false), ("23/222 Åben Sag", true, false), ("19/40211", true, false), ("Sagsnr.: 19/40211", true, true),
        ("KLE: 00.01.00A04", true, true), ("Åbent - 00.01.00A04 - 2027/34364", true, true), ("00.01.00-G01-93-16", true, true),
        ("Byrådet godkendte indstillingen.", false, false), ("2. Godkendelse af dagsorden", false, false),
    ])
    func recognisesIdentityLines(_ line: String, _ identity: Bool, _ labelled: Bool) {
        #expect(CaseSegmenter.isIdentity(line) == identity)
        #expect(CaseSegmenter.isLabelledIdentity(line) == labelled)
    }

    @Test func routingSplitsStepsAndCommittees() {
        #expect(SectionHeadings.routingSteps("BUU/VPU, ØK, KB") == [["BUU", "VPU"], ["ØK"], ["KB"]])
        #expect(SectionHeadings.routingSteps("Udvalget for Ældre og Sundhed, Økonomiudvalget, Kommunalbestyrelsen")
            == [["Udvalget for Ældre og Sundhed"], ["Økonomiudvalget"], ["Kommunalbestyrelsen"]])
    }
}

@Suite struct AttachmentTests {
    @Test func seedGroupsWithWrappedTitles() {
        let lines = ["1 -", "3408659", "Åben Følgebrev til udkast (3391/23) (H)", "2 -", "3409105",
                     "Åben Bilag 2 - Lands- og landsdelsdækkende tilbud og sikrede", "afdelinger", "(3802/23) (H)"]
        let found = AttachmentParser.parse(lines)
        #expect(found == [
            Attachment(number: 1, documentId: "3408659", access: .open, title: "Følgebrev til udkast", reference: "3391/23"),
            Attachment(number: 2, documentId: "3409105", access: .open,
                       title: "Bilag 2 - Lands- og landsdelsdækkende tilbud og sikrede afdelinger", reference: "3802/23"),
        ])
    }

    @Test func otherShapes() {
        #expect(AttachmentParser.parse(["Bilag 1: Kort over affaldsøer (1233/21)"])
            == [Attachment(number: 1, title: "Kort over affaldsøer", reference: "1233/21")])
        #expect(AttachmentParser.parse(["Arbejdsplan_2019.pdf Kortbilag.pdf"]).map(\.title) == ["Arbejdsplan_2019.pdf", "Kortbilag.pdf"])
        #expect(AttachmentParser.parse([]).isEmpty)
    }

    /// The reference is looked for at one place only; the pattern searched over the whole
    /// title must find the same reference at the same place.
    @Test(arguments: [
        "Åben Notat om takster (4471/22) (H)", "Kort over stier (12/345)", "Kort over stier (12/345)  ", "Kort (12/345) (H) og mere",
        "(12/345)", "Plan (1/22) og kort (3/456)", "Plan (3/456) (h)", "Notat (se 12/34)", "Budget (2024) (12/345)",
        "Budget\u{A0}(12/345)", "Budget (12/345) (Æ)", "Budget (12/345) (H) (I)", "Budget (1a/34)", "Budget (5\u{301}/34)",
        "Budget ( 12/345)", "Budget (12/345)) (H)", "Budget 12/345", "Budget (12/345) (H)(12/34)", "",
    ])
    func findsTheReferenceThePatternFinds(_ title: String) {
        let byPattern = title.firstMatch(of: AttachmentParser.referenceTail).map { (String($0.output.1), $0.range.lowerBound) }
        let found = AttachmentParser.referenceMatch(in: title).map { (String($0.reference), $0.start) }
        #expect(found?.0 == byPattern?.0)
        #expect(found?.1 == byPattern?.1)
    }
}

@Suite struct FastTextTests {
    /// `isShorter(than:)` counts on bytes where it can; it must agree with `count` everywhere.
    @Test(arguments: [
        ("", 1), ("abc", 3), ("abc", 4), ("Økonomiudvalget", 15), ("Økonomiudvalget", 16), ("æøå ÆØÅ", 7), ("æøå ÆØÅ", 8),
        ("e\u{301}e\u{301}e\u{301}", 3), ("e\u{301}e\u{301}e\u{301}", 4), ("a\r\nb", 3), ("a\r\nb", 4),
        ("🇩🇰🇩🇰", 2), ("🇩🇰🇩🇰", 3), ("👩‍👩‍👧", 1), ("👩‍👩‍👧", 2), ("Beslutning i Byrådet", 20), ("Beslutning i Byrådet", 21),
    ] as [(String, Int)])
    func isShorterAgreesWithCount(_ text: String, _ limit: Int) {
        #expect(text.isShorter(than: limit) == (text.count < limit))
        #expect(text[...].isShorter(than: limit) == (text.count < limit))
    }

    /// `stripping` returns early when a text starts and ends with an ASCII letter or digit; it
    /// must agree with dropping characters one by one from both ends.
    @Test(arguments: [
        ("Bente Holm", "•-–;. "), ("• Bente Holm.", "•-–;. "), ("– Bo Berg –", "•-–;. "), ("Godkendt", ". "), ("Godkendt.", ". "),
        ("a", ". "), ("", ". "), (" ", " "), ("2023", ":. "), ("Åse Bak", " "), ("Bak Å", " "), ("e\u{301}", " "),
        ("x\u{301}", " "), ("a\r\n", " "), ("Sag 1", "1"), ("1 Sag", "1"), ("Aa", "a"),
    ] as [(String, String)])
    func strippingAgreesWithDroppingCharacters(_ text: String, _ set: String) {
        let chars = Set(set)
        var s = text[...]
        while let f = s.first, chars.contains(f) || f == " " { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) || l == " " { s = s.dropLast() }
        #expect(text.stripping(set) == String(s))
        #expect(text[...].stripping(set) == String(s))
    }

    /// `hasLowercasedPrefix` answers from bytes where it can; it must agree with lower-casing.
    @Test(arguments: [
        "Sagsnr. 23/222", "SAGSNR", "sag", "sa", "", "Åben sag", "Økonomi", "æble", "J.nr. 1", "j. nr", "KLE 00.01", "\u{212A}LE 00.01",
        "\u{130}sag", "sagé", "sage\u{301}", "sag\u{301}", "Sag\u{A0}1", "Dok.nr", "dok", "Lukket sag", "LUKKET SAG", "lukket sagen",
        "Sagsid.: 1", "\u{1E9E}ag", "ß", "Journalnr.",
    ])
    func hasLowercasedPrefixAgreesWithLowercasing(_ text: String) {
        #expect(text.hasLowercasedPrefix("sag") == text.lowercased().hasPrefix("sag"))
        #expect(text.hasLowercasedPrefix("sagsnr") == text.lowercased().hasPrefix("sagsnr"))
        #expect(text.hasLowercasedPrefix("kle") == text.lowercased().hasPrefix("kle"))
        #expect(text.hasLowercasedPrefix("lukket sag") == text.lowercased().hasPrefix("lukket sag"))
        #expect(text.hasLowercasedPrefix("j.nr") == text.lowercased().hasPrefix("j.nr"))
        #expect(text.hasLowercasedPrefix("i") == text.lowercased().hasPrefix("i"))
        #expect(text.hasLowercasedPrefix("dok") == text.lowercased().hasPrefix("dok"))
    }

    /// `containsBytes` searches bytes with memmem; it must agree with a byte search by hand,
    /// at the edges of the text and where the needle overlaps itself.
    @Test(arguments: ["", "s", "sa", "sag", "sagsag", "xsag", "sagx", "ssag", "Sag", "Kommunens", "Aarhus Kommune", "Aarhus Kommune.", "Kommune Kommunen", "Århus Kommune", "ææsagææ"])
    func containsBytesAgreesWithAByteSearch(_ text: String) {
        let hay = Array(text.utf8)
        func occurrences(_ needle: String) -> [Int] {
            let n = Array(needle.utf8)
            guard hay.count >= n.count else { return [] }
            return (0...(hay.count - n.count)).filter { Array(hay[$0..<($0 + n.count)]) == n }.map { $0 + n.count }
        }
        #expect(text.containsBytes("sag") == !occurrences("sag").isEmpty)
        #expect(text.containsBytes("s") == !occurrences("s").isEmpty)
        // Only an occurrence at a word's end counts: the first " Kommune" may be followed by "n".
        let atWordEnd = occurrences(" Kommune").contains { $0 == hay.count || !hay[$0].continuesASCIIWord }
        #expect(text.containsBytes(" Kommune") { end, bytes in end == bytes.count || !bytes[end].continuesASCIIWord } == atWordEnd)
        var seen: [Int] = []
        _ = text.containsBytes("sag") { end, _ in seen.append(end); return false }
        #expect(seen == occurrences("sag"))
        for needle in ["sag", "s", "ææ", " Kommune", "Kommune Kommunen", "x"] {
            #expect(text.containsBytes(of: needle) == !occurrences(needle).isEmpty)
        }
    }

    /// A needle is plain when its bytes settle whether the text holds its characters.
    @Test(arguments: [
        ("Sagsnr.:", true), ("Økonomiske konsekvenser", true), ("Åben sag", false), ("Resumé", false), ("Kompetence:", false), ("RESUME", true),
    ] as [(String, Bool)])
    func plainNeedles(_ needle: String, _ plain: Bool) {
        #expect(String.isPlainNeedle(needle) == plain)
    }
}

@Suite struct DecisionHeaderPrecheckTests {
    /// The byte tests may let lines through, but never one the patterns would match.
    @Test(arguments: [
        "28-08-2019 Byrådet – Sagens behandling blev udsat", "28-08-2019 Økonomiudvalget", "1-8-2019\tByrådet", "28-08-2019\u{A0}Byrådet",
        "28-08-20190 Byrådet", "128-08-2019 Byrådet", "28-08-19 Byrådet", "2019 Byrådet", "28-08-2019", "1. Indledning", "1\u{301}-8-2019 Byrådet",
    ])
    func historyDatesAreNeverHidden(_ line: String) {
        if (try? DecisionHeader.history.wholeMatch(in: line)) ?? nil != nil { #expect(DecisionHeader.mayStartWithHistoryDate(line)) }
    }

    @Test(arguments: [
        "Kultur- og Idrætsudvalget, 14-05-2019, pkt. 31", "Kultur- og Idrætsudvalget, 14-05-2019, punkt 3: Godkendt", "ØU, 14-05-2019, sag 12",
        "Kultur- og Idrætsudvalget, 14-05-2019, pkt.31", "Kultur- og Idrætsudvalget, 14-05-2019, pkt.\u{A0}31", "Kultur- og Idrætsudvalget, 14-05-2019, sagen",
        "Udvalget, 14-05-2019, pkt. x", "Sagen blev drøftet, 14-05-2019",
    ])
    func committeeItemsAreNeverHidden(_ line: String) {
        if DecisionHeader.committeeItem(line) != nil { #expect(DecisionHeader.mentionsItemNumber(line)) }
    }

    @Test func turnAwayOrdinaryLines() {
        #expect(!DecisionHeader.mayStartWithHistoryDate("1. Indledning"))
        #expect(!DecisionHeader.mayStartWithHistoryDate("2019 var et godt år"))
        #expect(!DecisionHeader.mentionsItemNumber("Sagen blev drøftet, og sagsbehandlingen fortsætter"))
        #expect(DecisionHeader.mentionsItemNumber("ØU, 14-05-2019, sag 12"))
    }
}

@Suite struct MeetingLinePrecheckTests {
    /// The byte tests may let lines through, but never one the patterns match.
    @Test(arguments: [
        "Referat til mødet i Odense Byråd den 6. april 2016 kl. 17:00", "MØDE I BYRÅDET DEN 3. MAJ 2020",
        "1 Møde i Kommunalbestyrelsen mandag den 28. november 2005, Kl i Kommunalbestyrelsens mødesal",
        "Ekstraordinært møde i Ældrerådet d. 3/5-2027", "Økonomiudvalgets møde den 21. januar 2026",
        "Referat fra Byrådets ordinære møde", "Dagsorden for Plan- og Miljøudvalgets møde", "Mødet i byrådet den 4. maj 2027",
        "Byrådet 22-11-2016", "Møde i Byrådet", "", "mØDE i Byrådet den 3. maj 2020", "Referat fra MØDET i Byrådet den 3. maj 2020",
        "Møde\u{301} i Byrådet den 3. maj 2020", "Møde i Byrådet den 3. maj 2020", "Mø", "møde 1",
    ])
    func neverHidesAMeetingLine(_ line: String) {
        if line.firstMatch(of: MeetingHeaderParser.prose) != nil { #expect(MeetingHeaderParser.mayBeProse(line)) }
        if line.firstMatch(of: MeetingHeaderParser.genitiveMeeting) != nil { #expect(MeetingHeaderParser.mayBeGenitiveMeeting(line)) }
    }

    @Test func turnsAwayOtherLines() {
        #expect(!MeetingHeaderParser.mayBeProse("Sagen blev behandlet den 4. maj 2027"))
        #expect(!MeetingHeaderParser.mayBeProse("Tilskud til Økonomi og støtte den 4. maj 2027"))
        #expect(MeetingHeaderParser.mayBeProse("Ordinært MØDE i Byrådet den 4. maj 2027"))
        #expect(!MeetingHeaderParser.mayBeGenitiveMeeting("Økonomiudvalgets beslutning den 4. maj 2027"))
    }
}

@Suite struct FileNamePrecheckTests {
    /// The byte test may let lines through, but never one the pattern finds a file name in.
    @Test(arguments: [
        "Bilag.pdf", "budget_2024.docx", "notat.doc, kort.jpeg", "plan.xlsx", "plan.xls", "slides.pptx", "foto.jpg", "kort.png",
        "referat.txt", "mail.msg", "Notat om budget.", "Notat om budget", "Tegning.PDF", "tegning.pdfx", "",
    ])
    func neverHidesAFileName(_ line: String) {
        if line.firstMatch(of: AttachmentParser.fileName) != nil { #expect(AttachmentParser.mayNameAFile(line)) }
    }

    @Test func turnsAwayProse() {
        #expect(!AttachmentParser.mayNameAFile("Notat om budget 2024. Version 2."))
        #expect(AttachmentParser.mayNameAFile("Notat om budget 2024.pdf"))
    }
}

@Suite struct NobodyAbsentTests {
    /// The first-byte test must answer as lower-casing and comparing every line did.
    @Test(arguments: [
        "Alle medlemmer var mødt.", "alle mødt", "ALLE VAR MØDT", "Ingen afbud", "Ingen", "ingen.", ". Alle mødt", " Ingen fraværende",
        "Godkendt.", "Afbud: Bo Berg (A)", "\u{130}ngen afbud", "Alle medlemmer var mødt, undtagen Bo Berg", "",
        "Alle mødt " + String(repeating: "x", count: 60),
    ])
    func agreesWithComparingEveryLine(_ line: String) {
        let lower = line.utf8.count < 60 ? line.lowercased().stripping(". ") : ""
        #expect(PeopleParser.saysNobodyWasAbsent(line) == (PeopleParser.nobody.contains(lower) && lower != "ingen"))
    }
}

@Suite struct ItemTypePrecheckTests {
    /// The byte test may let titles through, but never one the pattern would match.
    @Test(arguments: [
        "Budget 2024 (B)", "Budget 2024 (B) ", "Budget 2024 (O)\t", "Budget 2024 (D)\u{A0}", "Budget 2024 (I)\r\n", "Budget (B)x",
        "Budget 2024", "Budget (X)", "(B)", "Budget (B).", "Budget (B)\u{301}", "",
    ])
    func neverHidesAMatch(_ title: String) {
        if title.firstMatch(of: CaseParser.itemType) != nil { #expect(CaseParser.mayEndInItemType(title)) }
    }

    @Test func turnsAwayTitlesEndingInALetterOrPoint() {
        #expect(!CaseParser.mayEndInItemType("Godkendelse af budget 2024"))
        #expect(!CaseParser.mayEndInItemType("Budget (B)."))
    }
}

@Suite struct MunicipalityPrecheckTests {
    /// The byte test may let lines through, but never one the pattern would match.
    @Test(arguments: [
        "Aarhus Kommune", "Viborg Kommune.", "Kommunen og Viborg Kommune, 2020", "Kommunens budget", "Kommunernes Landsforening",
        "Ringkøbing-Skjern Kommune", "Viborg Kommunes", "Viborg Kommune_x", "Viborg Kommune2", "Viborg Kommune's", "Viborg Kommuneé",
    ])
    func neverHidesAMatch(_ line: String) {
        if line.firstMatch(of: DocumentAssembler.municipality) != nil { #expect(DocumentAssembler.mayNameMunicipality(line)) }
    }

    @Test func turnsAwayInflectedForms() {
        #expect(!DocumentAssembler.mayNameMunicipality("Kommunens budget og kommunernes"))
        #expect(!DocumentAssembler.mayNameMunicipality("Viborg Kommunes budget"))
    }
}

/// The cleaner's fast paths, held to what they stand in for.
@Suite struct CleanerFastPathTests {
    /// `plainLength` says a line needs no normalising (and where its content ends); when it
    /// answers, `normalise` must give exactly that prefix, and when it declines, the line must
    /// be one that normalising changes or could change.
    @Test(arguments: [
        "Sagsfremstilling", "Indstilling:", "ends in one space ", "ends in spaces   ", " leading space", "two  spaces",
        "no\u{A0}break", "tab\there", "bullet \u{2022} here", "thin\u{2009}space", "zero\u{200B}width", "dash – and ” quote",
        "private \u{F0B7} glyph", "\u{FEFF}bom", "æøå ÆØÅ", "", "x", "\u{C2}", "cut short \u{2013}",
    ])
    func plainLengthAgreesWithNormalise(_ line: String) {
        if let length = TextCleaner.plainLength(line) {
            #expect(TextCleaner.normalise(line) == String(decoding: Array(line.utf8.prefix(length)), as: UTF8.self))
        } else {
            #expect(line.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 >= 0xC2 } || line.hasPrefix(" ") || line.contains("  "))
        }
    }

    /// `hasTwoCapitals` may let lines through, but never one that holds a heading in capitals.
    @Test(arguments: [
        "Planen blev godkendt. INDSTILLING Administrationen indstiller", "Planen blev godkendt. Indstilling Administrationen indstiller",
        "at 3 RESUMÉ Planen", "A B C D E F G H", "AB", "", "Økonomien, ØU og BR", "ÆØÅ æøå",
    ])
    func capitalsGuardNeverHidesAHeading(_ line: String) {
        if RunInHeadings.capitals.contains(where: { line.containsBytes($0) }) { #expect(RunInHeadings.hasTwoCapitals(line)) }
        #expect(RunInHeadings.hasTwoCapitals(line) == line.utf8.indices.dropLast().contains { i in
            let a = line.utf8[i], b = line.utf8[line.utf8.index(after: i)]
            return (0x41...0x5A).contains(a) && (0x41...0x5A).contains(b)
        })
    }

    /// `splitLines` finds line ends with memchr; it must split as the generic byte split did:
    /// LF ends a line, CRLF too, a lone CR splits a line into pieces with the same number.
    @Test(arguments: ["", "a", "a\n", "a\nb", "a\r\nb", "a\rb\rc\nd", "\r", "\n\n", "a\r\r\nb", "æ\rø\r\nå", "\r\n", "x\n\ry"])
    func splitLinesAgreesWithAByteSplit(_ text: String) {
        var expected: [(Int, String)] = []
        for (k, piece) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            var line = piece
            if line.last == 0x0D { line = line.dropLast() }
            for part in line.split(separator: 0x0D, omittingEmptySubsequences: false) {
                expected.append((k + 1, String(Substring(part))))
            }
        }
        let lines = TextCleaner.splitLines(text)
        #expect(lines.map(\.number) == expected.map(\.0))
        #expect(lines.map(\.text) == expected.map(\.1))
    }

    @Test(arguments: [
        ("Side 3", true), ("side 3 af 12", true), ("SIDE 2/5", true), ("- 4 -", true), ("Sagen", false),
        ("Side om side", false), ("- punkt -", false), ("4", false), ("Søren Side", false), ("", false),
    ])
    func pageNumbers(_ line: String, _ isPage: Bool) {
        #expect(TextCleaner.isPageNumber(line) == isPage)
    }

    @Test(arguments: [1, 2, 7])
    func aLongLineIsReportedWhereItIs(_ lineNumber: Int) throws {
        let short = Array(repeating: "Kort linje.", count: lineNumber - 1)
        let long = String(repeating: "kommunalbestyrelsen godkendte budgettet ", count: 2_000)
        let text = (short + [long, "Sidste linje."]).joined(separator: "\n")
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "long.txt")
        #expect(document.warnings.contains { $0.message.contains("cut into pieces") && $0.line == lineNumber })
    }
}

/// Byte-level answers about a line's characters, held to the `Character` properties they
/// stand in for, on ASCII, Latin-1, decomposed letters, marks and other scripts.
@Suite struct CharacterShortcutTests {
    static let samples = [
        "", "Beslutning", "beslutning", "19-01-2023 Byrådet", "Økonomiudvalget", "Åben sag", "A\u{30A}ben sag", "a\u{30A}ben",
        "1\u{301}2", "(A)", "\u{212B}ngström", "ÆØÅ æøå ß ÿ × ÷ À Þ", "Σίσυφος", "ª º µ ¹²³", "  ", "\t\u{A0}", " x", "\r\n",
        "Punkt 7: Godkendelse af budget 2024", "İstanbul", "e\u{301}cole", "😀 ok",
    ]

    @Test(arguments: samples)
    func leadingCharacterClassAgreesWithTheFirstCharacter(_ text: String) {
        let expected = text.first.map { ($0.isNumber, $0.isUppercase) }
        #expect(text.leadingCharacterClass?.isNumber == expected?.0)
        #expect(text.leadingCharacterClass?.isUppercase == expected?.1)
    }

    @Test(arguments: samples)
    func isAllWhitespaceAgreesWithAllSatisfy(_ text: String) {
        #expect(text.isAllWhitespace == text.allSatisfy(\.isWhitespace))
    }

    @Test(arguments: samples)
    func lettersAndDigitsAgreeWithTheCharacterFilter(_ text: String) {
        #expect(text.lettersAndDigitsLowercased == text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}

/// Rejoining words broken across lines: the line ends in a hyphen, the next line starts the
/// rest of the word. Several breaks in a row, and a next line the join empties.
@Suite struct HyphenationTests {
    func repaired(_ texts: [String]) -> [String] {
        var lines = texts.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
        TextCleaner.repairHyphenation(&lines)
        return lines.map(\.text)
    }

    @Test(arguments: [
        (["godken-", "delse af budget"], ["godkendelse", "af budget"]),
        (["godken-", "delse"], ["godkendelse"]),
        (["special-", "undervis-", "ning"], ["specialundervis-", "ning"]),
        (["special-", "undervisning", "er-", "hvervs-", "skole"], ["specialundervisning", "erhvervs-", "skole"]),
        (["a-", "b", "c-", "d", "e"], ["a-", "b", "c-", "d", "e"]),
        (["kom-", "mune-", "plan"], ["kommune-", "plan"]),
        (["Børne-", "og unge"], ["Børne-", "og unge"]),
        (["EU-", "Kommissionen"], ["EU-Kommissionen"]),
        (["2023-", "2024 er året"], ["2023-2024", "er året"]),
        // A page break leaves blank lines inside a word: a line that starts in lower case continues it.
        (["ende-", "", "ligt"], ["endeligt"]),
        (["Sagen er ende-", "", "Næste afsnit"], ["Sagen er ende-", "", "Næste afsnit"]),
        (["x-"], ["x-"]),
    ] as [([String], [String])])
    func brokenWordsAreRejoined(_ input: [String], _ expected: [String]) {
        #expect(repaired(input) == expected)
    }
}


@Suite struct RealDecisionHeaderTests {
    @Test(arguments: [
        ("Beslutning i Økonomiudvalget (18-21) den 22-01-2018", "Økonomiudvalget (18-21)", "2018-01-22"),
        ("Beslutning i Forretningsudvalget 2018-2021 fredag den 14. august 2020, pkt. 1", "Forretningsudvalget 2018-2021", "2020-08-14"),
        ("Beslutning Byrådet, 22.11.2016 Godkendt.", "Byrådet", "2016-11-22"),
        ("Plan- og Miljøudvalget, 24.10.2016 Anbefales", "Plan- og Miljøudvalget", "2016-10-24"),
        ("Borgerrepræsentationens beslutning i mødet den 4. november 2021", "Borgerrepræsentationen", "2021-11-04"),
        ("Regionsrådets beslutning den 11. marts 2025:", "Regionsrådet", "2025-03-11"),
        ("BESLUTNING: Økonomiudvalget den 09-12-2021", "Økonomiudvalget", "2021-12-09"),
        ("Beslutning fra Plan, Miljø og Teknik, 9. februar 2021, pkt. 421:", "Plan, Miljø og Teknik", "2021-02-09"),
        ("BESLUTNING I ØKONOMIUDVALGET den 07-03-2016", "Økonomiudvalget", "2016-03-07"),
        ("Social og Sundhed, 6. januar 2020, pkt. 123:", "Social og Sundhed", "2020-01-06"),
        ("Arbejdsmarked, Erhverv og Turisme, 6. januar 2020, pkt. 9:", "Arbejdsmarked, Erhverv og Turisme", "2020-01-06"),
        ("BESLUTNING I BØRNE- OG UNGEUDVALGET den 1. marts 2027", "Børne- og ungeudvalget", "2027-03-01"),
    ] as [(String, String?, String?)])
    func readsRealShapes(_ line: String, _ body: String?, _ date: String?) throws {
        let header = try #require(DecisionHeader.parse(line))
        #expect(header.body == body)
        #expect(header.date == date)
    }

    @Test(arguments: ["Beslutningskompetence: KB", "Beslutningstema: Godkendelse", "Beslutningsproces:"])
    func headingsAboutDecisionsAreNotDecisions(_ line: String) {
        #expect(DecisionHeader.parse(line) == nil)
    }
}
