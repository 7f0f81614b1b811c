@testable import ReferatParsing
import ReferatRecords
import Testing

/// Transcripts that label and title their items in capitals inside the running text ("SAG NR.
/// 1 MØDEPLAN FOR 2031 ADMINISTRATIONENS INDSTILLING 1. at …", a region's committee; "PKT. 1.
/// GODKENDELSE AF DAGSORDEN Referat …"): the label and title go on a line of their own, the
/// heading in capitals that ends the title on the next (docs/layouts.md, E1).
@Suite struct CapitalTitleTests {
    @Test(arguments: [
        ("3 Den 4. januar 2031 FORRETNINGSUDVALGET SAG NR. 1 MØDEPLAN FOR 2031 SAMT INTRODUKTION AF NYE MEDLEMMER MV. ADMINISTRATIONENS INDSTILLING 1. at mødeplanen godkendes.",
         ["SAG NR. 1 MØDEPLAN FOR 2031 SAMT INTRODUKTION AF NYE MEDLEMMER MV.", "ADMINISTRATIONENS INDSTILLING", "1. at mødeplanen godkendes."]),
        ("4 PKT. 1. GODKENDELSE AF DAGSORDEN Referat Beslutning: Godkendt.",
         ["PKT. 1. GODKENDELSE AF DAGSORDEN", "Referat", "Beslutning: Godkendt."]),
    ])
    func theLabelledTitleGoesOnALineOfItsOwn(_ line: String, _ expected: [String]) {
        #expect(Array(RunInHeadings.split(line).suffix(expected.count)) == expected)
    }

    @Test func aTitleInCapitalsIsTheItems() throws {
        let text = "Forretningsudvalget\n\nTranskript\n\n1 DAGSORDEN EKSTRAORDINÆRT MØDE FORRETNINGSUDVALGET Tirsdag den 8. december 2031 kl. 10.00\n\n"
            + "3 Den 8. december 2031 FORRETNINGSUDVALGET SAG NR. 1 GODKENDELSE AF VALGBOG OG BEHANDLING AF KLAGER MV. ADMINISTRATIONENS INDSTILLING 1. at valgbogen godkendes. RESUME Der er talt om igen.\n"
        let document = try parse(text)
        #expect(document.cases.map(\.number) == ["1"])
        #expect(document.cases.map(\.title) == ["GODKENDELSE AF VALGBOG OG BEHANDLING AF KLAGER MV."])
    }
}
