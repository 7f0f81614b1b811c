import Foundation
import ReferatIndex
@testable import ReferatEngine
import ReferatTestSupport
import Testing

/// Segments read through a mapping of their file and merged a term at a time from the mapped
/// inputs: a merge writes what one writer given the live documents would have written, and a
/// file cut short under an open segment is reported, never a crash.
@Suite struct MappedSegmentTests {
    static let corpus = GeneratedCorpus(documents: 900, vocabulary: 400, seed: 11)

    /// The corpus's documents as segment files of about `perSegment` documents each.
    static func segments(_ perSegment: Int, in folder: String) throws -> [SegmentReader] {
        var readers: [SegmentReader] = []
        for (k, start) in stride(from: 0, to: corpus.documents.count, by: perSegment).enumerated() {
            let writer = SegmentWriter(fieldCount: 3, memoryBudget: .max)
            for d in corpus.documents[start..<min(start + perSegment, corpus.documents.count)] { writer.add(id: d.id, fields: d.fields) }
            try writer.write(to: folder + "/\(k).seg")
            readers.append(try SegmentReader(path: folder + "/\(k).seg"))
        }
        return readers
    }

    /// Segment sizes and which documents are deleted (every n-th; 0 for none).
    @Test(arguments: [(300, 0), (300, 3), (128, 7), (500, 1), (899, 2)])
    func aMergeWritesWhatOneWriterGivenTheLiveDocumentsWrites(perSegment: Int, deleteEvery: Int) throws {
        let folder = try Scratch.directory("merge")
        let readers = try Self.segments(perSegment, in: folder)
        var inputs: [SegmentMerger.Input] = []
        let expected = SegmentWriter(fieldCount: 3, memoryBudget: .max)
        var number = 0
        for reader in readers {
            var deleted = Set<Int>()
            for local in 0..<reader.documentCount {
                defer { number += 1 }
                if deleteEvery > 0 && number % deleteEvery == 0 { deleted.insert(local); continue }
                let document = Self.corpus.documents[number]
                expected.add(id: document.id, fields: document.fields)
            }
            inputs.append(.init(segment: reader, deleted: deleted))
        }
        let merged = try SegmentMerger.merge(inputs, to: folder + "/merged.seg")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/merged.seg")))
        #expect(bytes == expected.segmentBytes())
        #expect(try SegmentMerger.mergedBytes(inputs) == bytes)
        #expect(merged.documentCount == Self.corpus.documents.count - (deleteEvery > 0 ? (Self.corpus.documents.count + deleteEvery - 1) / deleteEvery : 0))
        // No scratch file is left beside the segments.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).allSatisfy { $0.hasSuffix(".seg") })
    }

    /// A segment file cut short by another program after a search opened it: reading a page
    /// past the new end raised SIGBUS, which killed the process. Now the read goes on over
    /// zeros and the search reports the file.
    @Test(arguments: ["search", "prefixes", "merge"])
    func aSegmentCutShortAfterItWasOpenedIsReported(_ reader: String) throws {
        let folder = try Scratch.directory("cut")
        let writer = SegmentWriter(fieldCount: 3, memoryBudget: .max)
        for d in Self.corpus.documents { writer.add(id: d.id, fields: d.fields) }
        try writer.write(to: folder + "/0.seg")
        let manifest = Manifest(generation: 1, segments: ["0.seg"])
        let snapshot = try IndexSnapshot(folder: folder, manifest: manifest)
        let path = folder + "/0.seg"
        #expect(truncate(path, 4096) == 0)
        let error = try #require(throws: EngineError.self) {
            switch reader {
            case "search":
                for term in Self.corpus.vocabulary {
                    _ = try snapshot.search(IndexQuery(match: .term(IndexTerm(String(decoding: term, as: UTF8.self)))))
                }
            case "prefixes":
                _ = try snapshot.vocabulary()
            default:
                _ = try SegmentMerger.mergedBytes([.init(segment: snapshot.segments[0], deleted: [])])
            }
        }
        #expect(error.file == path)
        #expect(error.message.contains("cut short"))
    }

    /// More segments open at once than the SIGBUS guard has slots: the ones beyond are read
    /// into memory and answer the same.
    @Test func segmentsBeyondTheGuardsSlotsAreReadIntoMemory() throws {
        let folder = try Scratch.directory("slots")
        let writer = SegmentWriter(fieldCount: 3, memoryBudget: .max)
        for d in Self.corpus.documents.prefix(20) { writer.add(id: d.id, fields: d.fields) }
        try writer.write(to: folder + "/0.seg")
        let readers = try (0..<4200).map { _ in try SegmentReader(path: folder + "/0.seg") }
        let term = Self.corpus.vocabulary[0]
        let expected = try #require(readers[0].lookup(term))
        #expect(readers.allSatisfy { $0.lookup(term) == expected && $0.documentFrequency(at: expected) == readers[0].documentFrequency(at: expected) })
    }
}
