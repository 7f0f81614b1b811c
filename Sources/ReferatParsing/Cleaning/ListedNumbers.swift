/// A web page's ordered list whose entries carry their own numbers prints both: the list's
/// number, then the item's ("1.  1. Formøde" / "2.  2. Gæster", or "1. 2. Siden sidst" /
/// "1. 3. …" where every entry is the list's first). Where such lines are the page's items,
/// each is rewritten as the item's number and title ("2. Gæster").
///
/// They are the items when two or more count on by one and no numbered title before the first
/// has a number they do not pass and a title none of them has: a page that lists "3. Udbud af
/// kantinedrift" and then, inside that item, "1. 1. Udbud med fokus på økologi" / "2. 2. …" has
/// a list of options, left as it is (a contents list before the items repeats their titles).
/// An inner number before a month is a date ("1. 12. Marts 2031 …"), and one before a word in
/// lower case an ordinal ("1. 2. behandling af budgettet"), neither touched.
enum ListedNumbers {
    static func rewrite(_ lines: inout [SourceLine]) {
        var found: [(index: Int, inner: Int, title: Substring)] = []
        for i in lines.indices where lines[i].text.utf8.first?.isASCIIDigit == true {
            guard mayBeTwice(lines[i].text), let m = lines[i].text.wholeMatch(of: twice), let inner = Int(m.inner),
                  let word = m.title.split(separator: " ", maxSplits: 1).first,
                  DanishDate.months[word.lowercased().stripping(".,")] == nil else { continue }
            found.append((i, inner, m.title))
        }
        guard found.count >= 2, zip(found, found.dropFirst()).allSatisfy({ $1.inner == $0.inner + 1 }) else { return }
        let first = found[0]
        // A numbered title before them that none of them repeats (a contents list repeats them).
        let titles = found.map { $0.title.lowercased() }
        let outside = lines[..<first.index].contains { line in
            guard line.text.utf8.first?.isASCIIDigit == true, let m = line.text.prefixMatch(of: single), let n = Int(m.1), n >= first.inner else { return false }
            let title = line.text[m.range.upperBound...].lowercased()
            return !titles.contains { title.hasPrefix($0) }
        }
        guard !outside else { return }
        for entry in found { lines[entry.index].text = "\(entry.inner). \(entry.title)" }
    }

    /// Whether a line may be `twice`: digits, a point, spaces, a digit; the byte test before
    /// the pattern.
    static func mayBeTwice(_ text: String) -> Bool {
        var bytes = text.utf8.drop(while: \.isASCIIDigit)
        guard bytes.first == 0x2E else { return false }
        bytes = bytes.dropFirst()
        let spaces = bytes.prefix { $0 == 0x20 || $0 == 0x09 }.count
        return spaces > 0 && bytes.dropFirst(spaces).first?.isASCIIDigit == true
    }

    /// "1.  2. Siden sidst": the list's number, the item's, the title (a capital first).
    nonisolated(unsafe) static let twice = #/(?<outer>[0-9]{1,3})\.\s+(?<inner>[0-9]{1,3})\.\s+(?<title>\p{Lu}.*)/#
    /// A numbered title of one number, up to its title.
    nonisolated(unsafe) static let single = #/([0-9]{1,3})\.\s+(?=\p{Lu})/#
}
