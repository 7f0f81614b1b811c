/// A routing grid: the committees a case may pass, one abbreviation a line as column headers,
/// followed by one cell a line, blank or holding a mark under the committees that handle it.
/// Web exports of some case systems print every item's routing this way.
///
///     DIR
///     KFU
///     TMU
///     ØKE
///     ␠
///     ␠X
///     ␠
///     ␠
///     // RoutingGrid(line: 1, committees: ["KFU"])
///
/// The grid is read on the raw lines, because the cleaner turns a line of spaces (an empty
/// cell) into a paragraph break and the cells' positions would be lost. Its headers are not
/// content: every item repeats all of them, and a search for one committee's letters must
/// not find every item of the municipality. What it says, the marked committees, becomes the
/// case's routing.
struct RoutingGrid: Sendable, Equatable {
    /// The source line of the first header.
    var line: Int
    /// The marked columns' abbreviations, in the grid's order.
    var committees: [String]

    /// Fewer headers than this are a short list of abbreviations, not a grid.
    static let minimumColumns = 4

    /// Whether `cells` cells under `columns` headers make a grid: a list of abbreviations
    /// followed by a paragraph break or two is not one, and a converter may drop the last
    /// empty cells, but not most of them.
    static func isGrid(columns: Int, cells: Int) -> Bool {
        columns >= minimumColumns && cells >= 3 && cells * 2 >= columns
    }
    /// What a marked cell holds.
    static let marks: Set<String> = ["x", "X", "×", "✓", "✔"]

    /// The grids in `raw` (lines as split, not yet normalised), each with the indices of
    /// `raw` it spans.
    static func find(in raw: [SourceLine]) -> [(grid: RoutingGrid, span: Range<Int>)] {
        var found: [(RoutingGrid, Range<Int>)] = []
        var i = 0
        while i < raw.count {
            guard abbreviation(raw[i].text) != nil else { i += 1; continue }
            var headers: [String] = []
            var j = i
            // Exactly empty lines are a converter's spacing, not cells.
            while j < raw.count {
                if raw[j].text.isEmpty { j += 1; continue }
                guard let a = abbreviation(raw[j].text) else { break }
                headers.append(a)
                j += 1
            }
            var cells: [Bool] = []
            while j < raw.count, cells.count < headers.count, headers.count >= minimumColumns {
                let text = raw[j].text
                if text.isEmpty { j += 1; continue }
                if text.isAllWhitespace {
                    cells.append(false)
                } else if marks.contains(text.trimmingWhitespace) {
                    cells.append(true)
                } else {
                    break
                }
                j += 1
            }
            if isGrid(columns: headers.count, cells: cells.count) {
                let marked = zip(headers, cells).filter(\.1).map(\.0)
                found.append((RoutingGrid(line: raw[i].number, committees: marked), i..<j))
            }
            i = max(j, i + 1)
        }
        return found
    }

    /// The abbreviation a header line holds: 2–6 capital letters, spaces around them allowed.
    static func abbreviation(_ line: String) -> String? {
        // Guard: six two-byte letters and some spaces at most.
        guard (2...24).contains(line.utf8.count) else { return nil }
        let text = line.trimmingWhitespace
        guard (2...6).contains(text.count), text.allSatisfy({ $0.isLetter && $0.isUppercase }) else { return nil }
        return text
    }
}

extension String {
    /// The text without white space (spaces, no-break spaces, tabs) at either end.
    fileprivate var trimmingWhitespace: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
