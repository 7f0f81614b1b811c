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
    public static let fieldWeights: [Double] = [10, 5, 1]

    /// Runs a search: the total, one page of ranked entries and, when asked, the facets.
    ///
    /// An entry ranks in the first tier it matches: exact forms (`MatchNode.exactTier`), then
    /// every form without a compound's parts written apart (`closeTier`), then the whole
    /// query. Within a tier entries rank by BM25 over the three fields with the weights
    /// above, normalised by the entry's whole length (one saturation per query word, as
    /// referat's FTS5 index ranked before this engine), ties to the newer entry and then the lower
    /// id. Without filters each tier is scored by its own question; with filters or by date,
    /// by the whole query. Every match is scored: the count is exact.
    public func search(_ query: IndexQuery) throws(EngineError) -> RankedPage {
        var run = QueryRun(snapshot: self)
        return try run.search(query)
    }

    /// How many live documents hold the term.
    public func documentFrequency(of term: IndexTerm) throws(EngineError) -> Int {
        var run = QueryRun(snapshot: self)
        return try run.leaf(.term(term)).set.count
    }

    /// Exact-form terms that start with `prefix`, the `limit` held by most live documents,
    /// most first (ties in byte order).
    public func terms(startingWith prefix: String, limit: Int) throws(EngineError) -> [TermFrequency] {
        let bytes = Array(prefix.utf8)
        guard !bytes.isEmpty, bytes.first != TermEncoding.weakMark else { return [] }
        var counts: [[UInt8]: Int] = [:]
        for (s, segment) in segments.enumerated() {
            let deleted = manifest.deleted?[manifest.segments[s]] ?? []
            for i in segment.range(withPrefix: bytes) {
                if deleted.isEmpty {
                    counts[segment.term(at: i), default: 0] += segment.documentFrequency(at: i)
                } else {
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
/// weighted number of occurrences (each field's count times the field's weight).
struct Leaf {
    var set: DocumentSet
    var weighted: [Int: Double]
}

/// One search over a snapshot: leaves are looked up once and shared by the tiers.
struct QueryRun {
    let snapshot: IndexSnapshot
    private var leaves: [MatchNode: Leaf] = [:]
    private var sets: [MatchNode: DocumentSet] = [:]

    init(snapshot: IndexSnapshot) { self.snapshot = snapshot }

    static let k1 = 1.2
    static let b = 0.75

    /// A ranked match: the first tier it matched, its score (higher is better), its date.
    struct Ranked {
        var doc: Int
        var id: UInt64
        var score: Double
        var tier: Int
        var date: String?

        static func bestFirst(_ a: Ranked, _ c: Ranked) -> Bool {
            if a.tier != c.tier { return a.tier < c.tier }
            if a.score != c.score { return a.score > c.score }
            let x = a.date ?? "", y = c.date ?? ""
            if x != y { return Array(y.utf8).lexicographicallyPrecedes(Array(x.utf8)) }
            return a.id < c.id
        }

        static func newestFirst(_ a: Ranked, _ c: Ranked) -> Bool {
            let x = a.date ?? "", y = c.date ?? ""
            if x != y { return Array(y.utf8).lexicographicallyPrecedes(Array(x.utf8)) }
            return bestFirst(a, c)
        }
    }

    mutating func search(_ query: IndexQuery) throws(EngineError) -> RankedPage {
        let wanted = max(0, query.offset) + max(0, query.limit)
        var total = 0
        var ranked: [Ranked] = []
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
                var part = try score(set.members, by: scoring).map { Ranked(doc: $0.doc, id: snapshot.id(of: $0.doc), score: $0.score, tier: t) }
                part.sort(by: Ranked.bestFirst)
                ranked += part.prefix(wanted - ranked.count)
            }
        } else {
            let filters = query.filters
            let candidates = filters.isEmpty ? matched.members : matched.members.filter { Self.passes(snapshot.values(of: $0), filters) }
            total = candidates.count
            let narrower = Array(tiers.dropLast())
            var narrowerSets: [DocumentSet] = []
            for tier in narrower { narrowerSets.append(try matches(tier)) }
            var scores: [(doc: Int, score: Double)] = candidates.map { ($0, 0) }
            if let match = query.match { scores = try score(candidates, by: match) }
            ranked = scores.map { item in
                let tier = query.match == nil ? 1 : (narrowerSets.firstIndex { $0.contains(item.doc) } ?? narrower.count)
                return Ranked(doc: item.doc, id: snapshot.id(of: item.doc), score: item.score, tier: tier,
                              date: snapshot.values(of: item.doc).first(.sortDate))
            }
            ranked.sort(by: query.order == .newestFirst ? Ranked.newestFirst : Ranked.bestFirst)
            ranked = Array(ranked.prefix(wanted))
        }
        let entries = ranked.dropFirst(max(0, query.offset)).map { RankedEntry(id: Int64(bitPattern: $0.id), score: $0.score, exact: $0.tier == 0) }
        var facets: Facets? = nil
        if query.facets {
            let members = query.filters.isEmpty ? matched.members : matched.members.filter { Self.passes(snapshot.values(of: $0), query.filters) }
            facets = Self.facets(members.map { snapshot.values(of: $0) })
        }
        return RankedPage(total: total, entries: entries, facets: facets)
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

    /// Each document's score for the question `node`: per leaf, its idf times its weighted
    /// occurrences saturated against the document's length.
    mutating func score(_ docs: [Int], by node: MatchNode) throws(EngineError) -> [(doc: Int, score: Double)] {
        let n = Double(snapshot.liveCount)
        let average = snapshot.liveCount > 0 ? snapshot.totalLength / n : 1
        var parts: [(idf: Double, weighted: [Int: Double])] = []
        for leafNode in Self.leaves(of: node) {
            let leaf = try leaf(leafNode)
            let hits = Double(leaf.set.count)
            var idf = log((n - hits + 0.5) / (hits + 0.5))
            if idf <= 0 { idf = 1e-6 }
            parts.append((idf, leaf.weighted))
        }
        return docs.map { doc in
            let norm = Self.k1 * (1 - Self.b + Self.b * Double(snapshot.length(of: doc)) / average)
            var total = 0.0
            for part in parts {
                let w = part.weighted[doc] ?? 0
                total += part.idf * (w * (Self.k1 + 1) / (w + norm))
            }
            return (doc, total)
        }
    }

    /// A term's, prefix's or phrase's live documents and weighted occurrences.
    mutating func leaf(_ node: MatchNode) throws(EngineError) -> Leaf {
        if let known = leaves[node] { return known }
        var leaf = Leaf(set: DocumentSet(capacity: snapshot.capacity), weighted: [:])
        let weights = IndexSnapshot.fieldWeights
        for (s, segment) in snapshot.segments.enumerated() {
            let base = snapshot.bases[s]
            switch node {
            case .term(let term):
                if let t = segment.lookup(TermEncoding.bytes(term)) { try add(segment, t, base, weights, &leaf) }
            case .prefix(let term):
                for t in segment.range(withPrefix: TermEncoding.bytes(term)) { try add(segment, t, base, weights, &leaf) }
            case .phrase(let words):
                try phrase(words, segment, base, weights, &leaf)
            default:
                break
            }
        }
        leaves[node] = leaf
        return leaf
    }

    private func add(_ segment: SegmentReader, _ term: Int, _ base: Int, _ weights: [Double], _ leaf: inout Leaf) throws(EngineError) {
        var cursor = try PostingCursor(segment: segment, term: term)
        try cursor.advance(to: 0)
        while cursor.document != PostingCursor.exhausted {
            let doc = base + cursor.document
            if snapshot.live.contains(doc) {
                leaf.set.insert(doc)
                var w = 0.0
                for f in 0..<min(weights.count, segment.fieldCount) { w += weights[f] * Double(cursor.frequency(f)) }
                leaf.weighted[doc, default: 0] += w
            }
            try cursor.next()
        }
    }

    /// Documents where the words stand at consecutive positions in one field; each start of
    /// the phrase counts as one occurrence.
    private func phrase(_ words: [String], _ segment: SegmentReader, _ base: Int, _ weights: [Double], _ leaf: inout Leaf) throws(EngineError) {
        guard !words.isEmpty else { return }
        var cursors: [PostingCursor] = []
        for word in words {
            guard let t = segment.lookup(Array(word.utf8)) else { return }
            cursors.append(try PostingCursor(segment: segment, term: t))
        }
        var d = 0
        search: while true {
            for i in cursors.indices {
                try cursors[i].advance(to: d)
                if cursors[i].document == PostingCursor.exhausted { break search }
                if cursors[i].document != d {
                    d = cursors[i].document
                    continue search
                }
            }
            if snapshot.live.contains(base + d) {
                var w = 0.0
                for f in 0..<segment.fieldCount {
                    var starts = Set(try cursors[0].positions(f))
                    for i in 1..<cursors.count where !starts.isEmpty {
                        let next = Set(try cursors[i].positions(f))
                        starts = starts.filter { UInt64($0) + UInt64(i) <= UInt64(UInt32.max) && next.contains($0 + UInt32(i)) }
                    }
                    if f < weights.count { w += weights[f] * Double(starts.count) }
                }
                if w > 0 {
                    leaf.set.insert(base + d)
                    leaf.weighted[base + d, default: 0] += w
                }
            }
            d += 1
        }
    }

    /// True when a document's values pass every filter (see `EntryFilters`).
    static func passes(_ v: DocumentValues, _ f: EntryFilters) -> Bool {
        for names in f.committees where !names.isEmpty {
            let committees = v.all(.committee)
            guard committees.contains(where: { c in names.contains { c.contains($0) } }) else { return false }
        }
        if f.from != nil || f.to != nil {
            let low = Array((f.from ?? "0000").utf8), high = Array((f.to ?? "9999").utf8) + [0xEF, 0xBF, 0xBF]
            guard v.all(.date).contains(where: { d in
                let bytes = Array(d.utf8)
                return !bytes.lexicographicallyPrecedes(low) && !high.lexicographicallyPrecedes(bytes)
            }) else { return false }
        }
        if !f.caseNumbers.isEmpty {
            let numbers = v.all(.caseNumber)
            guard f.caseNumbers.contains(where: numbers.contains) else { return false }
        }
        for person in f.persons {
            let wanted = person.lowercased()
            guard v.all(.person).contains(where: { $0.contains(wanted) }) else { return false }
        }
        if !f.parties.isEmpty {
            guard v.all(.party).contains(where: f.parties.contains) else { return false }
        }
        if !f.outcomes.isEmpty {
            guard v.all(.outcome).contains(where: f.outcomes.contains) else { return false }
        }
        if !f.municipalities.isEmpty {
            guard let m = v.first(.municipality), f.municipalities.contains(where: { m.contains($0.lowercased()) }) else { return false }
        }
        if !f.kinds.isEmpty {
            guard let kind = v.first(.documentKind), f.kinds.contains(kind) else { return false }
        }
        return true
    }

    /// Counts by deciding body, year and latest outcome: the 20 most frequent of each, ties
    /// in byte order.
    static func facets(_ values: [DocumentValues]) -> Facets {
        func top(_ pick: (DocumentValues) -> [String]) -> [Facets.Count] {
            var counts: [String: Int] = [:]
            for v in values { for value in Set(pick(v)) { counts[value, default: 0] += 1 } }
            return counts.sorted { $0.value != $1.value ? $0.value > $1.value : Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
                .prefix(20).map { Facets.Count(value: $0.key, count: $0.value) }
        }
        return Facets(committee: top { $0.all(.decidingBody) },
                      year: top { $0.first(.sortDate).map { [String($0.prefix(4))] } ?? [] },
                      outcome: top { $0.first(.latestOutcome).map { [$0] } ?? [] })
    }
}
