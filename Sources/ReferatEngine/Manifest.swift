import Foundation

/// The commit point of an index folder: which segments make up the index, in order.
///
/// Segments are written and synced before a manifest names them; the manifest replaces the
/// previous one atomically (`Durable.replace`). A crash at any moment leaves the last
/// committed manifest whole, and files it does not name (a segment written after it, a
/// temporary manifest) are removed at the next open. The file is the magic, the length of a
/// JSON body, the body and a CRC-32C of everything before it.
public struct Manifest: Codable, Hashable, Sendable {
    /// Grows by one with every commit.
    public var generation: Int
    /// Segment file names in the folder, oldest first: documents are numbered in this order.
    public var segments: [String]
    /// Per segment, its deleted documents (local numbers, ascending): the tombstones of
    /// entries replaced or removed since the segment was written. Nil when none.
    public var deleted: [String: [Int]]?

    public init(generation: Int, segments: [String], deleted: [String: [Int]]? = nil) {
        self.generation = generation
        self.segments = segments
        self.deleted = deleted
    }

    /// The manifest file of generation `generation` in an index folder: each commit writes
    /// its own, so that the records (which name the generation they were committed with) find
    /// theirs even when a crash came between the two commits.
    public static func fileName(generation: Int) -> String { "manifest-\(generation)" }

    /// Commits as the file of its generation (`fileName(generation:)`), durably.
    public func commitGeneration(in folder: String) throws {
        try Durable.replace(folder + "/" + Self.fileName(generation: generation), with: try encoded())
    }

    /// The manifest of `generation` in `folder`, or nil when there is no such file.
    public static func load(generation: Int, from folder: String) throws(EngineError) -> Manifest? {
        let path = folder + "/" + fileName(generation: generation)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { throw EngineError(file: path, message: "cannot read") }
        let manifest = try decode(Array(data), file: path)
        guard manifest.generation == generation else { throw EngineError(file: path, message: "holds generation \(manifest.generation)") }
        return manifest
    }

    /// Removes every file of `folder` this manifest does not need: other generations'
    /// manifests, segments it does not name, temporary files.
    public func removeOthers(in folder: String) throws {
        let keep = Set(segments + [Self.fileName(generation: generation)])
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where !keep.contains(name)
            && (name.hasSuffix(".seg") || name.hasSuffix(".tmp") || name.hasPrefix("manifest")) {
            try FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }

    public static let fileName = "manifest"
    static let magic: [UInt8] = Array("RFMANIF1".utf8)

    /// The bytes of the manifest file.
    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = Array(try encoder.encode(self))
        var out = ByteWriter()
        out.append(Self.magic)
        out.u32(UInt32(body.count))
        out.append(body)
        out.u32(Checksum.crc32c(out.bytes))
        return out.bytes
    }

    /// Reads a manifest file's bytes; a damaged or cut file is an error naming it.
    static func decode(_ bytes: [UInt8], file: String) throws(EngineError) -> Manifest {
        do {
            var reader = try ByteReader(bytes)
            guard Array(try reader.bytes(magic.count)) == magic else { throw FormatError(message: "not a referat manifest") }
            let length = Int(try reader.u32())
            let body = Array(try reader.bytes(length))
            let stored = try reader.u32()
            guard reader.isAtEnd else { throw FormatError(message: "bytes after the checksum") }
            guard Checksum.crc32c(bytes[..<(bytes.count - 4)]) == stored else { throw FormatError(message: "checksum mismatch: the file is damaged") }
            guard let manifest = try? JSONDecoder().decode(Manifest.self, from: Data(body)),
                  manifest.segments.allSatisfy({ !$0.contains("/") && !$0.isEmpty }) else {
                throw FormatError(message: "unreadable contents")
            }
            return manifest
        } catch let error as FormatError {
            throw EngineError(file: file, message: error.message)
        } catch {
            throw EngineError(file: file, message: "\(error)")
        }
    }

    /// Commits: replaces the folder's manifest with this one, durably.
    public func commit(in folder: String) throws {
        try Durable.replace(folder + "/" + Self.fileName, with: try encoded())
    }

    /// The folder's committed manifest, or nil when nothing was ever committed there.
    public static func load(from folder: String) throws(EngineError) -> Manifest? {
        let path = folder + "/" + fileName
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { throw EngineError(file: path, message: "cannot read") }
        return try decode(Array(data), file: path)
    }

    /// Removes the segment and temporary files of `folder` that this manifest does not name:
    /// what a crash left between writing them and committing.
    public func removeUnreferenced(in folder: String) throws {
        let keep = Set(segments)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder)
        where (name.hasSuffix(".seg") && !keep.contains(name)) || name.hasSuffix(".tmp") {
            try FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }
}
