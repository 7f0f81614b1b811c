public import ReferatAnalysis

/// What the search layer needs from a full-text index: matching, ranking, counting and
/// faceting entries, and the vocabulary for "did you mean".
///
/// Queries arrive as trees of analysed terms (`MatchNode`); an implementation turns them into
/// its own structures and never shows its syntax, files or tables to its callers.
public protocol FullTextIndex: Sendable {
    /// The lexicon the index's text was analysed with (the word list plus words it learned
    /// from its own archive): queries must be analysed with the same one.
    var lexicon: DanishLexicon { get }

    /// The total, the page of ranked entries and, when asked, the facets.
    func search(_ query: IndexQuery) throws -> RankedPage

    /// How many entries hold the term (0 when it is not in the index).
    func documentFrequency(of term: IndexTerm) throws -> Int

    /// Exact-form terms that start with `prefix`, the most frequent `limit` of them, most
    /// frequent first: the candidates for "did you mean".
    func terms(startingWith prefix: String, limit: Int) throws -> [TermFrequency]
}

/// What the search layer needs from the record store: the records behind ranked entries.
public protocol RecordStore: Sendable {
    /// Each entry's hit, in the order given, with its text (`SearchHit.text`) for the snippet;
    /// entries no longer stored are left out.
    func hits(_ entries: [RankedEntry]) throws -> [SearchHit]
}
