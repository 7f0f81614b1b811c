/// One leaf of a query (a term, a prefix, a phrase) over a whole snapshot, walked in document
/// order, with a bound on its score over each stretch of documents: what pruned top k reads
/// instead of the leaf's whole list.
///
/// A term is read from its segments' blocks, decoding only the blocks a search lands in; its
/// bounds come from the skip tables (`LeafScoring.bound`), worked out for the blocks a
/// search asks about. A phrase is walked as its words' postings meet (`PhraseCursor`), and
/// bounded by the blocks of its rarest word in each segment: a phrase occurs in a field no
/// more often than each of its words, so that word's bound, with the phrase's idf, holds for
/// it. A prefix is taken whole (`Leaf`, as exhaustive scoring has it) and cut into stretches
/// of `SegmentFormat.blockSize` entries, each bounded by its best score.
///
/// Deleted entries stay in the blocks: their bounds still hold for the live ones, and the
/// search skips them. Documents are numbered across segments (`IndexSnapshot.bases`).
struct LeafPostings {
    static let exhausted = PostingCursor.exhausted

    let idf: Double
    /// How many entries the leaf's lists hold (deleted ones included): what a walk costs.
    let length: Int
    /// How many live entries hold the leaf (at least; exactly for a term and a list); nil for
    /// a phrase not yet walked (`counted(upTo:)`) and for a term opened only to walk.
    private(set) var live: Int?
    /// The current document, or `exhausted`; -1 before the first `advance`.
    private(set) var document = -1
    /// For a phrase in a pruned walk: the page's worst score and the most every other leaf
    /// can add to a document. A document where the phrase's words stand too seldom to reach
    /// the page with that help is passed over before its positions are read; a walk may only
    /// set it where a document passed over can neither enter the page nor be excluded by the
    /// phrase (`QueryRun.prunedTier`).
    var floor: (threshold: Double, others: Double)? = nil

    private let snapshot: IndexSnapshot
    private let scoring: LeafScoring
    private let kind: Kind

    private enum Kind { case term, phrase, listed }
    private var listed: Bool { kind == .listed }

    // A term: per segment that holds it, a cursor, where the segment's documents start and
    // end, and its blocks' score bounds (-1 until asked for). A phrase: the same, the cursor
    // being its rarest word's, read only for its skip table, and the phrase's own walk.
    private var cursors: [PostingCursor] = []
    private var phrases: [PhraseCursor] = []
    private var starts: [Int] = []
    private var ends: [Int] = []
    private var fieldCounts: [Int] = []
    /// Each cursor's segment's length normalisations (the snapshot's `norms`).
    private var norms: [UnsafeBufferPointer<Double>] = []
    private var blockBounds: [[Double]] = []
    /// The cursor the walk stands in; the cursor and block `window` last answered.
    private var current = 0
    private var windowCursor = 0
    private var shallow: [Int] = []

    // A prefix: the whole list and each stretch's bound. A phrase walked in part
    // (`counted(upTo:)`): its first matches and their stretches' bounds, read from the list
    // (`inHead`) up to its last; its walk and block bounds take over after it.
    private var documents: [Int] = []
    private var weights: [Double] = []
    private var stretchBounds: [Double] = []
    private var index = 0
    private var windowStretch = 0

    /// A term's postings in every segment; without `scoring`, only to walk (no idf, no bounds).
    init(term bytes: [UInt8], in snapshot: IndexSnapshot, scoring: LeafScoring?) throws(EngineError) {
        self.snapshot = snapshot
        self.scoring = scoring ?? LeafScoring(snapshot)
        kind = .term
        var matches = 0, length = 0
        for (s, segment) in snapshot.segments.enumerated() {
            guard let t = segment.lookup(bytes) else { continue }
            let cursor = try PostingCursor(segment: segment, term: t)
            length += cursor.documentFrequency
            if scoring != nil { matches += try Self.liveDocuments(cursor, deleted: snapshot.deletedDocuments[s]) }
            cursors.append(cursor)
            starts.append(snapshot.bases[s])
            ends.append(snapshot.bases[s] + segment.documentCount)
            fieldCounts.append(segment.fieldCount)
            norms.append(snapshot.norms[s].buffer)
            // Worked out when a search first asks (`window`): most blocks are never asked.
            blockBounds.append(Array(repeating: -1, count: cursor.blockCount))
        }
        self.length = length
        idf = scoring?.idf(matches: matches) ?? 0
        live = scoring == nil ? nil : matches
        shallow = Array(repeating: 0, count: cursors.count)
    }

    /// A phrase's postings (its words' terms in order) in every segment that holds them all;
    /// without `scoring`, only to walk.
    init(phrase words: [[UInt8]], in snapshot: IndexSnapshot, scoring: LeafScoring?) throws(EngineError) {
        self.snapshot = snapshot
        self.scoring = scoring ?? LeafScoring(snapshot)
        kind = .phrase
        var length = 0
        for (s, segment) in snapshot.segments.enumerated() {
            guard let phrase = try PhraseCursor(segment: segment, terms: words.map { segment.lookup($0) }) else { continue }
            let rarest = phrase.words.min { $0.documentFrequency < $1.documentFrequency }!
            length += rarest.documentFrequency
            phrases.append(phrase)
            cursors.append(rarest)
            starts.append(snapshot.bases[s])
            ends.append(snapshot.bases[s] + segment.documentCount)
            fieldCounts.append(segment.fieldCount)
            norms.append(snapshot.norms[s].buffer)
            blockBounds.append(Array(repeating: -1, count: rarest.blockCount))
        }
        self.length = length
        if let scoring { idf = try snapshot.phraseIdf(words, scoring) } else { idf = 0 }
        live = nil
        shallow = Array(repeating: 0, count: cursors.count)
    }

    /// A prefix's postings, from its whole list; a phrase's (`counted(upTo:)`) with its idf.
    init(listed leaf: Leaf, in snapshot: IndexSnapshot, scoring: LeafScoring, idf: Double? = nil) {
        self.snapshot = snapshot
        self.scoring = scoring
        kind = .listed
        self.idf = idf ?? scoring.idf(matches: leaf.set.count)
        length = leaf.documents.count
        live = leaf.set.count
        documents = leaf.documents
        weights = leaf.weights
        stretchBounds = Self.stretchBounds(leaf.weights, idf: self.idf, scoring)
    }

    /// The best score in each stretch of `SegmentFormat.blockSize` entries of a list.
    private static func stretchBounds(_ weights: [Double], idf: Double, _ scoring: LeafScoring) -> [Double] {
        let size = SegmentFormat.blockSize
        return stride(from: 0, to: weights.count, by: size).map { start in
            var best = 0.0
            for i in start..<min(start + size, weights.count) {
                best = max(best, scoring.score(idf: idf, weight: weights[i]))
            }
            return best
        }
    }

    /// A fresh phrase's live matches walked up to `limit`: with fewer, the phrase as their
    /// list, which then ranks and counts it without reading positions again; with as many, the
    /// phrase knowing it matches at least `limit` (so a count stops at once), its walks
    /// reading those first matches from their list and positions only after them.
    func counted(upTo limit: Int) throws(EngineError) -> LeafPostings {
        precondition(kind == .phrase && document == -1)
        var walk = self
        var leaf = Leaf(set: DocumentSet(capacity: snapshot.capacity))
        try walk.advance(to: 0)
        while walk.document != Self.exhausted {
            if snapshot.live.contains(walk.document) {
                leaf.append(walk.document, walk.weight)
                if leaf.documents.count >= limit {
                    // Walks start from these, and read positions only after the last.
                    var out = self
                    out.live = limit
                    out.documents = leaf.documents
                    out.weights = leaf.weights
                    out.stretchBounds = Self.stretchBounds(leaf.weights, idf: idf, scoring)
                    return out
                }
            }
            try walk.advance(to: walk.document + 1)
        }
        return LeafPostings(listed: leaf, in: snapshot, scoring: scoring, idf: idf)
    }

    /// The documents of `cursor` (fresh) that are not among the ascending `deleted`.
    static func liveDocuments(_ cursor: PostingCursor, deleted: [Int]) throws(EngineError) -> Int {
        var live = cursor.documentFrequency
        guard !deleted.isEmpty else { return live }
        var probe = cursor
        for d in deleted {
            try probe.advance(to: d)
            if probe.document == PostingCursor.exhausted { break }
            if probe.document == d { live -= 1 }
        }
        return live
    }

    /// Moves to the first document at or after `target` (deleted or not).
    mutating func advance(to target: Int) throws(EngineError) {
        if document >= target { return }
        switch kind {
        case .term:
            // The hot path, kept apart: a term's walk takes no other branch.
            while current < cursors.count {
                if target < ends[current] {
                    try cursors[current].advance(to: max(0, target - starts[current]))
                    let local = cursors[current].document
                    if local != PostingCursor.exhausted {
                        document = starts[current] + local
                        return
                    }
                }
                current += 1
            }
            document = Self.exhausted
        case .listed:
            advanceInList(to: target)
        case .phrase:
            if target <= documents.last ?? -1 { return advanceInList(to: target) }
            try advancePhrase(to: target)
        }
    }

    /// `advance` in the list (a prefix's, or a phrase's first matches).
    private mutating func advanceInList(to target: Int) {
        if index < documents.count, documents[index] < target {
            // Stretch by stretch, then within the stretch.
            let size = SegmentFormat.blockSize
            while index / size + 1 < stretchBounds.count, documents[min(documents.count, (index / size + 1) * size) - 1] < target {
                index = (index / size + 1) * size
            }
            while index < documents.count && documents[index] < target { index += 1 }
        }
        document = index < documents.count ? documents[index] : Self.exhausted
    }

    /// `advance` in a phrase's walk, passing over what its `floor` rules out.
    private mutating func advancePhrase(to target: Int) throws(EngineError) {
        while current < phrases.count {
            if target < ends[current] {
                let c = current
                if let floor {
                    let (idf, scoring) = (idf, scoring)
                    let (fields, norms) = (fieldCounts[c], norms[c])
                    try phrases[c].advance(to: max(0, target - starts[c])) { frequency, doc in
                        let most = scoring.score(idf: idf, weight: scoring.weighted(fields: fields, frequency: frequency, doc: doc, norms: norms))
                        return (floor.others + most) * QueryRun.slack >= floor.threshold
                    }
                } else {
                    try phrases[c].advance(to: max(0, target - starts[c]))
                }
                let local = phrases[c].document
                if local != PostingCursor.exhausted {
                    document = starts[c] + local
                    return
                }
            }
            current += 1
        }
        document = Self.exhausted
    }

    /// Whether a phrase walked in part stands in its list of first matches.
    private var inHead: Bool { kind == .phrase && document <= documents.last ?? -1 }

    /// The current document's weighted occurrences (`LeafScoring.weighted`).
    /// (A mutating getter: read in place in the walk's array, where a plain getter copies
    /// the whole struct out of it on every read.)
    var weight: Double {
        mutating get {
            let c = current
            switch kind {
            case .term:
                return scoring.weighted(fields: fieldCounts[c], frequency: { cursors[c].frequency($0) }, doc: cursors[c].document, norms: norms[c])
            case .listed:
                return weights[index]
            case .phrase:
                if inHead { return weights[index] }
                return scoring.weighted(fields: fieldCounts[c], frequency: { phrases[c].occurrences[$0] }, doc: phrases[c].document, norms: norms[c])
            }
        }
    }

    /// What the leaf can add to the score of any document from `d` to `upTo`: the bound of
    /// the block holding `d`, or 0 up to where the next block starts. `d` must not go down
    /// from one call to the next.
    mutating func window(at d: Int) -> (bound: Double, upTo: Int) {
        if listed || kind == .phrase && d <= documents.last ?? -1 {
            let size = SegmentFormat.blockSize
            while windowStretch < stretchBounds.count && documents[min(documents.count, (windowStretch + 1) * size) - 1] < d { windowStretch += 1 }
            guard windowStretch < stretchBounds.count else { return (0, Int.max) }
            let first = documents[windowStretch * size], last = documents[min(documents.count, (windowStretch + 1) * size) - 1]
            return first <= d ? (stretchBounds[windowStretch], last) : (0, first - 1)
        }
        while windowCursor < cursors.count && ends[windowCursor] <= d { windowCursor += 1 }
        let c = windowCursor
        guard c < cursors.count else { return (0, Int.max) }
        guard d >= starts[c] else { return (0, starts[c] - 1) }
        let local = d - starts[c]
        var b = shallow[c]
        while b < cursors[c].blockCount && cursors[c].lastDocument[b] < local { b += 1 }
        shallow[c] = b
        guard b < cursors[c].blockCount else { return (0, ends[c] - 1) }
        let first = b == 0 ? 0 : cursors[c].lastDocument[b - 1] + 1
        guard first <= local else { return (0, starts[c] + first - 1) }
        return (blockBound(c, b), starts[c] + cursors[c].lastDocument[b])
    }

    /// True for a term, whose blocks a walk can read whole (`nextBlock`).
    var isTerm: Bool { kind == .term }

    /// True for a phrase, which can pass over documents (`floor`).
    var isPhrase: Bool { kind == .phrase }

    /// The most the leaf adds to any document's score: its best block's or stretch's bound.
    mutating func best() -> Double {
        if listed { return stretchBounds.max() ?? 0 }
        var most = 0.0
        for c in cursors.indices {
            for b in 0..<cursors[c].blockCount { most = max(most, blockBound(c, b)) }
        }
        return most
    }

    /// The next block, at or after document `target`, of a term: its cursor, its number and
    /// its last document; nil past the end. Nothing is decoded.
    mutating func nextBlock(from target: Int) -> (cursor: Int, block: Int, last: Int)? {
        while windowCursor < cursors.count {
            let c = windowCursor
            if ends[c] > target {
                let local = max(0, target - starts[c])
                var b = shallow[c]
                while b < cursors[c].blockCount && cursors[c].lastDocument[b] < local { b += 1 }
                shallow[c] = b
                if b < cursors[c].blockCount { return (c, b, starts[c] + cursors[c].lastDocument[b]) }
            }
            windowCursor += 1
        }
        return nil
    }

    /// The score bound of block `b` of cursor `c` (`LeafScoring.bound`).
    mutating func blockBound(_ c: Int, _ b: Int) -> Double {
        if blockBounds[c][b] < 0 {
            blockBounds[c][b] = bound(c, b)
        }
        return blockBounds[c][b]
    }

    /// Decodes block `b` of cursor `c` and returns how many documents it holds; the walk
    /// stands on its first.
    mutating func load(_ c: Int, _ b: Int) throws(EngineError) -> Int {
        try cursors[c].load(b)
        current = c
        document = starts[c] + cursors[c].document
        return cursors[c].blockDocuments.count
    }

    /// Document `i` of the block `load` decoded, and its weighted occurrences.
    func loaded(_ i: Int) -> (document: Int, weight: Double) {
        let c = current
        let local = cursors[c].document(at: i)
        return (starts[c] + local, scoring.weighted(fields: fieldCounts[c], frequency: { cursors[c].frequency($0, at: i) }, doc: local, norms: norms[c]))
    }

    /// The bound of block `b` of cursor `c`, from its skip entry.
    private func bound(_ c: Int, _ b: Int) -> Double {
        scoring.bound(idf: idf, block: b, of: cursors[c])
    }
}

extension IndexSnapshot {
    /// How many live entries hold the term (its bytes as stored).
    func liveEntries(holding term: [UInt8]) throws(EngineError) -> Int {
        var n = 0
        for (s, segment) in segments.enumerated() {
            guard let t = segment.lookup(term) else { continue }
            n += try LeafPostings.liveDocuments(PostingCursor(segment: segment, term: t), deleted: deletedDocuments[s])
        }
        return n
    }

    /// A phrase's idf, the sum of its words' (`QueryRun.idf(of:_:_:)`): the one definition
    /// exhaustive scoring and a pruned walk share.
    func phraseIdf(_ words: [[UInt8]], _ scoring: LeafScoring) throws(EngineError) -> Double {
        var idf = 0.0
        for word in words { idf += scoring.idf(matches: try liveEntries(holding: word)) }
        return idf
    }
}
