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
    /// One filter: the kind of value it reads, and what a value must satisfy.
    private struct Test {
        var kind: DocumentValues.Kind
        var accepts: (String) -> Bool
    }

    /// The documents, numbered across the snapshot, that pass every filter (deleted ones too:
    /// the walks check `live` themselves).
    let passing: DocumentSet

    init(_ filters: EntryFilters, in snapshot: IndexSnapshot) {
        var tests: [Test] = []
        for names in filters.committees where !names.isEmpty {
            tests.append(Test(kind: .committee) { c in names.contains { c.contains($0) } })
        }
        if filters.from != nil || filters.to != nil {
            let low = Array((filters.from ?? "0000").utf8)
            // The last day given as a year or a month covers its whole year or month.
            let high = Array((filters.to ?? "9999").utf8) + [0xEF, 0xBF, 0xBF]
            tests.append(Test(kind: .date) { d in !d.utf8.lexicographicallyPrecedes(low) && !high.lexicographicallyPrecedes(d.utf8) })
        }
        if !filters.caseNumbers.isEmpty {
            let numbers = Set(filters.caseNumbers)
            tests.append(Test(kind: .caseNumber) { numbers.contains($0) })
        }
        for person in filters.persons {
            let wanted = person.lowercased()
            tests.append(Test(kind: .person) { $0.contains(wanted) })
        }
        if !filters.parties.isEmpty {
            let parties = Set(filters.parties)
            tests.append(Test(kind: .party) { parties.contains($0) })
        }
        if !filters.outcomes.isEmpty {
            let outcomes = Set(filters.outcomes)
            tests.append(Test(kind: .outcome) { outcomes.contains($0) })
        }
        if !filters.municipalities.isEmpty {
            // A document has one municipality and one kind.
            let wanted = filters.municipalities.map { $0.lowercased() }
            tests.append(Test(kind: .municipality) { m in wanted.contains { m.contains($0) } })
        }
        if !filters.kinds.isEmpty {
            let kinds = Set(filters.kinds)
            tests.append(Test(kind: .documentKind) { kinds.contains($0) })
        }
        var passing = DocumentSet(capacity: snapshot.capacity)
        for (s, segment) in snapshot.segments.enumerated() {
            let columns = segment.columns, base = snapshot.bases[s]
            // The segment's documents that pass every test so far, by local number.
            var passed: DocumentSet? = nil
            for test in tests {
                var held = DocumentSet(capacity: segment.documentCount)
                for p in columns.pairs(of: test.kind) where test.accepts(columns.string(columns.pair(p).string)) {
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

    /// Whether document `doc` passes every filter.
    @inline(__always)
    func passes(_ doc: Int) -> Bool { passing.contains(doc) }

    /// The first document at or after `doc` that passes, or `LeafPostings.exhausted`.
    func next(from doc: Int) -> Int { passing.next(from: doc) ?? LeafPostings.exhausted }
}
