/// CRC-32C (Castagnoli), the checksum every engine file ends with.
///
/// Catches any burst of flipped bits up to 32 long and all but one in four billion other
/// damage; it is computed over the whole file when it is opened, so a segment is never read
/// from damaged bytes.
enum Checksum {
    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0x82F6_3B78 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32c(_ bytes: [UInt8]) -> UInt32 { crc32c(bytes[...]) }

    static func crc32c(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { t in
            bytes.withUnsafeBufferPointer { b in
                for byte in b { crc = t[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
            }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
