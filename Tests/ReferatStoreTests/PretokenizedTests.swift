import Foundation
import GRDB
import ReferatAnalysis
import ReferatIndexing
import ReferatParsing
import ReferatRecords
@testable import ReferatStore
import Testing

/// The importer analyses entries on its parsing threads (`DocumentIndexer`) and the search
/// index stores those tokens. That is only sound while the view `entry_content` (which a
/// rebuild from the records reads) produces the very text of `EntryText`, and while replayed
/// tokens equal analysed ones: both held here, with the index holding the terms the analyzer
/// makes (weak forms shown behind "~", as the analyzer marks them).
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
                    SELECT c.title, c.decisions, c.body, c.routing FROM entry_content c JOIN entry e ON e.id = c.id
                    JOIN document d ON d.id = e.documentId WHERE d.path = ? ORDER BY e.id
                    """, arguments: [document.path]).map { row in [row[0], row[1], row[2], row[3]] as [String?] }
            }
            #expect(stored == EntryText.columns(of: document), "\(document.path)")
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
            vocabularies.append(try store.searchVocabulary().map { "\($0.key) \($0.value[0]) \($0.value[1])" }.sorted())
        }
        #expect(vocabularies[0].count > 1000)
        #expect(vocabularies[0] == vocabularies[1])
    }

    /// Analysed ahead, a document with items lets its whole text go (the store keeps its items
    /// and preamble), and remembers its size for the import's compaction measure.
    @Test func analysingLetsTheTextOfDocumentsWithItemsGo() throws {
        let analyzer = DanishAnalyzer()
        for document in try Self.corpusDocuments() {
            var incoming = ArchiveStore.Incoming(document: document, size: 0)
            incoming.analyze(with: analyzer)
            #expect(incoming.textBytes == document.text.utf8.count, "\(document.path)")
            #expect(incoming.document.text.isEmpty == !document.cases.isEmpty, "\(document.path)")
            #expect(incoming.document.cases == document.cases, "\(document.path)")
        }
    }

    @Test func theIndexHoldsTheAnalyzersDocumentTerms() throws {
        let documents = try Self.corpusDocuments()
        let analyzer = DanishAnalyzer()
        var expected: [String: (entries: Int, occurrences: Int)] = [:]
        for document in documents {
            for fields in EntryText.columns(of: document) {
                var terms: [String: Int] = [:]
                // Every token of the routing is weak, and it gives no compound parts (`AnalysedText.stream`).
                for case let field? in AnalysedText.fieldTexts(fields) {
                    for token in analyzer.analyze(field.text, mode: .document) where !(token.kind == .part && token.start >= field.weakFrom) {
                        let weak = !token.isWeak && token.start >= field.weakFrom
                        terms[weak ? String(Token.weakMark) + token.term : token.term, default: 0] += 1
                    }
                }
                for (term, count) in terms {
                    expected[term, default: (0, 0)].entries += 1
                    expected[term, default: (0, 0)].occurrences += count
                }
            }
        }
        let ws = try Workspace(files: [])
        let store = try ws.store()
        try store.replace(documents.map { document in
            var incoming = ArchiveStore.Incoming(document: document, size: 0)
            incoming.analyze(with: analyzer)
            return incoming
        })
        let stored = try store.searchVocabulary()
        #expect(stored.keys.contains { $0.hasPrefix("~") })
        #expect(stored.count == expected.count)
        for (term, counts) in expected where stored[term] != [counts.entries, counts.occurrences] {
            Issue.record("\(term): index \(stored[term] ?? []), analyzer \(counts)")
        }
    }
}
