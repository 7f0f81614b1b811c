import ReferatRecords

/// Reads how a decision was voted, as minutes write it:
///
///     For stemte: A (9), C (10) og Anne Holm (ufp), i alt 20.
///     Imod stemte:  2 (C+O)
///     Undlod at stemme: 0.
///     For stemte 16: A, F og Ø
///     Ø (1) stemte for at imødekomme anmodningen.
///     Et flertal (A+V+C+N) godkender indstillingen.
///
/// Each side keeps its voters as printed (parties, names, a party with its count) and the count
/// when one is given.
enum VoteReader {
    enum Side { case `for`, against, abstained }

    /// Labels that open a line of votes, lower-cased.
    static let labels: [(String, Side)] = [
        ("for stemte", .for), ("for forslaget stemte", .for), ("for stemmer", .for), ("for:", .for),
        ("imod stemte", .against), ("imod forslaget stemte", .against), ("imod stemmer", .against), ("imod:", .against),
        ("undlod at stemme", .abstained), ("undlader at stemme", .abstained), ("hverken for eller imod", .abstained),
        ("undlod:", .abstained), ("undlader:", .abstained), ("blank:", .abstained),
    ]

    /// "16", "16 stemmer", "16:", "16 (A, F og Ø)" at the start of what follows a label.
    nonisolated(unsafe) static let leadingCount = #/^([0-9]+)\s*(?:stemmer)?\s*(?::\s*(.*)|\((.*)\)\s*|)$/#
    /// ", i alt 28" at the end of a list.
    nonisolated(unsafe) static let total = #/,?\s+i alt\s+([0-9]+)\s*\.?$/#
    /// "Ø (1) stemte for …", "(Ø) stemte imod.", "A, B og C undlod at stemme".
    nonisolated(unsafe) static let sentence = #/^(?<who>[A-ZÆØÅ(][^.]{0,80}?)\s+(?<verb>stemte for|stemte imod|undlod at stemme)\b/#
    /// "Et flertal (A+V+C+N) godkender indstillingen."
    nonisolated(unsafe) static let majority = #/^(?:Et|Et samlet)?\s*[Ff]lertal\s*\((?<who>[^()]{1,60})\)\s+(?:godkender|godkendte|anbefaler|anbefalede|tiltræder|tiltrådte|vedtager|vedtog|stemte for)/#

    /// "… med 34 stemmer mod 15", "… 34 stemmer for mod 15" in a sentence.
    nonisolated(unsafe) static let countsInText = #/([0-9]+)\s+stemmer\s+(?:for\s+)?mod\s+([0-9]+)/#

    /// Reads a vote line into `votes`; false when the line is not a vote line and stays text.
    static func read(_ line: String, into votes: inout Votes) -> Bool {
        guard line.containsBytes("stem") || line.containsBytes(":") || line.containsBytes("mod") || line.containsBytes("lertal") else { return false }
        let lower = line.lowercased()
        for (label, side) in labels where lower.hasPrefix(label) {
            var rest = String(line.dropFirst(label.count)).stripping(":. ")
            var count: Int?
            if let m = rest.firstMatch(of: total) {
                count = Int(m.1)
                rest = String(rest[..<m.range.lowerBound])
            }
            if let m = rest.wholeMatch(of: leadingCount) {
                count = Int(m.1) ?? count
                rest = String(m.2 ?? m.3 ?? "")
            }
            add(voters(rest), count: count, to: side, in: &votes)
            return true
        }
        // Sentences stay text; what they say about the vote is recorded too.
        if line.containsBytes("stemte") || line.containsBytes("undlod"), let m = line.firstMatch(of: sentence) {
            let side: Side = m.verb.hasSuffix("for") ? .for : m.verb.hasSuffix("imod") ? .against : .abstained
            add(voters(String(m.who)), count: nil, to: side, in: &votes)
        } else if line.containsBytes("lertal"), let m = line.firstMatch(of: majority) {
            add(voters(String(m.who)), count: nil, to: .for, in: &votes)
        }
        // "blev tiltrådt med 34 stemmer mod 15" keeps the line as text but records the counts.
        if let m = lower.firstMatch(of: countsInText) {
            votes.forCount = Int(m.1)
            votes.againstCount = Int(m.2)
        }
        return false
    }

    /// The voters of a list: "A (9), Karin Bach (B) og M (1)", "A+T+V", "(Ø)".
    static func voters(_ list: String) -> [String] {
        let plain = list.hasPrefix("(") && list.hasSuffix(")") ? String(list.dropFirst().dropLast()) : list
        return PeopleParser.splitList(plain).map { $0.stripping(" ") }.filter { part in
            !part.isEmpty && !part.allSatisfy(\.isNumber) && part.lowercased() != "ingen"
        }
    }

    static func add(_ voters: [String], count: Int?, to side: Side, in votes: inout Votes) {
        switch side {
        case .for: votes.for += voters; votes.forCount = count ?? votes.forCount
        case .against: votes.against += voters; votes.againstCount = count ?? votes.againstCount
        case .abstained: votes.abstained += voters; votes.abstainedCount = count ?? votes.abstainedCount
        }
    }
}
