import Foundation
import ReferatImport
import ReferatIndex
import ReferatSearch
import ReferatStore
import ReferatTestSupport
import Testing

/// An item's routing ("Sagsgang: ØU, KB") is searchable but weak evidence: every item of a
/// municipality routes through the same few committees, so an item whose own text names the
/// committee ranks above one that names it only in its routing, and that one is still found.
@Suite struct RoutingRankTests {
    struct Row: Sendable, CustomStringConvertible {
        var query: String
        var routing: String
        /// A sentence of the other item, naming what the query asks for.
        var sentence: String
        var description: String { query }
    }

    static let rows: [Row] = [
        Row(query: "ØU", routing: "ØU, KB", sentence: "Sagen blev drøftet i ØU i april."),
        Row(query: "BUU", routing: "BUU/VPU, ØK, KB", sentence: "BUU har bedt om en redegørelse for elevtallet."),
        Row(query: "KB", routing: "TMU, ØK, KB", sentence: "Forslaget sendes videre til KB med udvalgets anbefaling."),
    ]

    @Test(arguments: rows)
    func routingOnlyMatchRanksBelowTheItemsOwnText(_ row: Row) throws {
        let text = """
            Lundeborg Kommune
            Referat
            Planudvalget
            Dato: 11-06-2030

            Punkt 1 - Lokalplan for Havnevej
            Sagsnr.: 30/2210
            Sagsgang: \(row.routing)

            Sagsfremstilling
            Grundejerne ønsker at opføre rækkehuse på den tidligere værftsgrund.

            Beslutning i Planudvalget den 11-06-2030
            Godkendt.

            Punkt 2 - Budgetopfølgning for anlæg
            Sagsnr.: 30/2211

            Sagsfremstilling
            Anlægsbudgettet viser et mindreforbrug. \(row.sentence)

            Beslutning i Planudvalget den 11-06-2030
            Taget til efterretning.
            """
        let root = try Scratch.directory("routing-rank")
        try FileManager.default.createDirectory(atPath: root + "/archive", withIntermediateDirectories: true)
        try text.write(toFile: root + "/archive/minutes.txt", atomically: false, encoding: .utf8)
        let store = try ArchiveStore(path: root + "/index.sqlite")
        _ = try Importer(store: store).run(paths: [root + "/archive"])
        let titles = try SearchService(store: store).search(row.query, options: SearchService.Options()).page.hits.map(\.title)
        let own = try #require(titles.firstIndex(of: "Budgetopfølgning for anlæg"), "\(titles)")
        let routed = try #require(titles.firstIndex(of: "Lokalplan for Havnevej"), "\(titles)")
        #expect(own < routed, "\(titles)")
    }
}
