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
/// in the processor's cache) turns away about 98 % of the misses before the table is touched.
struct ByteStringSet: Sendable {
    private var table: ByteKeyTable
    /// The Bloom filter: four bits per slot, two set per word.
    private var bloom: [UInt64]
    private var bloomShift: UInt64

    init(minimumCapacity: Int = 16) {
        table = ByteKeyTable(minimumCapacity: max(minimumCapacity, 8))
        (bloom, bloomShift) = Self.emptyBloom(slots: table.slotCount)
    }

    init(_ words: some Sequence<String>) {
        self.init()
        for word in words { insert(word) }
    }

    var count: Int { table.count }
    var isEmpty: Bool { table.count == 0 }

    /// The two filter bits of a hash: taken from the top of a remixed hash, so that they do
    /// not follow the low bits the slot index comes from.
    @inline(__always)
    static func bloomBits(_ h: UInt64, shift: UInt64) -> (Int, Int) {
        let mixed = h &* 0x9E37_79B9_7F4A_7C15
        let bits = 64 - shift  // log2 of the filter's size in bits
        return (Int(truncatingIfNeeded: mixed >> shift), Int(truncatingIfNeeded: (mixed >> (shift - bits)) & ((1 << bits) - 1)))
    }

    private static func emptyBloom(slots: Int) -> ([UInt64], UInt64) {
        let bits = slots * 4
        return (Array(repeating: 0, count: bits / 64), UInt64(64 - bits.trailingZeroBitCount))
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
                body(Probe(table: table, bloom: bloom, bloomShift: bloomShift, count: count))
            }
        }
    }

    /// A borrowed, read-only view of a set, valid inside `withProbe`.
    struct Probe {
        fileprivate let table: ByteKeyTable.View
        fileprivate let bloom: UnsafeBufferPointer<UInt64>
        fileprivate let bloomShift: UInt64
        let count: Int

        var isEmpty: Bool { count == 0 }

        @inline(__always)
        func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard count > 0, bytes.count <= ByteKeyTable.maximumKeyLength else { return false }
            let h = ByteKeyTable.hash(bytes)
            let (b1, b2) = ByteStringSet.bloomBits(h, shift: bloomShift)
            guard bloom[b1 >> 6] & (1 << UInt64(b1 & 63)) != 0, bloom[b2 >> 6] & (1 << UInt64(b2 & 63)) != 0 else { return false }
            return table.find(bytes, hash: h) != nil
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
            (bloom, bloomShift) = Self.emptyBloom(slots: table.slotCount)
            for h in table.hashes() { setBloomBits(h) }
        }
        table.insertNew(bytes, hash: h)
        setBloomBits(h)
    }

    private mutating func setBloomBits(_ h: UInt64) {
        let (b1, b2) = Self.bloomBits(h, shift: bloomShift)
        bloom[b1 >> 6] |= 1 << UInt64(b1 & 63)
        bloom[b2 >> 6] |= 1 << UInt64(b2 & 63)
    }
}
