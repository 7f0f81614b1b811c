/// An open-addressing hash table of UTF-8 keys that finds a byte slice in place, without
/// making a `String`: the storage under both the lexicon's `ByteStringSet` and the analyzer's
/// `WordFormsCache`.
///
/// Keys are stored once, end to end, in one byte arena; each slot holds a key's place in the
/// arena and a 16-bit tag from the high bits of its hash, so that nearly every mismatch is
/// settled without comparing bytes. Probing is linear and the table is kept at most half full,
/// so a probe sequence is short and touches neighbouring memory. A lookup answers with the
/// key's slot index; a caller that stores values keeps them in an array of its own, indexed
/// by slot (the set stores none), or a 16-bit value in the arena right after each key
/// (`insertNew(_:hash:value:)`), where a lookup that found the key has just read it. Keys are hashed with FNV-1a: words are short, and it needs
/// no setup, where `Hashable` would run SipHash over a normalised `String`.
struct ByteKeyTable: Sendable {
    fileprivate struct Slot: Sendable {
        var offset: UInt32 = 0
        var length: UInt16 = 0
        /// High bits of the hash; 0 marks an empty slot.
        var tag: UInt16 = 0
    }

    private var arena: [UInt8] = []
    private var slots: [Slot]
    /// The arena and slots where they lie in a mapped cache file, for a table read from one
    /// (`init(reading:byteCount:valueBytes:)`); nil for a table in memory. Read-only.
    private var borrowed: Borrowed?
    private(set) var mask: Int
    private(set) var count = 0

    private struct Borrowed: @unchecked Sendable {
        /// Keeps the mapping alive as long as the table.
        let owner: MappedCacheFile
        let arena: UnsafeBufferPointer<UInt8>
        let slots: UnsafeBufferPointer<Slot>
    }

    /// The longest key a slot can describe; longer keys are never stored.
    static let maximumKeyLength = Int(UInt16.max)

    /// A table that holds `minimumCapacity` keys at most half full, and reserves arena bytes
    /// for `expectedKeyBytes` (0: let the arena grow as keys come).
    init(minimumCapacity: Int, expectedKeyBytes: Int = 0) {
        var size = 8
        while size < minimumCapacity * 2 { size <<= 1 }
        slots = LargeArray.make(repeating: Slot(), count: size)
        mask = size - 1
        if expectedKeyBytes > 0 { arena.reserveCapacity(expectedKeyBytes) }
    }

    /// Number of slots: a power of two.
    var slotCount: Int { borrowed?.slots.count ?? slots.count }

    /// True when one more key would make the table more than half full.
    var needsGrowth: Bool { (count + 1) * 2 > slotCount }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = hashSeed
        for b in bytes { h = hash(h, adding: b) }
        return h
    }

    /// The hash of no bytes; `hash(_:adding:)` extends a hash by one byte, so that a caller
    /// can hash the prefixes of a key one after another.
    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func hash(_ h: UInt64, adding byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* 0x100_0000_01b3 }

    /// The slot tag of a hash; never 0, which marks an empty slot.
    @inline(__always)
    static func tag(_ h: UInt64) -> UInt16 { UInt16(truncatingIfNeeded: h >> 48) | 1 }

    /// Runs `body` with a view that reads this table's storage in place: a caller that asks
    /// many questions in a row pays no reference counting per question.
    @inline(__always)
    func withView<R>(_ body: (View) -> R) -> R {
        if let borrowed { return body(View(arena: borrowed.arena, slots: borrowed.slots, mask: mask)) }
        return arena.withUnsafeBufferPointer { arena in
            slots.withUnsafeBufferPointer { slots in
                body(View(arena: arena, slots: slots, mask: mask))
            }
        }
    }

    /// A borrowed, read-only view of a table, valid inside `withView`.
    struct View {
        fileprivate let arena: UnsafeBufferPointer<UInt8>
        fileprivate let slots: UnsafeBufferPointer<Slot>
        fileprivate let mask: Int

        /// The slot holding `bytes`, whose hash is `h`, or nil.
        @inline(__always)
        func find(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int? {
            let tag = ByteKeyTable.tag(h)
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let slot = slots[i]
                if slot.tag == 0 { return nil }
                if slot.tag == tag, Int(slot.length) == bytes.count,
                   bytes.isEmpty || memcmpEqual(arena.baseAddress! + Int(slot.offset), bytes.baseAddress!, bytes.count) {
                    return i
                }
                i = (i + 1) & mask
            }
        }

        /// The value kept after the key in `slot` (`insertNew(_:hash:value:)`).
        @inline(__always)
        func value(at slot: Int) -> UInt16 {
            let s = slots[slot]
            let raw = UnsafeRawPointer(arena.baseAddress! + Int(s.offset) + Int(s.length))
            return UInt16(littleEndian: raw.loadUnaligned(as: UInt16.self))
        }

        /// The value kept after `bytes`, whose hash is `h`, or nil when the table does not hold them.
        @inline(__always)
        func value(of bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> UInt16? {
            find(bytes, hash: h).map { value(at: $0) }
        }
    }

    /// The slot holding `bytes`, whose hash is `h`, or nil.
    @inline(__always)
    func find(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int? {
        guard count > 0 else { return nil }
        return withView { $0.find(bytes, hash: h) }
    }

    /// Stores a key the table does not hold and returns its slot. The caller keeps the table at
    /// most half full (`needsGrowth`, `grow`) and the key at most `maximumKeyLength` bytes.
    @discardableResult
    mutating func insertNew(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int {
        precondition(borrowed == nil && bytes.count <= Self.maximumKeyLength && count * 2 < slots.count)
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i].tag != 0 { i = (i + 1) & mask }
        slots[i] = Slot(offset: UInt32(arena.count), length: UInt16(bytes.count), tag: Self.tag(h))
        arena.append(contentsOf: bytes)
        count += 1
        return i
    }

    /// Stores a key the table does not hold, with `value` right after it in the arena, and
    /// returns its slot. A table keeps a value after every key or after none.
    @discardableResult
    mutating func insertNew(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64, value: UInt16) -> Int {
        let slot = insertNew(bytes, hash: h)
        withUnsafeBytes(of: value.littleEndian) { arena.append(contentsOf: $0) }
        return slot
    }

    /// The value kept after the key in `slot` (`insertNew(_:hash:value:)`).
    func value(at slot: Int) -> UInt16 { withView { $0.value(at: slot) } }

    /// Replaces the value kept after the key in `slot`.
    mutating func setValue(_ value: UInt16, at slot: Int) {
        precondition(borrowed == nil)
        let at = Int(slots[slot].offset) + Int(slots[slot].length)
        arena[at] = UInt8(truncatingIfNeeded: value)
        arena[at + 1] = UInt8(truncatingIfNeeded: value >> 8)
    }

    /// Doubles the slots and re-places every key. Slot indices change, so only a table whose
    /// caller keeps no values by slot may grow (values in the arena stay with their keys).
    mutating func grow() {
        precondition(borrowed == nil)
        let old = slots
        slots = LargeArray.make(repeating: Slot(), count: old.count * 2)
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

    /// The hash of every key, in slot order.
    func hashes() -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(count)
        forEachKey { key, _ in out.append(Self.hash(key)) }
        return out
    }
}

/// Byte equality of two ranges of `n` bytes: a loop the compiler inlines, for keys that are a
/// few bytes long.
@inline(__always)
private func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    for i in 0..<n where a[i] != b[i] { return false }
    return true
}

extension ByteKeyTable {
    /// Calls `body` with every key and its slot.
    func forEachKey(_ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        withView { view in
            for (i, slot) in view.slots.enumerated() where slot.tag != 0 {
                body(UnsafeBufferPointer(rebasing: view.arena[Int(slot.offset)..<Int(slot.offset) + Int(slot.length)]), i)
            }
        }
    }
}

extension ByteKeyTable {
    /// The table's storage as bytes (`CompoundFormsCache`): slots, then the arena. The host's
    /// byte order; the cache is per machine.
    func serialized() -> [UInt8] {
        var out: [UInt8] = []
        withView { view in
            [UInt64(view.slots.count), UInt64(count), UInt64(view.arena.count)].withUnsafeBytes { out += $0 }
            out += UnsafeRawBufferPointer(view.slots)
            out += view.arena
        }
        return out
    }

    /// A table from `serialized()`; nil when the bytes do not describe one consistently.
    /// `valueBytes`: the bytes kept after each key (2 with `insertNew(_:hash:value:)`).
    init?(serialized bytes: ArraySlice<UInt8>, valueBytes: Int = 0) {
        var reader = CacheReader(bytes: Array(bytes), size: bytes.count)
        self.init(reading: &reader, byteCount: bytes.count, valueBytes: valueBytes)
    }

    /// The same, the next `byteCount` bytes of `reader`, each read straight into the table.
    init?(reading reader: inout CacheReader, byteCount: Int, valueBytes: Int = 0) {
        let slotSize = MemoryLayout<Slot>.stride
        guard byteCount >= 24, let header = reader.words(3) else { return nil }
        let slotCount = Int(clamping: header[0]), count = Int(clamping: header[1]), arenaCount = Int(clamping: header[2])
        guard slotCount > 0, slotCount & (slotCount - 1) == 0, count * 2 <= slotCount, slotCount <= Int(UInt32.max),
              byteCount == 24 + slotCount * slotSize + arenaCount else { return nil }
        mask = slotCount - 1
        self.count = count
        if let slotRun = reader.borrow(slotCount * slotSize) {
            // A mapped file: slots and arena stay where they lie. The slots start at a multiple
            // of eight bytes into the file (headers of whole words), so they are aligned.
            guard Int(bitPattern: slotRun.bytes.baseAddress) % MemoryLayout<Slot>.alignment == 0,
                  let arenaRun = reader.borrow(arenaCount) else { return nil }
            var used: Int? = 0
            // Checked a piece at a time, each let go after (`MappedCacheFile.visit`); the piece
            // is a multiple of a slot's size, so each piece holds whole slots.
            slotRun.owner.visit(slotRun.bytes, piece: slotSize << 17) { piece in
                guard let sum = used, let more = Self.usedSlots(piece.bindMemory(to: Slot.self), arenaCount: arenaCount, valueBytes: valueBytes) else { return used = nil }
                used = sum + more
            }
            guard used == count else { return nil }
            let slots = slotRun.bytes.bindMemory(to: Slot.self), arena = arenaRun.bytes.bindMemory(to: UInt8.self)
            borrowed = Borrowed(owner: slotRun.owner, arena: arena, slots: slots)
            self.slots = []
            return
        }
        var complete = true
        let slots: [Slot] = LargeArray.make(count: slotCount) { target in
            complete = reader.read(into: UnsafeMutableRawBufferPointer(target))
            if !complete { target.initialize(repeating: Slot()) }
        }
        guard complete else { return nil }
        let arena: [UInt8] = LargeArray.make(count: arenaCount) { target in
            complete = reader.read(into: UnsafeMutableRawBufferPointer(target))
            if !complete { target.initialize(repeating: 0) }
        }
        // The count must be the slots in use: a lookup's probe ends at an empty slot.
        guard complete, slots.withUnsafeBufferPointer({ Self.usedSlots($0, arenaCount: arenaCount, valueBytes: valueBytes) }) == count else { return nil }
        self.arena = arena
        self.slots = slots
    }

    /// The number of `slots` in use, when every key and its value lie inside the arena; else nil.
    private static func usedSlots(_ slots: UnsafeBufferPointer<Slot>, arenaCount: Int, valueBytes: Int) -> Int? {
        var used = 0
        for slot in slots where slot.tag != 0 {
            guard Int(slot.offset) + Int(slot.length) + valueBytes <= arenaCount else { return nil }
            used += 1
        }
        return used
    }
}
