import CZstdPacking
import Foundation
import GRDB
import Synchronization

/// A zstd dictionary trained on an index's own section text, that every case's sections are
/// compressed with once it exists (`PackedSections`, format 3; table `packing_dictionary`).
///
/// One case's sections are a few kilobytes: compressed alone, zstd has seen nothing of the
/// headings, boilerplate and names that every case of an archive repeats, and gets about 2×.
/// A dictionary gives it that context up front, so each case compresses about as well as the
/// whole archive compressed in one piece, and a case is still read on its own.
///
/// Dictionaries are known by the id zstd gives them, which every frame compressed with one
/// carries; a process keeps each dictionary it has read (`registry`), and a reader meeting an
/// id it does not know reads it from its snapshot of the index, which holds the dictionary of
/// every blob it can see: the dictionary is written before the blobs that use it.
public final class PackingDictionary: Sendable {
    let id: UInt32
    /// The C tables, made once and only read after (zstd's dictionaries are shareable).
    private nonisolated(unsafe) let tables: OpaquePointer

    private init?(bytes: [UInt8]) {
        let id = bytes.withUnsafeBufferPointer { referat_zstd_dictionary_id($0.baseAddress, $0.count) }
        guard id != 0, let tables = bytes.withUnsafeBufferPointer({ referat_zstd_dictionary_create($0.baseAddress, $0.count, Self.level) })
        else { return nil }
        self.id = id
        self.tables = tables
    }

    deinit { referat_zstd_dictionary_free(tables) }

    /// zstd's level for text packed with a dictionary: above the default (`PackedSections.level`):
    /// with the dictionary's context the higher level still finds repetition the default
    /// misses, for a little more CPU on the parsing threads (and once for the cases packed
    /// again after training). Measured in BENCHMARKS.md, "The index's size".
    static let level: Int32 = 6

    /// Compresses `payload` into `out`, which has room for `referat_zstd_bound` of it.
    func compress(_ payload: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>, capacity: Int) -> Int {
        referat_zstd_compress_with(out, capacity, payload.baseAddress, payload.count, tables)
    }

    /// Decompresses one frame into exactly `out.count` bytes; false when it does not hold them.
    func decompress(_ frame: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        referat_zstd_decompress_with(out.baseAddress, out.count, frame.baseAddress, frame.count, tables) == 1
    }

    // MARK: - Training

    /// Samples below this many bytes train no dictionary: zstd needs many samples to find what
    /// they share, and a small index gains little.
    static let minimumSampleBytes = 1 << 20
    /// The most sample bytes read for training: enough for a dictionary of `capacity` (more
    /// samples gained little), and training takes time and memory in proportion.
    static let sampleLimit = 4 << 20
    /// More than twice zstd's own default size: trained on `sampleLimit` bytes, it packs section
    /// text smaller than the default size does, and it is stored once per index.
    static let capacity = 256 << 10

    /// Training samples (each one case's uncompressed payload) laid end to end.
    struct Samples {
        var joined: [UInt8] = []
        var sizes: [Int] = []

        mutating func append(_ sample: [UInt8]) {
            joined += sample
            sizes.append(sample.count)
        }
    }

    /// A dictionary trained on `samples`, or nil when they are too few or too small.
    static func train(_ samples: Samples, minimumBytes: Int = minimumSampleBytes) -> (PackingDictionary, bytes: [UInt8])? {
        let (joined, sizes) = (samples.joined, samples.sizes)
        let total = joined.count
        guard total >= minimumBytes, sizes.count >= 16 else { return nil }
        var dictionary = [UInt8](repeating: 0, count: min(capacity, max(total / 16, 1024)))
        let size = dictionary.withUnsafeMutableBufferPointer { out in
            joined.withUnsafeBufferPointer { input in
                sizes.withUnsafeBufferPointer { sizes in
                    referat_zstd_train(out.baseAddress, out.count, input.baseAddress, sizes.baseAddress, UInt32(sizes.count))
                }
            }
        }
        guard size > 0 else { return nil }
        let bytes = Array(dictionary[..<size])
        guard let made = PackingDictionary(bytes: bytes) else { return nil }
        return (registry.withLock { $0[made.id] = $0[made.id] ?? made; return $0[made.id]! }, bytes)
    }

    // MARK: - Finding a dictionary

    /// Every dictionary this process has read, by id.
    private static let registry = Mutex<[UInt32: PackingDictionary]>([:])

    /// The dictionary with this id: known to the process, or read from the index through `db`.
    static func named(_ id: UInt32, _ db: Database) throws -> PackingDictionary? {
        if let known = registry.withLock({ $0[id] }) { return known }
        guard let data = try Data.fetchOne(db.cachedStatement(sql: "SELECT data FROM packing_dictionary WHERE id = ?"), arguments: [Int64(id)]),
              let made = PackingDictionary(bytes: Array(data)), made.id == id
        else { return nil }
        return registry.withLock { $0[id] = $0[id] ?? made; return $0[id]! }
    }

    /// Forgets every dictionary read, as a new process starts (for tests of reading them).
    static func forgetAll() { registry.withLock { $0 = [:] } }

    /// The dictionary new blobs are packed with: the index's newest, or nil before it has one.
    static func current(_ db: Database) throws -> PackingDictionary? {
        guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM packing_dictionary ORDER BY rowid DESC LIMIT 1"))
        else { return nil }
        return try named(UInt32(truncatingIfNeeded: id), db)
    }
}

extension PackedSections {
    /// Finds the dictionary a blob of format 3 names (`PackingDictionary.named`), through `db`.
    typealias Dictionaries = (UInt32) -> PackingDictionary?

    static func dictionaries(_ db: Database) -> Dictionaries {
        { id in (try? PackingDictionary.named(id, db)) ?? nil }
    }
}
