@testable import ReferatParsing
import ReferatRecords
import Testing

/// Transcripts that label and title their items in capitals inside the running text ("SAG NR.
/// 4 PLAN FOR NYE CYKELSTIER ADMINISTRATIONENS INDSTILLING 1. at …", a region's committee; "PKT. 1.
/// GODKENDELSE AF DAGSORDEN Referat …"): the label and title go on a line of their own, the
/// heading in capitals that ends the title on the next (docs/layouts.md, E1).
@Suite struct CapitalTitleTests {
    @Test(arguments: [
        ("3 Den 6. februar 2031 UDVIKLINGSUDVALGET SAG NR. 4 PLAN FOR NYE CYKELSTIER OG BÆNKE MV. ADMINISTRATIONENS INDSTILLING 1. at planen vedtages.",
         ["SAG NR. 4 PLAN FOR NYE CYKELSTIER OG BÆNKE MV.", "ADMINISTRATIONENS INDSTILLING", "1. at planen vedtages."]),
        ("5 PKT. 2. VALG AF FORMAND Referat Beslutning: Eva Holm blev valgt.",
         ["PKT. 2. VALG AF FORMAND", "Referat", "Beslutning: Eva Holm blev valgt."]),
    ])
    func theLabelledTitleGoesOnALineOfItsOwn(_ line: String, _ expected: [String]) {
        #expect(Array(RunInHeadings.split(line).suffix(expected.count)) == expected)
    }

    @Test func aTitleInCapitalsIsTheItems() throws {
        let text = "Forretningsudvalget\n\nTranskript\n\n1 DAGSORDEN EKSTRAORDINÆRT MØDE UDVIKLINGSUDVALGET Onsdag den 3. marts 2031 kl. 14.00\n\n"
            + "3 Den 3. marts 2031 UDVIKLINGSUDVALGET SAG NR. 1 LEJE AF LOKALER TIL UNGDOMSKLUBBEN MV. ADMINISTRATIONENS INDSTILLING 1. at lejen godkendes. RESUME Klubben mangler plads.\n"
        let document = try parse(text)
        #expect(document.cases.map(\.number) == ["1"])
        #expect(document.cases.map(\.title) == ["LEJE AF LOKALER TIL UNGDOMSKLUBBEN MV."])
    }
}
