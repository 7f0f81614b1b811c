/// Appends little-endian integers, variable-length integers and bit-packed runs to a buffer.
struct ByteWriter {
    var bytes: [UInt8] = []

    var count: Int { bytes.count }

    mutating func u8(_ v: UInt8) { bytes.append(v) }

    mutating func u32(_ v: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt32(shift))) }
    }

    mutating func u64(_ v: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
    }

    /// Seven bits a byte, low first; the high bit says another byte follows.
    mutating func varint(_ v: UInt64) {
        var v = v
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func varint(_ v: Int) { varint(UInt64(v)) }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    /// The number of bits the largest value needs (at least `minimumWidth`), then the values
    /// at that width, low bits first: `BitPacking.width(of:)` bits each, padded to a whole byte.
    mutating func packed(_ values: some Collection<UInt32>, minimumWidth: Int = 0) {
        let width = max(minimumWidth, BitPacking.width(of: values))
        bytes.append(UInt8(width))
        guard width > 0 else { return }
        var acc: UInt64 = 0
        var filled = 0
        for v in values {
            acc |= UInt64(v) << UInt64(filled)
            filled += width
            while filled >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: acc))
                acc >>= 8
                filled -= 8
            }
        }
        if filled > 0 { bytes.append(UInt8(truncatingIfNeeded: acc)) }
    }
}

enum BitPacking {
    static func width(of values: some Collection<UInt32>) -> Int {
        let all = values.reduce(UInt32(0)) { $0 | $1 }
        return all == 0 ? 0 : 32 - all.leadingZeroBitCount
    }
}
