import GRDB
import ReferatAnalysis
import ReferatEngine
import ReferatIndexing
import ReferatRecords

/// One write transaction's changes to the search index (`ReferatEngine`): entries added with
/// their tokens and values, entries deleted. Made by `ArchiveStore.writeIndexed`, which
/// commits it with the records: its segments and manifest are written and synced inside the
/// SQLite transaction, and the transaction records the new generation, so a crash at any
/// moment leaves the records and the search index of one commit.
final class EngineBatch {
    let commit: IndexCommit
    private let lexicon: DanishLexicon
    private var analyzerCache: DanishAnalyzer?
    private var abbreviationsByMunicipality: [String: LocalAbbreviations?] = [:]
    /// Every municipality's learned pairs (municipality "" for none), read once a batch.
    private var learnedPairs: [(municipality: String, abbreviation: String, name: String)]?

    /// The memory a batch's segment writer may hold before it writes a segment. Segments are
    /// merged as streams, so smaller segments cost merges little memory; a larger budget only
    /// raises an import's peak (BENCHMARKS.md, "Memory").
    static let memoryBudget = 48 << 20

    /// `lanes`: the threads `add(_:analyzers:_:)` adds on, each into its own segment writer,
    /// the memory budget shared.
    init(base: IndexSnapshot, lexicon: DanishLexicon, lanes: Int = 1) {
        commit = IndexCommit(base: base, memoryBudget: Self.memoryBudget, lanes: lanes)
        self.lexicon = lexicon
    }

    private var analyzer: DanishAnalyzer {
        if let analyzerCache { return analyzerCache }
        let fresh = DanishAnalyzer(lexicon: lexicon)
        analyzerCache = fresh
        return fresh
    }

    /// Adds entry `id` with its columns (`EntryText.Column` order) as the records give them,
    /// read into the index's fields (`AnalysedText.fieldTexts`); a field whose bytes one of
    /// `analysed` holds is replayed, any other analysed now.
    ///
    /// The entry's municipality's learned committee abbreviations (`LocalAbbreviations`) add
    /// their forms here, on every path into the index (import, learning, rebuilding).
    func add(_ id: Int64, columns: [String?], analysed: [AnalysedText]?, _ db: Database) throws {
        let (values, local) = try valuesAndAbbreviations(of: id, db)
        let fields = EntryTokens(texts: Self.sources(columns, analysed: analysed, analyzer: analyzer), abbreviations: local)
        do throws(EngineError) {
            try commit.add(id: UInt64(bitPattern: id), fields: fields, values: values)
        } catch {
            throw StoreError(path: error.file, message: error.message)
        }
    }

    /// What entry `id` is filtered on (`values(of:_:)`) and its municipality's learned
    /// abbreviations: what only the records' connection can read.
    private func valuesAndAbbreviations(of id: Int64, _ db: Database) throws -> (DocumentValues, LocalAbbreviations?) {
        let (values, municipality) = try Self.values(of: id, db)
        return (values, try localAbbreviations(of: municipality, db))
    }

    /// An entry's fields as the engine reads them: a field whose bytes one of `analysed` holds
    /// is replayed (the importer analysed it); any other is analysed by `analyzer` as the
    /// engine reads it, its tokens never kept (`EntryTokens`).
    private static func sources(_ columns: [String?], analysed: [AnalysedText]?, analyzer: DanishAnalyzer) -> [EntryTokens.Source?] {
        AnalysedText.fieldTexts(columns).map { field in
            guard var field else { return nil }
            let replayed = analysed.flatMap { analysed in field.text.withUTF8 { bytes in analysed.first { $0.matches(bytes) } } }
            return replayed.map(EntryTokens.Source.analysed) ?? .text(field, analyzer)
        }
    }

    /// Adds entries given with their columns as `add(_:columns:analysed:_:)` does, on the
    /// commit's lanes: what only the records' connection can read (values, abbreviations) is
    /// read first, then each lane analyses its run of the entries as its writer reads them,
    /// with an analyzer of its own from `analyzers`. The step that indexes a whole archive
    /// (after learning, or rebuilding) goes through here: analysing and adding on one thread
    /// while the other waited made it the import's longest step.
    func add(_ entries: [(id: Int64, columns: [String?])], analyzers: AnalyzerPool, _ db: Database) throws {
        let read = try entries.map { try valuesAndAbbreviations(of: $0.id, db) }
        let lanes = LaneAnalyzers((0..<commit.laneCount).map { _ in analyzers.take() })
        defer { lanes.analyzers.forEach(analyzers.give) }
        do throws(EngineError) {
            try commit.add(ids: entries.map { UInt64(bitPattern: $0.id) }) { i, lane in
                let texts = Self.sources(entries[i].columns, analysed: nil, analyzer: lanes.analyzers[lane])
                return (EntryTokens(texts: texts, abbreviations: read[i].1), read[i].0)
            }
        } catch {
            throw StoreError(path: error.file, message: error.message)
        }
    }

    /// One analyzer per lane, each used by its lane's thread alone.
    private final class LaneAnalyzers: @unchecked Sendable {
        let analyzers: [DanishAnalyzer]
        init(_ analyzers: [DanishAnalyzer]) { self.analyzers = analyzers }
    }

    func delete(_ id: Int64) {
        commit.delete(id: UInt64(bitPattern: id))
    }

    /// A field's tokens as the engine keeps them (`EntryTokens`), packed.
    static func tokens(_ text: AnalysedText, abbreviations: LocalAbbreviations? = nil) -> FieldTokens {
        var out = FieldTokens()
        EntryTokens(texts: [.analysed(text)], abbreviations: abbreviations).forEachToken(inField: 0) { out.append($0, position: $1) }
        return out
    }

    /// The committee abbreviations learned for `municipality` ("" for none), as the index
    /// applies them (`committee_abbreviation`), with what the other municipalities learned as
    /// their fallback (`LocalAbbreviations.fallback`); nil when there is none. Read once a batch.
    func localAbbreviations(of municipality: String?, _ db: Database) throws -> LocalAbbreviations? {
        let key = municipality ?? ""
        if let known = abbreviationsByMunicipality[key] { return known }
        if learnedPairs == nil {
            learnedPairs = try Row.fetchAll(db.cachedStatement(sql: "SELECT municipality, abbreviation, name FROM committee_abbreviation ORDER BY municipality, abbreviation, name"))
                .map { ($0[0], $0[1], $0[2]) }
        }
        let pairs = learnedPairs ?? []
        // Documents that name no municipality share no meaning: what they taught is a fallback
        // for each other as for every municipality.
        let own = key.isEmpty ? [] : pairs.filter { $0.municipality == key }.map { (abbreviation: $0.abbreviation, name: $0.name) }
        let elsewhere = pairs.filter { key.isEmpty || $0.municipality != key }.map { (abbreviation: $0.abbreviation, name: $0.name) }
        let fallback = LocalAbbreviations.fallback(for: own, elsewhere: elsewhere)
        let local = own.isEmpty && fallback.isEmpty ? nil : LocalAbbreviations(own, fallback: fallback, analyzer: analyzer)
        abbreviationsByMunicipality[key] = .some(local)
        return local
    }

    /// Forgets the abbreviations read, after the batch changed them.
    func forgetAbbreviations() {
        abbreviationsByMunicipality = [:]
        learnedPairs = nil
    }

    /// What entry `id` is filtered, faceted and sorted on, from its records: one definition
    /// for every write (import, learning words, rebuilding).
    /// Also gives the entry's municipality as its document records it.
    static func values(of id: Int64, _ db: Database) throws -> (DocumentValues, municipality: String?) {
        var values = DocumentValues()
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT d.kind, d.municipality, c.caseNumber, c.kleNumber, c.otherCaseNumbers,
                COALESCE(c.latestDate, d.meetingDate, d.date), c.latestOutcome, c.id, d.id, d.meetingBody, COALESCE(d.date, d.meetingDate)
            FROM entry e JOIN document d ON d.id = e.documentId LEFT JOIN "case" c ON c.id = e.caseId WHERE e.id = ?
            """), arguments: [id]) else { return (values, nil) }
        values.add(.documentKind, row[0])
        values.add(.municipality, (row[1] as String?)?.lowercased())
        values.add(.caseNumber, row[2])
        values.add(.caseNumber, row[3])
        for number in ((row[4] as String?) ?? "").split(separator: " ") { values.add(.caseNumber, String(number)) }
        values.add(.sortDate, row[5])
        values.add(.latestOutcome, row[6])
        let caseID: Int64? = row[7]
        let decisions = try EntryFact.storedDecisions(caseID: caseID, documentID: row[8], db)
        // The document's own entry (a letter, a page, the text before the first item) is the
        // meeting body's and that of the decisions it mentions, as its committee filter says.
        if caseID == nil { values.add(.decidingBody, row[9]) }
        for body in decisions.compactMap(\.body) { values.add(.decidingBody, body) }
        for fact in EntryFact.facts(of: decisions, meetingBody: row[9], documentDate: row[10]).sorted() {
            switch fact.kind {
            case .committee: values.add(.committee, fact.value)
            case .date: values.add(.date, fact.value)
            case .outcome: values.add(.outcome, fact.value)
            case .person: values.add(.person, fact.value)
            case .party: values.add(.party, fact.value)
            }
        }
        return (values, row[1])
    }
}

/// An entry's fields as the engine reads them: each field's analysed text replayed, weak forms
/// marked (`TermEncoding`), and positions counted over the tokens indexed (a form at the same
/// place as the one before it shares its position), so a phrase matches across the stop words
/// left out. The municipality's learned committee abbreviations (`LocalAbbreviations`) add
/// their forms here, on every path into the index (import, learning, rebuilding).
struct EntryTokens: DocumentTokens {
    /// A field's text: analysed ahead (replayed), or to analyse as it is read.
    enum Source {
        case analysed(AnalysedText)
        case text(AnalysedText.FieldText, DanishAnalyzer)
    }

    let texts: [Source?]
    let abbreviations: LocalAbbreviations?

    func forEachToken(inField field: Int, _ body: (UnsafeBufferPointer<UInt8>, UInt32) -> Void) {
        guard field < texts.count, let source = texts[field] else { return }
        var position: UInt32 = 0, first = true
        var buffer: [UInt8] = []
        withoutActuallyEscaping(body) { body in
            let append = { (term: UnsafeBufferPointer<UInt8>, token: AnalysedText.Token) -> Int32 in
                if !token.colocated || first {
                    if !first { position += 1 }
                    first = false
                }
                TermEncoding.withBytes(term, weak: token.weak, buffer: &buffer) { body($0, position) }
                return 0
            }
            switch source {
            case .analysed(let text):
                if let abbreviations { _ = abbreviations.replay(text, append) } else { _ = text.replay(append) }
            case .text(var field, let analyzer):
                let weakFrom = field.weakFrom
                field.text.withUTF8 { bytes in
                    let tokens = { (body: (UnsafeBufferPointer<UInt8>, AnalysedText.Token) -> Int32) -> Int32 in
                        AnalysedText.stream(utf8: bytes, weakFrom: weakFrom, analyzer: analyzer, body)
                    }
                    if let abbreviations { _ = abbreviations.replay(source: bytes, tokens: tokens, append) } else { _ = tokens(append) }
                }
            }
        }
    }
}
