import ReferatIndex

/// Top k in relevance order with block-max pruning.
///
/// Of the two classic ways, block-max WAND (pick a pivot from the sorted cursors) and
/// MaxScore (split terms into essential and not), neither fits a query tree of tiers, ANDs,
/// ORs, exclusions and compound parts as is; what both rest on does: a sum of per-block score
/// bounds over a window of documents, checked against the page's worst hit, skips the window.
///
/// Tier by tier (see `IndexSnapshot.search`), the documents that can match the tier are
/// walked in order: those of the leaves one of which every match must hold (`generator`: a
/// leaf itself, all branches of an OR, the cheapest branch of an AND). Before a candidate is
/// tested, the bounds of the scoring question's leaves over the stretch of documents ahead
/// (`LeafPostings.window`) are summed; while the page is full and that sum cannot beat its
/// worst hit, the whole stretch is skipped without decoding it. A candidate that remains is
/// tested against the tier and scored exactly as exhaustive scoring does (`LeafScoring`, the
/// leaves in the same order, so the very same numbers): pruning changes which documents are
/// looked at, never the page.
///
/// Counting every match is what pruning avoids, so the total is exact up to `countLimit`
/// and "at least `countLimit`" beyond it.
extension QueryRun {
    /// Matches are counted up to this many; a total at the limit is a lower bound.
    static let countLimit = 1000

    /// A bound this close to a hit's score is not trusted to skip: sums in another order
    /// round differently.
    static let slack = 1 + 1e-9

    mutating func prunedSearch(_ query: IndexQuery, _ match: MatchNode) throws(EngineError) -> RankedPage {
        let wanted = max(0, query.offset) + max(0, query.limit)
        // A phrase that the walks go by (`generator`) is walked once up to the count limit:
        // with fewer matches it is then ranked and counted from its list, with more it counts
        // as "at least" the limit (`matchesAtLeast`); either way its positions are not read
        // a second time by the count. (A phrase beside a rarer word is only read where that
        // word is, and is left to the walks.)
        if Self.leaves(of: match).contains(where: { if case .phrase = $0 { true } else { false } }) {
            for node in try generator(match) {
                if case .phrase = node { postingsCache[node] = try postings(node).counted(upTo: Self.countLimit) }
            }
        }
        let tiers = Self.tiers(match)
        let filtered = !query.filters.isEmpty
        let check: FilterCheck? = filtered ? FilterCheck(query.filters, in: snapshot) : nil
        var ranked: [Ranked] = []
        for t in tiers.indices where ranked.count < wanted {
            // As exhaustive search ranks: without filters each tier by its own question and
            // outside the tier before it; with filters by the whole query, outside every
            // narrower tier.
            let scoring = !filtered && t < tiers.count - 1 ? tiers[t] : match
            let outside = filtered ? Array(tiers[..<t]) : t > 0 ? [tiers[t - 1]] : []
            // With filters a match of a narrower tier must match the whole query too.
            let inside = filtered && t < tiers.count - 1 ? [tiers[t], match] : [tiers[t]]
            ranked += try prunedTier(t, inside: inside, outside: outside, scoring: scoring, k: wanted - ranked.count, check: check)
        }
        let (total, atLeast) = try countMatches(match, check: check)
        let entries = ranked.dropFirst(max(0, query.offset)).map { RankedEntry(id: Int64(bitPattern: $0.id), score: $0.score, exact: $0.tier == 0) }
        return RankedPage(total: total, entries: entries, facets: nil, totalIsLowerBound: atLeast)
    }

    /// The best `k` documents of tier `t`: those that match every node of `inside` (the tier
    /// first) and none of `outside`, scored by `scoring`.
    private mutating func prunedTier(_ t: Int, inside: [MatchNode], outside: [MatchNode], scoring: MatchNode, k: Int,
                                     check: FilterCheck?) throws(EngineError) -> [Ranked] {
        var walk = try self.walk(inside + [scoring] + outside)
        let generator = try self.generator(inside[0]).map { walk.number[$0]! }
        // A tier of one leaf that leads the walk is matched by every candidate.
        let member = LeafMatcher.all(inside.map { walk.matcher($0) }, excluding: outside.map { walk.matcher($0) }).simplified
        let test = MatchProgram(member)
        let implied: Bool
        if case .leaf(let i) = member, generator == [i] { implied = true } else { implied = false }
        let scoringLeaves = Self.leaves(of: scoring).map { walk.number[$0]! }
        let formula = LeafScoring(snapshot)
        var top = TopK<Ranked>(k: k, before: Ranked.bestFirst)
        // The page's worst score once it is full, and the bound of the scoring leaves over the
        // documents up to `windowEnd` (valid for every document there, whatever the threshold).
        var threshold = -Double.infinity
        // With filters, ties are broken by date as exhaustive scoring breaks them.
        func offer(_ d: Int, _ score: Double, _ check: FilterCheck?) {
            top.offer(Ranked(doc: d, id: snapshot.id(of: d), score: score, tier: t, date: check == nil ? DateKey() : DateKey(of: d, in: snapshot)))
            if let worst = top.worst { threshold = worst.score }
        }
        if implied, scoringLeaves == generator, walk.leaves[generator[0]].isTerm {
            // One term: its blocks read whole, one after the other (the walk below, without
            // its per-document steps), a block skipped unread when its bound cannot reach
            // the page.
            // Walked from a local copy: reading an element of the walk's array in the loop
            // copies the whole struct each time.
            var leaf = walk.leaves[generator[0]]
            let idf = leaf.idf
            var target = 0
            while let (c, b, last) = leaf.nextBlock(from: target) {
                // A block none of whose documents the filters pass is not read.
                let skipped = check.map { $0.next(from: target) > last } ?? false
                target = last + 1
                if skipped { continue }
                if threshold > -.infinity, leaf.blockBound(c, b) * Self.slack < threshold { continue }
                for i in 0..<(try leaf.load(c, b)) {
                    let (d, weight) = leaf.loaded(i)
                    guard snapshot.live.contains(d), check?.passes(d) ?? true else { continue }
                    scored += 1
                    // As `score(_:by:)` sums one leaf: 0 plus its score.
                    let score = 0.0 + formula.score(idf: idf, weight: weight)
                    if !(score < threshold) { offer(d, score, check) }
                }
            }
            return top.sorted
        }
        // A tier that is an AND of leaves (no exclusions) is tested leaf by leaf, and a leaf
        // that stands past the candidate moves the walk there (leapfrogging).
        var conjunction: [Int]? = nil
        if case .all(let required, let excluded) = member, excluded.isEmpty {
            conjunction = required.compactMap { if case .leaf(let i) = $0 { i } else { nil } }
            if conjunction!.count != required.count { conjunction = nil }
        }
        // A phrase every candidate holds, scored once and excluded nowhere, reads its positions
        // only where it could still lift a document onto the page (`LeafPostings.floor`): a
        // document it passes over cannot reach the page, whatever else it matches.
        let excluded = Set((inside + [scoring] + outside).flatMap(Self.excludedLeaves).map { walk.number[$0]! })
        var floored: [(leaf: Int, others: Double)] = []
        for i in conjunction ?? (implied ? generator : []) where walk.leaves[i].isPhrase && !excluded.contains(i)
            && scoringLeaves.count(where: { $0 == i }) == 1 {
            var others = 0.0
            for j in scoringLeaves where j != i { others += walk.leaves[j].best() }
            floored.append((i, others))
        }
        var windowBound = 0.0, windowEnd = -1
        var d = 0
        // The lists the loop reads at every candidate, in memory of their own (`Pinned`).
        let generatorList = Pinned(generator), scoringList = Pinned(scoringLeaves), conjunctionList = conjunction.map(Pinned.init)
        defer { withExtendedLifetime((generatorList, scoringList, conjunctionList)) {} }
        // The leaves are read in place through one buffer: through the walk's array, each
        // access paid a uniqueness check and reference counting.
        try walk.leaves.withUnsafeMutableBufferPointer { (leaves: inout UnsafeMutableBufferPointer<LeafPostings>) throws(EngineError) in
            let leaves = leaves
            let generator = generatorList.items, scoringLeaves = scoringList.items, conjunction = conjunctionList?.items
            walking: while true {
                d = try LeafWalk.next(at: d, among: generator, leaves)
                if d == LeafPostings.exhausted { break }
                if threshold > -.infinity {
                    if d > windowEnd {
                        windowBound = 0
                        windowEnd = Int.max
                        for i in scoringLeaves {
                            let w = leaves[i].window(at: d)
                            windowBound += w.bound
                            windowEnd = min(windowEnd, w.upTo)
                        }
                    }
                    if windowBound * Self.slack < threshold {
                        if windowEnd == Int.max { break }
                        d = windowEnd + 1
                        continue
                    }
                }
                guard snapshot.live.contains(d) else {
                    d += 1
                    continue
                }
                // A document the filters turn away moves the walk to the next they pass.
                if let check, !check.passes(d) {
                    d = check.next(from: d)
                    if d == LeafPostings.exhausted { break }
                    continue
                }
                if let conjunction {
                    for i in conjunction {
                        try leaves[i].advance(to: d)
                        let at = leaves[i].document
                        if at == LeafPostings.exhausted { break walking }
                        if at != d {
                            d = at
                            continue walking
                        }
                    }
                }
                let matches = try implied || conjunction != nil ? true : test.holds(d, leaves)
                if matches {
                    // Summed as `score(_:by:)` sums: leaf by leaf in the question's order.
                    scored += 1
                    var score = 0.0
                    for i in scoringLeaves {
                        try leaves[i].advance(to: d)
                        if leaves[i].document == d {
                            score += formula.score(idf: leaves[i].idf, weight: leaves[i].weight)
                        }
                    }
                    if !(score < threshold) {
                        offer(d, score, check)
                        if threshold > -.infinity {
                            for (i, others) in floored { leaves[i].floor = (threshold, others) }
                        }
                    }
                }
                d += 1
            }
        }
        return top.sorted
    }

    /// The leaves of `node` that stand under an exclusion.
    static func excludedLeaves(of node: MatchNode) -> [MatchNode] {
        switch node {
        case .term, .prefix, .phrase: return []
        case .all(let required, let excluded): return required.flatMap(excludedLeaves) + excluded.flatMap(leaves)
        case .any(let nodes): return nodes.flatMap(excludedLeaves)
        case .apart(let inner): return excludedLeaves(of: inner)
        }
    }

    /// The live documents that match `match` (and pass the filters), counted up to
    /// `countLimit`; true when the count stopped there.
    private mutating func countMatches(_ match: MatchNode, check: FilterCheck?) throws(EngineError) -> (Int, Bool) {
        // A leaf the search has opened knows its live entries: when one that every match of
        // an OR may be is held by as many as the limit, so is the query, without a walk.
        if check == nil, matchesAtLeast(match) >= Self.countLimit { return (Self.countLimit, true) }
        var walk = try self.walk([match], scored: false)
        let test = MatchProgram(walk.matcher(match).simplified)
        let generator = try self.generator(match, scored: false).map { walk.number[$0]! }
        var count = 0, d = 0
        let generatorList = Pinned(generator)
        defer { withExtendedLifetime(generatorList) {} }
        return try walk.leaves.withUnsafeMutableBufferPointer { (leaves: inout UnsafeMutableBufferPointer<LeafPostings>) throws(EngineError) -> (Int, Bool) in
            let leaves = leaves, generator = generatorList.items
            while true {
                d = try LeafWalk.next(at: d, among: generator, leaves)
                if d == LeafPostings.exhausted { return (count, false) }
                if let check, !check.passes(d) {
                    d = check.next(from: d)
                    if d == LeafPostings.exhausted { return (count, false) }
                    continue
                }
                if snapshot.live.contains(d), try test.holds(d, leaves) {
                    count += 1
                    if count == Self.countLimit { return (count, true) }
                }
                d += 1
            }
        }
    }

    /// At least how many live entries match `node`, from the leaves this search has opened
    /// (0 where it cannot tell without a walk).
    func matchesAtLeast(_ node: MatchNode) -> Int {
        switch node {
        case .term, .prefix, .phrase: return postingsCache[node]?.live ?? 0
        case .any(let nodes): return nodes.map(matchesAtLeast).max() ?? 0
        case .all(let required, let excluded): return required.count == 1 && excluded.isEmpty ? matchesAtLeast(required[0]) : 0
        case .apart(let inner): return matchesAtLeast(inner)
        }
    }

    /// Leaves one of which every match of `node` holds, as few and as short as can be found:
    /// a leaf itself, every branch's of an OR, the shortest required branch's of an AND.
    mutating func generator(_ node: MatchNode, scored: Bool = true) throws(EngineError) -> [MatchNode] {
        switch node {
        case .term, .prefix, .phrase:
            return [node]
        case .any(let nodes):
            var out: [MatchNode] = []
            for n in nodes { out += try generator(n, scored: scored) }
            return out
        case .all(let required, _):
            var best: [MatchNode] = [], cost = Int.max
            for n in required {
                let leaves = try generator(n, scored: scored)
                var length = 0
                for leaf in leaves { length += try postings(leaf, scored: scored).length }
                if length < cost { (best, cost) = (leaves, length) }
            }
            return best
        case .apart(let inner):
            return try generator(inner, scored: scored)
        }
    }

    /// Fresh postings of the leaves of `nodes`, numbered; without what scoring needs when not
    /// `scored`.
    mutating func walk(_ nodes: [MatchNode], scored: Bool = true) throws(EngineError) -> LeafWalk {
        var walk = LeafWalk()
        for node in nodes {
            for leaf in Self.leaves(of: node) where walk.number[leaf] == nil {
                walk.number[leaf] = walk.leaves.count
                walk.leaves.append(try postings(leaf, scored: scored))
            }
        }
        return walk
    }

    /// A leaf's postings, opened once per search and copied fresh for each walk. A term or
    /// phrase only walked (`scored` false: counting) is opened without its idf, which costs a
    /// look at the deleted documents, and is not kept.
    mutating func postings(_ node: MatchNode, scored: Bool = true) throws(EngineError) -> LeafPostings {
        if let known = postingsCache[node] { return known }
        let scoring = LeafScoring(snapshot)
        let out: LeafPostings
        switch node {
        case .term(let term) where !scored:
            return try LeafPostings(term: TermEncoding.bytes(term), in: snapshot, scoring: nil)
        case .term(let term): out = try LeafPostings(term: TermEncoding.bytes(term), in: snapshot, scoring: scoring)
        case .phrase(let words) where !scored:
            return try LeafPostings(phrase: words.map { Array($0.utf8) }, in: snapshot, scoring: nil)
        case .phrase(let words): out = try LeafPostings(phrase: words.map { Array($0.utf8) }, in: snapshot, scoring: scoring)
        default: out = LeafPostings(listed: try leaf(node), in: snapshot, scoring: scoring)
        }
        postingsCache[node] = out
        return out
    }
}

/// The leaves of a few query nodes, numbered, with fresh postings: one walk over the
/// documents in order.
struct LeafWalk {
    var leaves: [LeafPostings] = []
    var number: [MatchNode: Int] = [:]


    func matcher(_ node: MatchNode) -> LeafMatcher {
        switch node {
        case .term, .prefix, .phrase: return .leaf(number[node]!)
        case .all(let required, let excluded): return .all(required.map(matcher), excluding: excluded.map(matcher))
        case .any(let nodes): return .any(nodes.map(matcher))
        case .apart(let inner): return matcher(inner)
        }
    }

    /// The first document at or after `d` that one of `generator` holds, or `exhausted`.
    static func next(at d: Int, among generator: UnsafeBufferPointer<Int>, _ leaves: UnsafeMutableBufferPointer<LeafPostings>) throws(EngineError) -> Int {
        var next = LeafPostings.exhausted
        for g in generator {
            try leaves[g].advance(to: d)
            next = min(next, leaves[g].document)
        }
        return next
    }
}

/// A list of leaf numbers in memory of its own, for the loops that read it at every candidate:
/// iterating an array the walk's closure captured retained and released its storage each
/// time (a tenth of a search's profile).
final class Pinned {
    let items: UnsafeBufferPointer<Int>

    init(_ list: [Int]) {
        let memory = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(1, list.count))
        _ = memory.initialize(from: list)
        items = UnsafeBufferPointer(rebasing: memory[..<list.count])
    }

    deinit { UnsafeMutableRawPointer(mutating: items.baseAddress!).deallocate() }
}
