/// The layout of a segment file, written by `SegmentWriter` and read by `SegmentReader`.
///
///     header     "RFSEG" 0 0 version                  8 bytes
///     documents  count; per document its external id and each field's length (varints)
///     postings   per term: its skip table, then its blocks of `blockSize` documents; a term
///                of one block is that block alone (its bounds are worked out from it)
///     positions  per term and block: per document and field, the positions (the first, then
///                the gaps), all bit-packed in chunks of `positionChunk` values
///     dictionary the number of terms (u32); per group of `termGroup` terms an anchor: where its
///                first entry starts (u32, from the first entry), where its first term's
///                postings and positions start (u64 each, from their sections' starts); then
///                the entries in byte order: the term, its document frequency and the lengths
///                of its postings and positions (varints; each term's follow the one's before)
///     values     the documents' values by column (`ValueColumns`), read in place
///     footer     the section offsets, the file length, the field count, a CRC-32C of
///                everything before it, "RFSEGEND"
///
/// A block holds the document-id deltas and each field's term frequencies, bit-packed at the
/// width their largest value needs. A skip entry per block (of a term with more than one) holds its last document, its byte
/// lengths and, per field, the largest term frequency, the smallest field length and the
/// largest length-normalised frequency (against the segment's average length, as a Float32
/// rounded up) of its documents, then the block's competitive documents: a count and that
/// many documents' frequency and length per field (varints; no count when there are more than
/// `frontierLimit`, `BlockBounds.frontier`). Enough to bound any document's score in the
/// block without decoding it (block-max pruning).
public enum SegmentFormat {
    /// The format's version, the last byte of `magic`: segments of another version are not
    /// read, and an index whose segments have another is rebuilt from its records.
    public static let version: UInt8 = 7
    static let magic: [UInt8] = Array("RFSEG".utf8) + [0, 0, version]
    /// At most this many competitive documents per block are stored.
    static let frontierLimit = 12
    static let endMagic: [UInt8] = Array("RFSEGEND".utf8)
    /// Terms per dictionary group, and the bytes of a group's anchor. A lookup reads the
    /// entries of a group from its anchor, so a term pays no fixed-width start and no offsets
    /// of its own, which were much of a dictionary of short terms.
    static let termGroup = 16
    static let anchorSize = 4 + 8 + 8
    /// Documents in a postings block.
    static let blockSize = 128

    /// The blocks of a term that `documentFrequency` documents hold (1: no skip table).
    static func blocks(documentFrequency: Int) -> Int { (documentFrequency + blockSize - 1) / blockSize }
    /// Positions bit-packed together at one width (at least one bit, so that a block's
    /// positions can never claim more values than its bytes have bits): varints, seven bits a
    /// byte, gave most positions two bytes (BENCHMARKS.md, "The index's size").
    static let positionChunk = 128
    /// Six u64 offsets (documents, postings, positions, dictionary, values, file length), the
    /// field count (u32), the checksum (u32), the end magic.
    static let footerSize = 6 * 8 + 4 + 4 + 8
    /// More fields than this is not a segment referat wrote.
    static let maxFields = 16
    /// BM25's length normalisation `b`, fixed by the format: each block stores its largest
    /// length-normalised frequencies, which depend on it.
    static let lengthNormalisation = 0.75

    /// A field's length normalisation for BM25: 1 at the average length, more above it.
    @inline(__always)
    static func norm(length: UInt32, average: Double) -> Double {
        average > 0 ? 1 - lengthNormalisation + lengthNormalisation * Double(length) / average : 1
    }
}

/// Where a term's data lies in a segment.
struct TermInfo: Sendable {
    var documentFrequency: Int
    var postings: Range<Int>
    var positions: Range<Int>
}
