import ReferatIndex

/// The documents that pass a query's filters (`EntryFilters`): every filter must hold for
/// some value of its kind.
///
/// Each filter's test runs once per distinct (kind, string) pair of a segment, and the
/// documents of the pairs it accepts are gathered from the segment's holders
/// (`ValueColumns`): a filter costs what it passes, not what the query's words match, and
/// a walk steps from one passing document to the next (`next(from:)`) instead of testing
/// every match of a common word.
struct FilterCheck {
    /// One filter: the kind of value it reads, and what a value (its UTF-8 bytes) must satisfy.
    private struct Test {
        var kind: DocumentValues.Kind
        var accepts: (UnsafeBufferPointer<UInt8>) -> Bool
    }

    /// The documents, numbered across the snapshot, that pass every filter (deleted ones too:
    /// the walks check `live` themselves).
    let passing: DocumentSet

    init(_ filters: EntryFilters, in snapshot: IndexSnapshot) {
        var tests: [Test] = []
        for names in filters.committees where !names.isEmpty {
            let names = names.map { Array($0.utf8) }
            tests.append(Test(kind: .committee) { c in names.contains { Self.holds($0, in: c) } })
        }
        if filters.from != nil || filters.to != nil {
            let low = Array((filters.from ?? "0000").utf8)
            // The last day given as a year or a month covers its whole year or month.
            let high = Array((filters.to ?? "9999").utf8) + [0xEF, 0xBF, 0xBF]
            tests.append(Test(kind: .date) { d in !d.lexicographicallyPrecedes(low) && !high.lexicographicallyPrecedes(d) })
        }
        if !filters.caseNumbers.isEmpty {
            let numbers = Set(filters.caseNumbers.map { Array($0.utf8) })
            tests.append(Test(kind: .caseNumber) { numbers.contains(Array($0)) })
        }
        for person in filters.persons {
            let wanted = Array(person.lowercased().utf8)
            tests.append(Test(kind: .person) { Self.holds(wanted, in: $0) })
        }
        if !filters.parties.isEmpty {
            let parties = Set(filters.parties.map { Array($0.utf8) })
            tests.append(Test(kind: .party) { parties.contains(Array($0)) })
        }
        if !filters.outcomes.isEmpty {
            let outcomes = Set(filters.outcomes.map { Array($0.utf8) })
            tests.append(Test(kind: .outcome) { outcomes.contains(Array($0)) })
        }
        if !filters.municipalities.isEmpty {
            // A document has one municipality and one kind.
            let wanted = filters.municipalities.map { Array($0.lowercased().utf8) }
            tests.append(Test(kind: .municipality) { m in wanted.contains { Self.holds($0, in: m) } })
        }
        if !filters.kinds.isEmpty {
            let kinds = Set(filters.kinds.map { Array($0.utf8) })
            tests.append(Test(kind: .documentKind) { kinds.contains(Array($0)) })
        }
        var passing = DocumentSet(capacity: snapshot.capacity)
        for (s, segment) in snapshot.segments.enumerated() {
            let columns = segment.columns, base = snapshot.bases[s]
            // The segment's documents that pass every test so far, by local number.
            var passed: DocumentSet? = nil
            for test in tests {
                var held = DocumentSet(capacity: segment.documentCount)
                for p in columns.pairs(of: test.kind) where test.accepts(columns.stringBytes(columns.pair(p).string)) {
                    columns.forEachHolder(of: p) { held.insert($0) }
                }
                if passed != nil { passed!.formIntersection(held) } else { passed = held }
                if passed!.isEmpty { break }
            }
            guard let passed else {
                for d in 0..<segment.documentCount { passing.insert(base + d) }
                continue
            }
            for d in passed.members { passing.insert(base + d) }
        }
        self.passing = passing
    }

    /// Whether `needle` stands in `haystack`, byte for byte: the substring filters' test, run
    /// on each distinct value's bytes where it lies (a `String` made and searched per value was
    /// a sixth of a filtered search). Values and filters are folded the same way, so bytes
    /// compare as their letters do.
    static func holds(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        for i in 0...(haystack.count - needle.count) where haystack[i] == first {
            var j = 1
            while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
            if j == needle.count { return true }
        }
        return false
    }

    /// Whether document `doc` passes every filter.
    @inline(__always)
    func passes(_ doc: Int) -> Bool { passing.contains(doc) }

    /// The first document at or after `doc` that passes, or `LeafPostings.exhausted`.
    func next(from doc: Int) -> Int { passing.next(from: doc) ?? LeafPostings.exhausted }
}
