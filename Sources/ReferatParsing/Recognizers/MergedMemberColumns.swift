import ReferatRecords

/// A header table whose two columns a PDF viewer ran together: the labels of the members and
/// of the absent stand in a row, and the absent column follows the whole member list.
///
///     Medlemmer: Fraværende: Anna Holm (A) Bo Berg (V) Eva Ny (C) Bo Berg (V)
///     Sted Medlemmer Fraværende Byrådssalen, Anna Holm, Bo Berg, Eva Ny Bo Berg Bemærkninger
///
/// Where the second column starts is not printed, but every absentee is a member: the
/// absentees are the members named twice.
enum MergedMemberColumns {
    /// The members' label right before the absentees' label, with or without colons.
    nonisolated(unsafe) static let labelRow = #/(?:^|\s)(?:Medlemmer|Deltagere):?\s+(?:Fraværende|Afbud):?\s+/#

    /// Whether `previous` is a members' label alone, the line before an absence label alone
    /// (a flattened row cut at its labels: "Medlemmer:" / "Fraværende:" / the names).
    static func isMembersLabel(_ previous: String) -> Bool {
        previous == "Medlemmer:" || previous == "Deltagere:"
    }

    /// The absentees in a line that holds the label row and both columns after it, or nil
    /// when the line has no such row.
    static func absentees(inRow text: String) -> [Person]? {
        guard text.containsBytes("Medlemmer") || text.containsBytes("Deltagere"), let row = text.firstMatch(of: labelRow) else { return nil }
        return absentees(in: text[row.range.upperBound...])
    }

    /// The members named twice in both columns' names: "Formand: Anna Holm (A) Bo Berg (V) …".
    static func absentees(in columns: Substring) -> [Person] {
        var members: [Person] = []
        for part in PeopleParser.splitList(String(columns)) {
            // "Næstformand: Bo Berg (V)": the office before the name is no part of it.
            let named = part.split(separator: ":").last.map { $0.stripping(" ") } ?? part
            guard let person = PeopleParser.person(named), person.name.split(separator: " ").count >= 2,
                  !members.contains(where: { $0.name == person.name }) else { continue }
            members.append(person)
        }
        return members.filter { occurrences(of: $0.name, in: columns) >= 2 }.map { Person(name: $0.name, party: $0.party) }
    }

    /// How often `name` stands as whole words in `text`.
    static func occurrences(of name: String, in text: Substring) -> Int {
        var count = 0
        var from = text.startIndex
        while let range = text[from...].firstRange(of: name) {
            from = range.upperBound
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if before?.isLetter != true, after?.isLetter != true { count += 1 }
        }
        return count
    }
}
