import Foundation

/// Committee abbreviations and their full names, expanded on the query side only.
///
/// Built in: the common ones from the formats doc. Users add their own local abbreviations in a
/// file of lines `ABBR = full name` named by `REFERAT_SYNONYMS`.
public struct CommitteeSynonyms: Sendable {
    public private(set) var table: [String: [String]]

    public static let builtIn: [String: [String]] = [
        "kb": ["kommunalbestyrelsen"], "by": ["byrådet"], "br": ["byrådet", "borgerrepræsentationen"],
        "øk": ["økonomiudvalget"], "øu": ["økonomiudvalget"], "rr": ["regionsrådet"], "fu": ["forretningsudvalget"],
        "buu": ["børne- og ungdomsudvalget", "børne- og ungeudvalget"], "vpu": ["voksen- og plejeudvalget"],
        "tmu": ["teknik- og miljøudvalget"], "tm": ["teknik- og miljøudvalget"], "kfu": ["kultur- og fritidsudvalget"],
        "beu": ["beskæftigelsesudvalget"], "ssu": ["social- og sundhedsudvalget"], "su": ["sundhedsudvalget"],
        "mag": ["magistraten"], "kku": ["kultur- og idrætsudvalget"],
    ]

    public static let shared: CommitteeSynonyms = {
        var synonyms = CommitteeSynonyms(table: builtIn)
        if let path = ProcessInfo.processInfo.environment["REFERAT_SYNONYMS"], let text = try? String(contentsOfFile: path, encoding: .utf8) {
            synonyms.add(fileContents: text)
        }
        return synonyms
    }()

    public init(table: [String: [String]]) {
        self.table = table
    }

    /// Adds `ABBR = full name` lines; `#` starts a comment.
    public mutating func add(fileContents: String) {
        for line in fileContents.split(separator: "\n") {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let parts = content.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { continue }
            table[parts[0].lowercased(), default: []].append(parts[1].lowercased())
        }
    }

    /// The table with more `(abbreviation, name)` pairs, such as those an archive learned
    /// from its documents; a pair already known is not added twice.
    public func adding(_ pairs: [(abbreviation: String, name: String)]) -> CommitteeSynonyms {
        var copy = self
        for (abbreviation, name) in pairs {
            let a = abbreviation.lowercased(), n = name.lowercased()
            if !(copy.table[a] ?? []).contains(n) { copy.table[a, default: []].append(n) }
        }
        return copy
    }

    /// Full names for an abbreviation ("KB" → ["kommunalbestyrelsen"]).
    public func expansions(of word: String) -> [String] {
        table[word.lowercased()] ?? []
    }

    /// True when `abbreviation` stands for `name` (full or abbreviated, any case).
    public func matches(abbreviation: String, name: String) -> Bool {
        let a = abbreviation.lowercased(), n = name.lowercased()
        if a == n { return true }
        if expansions(of: a).contains(n) { return true }
        return n.count > a.count && n.hasPrefix(a) && a.count >= 2
    }
}
