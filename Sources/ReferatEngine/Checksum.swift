import CChecksum

/// CRC-32C (Castagnoli), the checksum every engine file ends with.
///
/// Catches any burst of flipped bits up to 32 long and all but one in four billion other
/// damage; it is computed over the whole file when it is opened, so a segment is never read
/// from damaged bytes. The processor's CRC instruction makes that cheap (`CChecksum`).
enum Checksum {
    static func crc32c(_ bytes: [UInt8]) -> UInt32 { crc32c(bytes[...]) }

    static func crc32c(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBufferPointer { b in referat_crc32c(0, b.baseAddress, b.count) }
    }
}
