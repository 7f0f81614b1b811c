/// A read-mostly set of UTF-8 strings that answers `contains` for a byte slice without
/// making a `String`.
///
/// Decompounding asks the lexicon about every cut of every long word: "specialundervisning"
/// alone is some forty lookups, and nearly all of them are misses. A `Set<String>` needs a
/// `String` per question and hashes it with SipHash after Unicode normalisation; this set
/// hashes the raw bytes (FNV-1a) and compares them in place. Words are stored once, end to
/// end, in one byte arena; the table holds offsets (open addressing, linear probing).
///
/// The table of the 313,000-word list is 8 MB, so each probe is a trip to main memory. A
/// Bloom filter of two bits per word in a bit array a sixteenth that size (512 KB, which stays
/// in the processor's cache) turns away about 98 % of the misses before the table is touched.
struct ByteStringSet: Sendable {
    fileprivate struct Slot: Sendable {
        var offset: UInt32 = 0
        var length: UInt16 = 0
        /// High bits of the hash; 0 marks an empty slot.
        var tag: UInt16 = 0
    }

    private var arena: [UInt8] = []
    private var slots: [Slot]
    private var mask: Int
    /// The Bloom filter: four bits per slot, two set per word.
    private var bloom: [UInt64]
    private var bloomShift: UInt64
    public private(set) var count = 0

    init(minimumCapacity: Int = 16) {
        var size = 16
        while size < minimumCapacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(), count: size)
        mask = size - 1
        (bloom, bloomShift) = Self.emptyBloom(slots: size)
    }

    init(_ words: some Sequence<String>) {
        self.init()
        for word in words { insert(word) }
    }

    var isEmpty: Bool { count == 0 }

    /// FNV-1a over the bytes: words are short, and it needs no setup. Shared with the
    /// analyzer's word cache, which keys its table the same way.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// High bits of a hash kept in a slot, so that most mismatches need no byte comparison;
    /// never 0, which marks an empty slot.
    @inline(__always)
    static func tag(_ h: UInt64) -> UInt16 { UInt16(truncatingIfNeeded: h >> 48) | 1 }

    /// The two filter bits of a hash: taken from the top of a remixed hash, so that they do
    /// not follow the low bits the slot index comes from.
    @inline(__always)
    fileprivate static func bloomBits(_ h: UInt64, shift: UInt64) -> (Int, Int) {
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
        arena.withUnsafeBufferPointer { arena in
            slots.withUnsafeBufferPointer { slots in
                bloom.withUnsafeBufferPointer { bloom in
                    body(Probe(arena: arena, slots: slots, bloom: bloom, bloomShift: bloomShift, mask: mask, count: count))
                }
            }
        }
    }

    /// A borrowed, read-only view of a set, valid inside `withProbe`.
    struct Probe {
        fileprivate let arena: UnsafeBufferPointer<UInt8>
        fileprivate let slots: UnsafeBufferPointer<Slot>
        fileprivate let bloom: UnsafeBufferPointer<UInt64>
        fileprivate let bloomShift: UInt64
        fileprivate let mask: Int
        let count: Int

        var isEmpty: Bool { count == 0 }

        @inline(__always)
        func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard count > 0, bytes.count <= Int(UInt16.max) else { return false }
            let h = ByteStringSet.hash(bytes)
            let (b1, b2) = ByteStringSet.bloomBits(h, shift: bloomShift)
            guard bloom[b1 >> 6] & (1 << UInt64(b1 & 63)) != 0, bloom[b2 >> 6] & (1 << UInt64(b2 & 63)) != 0 else { return false }
            let tag = ByteStringSet.tag(h)
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let slot = slots[i]
                if slot.tag == 0 { return false }
                if slot.tag == tag, Int(slot.length) == bytes.count,
                   memcmpEqual(arena.baseAddress! + Int(slot.offset), bytes.baseAddress!, bytes.count) {
                    return true
                }
                i = (i + 1) & mask
            }
        }
    }

    mutating func insert(_ word: String) {
        var copy = word
        copy.withUTF8 { insert($0) }
    }

    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty, bytes.count <= Int(UInt16.max), !contains(bytes) else { return }
        if (count + 1) * 2 > slots.count { grow() }
        let h = Self.hash(bytes)
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i].tag != 0 { i = (i + 1) & mask }
        slots[i] = Slot(offset: UInt32(arena.count), length: UInt16(bytes.count), tag: Self.tag(h))
        setBloomBits(h)
        arena.append(contentsOf: bytes)
        count += 1
    }

    private mutating func setBloomBits(_ h: UInt64) {
        let (b1, b2) = Self.bloomBits(h, shift: bloomShift)
        bloom[b1 >> 6] |= 1 << UInt64(b1 & 63)
        bloom[b2 >> 6] |= 1 << UInt64(b2 & 63)
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        mask = slots.count - 1
        (bloom, bloomShift) = Self.emptyBloom(slots: slots.count)
        var hashes: [UInt64] = []
        hashes.reserveCapacity(count)
        arena.withUnsafeBufferPointer { arena in
            for slot in old where slot.tag != 0 {
                let h = Self.hash(UnsafeBufferPointer(rebasing: arena[Int(slot.offset)..<Int(slot.offset) + Int(slot.length)]))
                var i = Int(truncatingIfNeeded: h) & mask
                while slots[i].tag != 0 { i = (i + 1) & mask }
                slots[i] = slot
                hashes.append(h)
            }
        }
        for h in hashes { setBloomBits(h) }
    }
}

@inline(__always)
private func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    for i in 0..<n where a[i] != b[i] { return false }
    return true
}
