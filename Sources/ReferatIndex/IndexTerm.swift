/// One analysed term as an index stores it, and which form of it to look up.
///
///     IndexTerm("kommun")              // the word itself (a stem)
///     IndexTerm("områd", form: .weak)  // a compound part or a spelling variant
///
/// The analyzer decides the text; the form says how a match counts: an entry that matches a
/// query's exact forms ranks above one that matches only its weak forms. How an engine keeps
/// the two apart (a mark, a field, a flag in the postings) is its own business.
public struct IndexTerm: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var text: String
    public var form: Form

    public init(_ text: String, form: Form = .exact) {
        self.text = text
        self.form = form
    }

    public enum Form: Int, Hashable, Sendable, Comparable {
        /// The word itself, stemmed: a whole-word match.
        case exact
        /// A compound part or spelling variant of a word: it counts less.
        case weak

        public static func < (a: Form, b: Form) -> Bool { a.rawValue < b.rawValue }
    }

    public static func < (a: IndexTerm, b: IndexTerm) -> Bool { (a.text, a.form) < (b.text, b.form) }

    /// `kommun`, or `weak:områd`.
    public var description: String { form == .weak ? "weak:" + text : text }
}

/// A term of the index with the number of entries holding it, for "did you mean".
public struct TermFrequency: Hashable, Sendable {
    public var term: String
    public var entries: Int

    public init(term: String, entries: Int) {
        self.term = term
        self.entries = entries
    }
}
