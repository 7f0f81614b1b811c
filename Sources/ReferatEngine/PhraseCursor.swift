/// Walks the documents of one segment where a phrase's words stand at consecutive positions
/// in one field: the one definition of a phrase match that every search path uses.
///
/// The words' postings are intersected first; only a document that holds every word in the
/// same field has its positions read, into buffers the walk keeps, so a phrase over a
/// common pair of words costs no allocation per document.
struct PhraseCursor {
    /// One cursor per word of the phrase, in order.
    private(set) var words: [PostingCursor]
    /// The current document, or `PostingCursor.exhausted`; -1 before the first `advance`.
    private(set) var document = -1
    /// Per field, how many times the phrase starts in the current document: its frequency
    /// there, as a term's.
    private(set) var occurrences: [UInt32]
    private var kept: [UInt32] = []
    private var next: [UInt32] = []

    /// Nil when the segment lacks one of the words (`terms` are term numbers or nil).
    init?(segment: SegmentReader, terms: [Int?]) throws(EngineError) {
        var words: [PostingCursor] = []
        for term in terms {
            guard let term else { return nil }
            words.append(try PostingCursor(segment: segment, term: term))
        }
        guard !words.isEmpty else { return nil }
        self.words = words
        occurrences = Array(repeating: 0, count: segment.fieldCount)
    }

    /// Moves to the first document at or after `target` that holds the phrase, passing over
    /// those `worthReading` turns down before their positions are read. It is given, per
    /// field, the fewest times any word stands there (the phrase cannot occur more often) and
    /// the document.
    mutating func advance(to target: Int, worthReading: ((_ frequency: (Int) -> UInt32, _ document: Int) -> Bool)? = nil) throws(EngineError) {
        if document >= target { return }
        var d = target
        while true {
            d = try nextCommonDocument(from: d)
            document = d
            if d == PostingCursor.exhausted { return }
            if let worthReading, !worthReading({ f in words.reduce(UInt32.max) { min($0, $1.frequency(f)) } }, d) {
                d += 1
                continue
            }
            var any = false
            for f in occurrences.indices {
                occurrences[f] = try count(field: f)
                if occurrences[f] > 0 { any = true }
            }
            if any { return }
            d += 1
        }
    }

    /// Moves every word's cursor to the next document at or after `start` that holds them
    /// all, and returns it, or `PostingCursor.exhausted`.
    private mutating func nextCommonDocument(from start: Int) throws(EngineError) -> Int {
        var d = start
        search: while true {
            for i in words.indices {
                try words[i].advance(to: d)
                if words[i].document == PostingCursor.exhausted { return PostingCursor.exhausted }
                if words[i].document != d {
                    d = words[i].document
                    continue search
                }
            }
            return d
        }
    }

    /// How many times the phrase starts in `field` of the current document. Positions are
    /// ascending; the phrase starts at p when word i stands at p + i, so each word's positions,
    /// shifted back by i, are intersected with the starts so far.
    private mutating func count(field: Int) throws(EngineError) -> UInt32 {
        // A word missing from the field rules it out before any position is read.
        for i in words.indices where words[i].frequency(field) == 0 { return 0 }
        try words[0].positions(field, into: &kept)
        var alive = kept.count
        for i in 1..<words.count where alive > 0 {
            try words[i].positions(field, into: &next)
            // The starts still alive are kept in place, at the front of `kept`.
            alive = kept.withUnsafeMutableBufferPointer { starts in
                next.withUnsafeBufferPointer { positions in
                    var n = 0, j = 0
                    for k in 0..<alive {
                        let p = starts[k]
                        let wanted = UInt64(p) + UInt64(i)
                        while j < positions.count && UInt64(positions[j]) < wanted { j += 1 }
                        if j == positions.count { break }
                        if UInt64(positions[j]) == wanted {
                            starts[n] = p
                            n += 1
                        }
                    }
                    return n
                }
            }
        }
        return UInt32(alive)
    }
}
