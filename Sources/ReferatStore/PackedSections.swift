import CZlib
import CZstdPacking
import ReferatRecords

/// A case's body sections, compressed into one blob (`"case".sectionData`).
///
/// Section text is most of what a minutes file says, and SQLite stores text as is: kept in
/// plain rows it made up half of the index. Compressing each case's sections together lets
/// the compressor find the repetition between them (headings, boilerplate, names), about 2× on
/// generated and real minutes. The search index never needs the blob: a rebuild reads the
/// text through the view `entry_content`, which calls `referat_sections` (registered on every
/// connection) to inflate it; `show` and snippets inflate one case at a time.
///
/// Layout: a format byte, the payload's length as a varint, then the compressed payload: in
/// zstd's format with the index's dictionary (format 3, `PackingDictionary`), without one
/// (format 2, before the index has a dictionary), or zlib's (format 1, written by older
/// versions; read still, so an older index needs no migration). The payload is, per section, the heading's
/// and then the text's UTF-8 bytes, each preceded by its length as a varint, so any text
/// round-trips, control characters included.
enum PackedSections {
    static let zlibFormat: UInt8 = 1
    static let zstdFormat: UInt8 = 2
    static let dictionaryFormat: UInt8 = 3

    /// zstd's default level. Against zlib at its default level (format 1), importing the
    /// 100 MB benchmark corpus took about 3 s less CPU (30-31 s against 27-28 s) for an index
    /// 0.8 % larger; zstd level 6 made it as small as zlib did, for 1 s of that CPU back.
    static let level: Int32 = 3

    struct Damaged: Error, CustomStringConvertible {
        var description: String { "damaged section text in the index; move the index aside and import again" }
    }

    /// The blob for these sections, or nil when there are none (the view then gives no body):
    /// compressed with the index's dictionary when it has one (format 3). `format` is for
    /// tests that need a blob as an older index stored it.
    static func pack(_ sections: [Section], dictionary: PackingDictionary?, format: UInt8 = zstdFormat) -> [UInt8]? {
        guard !sections.isEmpty else { return nil }
        var payload: [UInt8] = []
        payload.reserveCapacity(sections.reduce(0) { $0 + $1.heading.utf8.count + $1.text.utf8.count + 8 })
        for s in sections {
            appendVarint(UInt64(s.heading.utf8.count), to: &payload)
            payload.append(contentsOf: s.heading.utf8)
            appendVarint(UInt64(s.text.utf8.count), to: &payload)
            payload.append(contentsOf: s.text.utf8)
        }
        return pack(payload: payload, dictionary: dictionary, format: format)
    }

    /// The blob for a payload (`pack`'s layout), with `dictionary` (format 3) or in `format`.
    static func pack(payload: [UInt8], dictionary: PackingDictionary?, format: UInt8 = zstdFormat) -> [UInt8] {
        let format = dictionary == nil ? format : dictionaryFormat
        var blob: [UInt8] = [format]
        appendVarint(UInt64(payload.count), to: &blob)
        let header = blob.count
        let capacity = format == zlibFormat ? Int(compressBound(uLong(payload.count))) : referat_zstd_bound(payload.count)
        blob.append(contentsOf: repeatElement(0, count: capacity))
        let packed = blob.withUnsafeMutableBufferPointer { out in
            payload.withUnsafeBufferPointer { input -> Int in
                if let dictionary { return dictionary.compress(input, into: out.baseAddress! + header, capacity: capacity) }
                if format == zlibFormat {
                    var size = uLong(capacity)
                    return compress2(out.baseAddress! + header, &size, input.baseAddress, uLong(input.count), Z_DEFAULT_COMPRESSION) == Z_OK ? Int(size) : 0
                }
                return referat_zstd_compress(out.baseAddress! + header, capacity, input.baseAddress, input.count, level)
            }
        }
        // Compression fails only for lack of memory (the bound rules out a too small buffer),
        // and without memory the process is lost anyway.
        precondition(packed > 0, "compressing section text failed")
        // A copy of the right size: the buffer was sized for incompressible text, and it waits
        // for the writer with the rest of the document.
        return Array(blob[..<(header + packed)])
    }

    /// The format byte of a blob, 0 for none.
    static func format(of blob: [UInt8]) -> UInt8 { blob.first ?? 0 }

    /// The sections back from a blob made by `pack`.
    static func unpack(_ blob: [UInt8], dictionaries: Dictionaries) throws(Damaged) -> [Section] {
        var sections: [Section] = []
        try forEachSection(blob, dictionaries) { heading, text in
            sections.append(Section(heading: String(decoding: heading, as: UTF8.self), text: String(decoding: text, as: UTF8.self)))
        }
        return sections
    }

    /// The body text the search index sees: each section's heading and text, one per line.
    /// Must equal what `EntryText.columns(of:)` builds from the parsed sections.
    static func bodyText(_ blob: [UInt8], dictionaries: Dictionaries) throws(Damaged) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(blob.count * 3)
        var first = true
        try forEachSection(blob, dictionaries) { heading, text in
            if !first { out.append(0x0A) }
            first = false
            out.append(contentsOf: heading)
            out.append(0x0A)
            out.append(contentsOf: text)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Inflates the payload and calls `body` with each section's heading and text bytes.
    private static func forEachSection(_ blob: [UInt8], _ dictionaries: Dictionaries, _ body: (ArraySlice<UInt8>, ArraySlice<UInt8>) -> Void) throws(Damaged) {
        let payload = try payload(of: blob, dictionaries)
        var p = 0
        while p < payload.count {
            guard let h = readVarint(payload, at: &p), h <= payload.count - p else { throw Damaged() }
            let heading = payload[p..<p + Int(h)]
            p += Int(h)
            guard let t = readVarint(payload, at: &p), t <= payload.count - p else { throw Damaged() }
            let text = payload[p..<p + Int(t)]
            p += Int(t)
            body(heading, text)
        }
    }

    /// The payload a blob holds, inflated (the layout `pack` describes).
    static func payload(of blob: [UInt8], _ dictionaries: Dictionaries) throws(Damaged) -> [UInt8] {
        var at = 1
        guard let format = blob.first, let length = readVarint(blob, at: &at), length < 1 << 32 else { throw Damaged() }
        var dictionary: PackingDictionary?
        if format == dictionaryFormat {
            let id = blob.withUnsafeBufferPointer { referat_zstd_frame_dictionary_id($0.baseAddress! + at, $0.count - at) }
            guard id != 0, let named = dictionaries(id) else { throw Damaged() }
            dictionary = named
        }
        var payload = [UInt8](repeating: 0, count: Int(length))
        let complete = payload.withUnsafeMutableBufferPointer { out in
            blob.withUnsafeBufferPointer { input in
                let frame = UnsafeBufferPointer(rebasing: input[at...])
                switch format {
                case dictionaryFormat:
                    return dictionary!.decompress(frame, into: out)
                case zstdFormat:
                    return referat_zstd_decompress(out.baseAddress, Int(length), frame.baseAddress, frame.count) == 1
                case zlibFormat:
                    var produced = uLong(length)
                    return uncompress(out.baseAddress, &produced, frame.baseAddress, uLong(frame.count)) == Z_OK && produced == uLong(length)
                default:
                    return false
                }
            }
        }
        guard complete else { throw Damaged() }
        return payload
    }

    private static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    private static func readVarint(_ bytes: [UInt8], at p: inout Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while p < bytes.count, shift < 64 {
            let b = bytes[p]
            p += 1
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
        return nil
    }
}
