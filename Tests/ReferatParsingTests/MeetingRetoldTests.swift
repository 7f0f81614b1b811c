import Foundation
@testable import ReferatParsing
import ReferatRecords
import Testing

/// A news post that retells a council meeting under headings of its own is a web page, not the
/// meeting's minutes; minutes whose items carry no numbers stay minutes when anything marks
/// them as such (a decision or section heading, a record's title). docs/layouts.md, "News
/// posts that retell a meeting".
@Suite struct MeetingRetoldTests {
    struct Page: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var kind: DocumentKind
        var testDescription: String { name }
    }

    static let retold = """
        Byrådsmøde 9. april 2031

        Nyt fra byrådsmødet:

        Der var 27 punkter på dagsordenen, og her fortæller jeg om nogle af dem, som vi drøftede længe.

        Ny legeplads ved Egeby Skole:

        Byrådet gav grønt lys til en ny legeplads ved Egeby Skole. Pengene kommer fra anlægspuljen, og elevrådet har tegnet den.

        Lokalplan for Møllebakken:

        Forslaget til lokalplan for Møllebakken blev godkendt og sendes i høring i otte uger, så naboerne kan komme med bemærkninger.
        """

    @Test(arguments: [
        Page(name: "a news post under colon headings", text: retold, kind: .webpage),
        Page(name: "unnumbered items with decision headings",
             text: retold.replacingOccurrences(of: "Byrådet gav", with: "Beslutning i Byrådet den 9. april 2031\n\nByrådet gav")
                .replacingOccurrences(of: "Forslaget til", with: "Beslutning i Byrådet den 9. april 2031\n\nForslaget til"),
             kind: .minutes),
        Page(name: "a record's name over the headings",
             text: retold.replacingOccurrences(of: "Byrådsmøde 9. april 2031", with: "Referat af Byrådets møde den 9. april 2031"),
             kind: .minutes),
    ])
    func aRetoldMeetingHasNoItems(_ page: Page) throws {
        let document = try parse(page.text)
        #expect(document.kind == page.kind)
        #expect(document.cases.isEmpty == (page.kind == .webpage))
    }
}

extension MeetingRetoldTests {
    /// A transcript titled as a meeting's record in one word ("Referat fra Repræsentantskabsmøde
    /// i Egetrafik", a joint body's council) is minutes, though no item was read from it.
    @Test(arguments: [
        ("Referat fra Repræsentantskabsmøde i Egetrafik", DocumentKind.minutes),
        ("Dagsorden for Bestyrelsesmødet i Egeby Forsyning", DocumentKind.minutes),
        ("Referat fra møde", DocumentKind.other),
    ])
    func aRecordsTitleThatNamesTheMeetingInOneWord(_ title: String, _ kind: DocumentKind) throws {
        let text = "\(title)\n\nStørrelse: px\nStarte visningen fra side:\n\nTranskript\n\n1 \(title) Dato 23. maj 2031 Sted Havnevej 3 Mødedeltagere Eva Holm (Egeby Kommune), Bo Berg (Nordby Kommune) Afbud Kaj Moe og dennes suppleant Ib Lund (Sønderby Kommune)\n"
        #expect(try parse(text).kind == kind)
    }
}
