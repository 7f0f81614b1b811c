import Foundation
import GRDB
import ReferatAnalysis
import ReferatParsing
import ReferatRecords
@testable import ReferatStore
import Testing

/// The importer analyses entries on its parsing threads and the FTS5 tokenizer replays those
/// tokens. That is only sound while the Swift mirror of the view `entry_content` produces the
/// very text the view does, and while replayed tokens equal analysed ones: both held here.
@Suite struct PretokenizedTests {
    /// The corpus files the importer takes; `Corpus/expected/` and other folders are not documents.
    static func corpusDocuments() throws -> [Document] {
        let parser = DocumentParser()
        let names = try FileManager.default.contentsOfDirectory(atPath: Workspace.corpus).sorted()
            .filter { [".txt", ".html", ".htm", ".pdf"].contains(where: $0.hasSuffix) }
        return try names.map { name in try parser.parse(fileAt: Workspace.corpus + "/" + name) }
    }

    @Test func theSwiftMirrorOfTheEntryViewGivesTheViewsText() throws {
        let ws = try Workspace(files: [])
        let store = try ws.store()
        let documents = try Self.corpusDocuments()
        try store.replace(documents.map { ArchiveStore.Incoming(document: $0, size: 0) })
        for document in documents {
            let stored = try store.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT c.title, c.decisions, c.body FROM entry_content c JOIN entry e ON e.id = c.id
                    JOIN document d ON d.id = e.documentId WHERE d.path = ? ORDER BY e.id
                    """, arguments: [document.path]).map { row in [row[0], row[1], row[2]] as [String?] }
            }
            #expect(stored == ArchiveStore.entryColumns(of: document), "\(document.path)")
        }
    }

    @Test func replayedTokensBuildTheSameIndexAsAnalysedOnes() throws {
        let documents = try Self.corpusDocuments()
        let analyzer = DanishAnalyzer()
        var vocabularies: [[String]] = []
        for pretokenize in [false, true] {
            let ws = try Workspace(files: [])
            let store = try ws.store()
            try store.replace(documents.map { document in
                var incoming = ArchiveStore.Incoming(document: document, size: 0)
                if pretokenize { incoming.analyze(with: analyzer) }
                return incoming
            })
            #expect(try store.integrityCheck().isEmpty)
            vocabularies.append(try store.read { db in
                try String.fetchAll(db, sql: "SELECT term || ' ' || doc || ' ' || cnt FROM search_vocab ORDER BY term")
            })
        }
        #expect(vocabularies[0].count > 1000)
        #expect(vocabularies[0] == vocabularies[1])
    }
}
