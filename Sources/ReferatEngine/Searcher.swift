/// Top-k search over a list of segments with BM25F, by exhaustive scoring or with block-max
/// pruning; the two give the same documents in the same order (a test holds them equal).
///
/// Documents are numbered across segments in their order, so ties go to the older document
/// in both ways of searching. Statistics (document count, average field lengths, document
/// frequencies) are those of all segments together, so scores compare across segments.
public final class Searcher: Sendable {
    public let segments: [SegmentReader]
    /// The number of the first document of each segment.
    let bases: [Int]
    public let scoring: BM25F

    public init(segments: [SegmentReader], weights: [Double]) {
        self.segments = segments
        var bases: [Int] = [], count = 0
        var totals = [Double](repeating: 0, count: weights.count)
        for segment in segments {
            bases.append(count)
            count += segment.documentCount
            for d in 0..<segment.documentCount {
                for f in 0..<min(weights.count, segment.fieldCount) { totals[f] += Double(segment.length(d, f)) }
            }
        }
        self.bases = bases
        scoring = BM25F(weights: weights, documentCount: count, averageLengths: totals.map { count > 0 ? $0 / Double(count) : 0 })
    }

    /// Whether every term must occur in a document, or any one of them.
    public enum Mode: Sendable { case all, any }

    public struct Hit: Hashable, Sendable {
        /// The document's number across segments, and its external id.
        public var document: Int
        public var id: UInt64
        public var score: Double
    }

    /// How many documents hold the term, over all segments.
    public func documentFrequency(_ term: [UInt8]) -> Int {
        segments.reduce(0) { total, s in total + (s.lookup(term).map(s.documentFrequency(at:)) ?? 0) }
    }

    /// The terms starting with `prefix` and their document frequencies, in byte order.
    public func terms(withPrefix prefix: [UInt8]) -> [(term: [UInt8], documents: Int)] {
        var merged: [[UInt8]: Int] = [:]
        for s in segments {
            s.forEachTerm(withPrefix: prefix) { _, term, documents in merged[Array(term), default: 0] += documents }
        }
        return merged.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map { ($0.key, $0.value) }
    }

    /// Terms within `maxEdits` insertions, deletions, substitutions or swaps of `term` that
    /// start with its first letter ("did you mean"), most frequent first.
    public func neighbours(of term: String, maxEdits: Int) -> [(term: String, documents: Int)] {
        guard let first = term.unicodeScalars.first else { return [] }
        let target = Array(term.unicodeScalars)
        return terms(withPrefix: Array(String(first).utf8)).compactMap { entry -> (term: String, documents: Int)? in
            let candidate = String(decoding: entry.term, as: UTF8.self)
            guard candidate != term, EditDistance.within(target, Array(candidate.unicodeScalars), maxEdits) else { return nil }
            return (candidate, entry.documents)
        }.sorted { $0.documents != $1.documents ? $0.documents > $1.documents : $0.term < $1.term }
    }

    public struct Result: Sendable {
        public var hits: [Hit]
        /// How many documents matched; nil with pruning, which does not visit them all.
        public var matches: Int?
        /// How many documents were scored: what pruning saves.
        public var scored: Int
    }

    /// The documents (numbered across segments, ascending) where the terms stand at
    /// consecutive positions in one field.
    public func phrase(_ terms: [[UInt8]]) throws(EngineError) -> [Int] {
        guard !terms.isEmpty else { return [] }
        var found: [Int] = []
        for (s, segment) in segments.enumerated() {
            guard var phrase = try PhraseCursor(segment: segment, terms: terms.map { segment.lookup($0) }) else { continue }
            try phrase.advance(to: 0)
            while phrase.document != PostingCursor.exhausted {
                found.append(bases[s] + phrase.document)
                try phrase.advance(to: phrase.document + 1)
            }
        }
        return found
    }

    /// The `k` best documents for the terms, and (when `pruning` is off) how many matched.
    /// With pruning, blocks and documents that cannot enter the top `k` are skipped, and the
    /// count is nil.
    public func topK(_ terms: [[UInt8]], mode: Mode, k: Int, pruning: Bool) throws(EngineError) -> Result {
        var top = TopK<ScoredDocument>(k: k)
        var matches = 0, scored = 0
        let idfs = terms.map { scoring.idf(documentFrequency: documentFrequency($0)) }
        for (s, segment) in segments.enumerated() {
            var scorers: [TermScorer] = []
            for (q, term) in terms.enumerated() {
                guard let t = segment.lookup(term) else {
                    if mode == .all { scorers = []; break }
                    continue
                }
                scorers.append(try TermScorer(segment: segment, term: t, idf: idfs[q], scoring: scoring))
            }
            guard !scorers.isEmpty else { continue }
            var run = SegmentRun(segment: segment, base: bases[s], scoring: scoring, scorers: scorers)
            switch (mode, pruning) {
            case (.any, false): matches += try run.exhaustiveAny(&top)
            case (.all, false): matches += try run.exhaustiveAll(&top)
            case (.any, true): try run.blockMaxAny(&top)
            case (.all, true): try run.blockMaxAll(&top)
            }
            scored += run.scored
        }
        let hits = top.sorted.map { entry in
            let s = (bases.lastIndex { $0 <= entry.document })!
            return Hit(document: entry.document, id: segments[s].ids[entry.document - bases[s]], score: entry.score)
        }
        return Result(hits: hits, matches: pruning ? nil : matches, scored: scored)
    }
}

/// One query term in one segment: its cursor, weight and score bounds.
struct TermScorer {
    var cursor: PostingCursor
    let idf: Double
    /// The highest score any document of each block can get from this term, and of all.
    let blockBounds: [Double]
    let maxBound: Double
    /// The block `block(containing:)` last answered: targets only grow.
    var shallow = 0

    init(segment: SegmentReader, term: Int, idf: Double, scoring: BM25F) throws(EngineError) {
        cursor = try PostingCursor(segment: segment, term: term)
        self.idf = idf
        let c = cursor
        let leaf = LeafScoring(bm25f: scoring, liveCount: scoring.documentCount)
        blockBounds = (0..<c.blockCount).map { b in leaf.bound(idf: idf, block: b, of: c) }
        maxBound = blockBounds.max() ?? 0
    }

    /// What this term can add to document `d` and up to which document that holds: the bound
    /// of the block holding `d`, or 0 up to where the next block starts; nil past the end.
    mutating func window(at d: Int) -> (bound: Double, upTo: Int)? {
        shallow = cursor.block(containing: d, from: shallow)
        guard shallow < cursor.blockCount else { return nil }
        let first = shallow == 0 ? 0 : cursor.lastDocument[shallow - 1] + 1
        return first <= d ? (blockBounds[shallow], cursor.lastDocument[shallow]) : (0, first - 1)
    }
}

/// The search of one segment, adding to a shared top k.
struct SegmentRun {
    let segment: SegmentReader
    let base: Int
    let scoring: BM25F
    /// In query order: scores are summed in this order whichever way the search runs, so both
    /// ways give the very same numbers.
    var scorers: [TermScorer]
    private(set) var scored = 0

    init(segment: SegmentReader, base: Int, scoring: BM25F, scorers: [TermScorer]) {
        self.segment = segment
        self.base = base
        self.scoring = scoring
        self.scorers = scorers
    }

    /// A bound this close to the threshold is not trusted to prune: sums in another order
    /// may round differently.
    static let slack = 1 + 1e-9

    private mutating func offer(_ d: Int, _ top: inout TopK<ScoredDocument>) {
        scored += 1
        top.offer(score(d), base + d)
    }

    /// The score of local document `d`, from the terms whose cursors stand on it.
    func score(_ d: Int) -> Double {
        var total = 0.0
        for s in scorers where s.cursor.document == d {
            total += scoring.score(idf: s.idf, frequency: s.cursor.frequency, length: { segment.length(d, $0) })
        }
        return total
    }

    mutating func exhaustiveAny(_ top: inout TopK<ScoredDocument>) throws(EngineError) -> Int {
        for i in scorers.indices { try scorers[i].cursor.advance(to: 0) }
        var matches = 0
        while true {
            var d = PostingCursor.exhausted
            for s in scorers { d = min(d, s.cursor.document) }
            if d == PostingCursor.exhausted { return matches }
            offer(d, &top)
            matches += 1
            for i in scorers.indices where scorers[i].cursor.document == d { try scorers[i].cursor.next() }
        }
    }

    mutating func exhaustiveAll(_ top: inout TopK<ScoredDocument>) throws(EngineError) -> Int {
        var matches = 0
        var d = 0
        while true {
            var agreed = true
            for i in scorers.indices {
                try scorers[i].cursor.advance(to: d)
                if scorers[i].cursor.document == PostingCursor.exhausted { return matches }
                if scorers[i].cursor.document != d { d = scorers[i].cursor.document; agreed = false }
            }
            guard agreed else { continue }
            offer(d, &top)
            matches += 1
            d += 1
        }
    }

    /// MaxScore with block bounds: terms whose bounds together cannot reach the threshold
    /// only add to candidates found by the others; a window of documents whose block bounds
    /// cannot reach it is skipped without decoding.
    mutating func blockMaxAny(_ top: inout TopK<ScoredDocument>) throws(EngineError) {
        for i in scorers.indices { try scorers[i].cursor.advance(to: 0) }
        let byBound = scorers.indices.sorted { scorers[$0].maxBound < scorers[$1].maxBound }
        while true {
            let threshold = top.threshold
            var nonEssential = 0, sum = 0.0
            while nonEssential < byBound.count, (sum + scorers[byBound[nonEssential]].maxBound) * Self.slack <= threshold {
                sum += scorers[byBound[nonEssential]].maxBound
                nonEssential += 1
            }
            let essential = byBound[nonEssential...]
            var d = PostingCursor.exhausted
            for i in essential { d = min(d, scorers[i].cursor.document) }
            if d == PostingCursor.exhausted { return }
            var bound = 0.0, upTo = Int.max
            for i in scorers.indices {
                guard let w = scorers[i].window(at: d) else { continue }
                bound += w.bound
                upTo = min(upTo, w.upTo)
            }
            if bound * Self.slack <= threshold {
                for i in essential { try scorers[i].cursor.advance(to: upTo == Int.max ? upTo : upTo + 1) }
                continue
            }
            for i in scorers.indices { try scorers[i].cursor.advance(to: d) }
            offer(d, &top)
            for i in essential where scorers[i].cursor.document == d { try scorers[i].cursor.next() }
        }
    }

    /// Intersection led by the rarest term; a window of documents where a term has no block,
    /// or where the block bounds cannot reach the threshold, is skipped without decoding.
    mutating func blockMaxAll(_ top: inout TopK<ScoredDocument>) throws(EngineError) {
        let lead = scorers.indices.min { scorers[$0].cursor.documentFrequency < scorers[$1].cursor.documentFrequency }!
        try scorers[lead].cursor.advance(to: 0)
        outer: while true {
            let d = scorers[lead].cursor.document
            if d == PostingCursor.exhausted { return }
            var bound = 0.0, upTo = Int.max, absent = false
            for i in scorers.indices {
                guard let w = scorers[i].window(at: d) else { return }
                if w.bound == 0 { absent = true }
                bound += w.bound
                upTo = min(upTo, w.upTo)
            }
            if absent || bound * Self.slack <= top.threshold {
                try scorers[lead].cursor.advance(to: upTo + 1)
                continue
            }
            for i in scorers.indices where i != lead {
                try scorers[i].cursor.advance(to: d)
                let other = scorers[i].cursor.document
                if other != d {
                    if other == PostingCursor.exhausted { return }
                    try scorers[lead].cursor.advance(to: other)
                    continue outer
                }
            }
            offer(d, &top)
            try scorers[lead].cursor.next()
        }
    }
}

/// Edit distance with adjacent swaps (optimal string alignment), cut off past a limit.
enum EditDistance {
    static func within(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], _ limit: Int) -> Bool {
        if abs(a.count - b.count) > limit { return false }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var best = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], before[j - 2] + 1) }
                best = min(best, current[j])
            }
            if best > limit { return false }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count] <= limit
    }
}
