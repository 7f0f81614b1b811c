import Foundation
@testable import ReferatEngine
import ReferatTestSupport
import Testing

/// A search opens the segments a search verified before without reading them whole, and any
/// write to such a file since makes the next search verify it whole again.
@Suite struct VerifiedSegmentsTests {
    /// A folder with one segment of a few documents, committed as generation 1.
    static func index() throws -> String {
        let folder = try Scratch.directory("verified")
        let writer = SegmentWriter(fieldCount: 3, memoryBudget: .max)
        for d in GeneratedCorpus(documents: 200, vocabulary: 80, seed: 5).documents { writer.add(id: d.id, fields: d.fields) }
        try writer.write(to: folder + "/0.seg")
        try Manifest(generation: 1, segments: ["0.seg"]).commitGeneration(in: folder)
        return folder
    }

    static func identity(_ path: String) -> VerifiedSegments.Identity {
        var status = stat()
        _ = stat(path, &status)
        return VerifiedSegments.Identity(status)
    }

    @Test func aFileIsStampedOnlyOnceItHasSettled() throws {
        let folder = try Self.index()
        let identity = Self.identity(folder + "/0.seg")
        var stamps = VerifiedSegments(folder: folder)
        stamps.record("0.seg", identity, now: identity.changed + VerifiedSegments.settled / 2)
        stamps.save(keeping: ["0.seg"])
        #expect(!VerifiedSegments(folder: folder).holds("0.seg", identity))
        stamps.record("0.seg", identity, now: identity.changed + VerifiedSegments.settled)
        stamps.save(keeping: ["0.seg"])
        let read = VerifiedSegments(folder: folder)
        #expect(read.holds("0.seg", identity))
        var other = identity
        other.changed += 1
        #expect(!read.holds("0.seg", other))
        // Stamps of segments no longer in use are dropped.
        var later = VerifiedSegments(folder: folder)
        later.save(keeping: ["1.seg"])
        #expect(!VerifiedSegments(folder: folder).holds("0.seg", identity))
    }

    @Test func aStampedSegmentIsOpenedWithoutItsChecksumAndAWriteUndoesTheStamp() throws {
        let folder = try Self.index()
        // Without a stamp the segment is verified whole.
        let first = try IndexFolder.open(folder, generation: 1, trustingVerified: true)
        #expect(first.segments[0].wasVerified)
        // As a search that verified it a while after it was written would have stamped it.
        let identity = Self.identity(folder + "/0.seg")
        var stamps = VerifiedSegments(folder: folder)
        stamps.record("0.seg", identity, now: identity.changed + VerifiedSegments.settled)
        stamps.save(keeping: ["0.seg"])
        let second = try IndexFolder.open(folder, generation: 1, trustingVerified: true)
        #expect(!second.segments[0].wasVerified)
        #expect(try second.vocabulary() == first.vocabulary())
        // Writers and `stats --check` verify whole whatever the stamps say.
        #expect(try IndexFolder.open(folder, generation: 1).segments[0].wasVerified)

        // A flipped byte in the middle of the postings: the write changes the file's status
        // time, so the stamp no longer holds and the checksum finds the damage.
        let handle = try #require(FileHandle(forUpdatingAtPath: folder + "/0.seg"))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2)
        let byte = try #require(try handle.read(upToCount: 1)?.first)
        try handle.seek(toOffset: size / 2)
        try handle.write(contentsOf: Data([byte ^ 0x10]))
        try handle.close()
        let error = try #require(throws: EngineError.self) { try IndexFolder.open(folder, generation: 1, trustingVerified: true) }
        #expect(error.file.hasSuffix("0.seg") && error.message.contains("checksum"))
    }
}
