/// One index or query term produced by `DanishAnalyzer`.
///
/// `start` and `end` are byte offsets into the UTF-8 input, as FTS5 wants them. A token with
/// `colocated == true` is an extra form at the same position as the token before it (a
/// compound part, a spelling variant, the ISO form of a date).
public struct Token: Hashable, Sendable, Codable {
    public var term: String
    public var start: Int
    public var end: Int
    public var position: Int
    public var colocated: Bool
    public var kind: Kind

    public init(term: String, start: Int, end: Int, position: Int, colocated: Bool, kind: Kind) {
        self.term = term
        self.start = start
        self.end = end
        self.position = position
        self.colocated = colocated
        self.kind = kind
    }

    /// Which step of the pipeline made the token, so users can see why a word matched.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A word, stemmed.
        case word
        /// A word rejoined across a line-break hyphen ("godken-" + "delse").
        case joined
        /// A part of a compound ("område" in "socialområdet"). On the query side, one of a
        /// compound's finest parts: all of them together match the compound written apart.
        case part
        /// A spelling variant (Aarhus → århus).
        case variant
        /// A form restored from a suspended hyphen ("børne- og ungeområdet" → børneområdet).
        case expansion
        /// A case number, KLE number, date, § reference, e-mail or URL kept whole.
        case domain
        /// A piece of a domain token, or another form of it (the ISO form of a date).
        case domainPart
        /// A committee abbreviation's full name, or the reverse (query side).
        case synonym
        /// A prefix term (query side), not stemmed.
        case prefix
    }

    /// Terms of lower weight carry this mark, so a search can rank whole-word matches first.
    public static let weakMark: Character = "~"

    /// True for forms that should count less than the word itself.
    public var isWeak: Bool { kind == .part || kind == .variant }

    /// The term without `weakMark`: the form an index stores, with `isWeak` saying how it
    /// counts (an engine records weakness in its own way).
    public var unmarkedTerm: Substring {
        isWeak && term.first == Self.weakMark ? term.dropFirst() : term[...]
    }
}

/// Whether text is analysed for the index or for a query.
public enum AnalysisMode: String, Sendable, Codable, CaseIterable {
    /// Emit every form: stems, compound parts, variants, expansions, domain pieces.
    case document
    /// Emit what the index side must be searched for; nothing the index side already expanded.
    case query
}
