import Foundation

/// Writes a segment file section by section as its parts are made (`SegmentFormat`), so that
/// neither the segment writer nor a merge holds a whole segment: documents first, then each
/// term's postings in byte order (their positions go to a scratch file and are copied in
/// after the last term), then the dictionary, the documents' values by column (gathered as
/// the documents came) and the footer.
///
///     let file = try SegmentFileWriter(path: path, fieldCount: 3, documentCount: 2)
///     try file.document(id: 7, lengths: [1, 0, 4], values: values)   // each document
///     var encoder = file.encoder()                  // after the last document
///     try encoder.add(document: 0, lengths: …, frequencies: …, positions: …, positionsOut: file.appendPositions)
///     try file.finishTerm(term, encoder: &encoder)  // each term, in byte order
///     try file.finish()                             // positions, dictionary, footer; synced
final class SegmentFileWriter {
    let fieldCount: Int
    private let out: SegmentOutput
    private let positions: SegmentOutput
    private var dictionary = ByteWriter()
    /// Each group's anchor (`SegmentFormat.termGroup`).
    private var anchors = ByteWriter()
    private var values = ValueColumns.Writer()
    private var termCount = 0
    private var lastTerm: [UInt8]?
    private var documentsLeft: Int
    private var lengthTotals: [Double]
    private let documentCount: Int
    private var postingsBytes = 0
    private var postingsStart = 0
    private var termPositionsStart = 0

    /// A writer to the file at `path`.
    init(path: String, fieldCount: Int, documentCount: Int) throws(EngineError) {
        out = try SegmentOutput(creating: path)
        positions = try SegmentOutput(scratchIn: (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent, for: path)
        self.fieldCount = fieldCount
        self.documentCount = documentCount
        documentsLeft = documentCount
        lengthTotals = Array(repeating: 0, count: fieldCount)
        try start()
    }

    /// A writer to memory (`bytes` once finished).
    init(memoryFieldCount fieldCount: Int, documentCount: Int) throws(EngineError) {
        out = SegmentOutput()
        positions = SegmentOutput()
        self.fieldCount = fieldCount
        self.documentCount = documentCount
        documentsLeft = documentCount
        lengthTotals = Array(repeating: 0, count: fieldCount)
        try start()
    }

    private func start() throws(EngineError) {
        var header = ByteWriter()
        header.append(SegmentFormat.magic)
        header.varint(documentCount)
        try out.append(header.bytes)
        postingsStart = out.count
    }

    /// Adds the next document: its external id, each field's length and its values.
    func document(id: UInt64, lengths: some Collection<UInt32>, values: DocumentValues) throws(EngineError) {
        precondition(documentsLeft > 0 && lengths.count == fieldCount)
        documentsLeft -= 1
        var entry = ByteWriter()
        entry.varint(id)
        for (f, length) in lengths.enumerated() {
            entry.varint(UInt64(length))
            lengthTotals[f] += Double(length)
        }
        self.values.add(values)
        try out.append(entry.bytes)
        if documentsLeft == 0 { postingsStart = out.count }
    }

    /// Each field's average length over the documents, known once they are all added.
    var averages: [Double] {
        precondition(documentsLeft == 0)
        return lengthTotals.map { documentCount == 0 ? 0 : $0 / Double(documentCount) }
    }

    /// An encoder for the next term's postings, whose positions go to this file.
    func encoder() -> PostingsEncoder { PostingsEncoder(fieldCount: fieldCount, averages: averages) }

    /// Appends positions a full block of `encoder` made (its `positionsOut`).
    func appendPositions(_ bytes: [UInt8]) throws(EngineError) { try positions.append(bytes) }

    /// Ends the term `term` (after every term before it in byte order) fed to `encoder`.
    /// A term without documents is left out.
    func finishTerm(_ term: some Collection<UInt8>, encoder: inout PostingsEncoder) throws(EngineError) {
        precondition(documentsLeft == 0)
        let documents = encoder.documentCount
        // Where the term's positions began: where the last term's ended (its full blocks
        // were handed over as they filled).
        let positionsBefore = termPositionsStart
        let postings = try encoder.finish(positionsOut: appendPositions)
        termPositionsStart = positions.count
        guard documents > 0 else { return }
        let bytes = Array(term)
        if let lastTerm { precondition(lastTerm.lexicographicallyPrecedes(bytes), "terms in byte order") }
        lastTerm = bytes
        precondition(dictionary.count <= Int(UInt32.max), "a dictionary of more than 4 GiB")
        if termCount % SegmentFormat.termGroup == 0 {
            anchors.u32(UInt32(dictionary.count))
            anchors.u64(UInt64(postingsBytes))
            anchors.u64(UInt64(positionsBefore))
        }
        dictionary.varint(bytes.count)
        dictionary.append(bytes)
        dictionary.varint(documents)
        dictionary.varint(postings.count)
        dictionary.varint(positions.count - positionsBefore)
        termCount += 1
        postingsBytes += postings.count
        try out.append(postings)
    }

    /// Writes the positions, the dictionary, the values and the footer, and syncs the file.
    func finish() throws(EngineError) {
        precondition(documentsLeft == 0)
        let positionsStart = out.count
        try out.append(contentsOf: positions)
        let dictionaryStart = out.count
        var count = ByteWriter()
        count.u32(UInt32(termCount))
        try out.append(count.bytes)
        try out.append(anchors.bytes)
        try out.append(dictionary.bytes)
        dictionary = ByteWriter()
        anchors = ByteWriter()
        let valuesStart = out.count
        try out.append(values.encoded)
        values = ValueColumns.Writer()
        var footer = ByteWriter()
        for offset in [SegmentFormat.magic.count, postingsStart, positionsStart, dictionaryStart, valuesStart] { footer.u64(UInt64(offset)) }
        footer.u64(UInt64(out.count + footer.count + 8 + 4 + 4 + 8))
        footer.u32(UInt32(fieldCount))
        try out.append(footer.bytes)
        var tail = ByteWriter()
        tail.u32(try out.checksum())
        tail.append(SegmentFormat.endMagic)
        try out.append(tail.bytes)
        try out.sync()
    }

    /// The segment's bytes, when written to memory and finished.
    var bytes: [UInt8] { out.bytes }
}
