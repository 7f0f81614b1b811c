@testable import ReferatParsing
import ReferatRecords
import Testing

/// Decisions that name neither body nor date take them from the meeting, and the meeting is
/// found where real pages name it: a header, a dated step without a body, or the item that
/// approves the agenda. Shapes real, names, numbers and sentences invented.
@Suite struct MeetingContextTests {
    @Test(arguments: ["Beslutning i Byrådet den 4. maj 2027", "Beslutning den 4. maj 2027", "Beslutning fra Udvalget"])
    func stepOpenings(_ line: String) {
        #expect(DecisionHeader.opensStep(line))
    }

    @Test(arguments: ["Beslutning", "Beslutningen blev udsat", "Beslutningstema", "Beslutning: Godkendt"])
    func noStepOpening(_ line: String) {
        #expect(!DecisionHeader.opensStep(line))
    }

    @Test func aDatedStepUnderAHeaderNamingOnlyTheBody() throws {
        let document = try parse("Byrådet - Referat\n\n1. Budget for vejene\nSagsnr.: 27/118\nBeslutning den 3. maj 2027\nGodkendt.\n\n2. Ny legeplads\nSagsnr.: 27/119\nBeslutning den 03-05-2027: Godkendt.\n")
        #expect(document.cases.map { $0.decisions.map(\.body) } == [["Byrådet"], ["Byrådet"]])
        #expect(document.cases.map { $0.decisions.map(\.date) } == [["2027-05-03"], ["2027-05-03"]])
        #expect(document.cases.last?.decisions.first?.text == "Godkendt.")
    }

    /// A description of each page, so the log shows the shape that failed.
    struct AgendaCase: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var body: String?
        var date: String?
        var testDescription: String { name }
    }

    static let agendaCases: [AgendaCase] = [
        AgendaCase(name: "abbreviated council and date in the resume",
                   text: "Referat\n\n • 401. Åben dagsorden - Godkendelse\n\n  Resume\n\n  Godkendelse af åben dagsorden for KB den 14. marts 2027.\n\n  Beslutning\n\n  Godkendt.\n\n • 402. Ny skolestruktur\n\n  Beslutning\n\n  Et flertal godkender indstillingen.\n",
                   body: "Kommunalbestyrelsen", date: "2027-03-14"),
        AgendaCase(name: "abbreviated finance committee",
                   text: "Referat\n\n • 12. Dagsorden - godkendelse\n\n  Resume\n\n  Godkendelse af dagsorden for ØU den 2. februar 2027.\n\n  Beslutning\n\n  Godkendt.\n\n • 13. Salg af grund\n\n  Beslutning\n\n  Godkendt.\n",
                   body: "Økonomiudvalget", date: "2027-02-02"),
        AgendaCase(name: "council meeting word",
                   text: "1. Godkendelse af dagsorden\nSagsfremstilling\nGodkendelse af dagsorden til byrådsmøde d. 3. maj 2027.\nBeslutning\nGodkendt.\n2. Vejplan\nBeslutning\nGodkendt.\n",
                   body: "Byrådet", date: "2027-05-03"),
        AgendaCase(name: "today's meeting in a named body, date in the header",
                   text: "Mødedato: 6. april 2027\n\n1. Godkendelse af dagsorden\nSagsfremstilling\nGodkendelse af dagsorden til dagens møde i Kommunalbestyrelsen.\nBeslutning\nGodkendt.\n2. Vejplan\nBeslutning\nGodkendt.\n",
                   body: "Kommunalbestyrelsen", date: "2027-04-06"),
    ]

    @Test(arguments: agendaCases)
    func theAgendaApprovalNamesTheMeeting(_ page: AgendaCase) throws {
        let document = try parse(page.text)
        #expect(document.meeting?.body == page.body)
        #expect(document.meeting?.date == page.date)
        for item in document.cases {
            #expect(item.decisions.map(\.body) == [page.body])
            #expect(item.decisions.map(\.date) == [page.date])
        }
    }

    @Test func anAgendaForDownloadNamesNoMeeting() throws {
        let document = try parse("1. Godkendelse af dagsorden\nSagsfremstilling\nDagsordenen til download findes nederst.\nBeslutning\nGodkendt.\n2. Vejplan\nBeslutning\nGodkendt.\n")
        #expect(document.meeting?.body == nil)
        #expect(document.meeting?.date == nil)
    }

    @Test func theAgendaItselfStaysInTheTitle() throws {
        let document = try parse(Self.agendaCases[0].text)
        #expect(document.cases.map(\.title) == ["Åben dagsorden - Godkendelse", "Ny skolestruktur"])
    }

    @Test(arguments: [
        ("Administrationen indstiller at godkende protokollen fra den 20. oktober 2027.Beslutning",
         ["Administrationen indstiller at godkende protokollen fra den 20. oktober 2027.", "Beslutning"]),
        ("3.Beslutning - Klimaplan for 2028", ["3.Beslutning - Klimaplan for 2028"]),
    ] as [(String, [String])])
    func aDecisionHeadingGluedAfterAYear(_ line: String, _ pieces: [String]) {
        #expect(RunInHeadings.split(line) == pieces)
    }

    @Test(arguments: [
        ("Lokalplan for Kystvejen Læs mere", "Lokalplan for Kystvejen"),
        ("29. Lokalplan for KystvejenÅbn/luk punkt", "29. Lokalplan for Kystvejen"),
        ("Ny cykelsti Vis mere", "Ny cykelsti"),
        ("Læs mere", "Læs mere"),
        ("Planen kan læses på hjemmesiden.", "Planen kan læses på hjemmesiden."),
    ])
    func linkTextsAtALinesEnd(_ line: String, _ cleaned: String) {
        #expect(TextCleaner.withoutTrailingLink(line) == cleaned)
    }
}

/// Absentees where a page of one item prints them: a labelled list in the item's text, before
/// its decision, with substitutes on the same lines; and lists of people with their
/// association after a comma. Names invented.
@Suite struct ItemTextAbsenceTests {
    @Test(arguments: [
        ("lists under three labels",
         "4. Godkendelse af dagsorden\n\nMødet sluttede kl. 20.15\n\nFraværende med afbud:\nAnna Holm Berg, Carl Dahl indkaldt\nBo Lind og Eva Krog-Nielsen, Ida Moe deltog\nKaj Vang og Lis Brun\n\nFraværende i mødet:\nOle Sand til kl. 18.40 i punkt 2\n\nFraværende uden afbud:\nPer Ravn\n\nBeslutning\n\nDagsordenen blev godkendt.\n",
         ["Anna Holm Berg", "Bo Lind", "Eva Krog-Nielsen", "Kaj Vang", "Lis Brun", "Ole Sand", "Per Ravn"]),
        ("names with their association",
         "Referat af møde med grundejerforeningerne den 4. maj 2027\n\nDeltagere:\nJens Bo Holm, Klitvejens Grundejerforening\n\nAfbud:\nMette Lund Skov, Strandens Grundejerforening\nPeter Ravn, Boligselskabet Havgården\n",
         ["Mette Lund Skov", "Peter Ravn"]),
    ] as [(String, String, [String])])
    func absenteesOfTheMeeting(_ shape: String, _ text: String, _ absent: [String]) throws {
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
        #expect(document.meeting?.absent.map(\.name) == absent, "\(shape)")
    }

    @Test(arguments: [
        ("Ane Moe, Ib Dahl og Kaj Berg erklærede sig inhabile og forlod mødet under punkt 29.", ["Ane Moe", "Ib Dahl", "Kaj Berg"]),
        ("Ane Moe og Ib Dahl var inhabile.", ["Ane Moe", "Ib Dahl"]),
    ] as [(String, [String])])
    func severalDeclaredThemselvesInhabile(_ line: String, _ names: [String]) throws {
        let found = try #require(AbsenceProse.read(line))
        #expect(found.notParticipating.map(\.name) == names)
        #expect(found.notParticipating.allSatisfy { $0.reason == "inhabil" })
    }

    @Test(arguments: [("Søren Lund 9", nil), ("Søren Lund 12", nil), ("Søren Lund (sygdom)", "sygdom")] as [(String, String?)])
    func aPageNumberAfterANameIsNoReason(_ line: String, _ reason: String?) throws {
        let person = try #require(PeopleParser.person(line))
        #expect(person.name == "Søren Lund")
        #expect(person.reason == reason)
    }

    @Test(arguments: ["Klitvejens Grundejerforening", "Boligselskabet Havgården", "Dansk Cyklist Forbund"])
    func anAssociationIsNoPerson(_ name: String) {
        #expect(PeopleParser.person(name) == nil)
    }
}

/// A page of one item prints its meeting's body and date above the item, as minutes do; the
/// links of an item's page (back to the meeting's list, all of the item's attachments) tell
/// it from minutes with one item. Shapes real, text invented.
@Suite struct ItemPageKindTests {
    @Test(arguments: [
        ("back to the list", "Tilbage til oversigt\n\nRegionsrådet\n14-06-2027 13:00\n\nUdskriv\n\n1. Meddelelse fra formanden\n\nReferat\n\nFormanden orienterede om sommerens byggeri.\n", DocumentKind.agendaItem),
        ("all attachments", "Mødedato: 04.11.2027, kl. 17:30\nMødested: Rådhusets mødesal\n\nGodkendelse af dagsordenen\n\nSe alle bilag\n\nBeslutning\n\nBorgerrepræsentationens beslutning i mødet den 4. november 2027\n\nDagsordenen blev godkendt.\n", .agendaItem),
        ("minutes of one item", "Regionsrådet\n14-06-2027 13:00\n\nUdskriv\n\n1. Meddelelse fra formanden\n\nReferat\n\nFormanden orienterede om sommerens byggeri.\n", .minutes),
    ] as [(String, String, DocumentKind)])
    func kindOfAPageWithOneItem(_ shape: String, _ text: String, _ kind: DocumentKind) throws {
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
        #expect(document.cases.count == 1, "\(shape)")
        #expect(document.kind == kind, "\(shape)")
    }
}

/// Agenda viewers that print each item's case number and handler first drop the item's number
/// outside their print view: the identity line opens the item and the title follows it (A8).
@Suite struct CaseHandlerLineTests {
    static let viewer = "Udvalg: Teknik- og Miljøudvalget\nMødedato: 6. november 2027\nMødested: C3.40\n\nDagsordenpunkter\n\nSagsnr.: 05.00.00-A00-2-27 Sagsbehandler: Eva Holm\n\nOrientering om cykelprojektet\n\nDIR\n\nFOU\n\nØvrige sagsbehandlere: -\n\nSagsresume\n\nProjektet har fået flere til at cykle.\n\nBeslutning\n\nTaget til efterretning.\n\nSagsnr.: 01.02.03-P00-1-27 Sagsbehandler: Ole Berg\n\nNy lokalplan for havnen\n\nSagsresume\n\nPlanen sendes i høring.\n\nBeslutning\n\nGodkendt.\n"
    static let printView = "Dagsordenpunkter\n\n41. Orienteringssager\n\nSagsnr.: 00.01.00-G01-2-27 Sagsbehandler: Bo Holm\n\nOrienteringssager\n\nBeslutning\n\nTiltrådt.\n\n42. Ny vejplan\n\nSagsnr.: 05.01.00-P00-3-27 Sagsbehandler: Ib Lund\n\nNy vejplan\n\nBeslutning\n\nGodkendt.\n"

    @Test(arguments: [
        ("without numbers", viewer, ["Orientering om cykelprojektet", "Ny lokalplan for havnen"], [nil, nil], ["05.00.00-A00-2-27", "01.02.03-P00-1-27"]),
        ("print view", printView, ["Orienteringssager", "Ny vejplan"], ["41", "42"], ["00.01.00-G01-2-27", "05.01.00-P00-3-27"]),
    ] as [(String, String, [String], [String?], [String])])
    func itemsOpenWithTheirIdentity(_ shape: String, _ text: String, _ titles: [String], _ numbers: [String?], _ caseNumbers: [String]) throws {
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
        #expect(document.cases.map(\.title) == titles, "\(shape)")
        #expect(document.cases.map(\.number) == numbers, "\(shape)")
        #expect(document.cases.map { $0.caseNumber ?? "" } == caseNumbers, "\(shape)")
    }

    @Test func decisionsTakeTheHeadersMeeting() throws {
        let document = try DocumentParser().parse(bytes: Array(Self.viewer.utf8), path: "t.txt")
        #expect(document.cases.flatMap { $0.decisions.map(\.body) } == ["Teknik- og Miljøudvalget", "Teknik- og Miljøudvalget"])
        #expect(document.cases.flatMap { $0.decisions.map(\.date) } == ["2027-11-06", "2027-11-06"])
    }
}
