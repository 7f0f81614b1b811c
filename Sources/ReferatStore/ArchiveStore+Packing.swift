import Foundation
import GRDB

extension ArchiveStore {
    /// What `packSections` did.
    public struct Packing: Sendable, Equatable {
        /// A dictionary was trained in this call.
        public var trained = false
        /// Cases whose sections or attachments were packed again with the dictionary.
        public var repacked = 0
    }

    /// Packs the index's sections with a dictionary trained on them (`PackingDictionary`):
    /// trains one when the index has none and holds enough section text, then packs every
    /// case written before it again, a piece per transaction. Runs before compacting, which
    /// gives the pages freed back.
    ///
    /// The cases to pack again are those up to the newest one when the dictionary was trained
    /// (meta `repackThrough`), from the last one done (`repackedFrom`): a kill leaves the rest
    /// for the next import that compacts, and every blob reads the same before and after.
    @discardableResult
    public func packSections() throws(StoreError) -> Packing {
        // A few hundred cases per commit: the rows read and rewritten are held until it.
        try packSections(minimumSampleBytes: PackingDictionary.minimumSampleBytes, casesPerCommit: 512)
    }

    @discardableResult
    func packSections(minimumSampleBytes: Int, casesPerCommit: Int) throws(StoreError) -> Packing {
        var result = Packing()
        let hasDictionary = try read { db in try PackingDictionary.current(db) != nil }
        if !hasDictionary {
            // On the writer's connection: it reads through its own bounded cache, where a
            // reader maps the file and every page it touches counts in the import's memory.
            let samples = try write { db in try Self.packingSamples(db) }
            guard let (dictionary, bytes) = PackingDictionary.train(samples, minimumBytes: minimumSampleBytes) else { return result }
            try write { db in
                try db.execute(sql: "INSERT OR IGNORE INTO packing_dictionary(id, data) VALUES(?, ?)", arguments: [Int64(dictionary.id), Data(bytes)])
                let newest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM \"case\"") ?? 0
                try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES('repackThrough', ?), ('repackedFrom', '0')", arguments: [String(newest)])
            }
            result.trained = true
        }
        while true {
            let done = try write { db -> Int? in
                guard let through = try Int64.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'repackThrough'"),
                      let dictionary = try PackingDictionary.current(db)
                else { return nil }
                let from = try Int64.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'repackedFrom'") ?? 0
                let rows = try Row.fetchAll(db, sql: """
                    SELECT id, sectionData, attachmentData FROM "case"
                    WHERE id > ? AND id <= ? AND (sectionData IS NOT NULL OR attachmentData IS NOT NULL) ORDER BY id LIMIT ?
                    """, arguments: [from, through, casesPerCommit])
                guard let last = rows.last?[0] as Int64? else {
                    try db.execute(sql: "DELETE FROM meta WHERE key IN ('repackThrough', 'repackedFrom')")
                    return nil
                }
                let dictionaries = PackedSections.dictionaries(db)
                var repacked = 0
                // The blob packed with the dictionary, or nil when it is already (or there is none).
                func again(_ data: Data?) throws -> Data? {
                    guard let data, case let blob = [UInt8](data), PackedSections.format(of: blob) != PackedSections.dictionaryFormat else { return nil }
                    return Data(PackedSections.pack(payload: try PackedSections.payload(of: blob, dictionaries), dictionary: dictionary))
                }
                for row in rows {
                    let (sections, attachments) = (try again(row[1]), try again(row[2]))
                    guard sections != nil || attachments != nil else { continue }
                    try db.execute(sql: "UPDATE \"case\" SET sectionData = COALESCE(?, sectionData), attachmentData = COALESCE(?, attachmentData) WHERE id = ?",
                                   arguments: [sections, attachments, row[0] as Int64])
                    repacked += 1
                }
                try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES('repackedFrom', ?)", arguments: [String(last)])
                return repacked
            }
            guard let done else { break }
            result.repacked += done
        }
        return result
    }

    /// The training samples: the uncompressed sections of cases spread evenly over the index,
    /// up to `PackingDictionary.sampleLimit` bytes. Each is found by its id, so that only the
    /// pages of the cases sampled are read.
    private static func packingSamples(_ db: Database) throws -> PackingDictionary.Samples {
        var samples = PackingDictionary.Samples()
        samples.joined.reserveCapacity(PackingDictionary.sampleLimit + (64 << 10))
        guard let range = try Row.fetchOne(db, sql: "SELECT min(id), max(id) FROM \"case\""),
              let first = range[0] as Int64?, let last = range[1] as Int64?
        else { return samples }
        let probe = try db.cachedStatement(sql: "SELECT id, sectionData FROM \"case\" WHERE id >= ? AND sectionData IS NOT NULL ORDER BY id LIMIT 1")
        let dictionaries = PackedSections.dictionaries(db)
        var next = first
        for k in 0..<Int64(samplesProbed) where samples.joined.count < PackingDictionary.sampleLimit {
            let target = max(next, first + (last - first + 1) * k / Int64(samplesProbed))
            guard let row = try Row.fetchOne(probe, arguments: [target]) else { break }
            next = (row[0] as Int64) + 1
            samples.append(try PackedSections.payload(of: [UInt8](row[1] as Data), dictionaries))
        }
        return samples
    }

    /// Cases looked at for samples, evenly spaced by id (the limit in bytes usually comes first).
    static let samplesProbed = 4096
}
