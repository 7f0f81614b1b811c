@testable import ReferatParsing
import ReferatRecords
import Testing

/// A transcript's header as a document site shows it: the title copies the header's labelled
/// date, which the transcript's own header lost with its digits, and a remark names who
/// stayed out of part of the meeting in parentheses after the name (docs/layouts.md, E1).
@Suite struct HeaderRemarkTests {
    static let page = """
        Møde nr.: 9 Mødedato: 14. april 2031 Mødevarighed:

        Størrelse: px
        Starte visningen fra side:

        Download "Møde nr.: 9 Mødedato: 14. april 2031 Mødevarighed:"

        Transkript

        1 REFERAT Byråd Møde nr.: 9 Mødedato: Mødevarighed: Fraværende: Mødested: Rådssalen Øvrige bemærkninger: Kaj Berg (Deltog ikke i mødet fra punkt 12 til punkt 14.) Indholdsfortegnelse: Åbne punkter 1 ØK Havnens regnskab
        """

    @Test func theSitesTitleDatesTheMeetingAndTheBodyLosesTheRecordsName() throws {
        let document = try parse(Self.page)
        #expect(document.meeting?.date == "2031-04-14")
        #expect(document.meeting?.body == "Byråd")
    }

    @Test func aRemarkInParenthesesNamesWhoStayedOut() throws {
        let document = try parse(Self.page)
        #expect(document.meeting?.absent.map(\.name) == ["Kaj Berg"])
        #expect(document.meeting?.absent.first?.reason == "deltog ikke i mødet fra punkt 12 til punkt 14")
    }

    @Test(arguments: [
        ("Møde nr.: 9 Mødedato: 14. april 2031 Mødevarighed:", "2031-04-14"),
        ("Referat. Mødedato: Onsdag den 9. oktober 2030. Mødetidspunkt: 16:00", "2030-10-09"),
        // A date further on is no value of the label.
        ("Mødedato: Mødetidspunkt: 16:00 Referat af 9. oktober 2030", nil),
        ("Mødedato: 24. april Rådhus", nil),
    ] as [(String, String?)])
    func theLabelsValueIsTheDate(_ line: String, _ date: String?) {
        #expect(MeetingHeaderParser.labelledDate(line) == date)
    }

    /// A header row without colons names the absent up to the next label, each with initials in
    /// parentheses and the party after them; a transcript's next heading ends the last name.
    @Test(arguments: [
        ("Medlemmer Eva Holm (EH) V Kaj Berg (KB) V Fraværende Poul Lund (PL) O, Jan Moe (JM) Ø Bemærkninger.", ["Poul Lund", "Jan Moe"]),
        ("Medlemmer Eva Holm (evho) V Fraværende Poul Lund (pol) O, Jan Moe (jmo) Ø Bemærkninger.", ["Poul Lund", "Jan Moe"]),
        ("Deltagere: Ane Bak (1. suppleant - Ø) Fraværende: Rita Krog Sagsoversigt 01. Godkendelse af dagsorden", ["Rita Krog"]),
    ])
    func aHeaderRowNamesTheAbsent(_ row: String, _ absent: [String]) throws {
        let document = try parse("Referat\n\nTranskript\n\n1 Referat Byrådet Møde nr.: 4/2031 Mødedato: Mandag den 10. marts 2031 Mødested: Rådssalen \(row)\n")
        #expect(document.meeting?.absent.map(\.name) == absent)
    }

    /// A date label whose value stands on the next line ("Dato:" / "Tirsdag, 7 december, 2031 -
    /// 17:00") dates the meeting; a site's own date above the title, outside any label, does not.
    @Test(arguments: [
        ("Konstituerende møde\n\nReferat\nDato:\nTirsdag, 7 december, 2031 - 17:00\n", "2031-12-07"),
        ("Mødedato:\n4. marts 2031\n", "2031-03-04"),
        ("Mandag, 09 december 2033\n14. august 2031 (ekstraordinær)\n\nREFERAT\n", "2031-08-14"),
    ])
    func aDateLabelsValueBelowIt(_ header: String, _ date: String) throws {
        let document = try parse(header + "1. Godkendelse af dagsorden\n\nResume\n\nTekst.\n\nBeslutning\n\nGodkendt.\n")
        #expect(document.meeting?.date == date)
    }

    /// A council's own minutes name the absent by first name, a full name among them; the
    /// numbered paragraphs below, the number glued to the title ("1.Valg af ordstyrer."), are
    /// the items, the page naming no record but who sent apologies.
    @Test func firstNamesAndNumberedParagraphs() throws {
        let text = """
            Torsdag den 9. juni 2031 kl. 9.00 – 11.30 på Egebo

            Afbud fra Jonas, Marie, Kjeld Holm, Nils.

            1.Valg af ordstyrer. Lise blev valgt som ordstyrer.

            2.Godkendelse af dagsorden. Dagsordenen blev godkendt.

            3.Høringssvar. Der var ingen høringssvar i perioden.
            """
        let document = try parse(text)
        #expect(document.meeting?.absent.map(\.name) == ["Jonas", "Marie", "Kjeld Holm", "Nils"])
        #expect(document.cases.map(\.number) == ["1", "2", "3"])
    }

    /// Late arrivals listed below the absent ("Jan Holm, A, ankom til mødet kl. 18.10 under
    /// behandlingen af punkt 4.") took part from then on: no absentees.
    @Test func aLateArrivalIsNoAbsentee() throws {
        let text = "Referat\n\nBorgerrepræsentationen\n\nMødedato: 4. marts 2031\n\nFraværende: Karen Lind\n\nJan Holm, A, ankom til mødet kl. 18.10 under behandlingen af punkt 4.\nEva Ny, V, ankom til mødet kl. 18.25.\n\n1. Godkendelse af dagsordenen\n\nBeslutning\n\nGodkendt.\n"
        let document = try parse(text)
        #expect(document.meeting?.absent.map(\.name) == ["Karen Lind"])
    }
}
