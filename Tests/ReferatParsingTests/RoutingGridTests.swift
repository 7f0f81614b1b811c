@testable import ReferatParsing
import ReferatRecords
import Testing

/// Routing grids (`RoutingGrid`): committee abbreviations as column headers, one a line, over
/// one cell a line, blank or marked. Written anew with invented committees and items.
@Suite struct RoutingGridTests {
    /// `headers` one a line, then `cells` one a line; `spaced` puts an empty line after each,
    /// as some converters do.
    func grid(_ headers: [String], _ cells: [String], spaced: Bool = false) -> String {
        (headers + cells).map { spaced ? $0 + "\n" : $0 }.joined(separator: "\n")
    }

    @Test(arguments: [
        // The mark's column names the committee; a converter may drop the last empty cells.
        (["DIR", "SKU", "KFU", "PMU", "ØKE"], ["\u{A0}", "\u{A0}", " X", " ", " "], false, ["KFU"] as [String]?),
        (["DIR", "SKU", "KFU", "PMU", "ØKE"], [" ", " ", " X", " "], true, ["KFU"]),
        (["DIR", "SKU", "KFU", "PMU", "ØKE", "BYR"], [" ", " ", " ", " ", " x", " x"], false, ["ØKE", "BYR"]),
        // No mark: a grid all the same, with no committee.
        (["DIR", "SKU", "KFU", "PMU"], [" ", " ", " ", " "], false, []),
        // Too few columns, or too few cells to place a mark: not a grid.
        (["KFU", "PMU", "ØKE"], [" ", " X", " "], false, nil),
        (["DIR", "SKU", "KFU", "PMU", "ØKE", "BYR"], [" X", " "], false, nil),
        // Abbreviations followed by text: a list, not a grid.
        (["DIR", "SKU", "KFU", "PMU"], ["Sagen forelægges udvalgene."], false, nil),
    ] as [([String], [String], Bool, [String]?)])
    func findsGrids(_ headers: [String], _ cells: [String], _ spaced: Bool, _ committees: [String]?) {
        let text = "Bevilling til ny hal\n" + grid(headers, cells, spaced: spaced) + "\nSagsfremstilling\nTeksten."
        let cleaned = TextCleaner().clean(text)
        #expect(cleaned.routingGrids.map(\.committees) == (committees.map { [$0] } ?? []))
        let lines = cleaned.lines.map(\.text)
        if committees != nil {
            #expect(!lines.contains { headers.contains($0) }, "the headers are not content: \(lines)")
            #expect(cleaned.routingGrids.first?.line == 2)
        } else {
            #expect(lines.contains(headers[0]))
        }
    }

    @Test func eachItemTakesTheGridAmongItsLines() throws {
        let text = """
            Dagsordener og referater

            Udvalg: Skole- og Kulturudvalget
            Mødedato: 3. marts 2031

            Sagsnr.: 18.02.00-G01-4-31 Sagsbehandler: Ida Vang

            Tilskud til spejderhytten i Nørreby
            DIR
            SKU
            KFU
            ØKE
            BYR
             \u{20}
             X
             \u{20}
             \u{20}
             \u{20}

            Sagsfremstilling

            Spejderne søger om tilskud til et nyt tag.

            Beslutning

            Godkendt.

            Sagsnr.: 00.01.00-A00-2-31 Sagsbehandler: Ida Vang

            Budgetopfølgning
            DIR
            SKU
            KFU
            ØKE
            BYR
             \u{20}
             \u{20}
             \u{20}
             x
             x

            Sagsfremstilling

            Udvalget orienteres om forbruget.

            Beslutning

            Taget til efterretning.
            """
        let document = try DocumentParser().parse(bytes: Array(text.utf8), path: "t.txt")
        #expect(document.cases.map(\.title) == ["Tilskud til spejderhytten i Nørreby", "Budgetopfølgning"])
        #expect(document.cases.map(\.routing) == [[["SKU"]], [["ØKE"], ["BYR"]]])
        #expect(!document.cases.contains { c in c.sections.contains { $0.text.contains("DIR") } })
    }
}
