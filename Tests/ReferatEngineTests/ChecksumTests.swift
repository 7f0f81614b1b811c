@testable import ReferatEngine
import ReferatTestSupport
import Testing

/// The checksum is CRC-32C: the standard check value, and the same value as the bitwise
/// definition on buffers of every length around the 8-byte steps the processor's instruction
/// takes, so files written on one machine verify on another.
@Suite struct ChecksumTests {
    /// CRC-32C bit by bit, as the definition says.
    static func reference(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? 0x82F6_3B78 ^ (crc >> 1) : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }

    @Test func standardCheckValue() {
        #expect(Checksum.crc32c(Array("123456789".utf8)) == 0xE306_9283)
        #expect(Checksum.crc32c([]) == 0)
    }

    @Test(arguments: [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1000, 4099])
    func agreesWithTheDefinition(length: Int) {
        var rng = SeededGenerator(state: UInt64(length) + 1)
        let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
        #expect(Checksum.crc32c(bytes) == Self.reference(bytes))
        // A slice that does not start at the array's start.
        if length > 3 { #expect(Checksum.crc32c(bytes[3...]) == Self.reference(Array(bytes[3...]))) }
    }
}
