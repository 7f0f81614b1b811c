import Foundation
@testable import ReferatEngine
import ReferatTestSupport
import Testing

/// Segment and manifest files are checked when opened: flipped or missing bytes are reported
/// with the file named, and the reader never crashes on any bytes.
@Suite struct SegmentFileTests {
    static let corpus = GeneratedCorpus(documents: 300, vocabulary: 120, seed: 7)

    static let segmentBytes: [UInt8] = {
        let writer = SegmentWriter(fieldCount: 3, memoryBudget: .max)
        for d in corpus.documents { writer.add(id: d.id, fields: d.fields) }
        return writer.segmentBytes()
    }()

    @Test func aSegmentReadsBackItsDocumentsAndTerms() throws {
        let segment = try SegmentReader(bytes: Self.segmentBytes, file: "s.seg")
        #expect(segment.ids == Self.corpus.documents.map(\.id))
        let t0 = try #require(segment.lookup(Self.corpus.vocabulary[0]))
        let expected = Self.corpus.documents.filter { $0.fields.contains { $0.contains { $0.term == Self.corpus.vocabulary[0] } } }.count
        #expect(segment.documentFrequency(at: t0) == expected)
        #expect(segment.lookup(Array("nope".utf8)) == nil)
        // "t1", "t10"…"t119": every term starting with "t1".
        #expect(segment.range(withPrefix: Array("t1".utf8)).count == 1 + 10 + 20)
    }

    /// The dictionary is read a group of `SegmentFormat.termGroup` terms at a time: with
    /// fewer terms than a group, exactly one group, one more and several, every term is found
    /// by its bytes with its own document frequency, a key between two terms finds the later
    /// one, and a key before the first and after the last find the ends.
    @Test(arguments: [1, 15, 16, 17, 33, 100])
    func everyTermIsFoundWhateverItsPlaceInItsGroup(terms: Int) throws {
        let writer = SegmentWriter(fieldCount: 1, memoryBudget: .max)
        // Term k ("w000", "w002", … two apart, so that "w001" falls between) in k + 1 documents.
        let words = (0..<terms).map { Array(String(format: "w%03d", 2 * $0).utf8) }
        for d in 0..<terms {
            writer.add(id: UInt64(d), fields: [words[d...].map { (term: $0, position: 0) }])
        }
        let segment = try SegmentReader(bytes: writer.segmentBytes(), file: "groups.seg")
        try segment.checkIntact()
        for (k, word) in words.enumerated() {
            #expect(segment.lookup(word) == k)
            #expect(segment.term(at: k) == word)
            #expect(segment.documentFrequency(at: k) == k + 1)
            #expect(segment.lookup(Array(String(format: "w%03d", 2 * k + 1).utf8)) == nil)
            #expect(segment.range(withPrefix: Array(String(format: "w%03d", 2 * k + 1).utf8)).lowerBound == k + 1)
        }
        #expect(segment.range(withPrefix: Array("a".utf8)) == 0..<0)
        #expect(segment.range(withPrefix: Array("w".utf8)) == 0..<terms)
        #expect(segment.range(withPrefix: Array("x".utf8)).lowerBound == terms)
        // Each term's positions read back from where its group's anchor and the entries
        // before it say they start.
        for k in [0, terms / 2, terms - 1] {
            var cursor = try PostingCursor(segment: segment, term: k)
            try cursor.advance(to: 0)
            #expect(cursor.document == 0)
            #expect(try cursor.positions(0) == [0])
        }
    }

    /// Values are stored by column, each distinct string once: every document's values read
    /// back as added (kinds interleaved, a string shared between kinds and documents), and a
    /// kind's numbers name the strings a filter compares.
    @Test func documentValuesReadBackFromTheirColumns() throws {
        var documents: [DocumentValues] = []
        for d in 0..<40 {
            var values = DocumentValues()
            values.add(.committee, d.isMultiple(of: 2) ? "økonomiudvalget" : "byrådet")
            values.add(.sortDate, "2024-03-\(10 + d % 20)")
            if d.isMultiple(of: 3) { values.add(.person, "anna æbelø") }
            values.add(.decidingBody, d.isMultiple(of: 2) ? "økonomiudvalget" : "Byrådet")
            values.add(.caseNumber, "24/\(d)")
            documents.append(values)
        }
        documents.append(DocumentValues())
        let writer = SegmentWriter(fieldCount: 1, memoryBudget: .max)
        for (d, values) in documents.enumerated() {
            var field = FieldTokens()
            field.append(Array("ord".utf8), position: 0)
            writer.add(id: UInt64(d), fields: [field], values: values)
        }
        let segment = try SegmentReader(bytes: writer.segmentBytes(), file: "v.seg")
        #expect(Array(segment.values) == documents)
        // "økonomiudvalget" is one string for both kinds; 40 case numbers, 20 dates, 3 others.
        #expect(segment.columns.stringCount == 40 + 20 + 4)
        let committee = segment.columns.numbers(.committee, of: 3).map { segment.columns.string($0) }
        #expect(committee == ["byrådet"])
        #expect(segment.columns.numbers(.person, of: 1).first == nil)
        #expect(segment.columns.numbers(.person, of: 40).first == nil)
        // Each (kind, string) pair lists exactly the documents that hold it, once each.
        var listed: [String: [Int]] = [:]
        for p in 0..<segment.columns.pairCount {
            let (string, kind) = segment.columns.pair(p)
            segment.columns.forEachHolder(of: p) { listed["\(kind) " + segment.columns.string(string), default: []].append($0) }
        }
        var expected: [String: [Int]] = [:]
        for (d, values) in documents.enumerated() {
            for value in Set(values.values) { expected["\(value.kind.rawValue) " + value.text, default: []].append(d) }
        }
        #expect(listed == expected)
        #expect(listed["\(DocumentValues.Kind.committee.rawValue) økonomiudvalget"] == Array(stride(from: 0, to: 40, by: 2)))
    }

    @Test func neighboursAreWithinTheEditDistance() throws {
        let searcher = Searcher(segments: [try SegmentReader(bytes: Self.segmentBytes, file: "s.seg")], weights: GeneratedCorpus.weights)
        let near = searcher.neighbours(of: "t12", maxEdits: 1).map(\.term)
        #expect(near.contains("t1") && near.contains("t13") && near.contains("t112") && near.contains("t21"))
        #expect(!near.contains("t12") && !near.contains("t45"))
    }

    @Test(arguments: 0..<8)
    func flippedBytesAreDetected(_ seed: Int) throws {
        var rng = SeededGenerator(state: UInt64(seed))
        let bytes = Self.segmentBytes
        for _ in 0..<50 {
            var damaged = bytes
            let i = Int.random(in: 0..<bytes.count, using: &rng)
            damaged[i] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
            #expect(throws: EngineError.self) { try SegmentReader(bytes: damaged, file: "damaged.seg") }
        }
    }

    @Test func truncatedSegmentsAreDetected() throws {
        let bytes = Self.segmentBytes
        let n = bytes.count
        let edges: [Int] = [0, 1, 7, 8, 60, n / 2, n - 57, n - 12, n - 1]
        let lengths: [Int] = edges + Array(stride(from: 0, to: n, by: 997))
        for length in lengths {
            #expect(throws: EngineError.self) { try SegmentReader(bytes: Array(bytes.prefix(length)), file: "cut.seg") }
        }
        let error = try #require(throws: EngineError.self) { try SegmentReader(bytes: Array(bytes.dropLast(3)), file: "x/cut.seg") }
        #expect(error.file == "x/cut.seg")
    }

    /// Damage the checksum cannot see (the checksum rewritten to match): opening, searching and
    /// reading positions give an error or an answer, never a crash.
    @Test(arguments: 0..<3)
    func damageBehindAValidChecksumNeverCrashes(_ seed: Int) throws {
        var rng = SeededGenerator(state: 100 + UInt64(seed))
        var opened = 0
        for _ in 0..<80 {
            var damaged = Self.segmentBytes
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                damaged[Int.random(in: 8..<(damaged.count - SegmentFormat.footerSize), using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            let crc = Checksum.crc32c(damaged[..<(damaged.count - 12)])
            for k in 0..<4 { damaged[damaged.count - 12 + k] = UInt8(truncatingIfNeeded: crc >> UInt32(8 * k)) }
            guard let segment = try? SegmentReader(bytes: damaged, file: "fuzz.seg") else { continue }
            opened += 1
            let searcher = Searcher(segments: [segment], weights: GeneratedCorpus.weights)
            for t in stride(from: 0, to: segment.terms.count, by: 30) {
                for mode in [Searcher.Mode.any, .all] {
                    _ = try? searcher.topK([segment.term(at: t), Self.corpus.vocabulary[0]], mode: mode, k: 5, pruning: t % 2 == 0)
                }
                _ = try? searcher.phrase([Self.corpus.vocabulary[0], segment.term(at: t)])
            }
        }
        #expect(opened > 0)
    }

    @Test func aManifestCommitsAndReadsBackAndDamageIsDetected() throws {
        let folder = try Scratch.directory("manifest")
        #expect(try Manifest.load(from: folder) == nil)
        let manifest = Manifest(generation: 3, segments: ["a.seg", "b.seg"])
        try manifest.commit(in: folder)
        #expect(try Manifest.load(from: folder) == manifest)
        let path = folder + "/" + Manifest.fileName
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        for i in stride(from: 0, to: bytes.count, by: 3) {
            var damaged = bytes
            damaged[i] ^= 0x10
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            let error = try #require(throws: EngineError.self) { try Manifest.load(from: folder) }
            #expect(error.file == path)
        }
        try Data(bytes.dropLast(5)).write(to: URL(fileURLWithPath: path))
        #expect(throws: EngineError.self) { try Manifest.load(from: folder) }
    }

    @Test func filesNoManifestNamesAreRemoved() throws {
        let folder = try Scratch.directory("manifest")
        for name in ["a.seg", "b.seg", "orphan.seg", "manifest.tmp"] {
            FileManager.default.createFile(atPath: folder + "/" + name, contents: Data([1]))
        }
        let manifest = Manifest(generation: 1, segments: ["a.seg", "b.seg"])
        try manifest.commit(in: folder)
        try manifest.removeUnreferenced(in: folder)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder)) == ["a.seg", "b.seg", "manifest"])
    }
}
