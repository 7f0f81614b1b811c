/// Merges segments into one: their live documents in order, renumbered, and every term's
/// postings streamed from the inputs' mapped files to the output file, a block at a time.
///
/// What a merge holds is the inputs' documents table (already open), a number per input
/// document, the output's dictionary and one term's skip table and blocks: never a document's
/// tokens or a segment's bytes (the mapped pages it has read are let go as it goes), so a
/// merge of large segments costs little memory. The output
/// is the segment that adding the same documents to a `SegmentWriter` would write, byte for
/// byte: documents in input order, terms in byte order, each document's positions as stored.
enum SegmentMerger {
    /// How many terms a merge writes between letting the inputs' pages go.
    static let termsBetweenReleases = 1024

    /// A segment to merge and the local numbers of its deleted documents.
    struct Input {
        var segment: SegmentReader
        var deleted: Set<Int>
    }

    /// Merges `inputs` into a new segment file at `path`, synced, and opens it.
    static func merge(_ inputs: [Input], to path: String) throws(EngineError) -> SegmentReader {
        let (fieldCount, count) = try shape(inputs, file: path)
        try write(inputs, to: try SegmentFileWriter(path: path, fieldCount: fieldCount, documentCount: count))
        return try SegmentReader(path: path)
    }

    /// The merged segment's bytes, made in memory (the fuzzer's and tests' way).
    static func mergedBytes(_ inputs: [Input]) throws(EngineError) -> [UInt8] {
        let (fieldCount, count) = try shape(inputs, file: "merged")
        let file = try SegmentFileWriter(memoryFieldCount: fieldCount, documentCount: count)
        try write(inputs, to: file)
        return file.bytes
    }

    /// The inputs' common field count and their live documents.
    private static func shape(_ inputs: [Input], file: String) throws(EngineError) -> (fieldCount: Int, documents: Int) {
        let fieldCount = inputs.first?.segment.fieldCount ?? 1
        for input in inputs where input.segment.fieldCount != fieldCount {
            throw EngineError(file: input.segment.file, message: "\(input.segment.fieldCount) fields, other segments \(fieldCount)")
        }
        let live = inputs.reduce(0) { total, input in
            total + input.segment.documentCount - input.deleted.filter { $0 >= 0 && $0 < input.segment.documentCount }.count
        }
        return (fieldCount, live)
    }

    /// Writes the merge to `file`, and reports an input cut short under it (`SegmentBytes`)
    /// in place of any other answer: what was read from it may have been zeros.
    private static func write(_ inputs: [Input], to file: SegmentFileWriter) throws(EngineError) {
        do {
            try merge(inputs, into: file)
        } catch {
            for input in inputs { try input.segment.checkIntact() }
            throw error
        }
        for input in inputs { try input.segment.checkIntact() }
        try file.finish()
    }

    private static func merge(_ inputs: [Input], into file: SegmentFileWriter) throws(EngineError) {
        let fieldCount = file.fieldCount
        // Each input document's number in the output, or -1 when deleted.
        var numbers: [[Int32]] = []
        var next: Int32 = 0
        for input in inputs {
            let segment = input.segment
            var numbering = [Int32](repeating: -1, count: segment.documentCount)
            for d in 0..<segment.documentCount where !input.deleted.contains(d) {
                numbering[d] = next
                next += 1
                try file.document(id: segment.ids[d], lengths: segment.lengths[(d * fieldCount)..<((d + 1) * fieldCount)],
                                  values: segment.values[d])
            }
            numbers.append(numbering)
        }
        TestHook.reached("mergeRead")
        var encoder = file.encoder()
        var heads = [Int](repeating: 0, count: inputs.count)
        var frequencies = [UInt32](repeating: 0, count: fieldCount)
        var positions: [UInt32] = []
        var termsSinceRelease = 0
        while true {
            // The inputs are read once, front to back: the pages behind are let go as the
            // merge goes (`SegmentBytes.releasePages`), or a merge of large segments would
            // count their whole size in the process's memory by its end.
            termsSinceRelease += 1
            if termsSinceRelease == Self.termsBetweenReleases {
                termsSinceRelease = 0
                for input in inputs { input.segment.bytes.releasePages() }
            }
            // The smallest term any input has left.
            var smallest: [UInt8]?
            for (k, input) in inputs.enumerated() where heads[k] < input.segment.terms.count {
                let term = input.segment.terms[heads[k]]
                if smallest.map({ term.lexicographicallyPrecedes($0) }) ?? true { smallest = term }
            }
            guard let term = smallest else { break }
            for (k, input) in inputs.enumerated() where heads[k] < input.segment.terms.count && input.segment.terms[heads[k]] == term {
                let segment = input.segment
                var cursor = try PostingCursor(segment: segment, term: heads[k])
                heads[k] += 1
                try cursor.advance(to: 0)
                while cursor.document != PostingCursor.exhausted {
                    let d = cursor.document
                    let number = numbers[k][d]
                    if number >= 0 {
                        positions.removeAll(keepingCapacity: true)
                        for f in 0..<fieldCount {
                            frequencies[f] = cursor.frequency(f)
                            positions.append(contentsOf: try cursor.positions(f))
                        }
                        try encoder.add(document: Int(number), lengths: segment.lengths[(d * fieldCount)..<((d + 1) * fieldCount)],
                                        frequencies: frequencies, positions: positions, positionsOut: file.appendPositions)
                    }
                    try cursor.next()
                }
            }
            try file.finishTerm(term, encoder: &encoder)
        }
    }
}
