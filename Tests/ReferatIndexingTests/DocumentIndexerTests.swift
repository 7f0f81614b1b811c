import Foundation
import ReferatAnalysis
import ReferatIndexing
import ReferatParsing
import ReferatRecords
import Testing

/// The indexing step hands engines the analyzer's tokens with weakness as a flag, not as a
/// mark in the term, and collects the same learnable words with or without analysing.
@Suite struct DocumentIndexerTests {
    static let corpus: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/Corpus"
    }()

    static func files() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).filter { name in
            [".txt", ".html", ".htm", ".pdf"].contains { name.hasSuffix($0) }
        }.sorted()
    }

    static func document(_ name: String) throws -> Document {
        try DocumentParser().parse(fileAt: corpus + "/" + name)
    }

    @Test(arguments: files())
    func tokensAreTheAnalyzersWithWeaknessAsAFlag(_ name: String) throws {
        let document = try Self.document(name)
        let analyzer = DanishAnalyzer()
        let indexed = DocumentIndexer(analyzer: analyzer).index(document)
        let fields = EntryText.columns(of: document).map(AnalysedText.fieldTexts)
        #expect(indexed.entries.count == fields.count)
        for (entry, texts) in zip(indexed.entries, fields) {
            let present = texts.compactMap { $0 }
            #expect(entry.count == present.count)
            for (analysed, field) in zip(entry, present) {
                #expect(analysed.text == Array(field.text.utf8))
                var replayed: [(String, Bool, Int, Int, Bool, Int)] = []
                _ = analysed.replay { term, token in
                    replayed.append((String(decoding: term, as: UTF8.self), token.weak, Int(token.start), Int(token.end), token.colocated,
                                     Int(token.position)))
                    return 0
                }
                // The routing gives its words without their compound parts (`AnalysedText.stream`).
                let tokens = analyzer.analyze(field.text, mode: .document).filter { !($0.kind == .part && $0.start >= field.weakFrom) }
                #expect(replayed.count == tokens.count)
                for (r, t) in zip(replayed, tokens) {
                    // The analyzer marks weak forms in document mode; the step carries the mark as
                    // the flag, and makes every token of the routing weak (`AnalysedText.fieldTexts`).
                    let expected = t.isWeak ? String(t.term.drop { $0 == Token.weakMark }) : t.term
                    let weak = t.isWeak || t.start >= field.weakFrom
                    #expect(r.0 == expected && r.1 == weak && r.2 == t.start && r.3 == t.end && r.4 == t.colocated && r.5 == t.position,
                            "\(r) vs \(t)")
                }
                #expect(tokens.contains { $0.isWeak || $0.start >= field.weakFrom } == replayed.contains { $0.1 } )
            }
        }
    }

    @Test(arguments: files())
    func learnableWordsWithoutAnalysisAreThoseOfAnalysis(_ name: String) throws {
        let document = try Self.document(name)
        let indexer = DocumentIndexer(analyzer: DanishAnalyzer())
        #expect(indexer.learnableWords(of: document) == indexer.index(document).learnableWords)
    }

    @Test func weakFormsAreFlagged() {
        let analysed = AnalysedText(text: "Kommunalbestyrelsen i Aarhus", analyzer: DanishAnalyzer())
        var weak: [String] = []
        _ = analysed.replay { term, token in
            if token.weak { weak.append(String(decoding: term, as: UTF8.self)) }
            return 0
        }
        #expect(weak.contains("bestyr") || weak.contains(where: { $0.hasPrefix("bestyr") }), "\(weak)")
        #expect(weak.contains("århus"), "\(weak)")
        #expect(!weak.contains { $0.hasPrefix(String(Token.weakMark)) })
    }
}
