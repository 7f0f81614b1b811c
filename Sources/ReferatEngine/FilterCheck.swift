import ReferatIndex

/// Whether a document passes a query's filters (`EntryFilters`): every filter must hold for
/// some value of its kind.
///
/// Each filter's test runs once per distinct string of a segment (`ValueColumns`) and the
/// answer is remembered, so a filter over every match of a common word reads numbers.
struct FilterCheck {
    /// One filter: the kind of value it reads, and what a value must satisfy.
    private struct Test {
        var kind: DocumentValues.Kind
        var accepts: (String) -> Bool
    }

    private let tests: [Test]
    private let snapshot: IndexSnapshot
    /// Per segment and test, per distinct string: 0 not yet tested, 1 passes, 2 fails; one
    /// array, each segment's and test's run starting at `answerStarts[segment * tests + test]`.
    private var answers: [UInt8]
    private let answerStarts: [Int]
    /// The segment last asked about: its number, its documents, its columns.
    private var segment = 0, segmentStart = 0, segmentEnd = 0
    private var columns: ValueColumns?

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
        self.tests = tests
        self.snapshot = snapshot
        var starts: [Int] = [], total = 0
        for segment in snapshot.segments {
            for _ in tests {
                starts.append(total)
                total += segment.columns.stringCount
            }
        }
        answerStarts = starts
        answers = [UInt8](repeating: 0, count: total)
    }

    /// Whether document `doc` passes every filter. Documents come mostly in ascending order:
    /// the segment of the last one is asked first.
    mutating func passes(_ doc: Int) -> Bool {
        if tests.isEmpty { return true }
        if doc < segmentStart || doc >= segmentEnd { enter(doc) }
        let values = columns!.valueRange(of: doc - segmentStart)
        for t in tests.indices {
            let kind = tests[t].kind.rawValue, first = answerStarts[segment * tests.count + t]
            var passed = false
            for i in values where columns!.kind(at: i) == kind {
                let n = columns!.number(at: i)
                if answers[first + n] == 0 { answers[first + n] = tests[t].accepts(columns!.string(n)) ? 1 : 2 }
                if answers[first + n] == 1 {
                    passed = true
                    break
                }
            }
            if !passed { return false }
        }
        return true
    }

    /// Makes the segment holding `doc` the one asked first.
    private mutating func enter(_ doc: Int) {
        let (s, _) = snapshot.locate(doc)
        segment = s
        segmentStart = snapshot.bases[s]
        segmentEnd = segmentStart + snapshot.segments[s].documentCount
        columns = snapshot.segments[s].columns
    }
}
