import Foundation
public import ReferatIndex

/// How terms are kept in segments: the analysed term's UTF-8, a weak form (a compound part or
/// a spelling variant, `IndexTerm.Form.weak`) behind `weakMark`, which no analysed term holds.
public enum TermEncoding {
    public static let weakMark: UInt8 = 0x01

    public static func bytes(_ text: some Collection<UInt8>, weak: Bool) -> [UInt8] {
        weak ? [weakMark] + Array(text) : Array(text)
    }

    static func bytes(_ term: IndexTerm) -> [UInt8] { bytes(Array(term.text.utf8), weak: term.form == .weak) }
}

extension IndexSnapshot {
    /// Field weights of the ranking: title, decision text, body (`EntryText.Field` order).
    /// A title match still outweighs a few mentions in the text, but not a case whose decision
    /// and text are about the word (`make quality`'s "where and how often").
    public static let fieldWeights: [Double] = [5, 4, 1]

    /// Runs a search: the total, one page of ranked entries and, when asked, the facets.
    ///
    /// An entry ranks in the first tier it matches: exact forms (`MatchNode.exactTier`), then
    /// every form without a compound's parts written apart (`closeTier`), then the whole
    /// query. Within a tier entries rank by BM25F (`LeafScoring`, over the snapshot's
    /// `BM25F`): per query word, each field's count against that field's own length, weighted
    /// as above, summed and saturated once; so where a word stands and how often it is
    /// written both count, and neither a long body behind a title nor a long title listing
    /// many subjects buys or costs a match its rank. Ties go to the newer entry and then the
    /// lower id. Without filters each tier is scored by its own question; with filters or by
    /// date, by the whole query.
    ///
    /// In relevance order without facets the page comes from pruned top k (`prunedSearch`),
    /// which skips what cannot reach the page and counts matches up to `QueryRun.countLimit`
    /// (a total at the limit is "at least" that many, `RankedPage.totalIsLowerBound`). Date
    /// order, filter-only searches, facets and `exactTotal` score every match, and their counts
    /// are exact.
    public func search(_ query: IndexQuery) throws(EngineError) -> RankedPage {
        try search(query, pruning: true)
    }

    /// The same, pruned or by exhaustive scoring of every match: the reference a test holds
    /// pruned pages equal to.
    func search(_ query: IndexQuery, pruning: Bool) throws(EngineError) -> RankedPage {
        try intact { () throws(EngineError) in
            var run = QueryRun(snapshot: self)
            return try run.search(query, pruning: pruning)
        }
    }

    /// How many live documents hold the term.
    public func documentFrequency(of term: IndexTerm) throws(EngineError) -> Int {
        try intact { () throws(EngineError) in
            var run = QueryRun(snapshot: self)
            return try run.leaf(.term(term)).set.count
        }
    }

    /// Exact-form terms that start with `prefix`, the `limit` held by most live documents,
    /// most first (ties in byte order).
    public func terms(startingWith prefix: String, limit: Int) throws(EngineError) -> [TermFrequency] {
        let bytes = Array(prefix.utf8)
        guard !bytes.isEmpty, bytes.first != TermEncoding.weakMark else { return [] }
        var counts: [[UInt8]: Int] = [:]
        try intact { () throws(EngineError) in
            for (s, segment) in segments.enumerated() {
                let deleted = manifest.deleted?[manifest.segments[s]] ?? []
                if deleted.isEmpty {
                    segment.forEachTerm(withPrefix: bytes) { _, term, documents in counts[Array(term), default: 0] += documents }
                    continue
                }
                // With deletions, the live entries of each term counted.
                for i in segment.range(withPrefix: bytes) {
                    var cursor = try PostingCursor(segment: segment, term: i)
                    try cursor.advance(to: 0)
                    var n = 0
                    while cursor.document != PostingCursor.exhausted {
                        if live.contains(bases[s] + cursor.document) { n += 1 }
                        try cursor.next()
                    }
                    if n > 0 { counts[segment.term(at: i), default: 0] += n }
                }
            }
        }
        let sorted = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.lexicographicallyPrecedes($1.key) }
        return sorted.prefix(max(0, limit)).map { TermFrequency(term: String(decoding: $0.key, as: UTF8.self), entries: $0.value) }
    }
}

/// The documents a leaf of a query (a term, a prefix, a phrase) matches, and per document its
/// weighted, length-normalised number of occurrences (`BM25F.weighted`).
///
/// The documents are kept twice: as a set, for the query's AND/OR/NOT, and as an ascending
/// list beside the weights, which scoring walks in step with the ascending candidates.
struct Leaf {
    var set: DocumentSet
    var documents: [Int] = []
    var weights: [Double] = []

    mutating func append(_ document: Int, _ weight: Double) {
        set.insert(document)
        documents.append(document)
        weights.append(weight)
    }
}

/// A prefix's weights per document of a segment, summed over its terms: one pair of arrays
/// for all the segments of a search, left zeroed after each (`QueryRun.add`). Fresh arrays
/// per segment cost most of a prefix search in page faults and copying.
struct PrefixSums {
    var sums: [Double] = []
    var holds: [Bool] = []

    /// Room for `documents` documents, all zero.
    mutating func prepare(_ documents: Int) {
        guard sums.count < documents else { return }
        sums = Array(repeating: 0, count: documents)
        holds = Array(repeating: false, count: documents)
    }
}

/// One search over a snapshot: leaves are looked up once and shared by the tiers.
struct QueryRun {
    let snapshot: IndexSnapshot
    private var leaves: [MatchNode: Leaf] = [:]
    private var sets: [MatchNode: DocumentSet] = [:]
    var postingsCache: [MatchNode: LeafPostings] = [:]
    /// How many documents this run scored: what pruning saves.
    var scored = 0

    init(snapshot: IndexSnapshot) { self.snapshot = snapshot }

    /// A ranked match: the first tier it matched, its score (higher is better), its date.
    struct Ranked {
        var doc: Int
        var id: UInt64
        var score: Double
        var tier: Int
        /// The entry's date (`DateKey`), 0 for none.
        var date = DateKey()

        static func bestFirst(_ a: Ranked, _ c: Ranked) -> Bool {
            if a.tier != c.tier { return a.tier < c.tier }
            if a.score != c.score { return a.score > c.score }
            if a.date != c.date { return a.date > c.date }
            return a.id < c.id
        }

        static func newestFirst(_ a: Ranked, _ c: Ranked) -> Bool {
            if a.date != c.date { return a.date > c.date }
            return bestFirst(a, c)
        }
    }

    mutating func search(_ query: IndexQuery, pruning: Bool) throws(EngineError) -> RankedPage {
        if pruning, let match = query.match, query.order == .relevance, !query.facets, !query.exactTotal {
            return try prunedSearch(query, match)
        }
        let wanted = max(0, query.offset) + max(0, query.limit)
        var total = 0
        var ranked: [Ranked] = []
        // The matches that pass the filters, once computed.
        var passed: DocumentSet? = nil
        var matched: DocumentSet
        if let match = query.match {
            matched = try matches(match)
        } else {
            matched = snapshot.live
        }
        let tiers = query.match.map(Self.tiers) ?? []
        if let match = query.match, query.filters.isEmpty, query.order == .relevance {
            total = matched.count
            var previous: DocumentSet? = nil
            for (t, tier) in tiers.enumerated() where ranked.count < wanted {
                var set = t == tiers.count - 1 ? matched : try matches(tier)
                let scoring = t == tiers.count - 1 ? match : tier
                let thisTier = set
                if let previous { set.subtract(previous) }
                previous = thisTier
                let members = set.members
                let scores = try score(members, by: scoring)
                var top = TopK<Ranked>(k: wanted - ranked.count, before: Ranked.bestFirst)
                for i in members.indices {
                    // Most candidates lose on the score alone; the id is looked up for the rest.
                    if let worst = top.worst, scores[i] < worst.score { continue }
                    top.offer(Ranked(doc: members[i], id: snapshot.id(of: members[i]), score: scores[i], tier: t))
                }
                ranked += top.sorted
            }
        } else {
            let passedSet = passing(matched, query.filters)
            let candidates = passedSet.members
            passed = passedSet
            total = candidates.count
            let narrower = Array(tiers.dropLast())
            var narrowerSets: [DocumentSet] = []
            for tier in narrower { narrowerSets.append(try matches(tier)) }
            var scores = [Double](repeating: 0, count: candidates.count)
            if let match = query.match { scores = try score(candidates, by: match) }
            let byDate = query.order == .newestFirst
            let order: (Ranked, Ranked) -> Bool = { a, c in byDate ? Ranked.newestFirst(a, c) : Ranked.bestFirst(a, c) }
            var top = TopK<Ranked>(k: wanted, before: order)
            for (i, doc) in candidates.enumerated() {
                let tier = query.match == nil ? 1 : (narrowerSets.firstIndex { $0.contains(doc) } ?? narrower.count)
                top.offer(Ranked(doc: doc, id: snapshot.id(of: doc), score: scores[i], tier: tier,
                                 date: DateKey(of: doc, in: snapshot)))
            }
            ranked = top.sorted
        }
        let entries = ranked.dropFirst(max(0, query.offset)).map { RankedEntry(id: Int64(bitPattern: $0.id), score: $0.score, exact: $0.tier == 0) }
        var facets: Facets? = nil
        if query.facets {
            facets = self.facets(of: passed ?? passing(matched, query.filters))
        }
        return RankedPage(total: total, entries: entries, facets: facets)
    }

    /// The members of `set` whose values pass the filters.
    func passing(_ set: DocumentSet, _ filters: EntryFilters) -> DocumentSet {
        guard !filters.isEmpty else { return set }
        var passing = FilterCheck(filters, in: snapshot).passing
        passing.formIntersection(set)
        return passing
    }

    /// The questions entries are ranked by, narrowest first, ending with the query itself.
    static func tiers(_ match: MatchNode) -> [MatchNode] {
        var tiers: [MatchNode] = []
        for node in [match.exactTier, match.closeTier, match] where tiers.last != node { tiers.append(node) }
        return tiers
    }

    /// The live documents a node matches.
    mutating func matches(_ node: MatchNode) throws(EngineError) -> DocumentSet {
        if let known = sets[node] { return known }
        var out: DocumentSet
        switch node {
        case .term, .prefix, .phrase:
            out = try leaf(node).set
        case .all(let required, let excluded):
            out = DocumentSet(capacity: snapshot.capacity)
            if let first = required.first {
                out = try matches(first)
                for other in required.dropFirst() where !out.isEmpty { out.formIntersection(try matches(other)) }
            }
            for other in excluded where !out.isEmpty { out.subtract(try matches(other)) }
        case .any(let nodes):
            out = DocumentSet(capacity: snapshot.capacity)
            for other in nodes { out.formUnion(try matches(other)) }
        case .apart(let inner):
            out = try matches(inner)
        }
        sets[node] = out
        return out
    }

    /// The leaves of a node in the order they are written, excluded ones too: each adds its
    /// share to a score (an excluded leaf adds nothing, as it never occurs in a match).
    static func leaves(of node: MatchNode) -> [MatchNode] {
        switch node {
        case .term, .prefix, .phrase: return [node]
        case .all(let required, let excluded): return (required + excluded).flatMap(leaves)
        case .any(let nodes): return nodes.flatMap(leaves)
        case .apart(let inner): return leaves(of: inner)
        }
    }

    /// The score of each of `docs` (ascending) for the question `node`: per leaf, its idf times
    /// its weighted, normalised occurrences, saturated.
    mutating func score(_ docs: [Int], by node: MatchNode) throws(EngineError) -> [Double] {
        let scoring = LeafScoring(snapshot)
        var scores = [Double](repeating: 0, count: docs.count)
        scored += docs.count
        for leafNode in Self.leaves(of: node) {
            let leaf = try leaf(leafNode)
            let idf = try idf(of: leafNode, leaf, scoring)
            // Both lists ascend: one walk finds each candidate's weight in the leaf.
            var j = 0
            for (i, doc) in docs.enumerated() {
                while j < leaf.documents.count && leaf.documents[j] < doc { j += 1 }
                if j == leaf.documents.count { break }
                guard leaf.documents[j] == doc else { continue }
                scores[i] += scoring.score(idf: idf, weight: leaf.weights[j])
            }
        }
        return scores
    }

    /// A leaf's idf: a term's or prefix's from the live entries it matches (`leaf`), a
    /// phrase's the sum of its words' (as Lucene and tantivy weigh a phrase). A walk knows
    /// that before it has found the phrase's matches, so a phrase is pruned as a term is
    /// (`LeafPostings`).
    func idf(of node: MatchNode, _ leaf: Leaf, _ scoring: LeafScoring) throws(EngineError) -> Double {
        guard case .phrase(let words) = node else { return scoring.idf(matches: leaf.set.count) }
        return try snapshot.phraseIdf(words.map { Array($0.utf8) }, scoring)
    }

    /// A term's, prefix's or phrase's live documents and weighted occurrences.
    mutating func leaf(_ node: MatchNode) throws(EngineError) -> Leaf {
        if let known = leaves[node] { return known }
        var leaf = Leaf(set: DocumentSet(capacity: snapshot.capacity))
        let scoring = LeafScoring(snapshot)
        var sums = PrefixSums()
        // Segments are numbered in order, so appending segment after segment keeps the
        // documents ascending.
        for (s, segment) in snapshot.segments.enumerated() {
            switch node {
            case .term(let term):
                if let t = segment.lookup(TermEncoding.bytes(term)) { try add([t], s, scoring, &leaf, &sums) }
            case .prefix(let term):
                let range = segment.range(withPrefix: TermEncoding.bytes(term))
                if !range.isEmpty { try add(Array(range), s, scoring, &leaf, &sums) }
            case .phrase(let words):
                try phrase(words, s, scoring, &leaf)
            default:
                break
            }
        }
        leaves[node] = leaf
        return leaf
    }

    /// Appends the live documents of one segment that hold any of `terms`, with their weighted
    /// occurrences summed over the terms.
    private func add(_ terms: [Int], _ s: Int, _ scoring: LeafScoring, _ leaf: inout Leaf, _ scratch: inout PrefixSums) throws(EngineError) {
        let segment = snapshot.segments[s], base = snapshot.bases[s]
        let norms = snapshot.norms[s].buffer
        func weighted(_ cursor: PostingCursor) -> Double {
            scoring.weighted(fields: segment.fieldCount, frequency: cursor.frequency, doc: cursor.document, norms: norms)
        }
        if terms.count == 1 {
            var cursor = try PostingCursor(segment: segment, term: terms[0])
            leaf.documents.reserveCapacity(leaf.documents.count + cursor.documentFrequency)
            leaf.weights.reserveCapacity(leaf.weights.count + cursor.documentFrequency)
            try cursor.advance(to: 0)
            while cursor.document != PostingCursor.exhausted {
                let doc = base + cursor.document
                if snapshot.live.contains(doc) { leaf.append(doc, weighted(cursor)) }
                try cursor.next()
            }
            return
        }
        // Several terms (a prefix): their postings interleave, so the weights are summed in
        // one slot per document of the segment and read back in order.
        scratch.prepare(segment.documentCount)
        var held = 0
        for t in terms {
            var cursor = try PostingCursor(segment: segment, term: t)
            try cursor.advance(to: 0)
            while cursor.document != PostingCursor.exhausted {
                if !scratch.holds[cursor.document] {
                    scratch.holds[cursor.document] = true
                    held += 1
                }
                scratch.sums[cursor.document] += weighted(cursor)
                try cursor.next()
            }
        }
        leaf.documents.reserveCapacity(leaf.documents.count + held)
        leaf.weights.reserveCapacity(leaf.weights.count + held)
        for d in 0..<segment.documentCount where scratch.holds[d] {
            if snapshot.live.contains(base + d) { leaf.append(base + d, scratch.sums[d]) }
            scratch.sums[d] = 0
            scratch.holds[d] = false
        }
    }

    /// Documents where the words stand at consecutive positions in one field (`PhraseCursor`);
    /// each start of the phrase counts as one occurrence.
    private func phrase(_ words: [String], _ s: Int, _ scoring: LeafScoring, _ leaf: inout Leaf) throws(EngineError) {
        let segment = snapshot.segments[s], base = snapshot.bases[s]
        let norms = snapshot.norms[s].buffer
        guard var phrase = try PhraseCursor(segment: segment, terms: words.map { segment.lookup(Array($0.utf8)) }) else { return }
        try phrase.advance(to: 0)
        while phrase.document != PostingCursor.exhausted {
            let d = phrase.document
            if snapshot.live.contains(base + d) {
                leaf.append(base + d, scoring.weighted(fields: segment.fieldCount, frequency: { phrase.occurrences[$0] }, doc: d, norms: norms))
            }
            try phrase.advance(to: d + 1)
        }
    }

    /// Counts by deciding body, year and latest outcome over `documents`: the 20 most frequent
    /// of each, ties in byte order. Counted from each segment's (kind, string) pairs
    /// (`ValueColumns`), so a facet over most of a large archive reads its pairs' entry lists,
    /// not every entry's values. An entry counts once per body it names; it has one date and
    /// one latest outcome (the store writes one of each).
    func facets(of documents: DocumentSet) -> Facets {
        var bodies: [String: Int] = [:], years: [String: Int] = [:], outcomes: [String: Int] = [:]
        for (s, segment) in snapshot.segments.enumerated() {
            let columns = segment.columns, base = snapshot.bases[s]
            func count(_ kind: DocumentValues.Kind, into counts: inout [String: Int], _ key: (String) -> String) {
                for p in columns.pairs(of: kind) {
                    var n = 0
                    columns.forEachHolder(of: p) { if documents.contains(base + $0) { n += 1 } }
                    if n > 0 { counts[key(columns.string(columns.pair(p).string)), default: 0] += n }
                }
            }
            count(.decidingBody, into: &bodies) { $0 }
            count(.sortDate, into: &years) { String($0.prefix(4)) }
            count(.latestOutcome, into: &outcomes) { $0 }
        }
        func top(_ counts: [String: Int]) -> [Facets.Count] {
            counts.sorted { $0.value != $1.value ? $0.value > $1.value : Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
                .prefix(20).map { Facets.Count(value: $0.key, count: $0.value) }
        }
        return Facets(committee: top(bodies), year: top(years), outcome: top(outcomes))
    }
}

/// An entry's date (`DocumentValues.Kind.sortDate`, ISO 8601, so byte order is date order)
/// as a number in the same order: its first 16 bytes, big-endian, which hold a date and a time
/// of day; 0 for an entry without one. Sorting by date compares numbers, and no date is made
/// into a string per entry.
struct DateKey: Comparable {
    var high: UInt64 = 0
    var low: UInt64 = 0

    init() {}

    /// Document `doc`'s key, from its first date.
    init(of doc: Int, in snapshot: IndexSnapshot) {
        let (s, d) = snapshot.locate(doc)
        let columns = snapshot.segments[s].columns
        guard let n = columns.numbers(.sortDate, of: d).first else { return }
        let bytes = columns.stringBytes(n)
        for i in 0..<16 {
            let byte = UInt64(i < bytes.count ? bytes[i] : 0)
            if i < 8 { high |= byte << UInt64(8 * (7 - i)) } else { low |= byte << UInt64(8 * (15 - i)) }
        }
    }

    static func < (a: DateKey, b: DateKey) -> Bool { (a.high, a.low) < (b.high, b.low) }
}
