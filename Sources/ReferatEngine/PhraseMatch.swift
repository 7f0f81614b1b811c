/// Where a phrase stands in one document: the one definition of "consecutive positions in one
/// field" that every search path uses.
enum PhraseMatch {
    /// Moves `cursors` (one per word of the phrase, in order) to the next document at or after
    /// `start` that holds every word, and returns it, or `PostingCursor.exhausted`.
    static func nextCommonDocument(_ cursors: inout [PostingCursor], from start: Int) throws(EngineError) -> Int {
        var d = start
        search: while true {
            for i in cursors.indices {
                try cursors[i].advance(to: d)
                if cursors[i].document == PostingCursor.exhausted { return PostingCursor.exhausted }
                if cursors[i].document != d {
                    d = cursors[i].document
                    continue search
                }
            }
            return d
        }
    }

    /// How many times the phrase starts in `field` of the cursors' current document (all
    /// cursors on the same document).
    static func starts(_ cursors: inout [PostingCursor], field: Int) throws(EngineError) -> Int {
        // Positions are ascending; the phrase starts at p when word i stands at p + i. Each
        // word's positions are shifted back by i and intersected with the starts so far.
        var starts = try cursors[0].positions(field)
        for i in 1..<cursors.count where !starts.isEmpty {
            let next = try cursors[i].positions(field)
            var kept: [UInt32] = [], j = 0
            for p in starts {
                let wanted = UInt64(p) + UInt64(i)
                while j < next.count && UInt64(next[j]) < wanted { j += 1 }
                if j == next.count { break }
                if UInt64(next[j]) == wanted { kept.append(p) }
            }
            starts = kept
        }
        return starts.count
    }
}
