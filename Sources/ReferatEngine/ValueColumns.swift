/// A segment's document values by kind, as numbers into a table of the segment's distinct
/// strings: an archive repeats the same committees, dates and people in thousands of entries,
/// so a filter tests each distinct string once per query and then reads numbers.
struct ValueColumns: Sendable {
    /// The distinct strings of all kinds.
    let strings: [String]
    /// Per kind (by raw value): where each document's numbers start, one more than documents.
    private let starts: [[Int32]]
    private let numbers: [[Int32]]

    init(_ values: [DocumentValues]) {
        let kinds = Int(DocumentValues.Kind.allCases.map(\.rawValue).max() ?? 0) + 1
        var table: [String: Int32] = [:], strings: [String] = []
        var starts = [[Int32]](repeating: [0], count: kinds)
        var numbers = [[Int32]](repeating: [], count: kinds)
        for document in values {
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
            for k in 0..<kinds { starts[k].append(Int32(numbers[k].count)) }
        }
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
