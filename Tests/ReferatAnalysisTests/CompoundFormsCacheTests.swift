import Foundation
@testable import ReferatAnalysis
import ReferatTestSupport
import Testing

/// The expanded compound forms kept on disk are the forms built from the dictionary: the same
/// roles for every form asked; a damaged, cut or stale file is rebuilt, never used.
@Suite struct CompoundFormsCacheTests {
    static let words = ["kommune", "kommunal", "plan", "planlægning", "skole", "skolevej", "børn", "unge", "vej", "belysning"]

    /// Forms built from `words`, each taking any place: what a build makes, cheaply.
    static func smallForms() -> CompoundForms {
        var forms = CompoundForms(capacity: 64)
        for word in words { forms.add(word, .all) }
        forms.buildFilter()
        return forms
    }

    func folder() throws -> String {
        try Scratch.directory("cache")
    }

    func input() throws -> String {
        let path = try Scratch.directory("cache-input") + "/input.txt"
        try Data("one input\n".utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func theFormsFromDiskAreTheFormsBuilt() throws {
        let built = DanishLexicon.shared.compoundForms
        let decoded = try #require(CompoundFormsCache.decode(CompoundFormsCache.encode(built)))
        #expect(decoded.count == built.count)
        #expect(decoded.minimumPart == built.minimumPart)
        for word in Self.words + ["xyzzy", "ålborg", "special"] {
            #expect(decoded.roles(of: word) == built.roles(of: word), "\(word)")
        }
        #expect(CompoundFormsCache.encode(decoded) == CompoundFormsCache.encode(built))
    }

    /// A file is read through a mapping, its tables used where they lie: the same forms,
    /// byte for byte, and the same answers, as those built.
    @Test func theFormsReadThroughAMappingAreTheFormsBuilt() throws {
        let built = DanishLexicon.shared.compoundForms
        let path = try folder() + "/mapped.bin"
        try Data(CompoundFormsCache.encode(built)).write(to: URL(fileURLWithPath: path))
        let mapped = try #require(CompoundFormsCache.read(path))
        #expect(mapped.count == built.count)
        for word in Self.words + ["xyzzy", "ålborg", "special", "forældre", "vej", "ungdomsskole"] {
            #expect(mapped.roles(of: word) == built.roles(of: word), "\(word)")
        }
        #expect(CompoundFormsCache.encode(mapped) == CompoundFormsCache.encode(built))
    }

    @Test func aSecondLoadReadsTheFileAndAChangedInputRebuilds() throws {
        let folder = try folder(), input = try input()
        var builds = 0
        let build = { () -> CompoundForms in
            builds += 1
            return Self.smallForms()
        }
        let first = CompoundFormsCache.load(inputs: [input], extra: [], folder: folder, build: build)
        let second = CompoundFormsCache.load(inputs: [input], extra: [], folder: folder, build: build)
        #expect(builds == 1)
        #expect(second.roles(of: "skolevej") == first.roles(of: "skolevej"))
        // Another input, or another supplement, is another file.
        try Data("one input, changed\n".utf8).write(to: URL(fileURLWithPath: input))
        _ = CompoundFormsCache.load(inputs: [input], extra: [], folder: folder, build: build)
        _ = CompoundFormsCache.load(inputs: [input], extra: ["special"], folder: folder, build: build)
        #expect(builds == 3)
    }

    @Test(arguments: ["flipped", "cut", "empty"])
    func aDamagedFileIsRebuilt(damage: String) throws {
        try expectRebuilt { file in
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
            switch damage {
            case "flipped": bytes[bytes.count / 2] ^= 0x04
            case "cut": bytes.removeLast(bytes.count / 3)
            default: bytes = []
            }
            try Data(bytes).write(to: URL(fileURLWithPath: file))
        }
    }

    /// Writes the cache file, lets `change` alter it, and expects the next load to build the
    /// forms again rather than use the file.
    func expectRebuilt(after change: (String) throws -> Void) throws {
        let folder = try folder(), input = try input()
        var builds = 0
        let build = { () -> CompoundForms in
            builds += 1
            return Self.smallForms()
        }
        _ = CompoundFormsCache.load(inputs: [input], extra: [], folder: folder, build: build)
        let file = folder + "/" + (try #require(CompoundFormsCache.name(inputs: [input], extra: [])))
        try change(file)
        let forms = CompoundFormsCache.load(inputs: [input], extra: [], folder: folder, build: build)
        #expect(builds == 2)
        #expect(forms.roles(of: "skolevej") == .all)
    }

    /// A file whose hash is right but whose table points outside itself (made by hand, not by
    /// damage) is rebuilt: the mapped tables are checked before they are used, or a lookup
    /// would read past the file.
    @Test(arguments: ["key past the arena", "count not the slots in use"])
    func aFileWithATableThatDoesNotHoldTogetherIsRebuilt(fault: String) throws {
        try expectRebuilt { file in
            var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)).dropLast(8))
            // The forms' header (5 words), the table's (3 words), then slots of 8 bytes: offset
            // (u32), length (u16), tag (u16, 0 for an empty slot).
            let slots = 64, slotCount = Int(bytes[40]) | Int(bytes[41]) << 8
            let used = try #require((0..<slotCount).first { bytes[slots + $0 * 8 + 6] != 0 || bytes[slots + $0 * 8 + 7] != 0 })
            switch fault {
            case "key past the arena": bytes[slots + used * 8 + 4] = 0xFF; bytes[slots + used * 8 + 5] = 0xFF
            default: bytes[48] &+= 1
            }
            withUnsafeBytes(of: CompoundFormsCache.hash(bytes[...]).littleEndian) { bytes += $0 }
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            #expect(CompoundFormsCache.read(file) == nil)
        }
    }

    /// The hash fed in pieces of any size, as the file is read into its tables, equals the
    /// hash of the whole (a piece may end inside an 8-byte word).
    @Test(arguments: [1, 3, 7, 8, 9, 24, 1000])
    func theHashInPiecesIsTheHashOfTheWhole(piece: Int) {
        let bytes = (0..<4099).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 7) }
        var hash = StreamingHash()
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + piece)
            bytes[start..<end].withUnsafeBytes { hash.add($0) }
            start = end
        }
        #expect(hash.value == CompoundFormsCache.hash(bytes[...]))
    }
}
