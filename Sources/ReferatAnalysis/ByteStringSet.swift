/// A read-mostly set of UTF-8 strings that answers `contains` for a byte slice without
/// making a `String`.
///
/// Decompounding asks the lexicon about every cut of every long word: "specialundervisning"
/// alone is some forty lookups, and nearly all of them are misses. A `Set<String>` needs a
/// `String` per question and hashes it with SipHash after Unicode normalisation; this set
/// keeps its words in a `ByteKeyTable`, which hashes the raw bytes and compares them in place.
///
/// The table of the 313,000-word list is 8 MB, so each probe is a trip to main memory. A
/// Bloom filter of two bits per word in a bit array a sixteenth that size (512 KB, which stays
/// in the processor's cache) turns away most misses before the table is touched. Both bits
/// of a word lie in one 64-bit block of the filter, so a probe reads one place of it, not two.
struct ByteStringSet: Sendable {
    private var table: ByteKeyTable
    /// The Bloom filter: four bits per slot, two set per word, in blocks of 64 (a power of two).
    private var bloom: [UInt64]

    init(minimumCapacity: Int = 16) {
        table = ByteKeyTable(minimumCapacity: max(minimumCapacity, 8))
        bloom = Self.emptyBloom(slots: table.slotCount)
    }

    init(_ words: some Sequence<String>) {
        self.init()
        for word in words { insert(word) }
    }

    var count: Int { table.count }
    var isEmpty: Bool { table.count == 0 }

    /// The filter block of a hash and its two bits in it, for a filter of `blocks` blocks (a
    /// power of two): taken from the high bits of a remixed hash, so that they do not follow
    /// the low bits the slot index comes from.
    @inline(__always)
    static func bloomBlock(_ h: UInt64, blocks: Int) -> (index: Int, bits: UInt64) {
        let mixed = h &* 0x9E37_79B9_7F4A_7C15
        let bits: UInt64 = 1 << (mixed >> 52 & 63) | 1 << (mixed >> 58)
        return (Int(truncatingIfNeeded: mixed >> 24) & (blocks - 1), bits)
    }

    /// Whether a filter may hold a hash: false means the set does not.
    @inline(__always)
    static func bloomMayContain(_ bloom: UnsafeBufferPointer<UInt64>, _ h: UInt64) -> Bool {
        let (index, bits) = bloomBlock(h, blocks: bloom.count)
        return bloom[index] & bits == bits
    }

    /// Sets a hash's bits in a filter.
    static func bloomInsert(_ bloom: inout [UInt64], _ h: UInt64) {
        let (index, bits) = bloomBlock(h, blocks: bloom.count)
        bloom[index] |= bits
    }

    private static func emptyBloom(slots: Int) -> [UInt64] {
        Array(repeating: 0, count: max(1, slots * 4 / 64))
    }

    func contains(_ word: String) -> Bool {
        var copy = word
        return copy.withUTF8 { contains($0) }
    }

    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        withProbe { $0.contains(bytes) }
    }

    /// Runs `body` with a probe that reads this set's storage in place: a caller that asks
    /// many questions in a row pays no reference counting per question.
    func withProbe<R>(_ body: (Probe) -> R) -> R {
        table.withView { table in
            bloom.withUnsafeBufferPointer { bloom in
                body(Probe(table: table, bloom: bloom, count: count))
            }
        }
    }

    /// A borrowed, read-only view of a set, valid inside `withProbe`.
    struct Probe {
        fileprivate let table: ByteKeyTable.View
        fileprivate let bloom: UnsafeBufferPointer<UInt64>
        let count: Int

        var isEmpty: Bool { count == 0 }

        @inline(__always)
        func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            contains(bytes, hash: ByteKeyTable.hash(bytes))
        }

        /// `contains` for bytes whose `ByteKeyTable.hash` the caller has made.
        @inline(__always)
        func contains(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Bool {
            guard mayContain(hash: h), bytes.count <= ByteKeyTable.maximumKeyLength else { return false }
            return table.find(bytes, hash: h) != nil
        }

        /// The filter's answer alone: false when no word has this hash, so `contains` is false.
        @inline(__always)
        func mayContain(hash h: UInt64) -> Bool {
            count > 0 && ByteStringSet.bloomMayContain(bloom, h)
        }
    }

    mutating func insert(_ word: String) {
        var copy = word
        copy.withUTF8 { insert($0) }
    }

    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty, bytes.count <= ByteKeyTable.maximumKeyLength else { return }
        let h = ByteKeyTable.hash(bytes)
        guard table.find(bytes, hash: h) == nil else { return }
        if table.needsGrowth {
            table.grow()
            bloom = Self.emptyBloom(slots: table.slotCount)
            for h in table.hashes() { Self.bloomInsert(&bloom, h) }
        }
        table.insertNew(bytes, hash: h)
        Self.bloomInsert(&bloom, h)
    }
}
