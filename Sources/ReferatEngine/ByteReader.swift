/// Reads what `ByteWriter` wrote, checking every read against the end of its range: damaged
/// or hostile bytes give a `FormatError`, never a crash.
///
/// Reads straight from a segment's memory (`SegmentBytes`, which it keeps alive): the checks
/// against `end` are what keep every read inside it.
struct ByteReader {
    private let storage: SegmentBytes
    private let bytes: UnsafePointer<UInt8>
    var offset: Int
    let end: Int

    init(_ storage: SegmentBytes, from start: Int = 0, to end: Int? = nil) throws(FormatError) {
        let end = end ?? storage.count
        guard start >= 0, start <= end, end <= storage.count else { throw FormatError(message: "range \(start)..<\(end) outside the file") }
        self.storage = storage
        bytes = storage.base
        offset = start
        self.end = end
    }

    /// Reads a copy of `bytes` (a manifest's, small).
    init(_ bytes: [UInt8]) throws(FormatError) {
        try self.init(SegmentBytes(copying: bytes))
    }

    var isAtEnd: Bool { offset >= end }

    mutating func u8() throws(FormatError) -> UInt8 {
        guard offset < end else { throw FormatError(message: "unexpected end at byte \(offset)") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func u32() throws(FormatError) -> UInt32 {
        guard end - offset >= 4 else { throw FormatError(message: "unexpected end at byte \(offset)") }
        var v: UInt32 = 0
        for k in 0..<4 { v |= UInt32(bytes[offset + k]) << UInt32(8 * k) }
        offset += 4
        return v
    }

    mutating func u64() throws(FormatError) -> UInt64 {
        guard end - offset >= 8 else { throw FormatError(message: "unexpected end at byte \(offset)") }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[offset + k]) << UInt64(8 * k) }
        offset += 8
        return v
    }

    mutating func varint() throws(FormatError) -> UInt64 {
        var v: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 7) {
            let b = try u8()
            v |= UInt64(b & 0x7F) << UInt64(shift)
            if b < 0x80 { return v }
        }
        throw FormatError(message: "variable-length integer too long at byte \(offset)")
    }

    /// A variable-length integer that must be at most `limit`.
    mutating func count(atMost limit: Int) throws(FormatError) -> Int {
        let v = try varint()
        guard v <= UInt64(limit) else { throw FormatError(message: "value \(v) above \(limit) at byte \(offset)") }
        return Int(v)
    }

    /// The next `n` bytes, valid while the segment's bytes are (use them before the reader
    /// goes, or copy them).
    mutating func bytes(_ n: Int) throws(FormatError) -> UnsafeBufferPointer<UInt8> {
        guard n >= 0, end - offset >= n else { throw FormatError(message: "unexpected end at byte \(offset)") }
        defer { offset += n }
        return UnsafeBufferPointer(start: bytes + offset, count: n)
    }

    /// `n` values written by `ByteWriter.packed` (at least `minimumWidth` bits each).
    mutating func packed(_ n: Int, into out: inout [UInt32], minimumWidth: Int = 0) throws(FormatError) {
        let width = Int(try u8())
        guard width <= 32, width >= minimumWidth else { throw FormatError(message: "bit width \(width) at byte \(offset)") }
        if out.count != n { out = [UInt32](repeating: 0, count: n) }
        guard width > 0 else {
            out.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            return
        }
        let byteCount = (n * width + 7) / 8
        guard end - offset >= byteCount else { throw FormatError(message: "unexpected end at byte \(offset)") }
        let mask: UInt64 = width == 32 ? 0xFFFF_FFFF : (1 << UInt64(width)) - 1
        var acc: UInt64 = 0
        var filled = 0
        // Every byte read lies in offset..<offset + byteCount, checked above.
        let source = bytes + offset
        var i = 0
        out.withUnsafeMutableBufferPointer { values in
            for k in 0..<n {
                while filled < width {
                    acc |= UInt64(source[i]) << UInt64(filled)
                    i += 1
                    filled += 8
                }
                values[k] = UInt32(acc & mask)
                acc >>= UInt64(width)
                filled -= width
            }
        }
        offset += byteCount
    }
}
