/// A read-mostly set of UTF-8 strings that answers `contains` for a byte slice without
/// making a `String`.
///
/// Decompounding asks the lexicon about every cut of every long word: "specialundervisning"
/// alone is some forty lookups. A `Set<String>` needs a `String` per question and hashes it
/// with SipHash after Unicode normalisation; this set hashes the raw bytes (FNV-1a) and
/// compares them in place, which is what the hot path needs. Words are stored once, end to
/// end, in one byte arena; the table holds offsets (open addressing, linear probing).
struct ByteStringSet: Sendable {
    private struct Slot: Sendable {
        var offset: UInt32 = 0
        var length: UInt16 = 0
        /// High bits of the hash; 0 marks an empty slot.
        var tag: UInt16 = 0
    }

    private var arena: [UInt8] = []
    private var slots: [Slot]
    private var mask: Int
    public private(set) var count = 0

    init(minimumCapacity: Int = 16) {
        var size = 16
        while size < minimumCapacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(), count: size)
        mask = size - 1
    }

    init(_ words: some Sequence<String>) {
        self.init()
        for word in words { insert(word) }
    }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    @inline(__always)
    private static func tag(_ h: UInt64) -> UInt16 { UInt16(truncatingIfNeeded: h >> 48) | 1 }

    func contains(_ word: String) -> Bool {
        var copy = word
        return copy.withUTF8 { contains($0) }
    }

    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count > 0, bytes.count <= Int(UInt16.max) else { return false }
        let h = Self.hash(bytes)
        let tag = Self.tag(h)
        var i = Int(truncatingIfNeeded: h) & mask
        return arena.withUnsafeBufferPointer { arena in
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
        arena.append(contentsOf: bytes)
        count += 1
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        mask = slots.count - 1
        arena.withUnsafeBufferPointer { arena in
            for slot in old where slot.tag != 0 {
                let h = Self.hash(UnsafeBufferPointer(rebasing: arena[Int(slot.offset)..<Int(slot.offset) + Int(slot.length)]))
                var i = Int(truncatingIfNeeded: h) & mask
                while slots[i].tag != 0 { i = (i + 1) & mask }
                slots[i] = slot
            }
        }
    }
}

@inline(__always)
private func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    for i in 0..<n where a[i] != b[i] { return false }
    return true
}
