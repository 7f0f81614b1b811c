/// A segment's document values by kind, as numbers into a table of the segment's distinct
/// strings: an archive repeats the same committees, dates and people in thousands of entries,
/// so a filter tests each distinct string once per query and then reads numbers.
struct ValueColumns: Sendable {
    /// The distinct strings of all kinds.
    let strings: [String]
    /// Per kind (by raw value): where each document's numbers start, one more than documents.
    private let starts: [[Int32]]
    private let numbers: [[Int32]]

    /// Builds the columns a document at a time, as a segment is opened.
    struct Builder {
        private static let kinds = Int(DocumentValues.Kind.allCases.map(\.rawValue).max() ?? 0) + 1
        private var table: [String: Int32] = [:], strings: [String] = []
        private var starts = [[Int32]](repeating: [0], count: kinds)
        private var numbers = [[Int32]](repeating: [], count: kinds)

        mutating func add(_ document: DocumentValues) {
            for value in document.values {
                let number: Int32
                if let known = table[value.text] {
                    number = known
                } else {
                    number = Int32(strings.count)
                    table[value.text] = number
                    strings.append(value.text)
                }
                numbers[Int(value.kind.rawValue)].append(number)
            }
            for k in 0..<Self.kinds { starts[k].append(Int32(numbers[k].count)) }
        }

        var columns: ValueColumns { ValueColumns(strings: strings, starts: starts, numbers: numbers) }
    }

    private init(strings: [String], starts: [[Int32]], numbers: [[Int32]]) {
        self.strings = strings
        self.starts = starts
        self.numbers = numbers
    }

    /// The numbers of a document's values of one kind, in the order added.
    func numbers(_ kind: DocumentValues.Kind, of document: Int) -> ArraySlice<Int32> {
        let k = Int(kind.rawValue)
        return numbers[k][Int(starts[k][document])..<Int(starts[k][document + 1])]
    }
}

/// A segment's documents' values by local number, decoded from the mapped documents section
/// when asked (facets, the records' values by id, merges): a search keeps only their
/// `ValueColumns` in memory.
public struct StoredValues: RandomAccessCollection, Sendable {
    let bytes: SegmentBytes
    private let base: Int
    private let end: Int
    /// Where each document's values start, from `base`.
    private let starts: [UInt32]

    init(bytes: SegmentBytes, base: Int, end: Int, starts: [UInt32]) {
        self.bytes = bytes
        self.base = base
        self.end = end
        self.starts = starts
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count }

    /// Document `d`'s values; none should the file have been cut short under the reader
    /// (checked at opening; `SegmentReader.checkIntact()` reports it).
    public subscript(d: Int) -> DocumentValues {
        guard var reader = try? ByteReader(bytes, from: base + Int(starts[d]), to: end),
              let values = try? DocumentValues.decode(&reader) else { return DocumentValues() }
        return values
    }
}
