import Foundation
import GRDB
import ReferatIndexing
import ReferatRecords

extension ArchiveStore {
    /// Path → SHA-256 of every imported file, so an import can skip unchanged ones.
    public func knownFiles() throws(StoreError) -> [String: String] {
        try read { db in
            var out: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT path, sha256 FROM document") { out[row[0]] = row[1] }
            return out
        }
    }

    /// Replaces each document's records (by path) in one transaction: all or nothing. The
    /// same transaction marks learning words and abbreviations, and the `pending` steps, as owed.
    /// With `deferIndexing` the entries go to the records only, and indexing them is owed
    /// (`indexDeferredEntries`): for a bulk import into an empty index.
    public func replace(_ batch: [Incoming], pending: PendingSteps = [], deferIndexing: Bool = false) throws(StoreError) {
        guard !batch.isEmpty else { return }
        try writeIndexed { db, index in
            var people = PersonCache()
            let now = ISO8601DateFormatter().string(from: Date())
            for item in batch {
                if let old = try Int64.fetchOne(db, sql: "SELECT id FROM document WHERE path = ?", arguments: [item.document.path]) {
                    try Self.delete(documentID: old, index, db)
                }
                try Self.insert(item, importedAt: now, people: &people, deferIndexing ? nil : index, db)
            }
            try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES('lastImport', ?)", arguments: [now])
            try Self.mark(pending.union([.learnWords, .learnAbbreviations]), db)
        }
    }

    /// Removes the documents with these paths; returns how many were removed.
    @discardableResult
    public func remove(paths: [String]) throws(StoreError) -> Int {
        guard !paths.isEmpty else { return 0 }
        return try writeIndexed { db, index in
            var removed = 0
            for path in paths {
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM document WHERE path = ?", arguments: [path]) else { continue }
                try Self.delete(documentID: id, index, db)
                removed += 1
            }
            try db.execute(sql: "DELETE FROM person WHERE id NOT IN (SELECT personId FROM participation)")
            // The removed documents' evidence went with them: what the index applies may change.
            if removed > 0 { try Self.mark(.learnAbbreviations, db) }
            return removed
        }
    }

    // MARK: - Internals

    func write<T>(_ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
        try mappingErrors { try writer.write(body) }
    }

    func read<T>(_ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
        try mappingErrors { try writer.read(body) }
    }

    /// Turns any error of a database access into a `StoreError` naming the index file.
    func mappingErrors<T>(_ access: () throws -> T) throws(StoreError) -> T {
        do {
            return try access()
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError(path: path, message: Self.explain(error))
        } catch {
            throw StoreError(path: path, message: "\(error)")
        }
    }

    /// Deletes a document, its entries deleted from the search index.
    static func delete(documentID: Int64, _ index: EngineBatch, _ db: Database) throws {
        for entry in try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM entry WHERE documentId = ?"), arguments: [documentID]) {
            index.delete(entry)
        }
        try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [documentID])
    }

    /// Adds entries to the search index, each with its fields' text (`EntryText.columns`: the
    /// text the view `entry_content` gives from the records, which a rebuild reads), replaying
    /// the tokens the importer analysed on its parsing threads where it did.
    static func indexEntries(_ entries: [Int64], columns: [[String?]], analysed: [[AnalysedText]]?, _ index: EngineBatch, _ db: Database) throws {
        for (k, entry) in entries.enumerated() where k < columns.count {
            try index.add(entry, columns: columns[k], analysed: analysed.flatMap { k < $0.count ? $0[k] : nil }, db)
        }
    }

    struct PersonCache {
        var ids: [String: Int64] = [:]

        mutating func id(name: String, party: String?, _ db: Database) throws -> Int64 {
            let name = ArchiveStore.personName(name)
            let party = party ?? ""
            let key = name + "\u{0}" + party
            if let id = ids[key] { return id }
            try run(db, "INSERT INTO person(name, party) VALUES(?, ?) ON CONFLICT(name, party) DO NOTHING", [name, party])
            let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM person WHERE name = ? AND party = ?"), arguments: [name, party])!
            ids[key] = id
            return id
        }
    }

    static func json<T: Encodable>(_ value: T) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Inserts a document's records, and its entries into `index` (nil: left for the deferred
    /// indexing step, `markUnindexed`).
    static func insert(_ item: Incoming, importedAt: String, people: inout PersonCache, _ index: EngineBatch?, _ db: Database) throws {
        let d = item.document
        let dictionary = try PackingDictionary.current(db)
        func sectionData(_ ordinal: Int) -> [UInt8]? {
            if let packed = item.packedSections { return packed[ordinal] }
            return PackedSections.pack(d.cases[ordinal].sections, dictionary: dictionary)
        }
        try run(db, """
            INSERT INTO document(path, sha256, size, kind, title, municipality, date, meeting, meetingBody, meetingDate, signatories, warnings, text, importedAt)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [
                d.path, d.sha256, item.size, d.kind.rawValue, d.title, d.municipality, d.date, d.meeting.flatMap(json),
                d.meeting?.body, d.meeting?.date, d.signatories.isEmpty ? nil : json(d.signatories),
                d.warnings.isEmpty ? nil : json(d.warnings), d.cases.isEmpty ? d.text : d.preamble, importedAt,
            ])
        let documentID = db.lastInsertedRowID
        for (ordinal, decision) in d.mentionedDecisions.enumerated() {
            try insert(decision, ordinal: ordinal, caseID: nil, documentID: documentID, people: &people, db)
        }
        var entries: [Int64] = []
        for (ordinal, c) in d.cases.enumerated() {
            // The latest step: the last one on the latest date (a dated history line comes before its decision).
            let latest = c.decisions.enumerated().filter { $0.element.date != nil }
                .max { ($0.element.date!, $0.offset) < ($1.element.date!, $1.offset) }?.element ?? c.decisions.last
            // The recommendation is one section's text (`CaseParser`): stored as its number.
            let recommendationSection = c.recommendation.flatMap { text in c.sections.firstIndex { $0.text == text } }
            try run(db, """
                INSERT INTO "case"(documentId, ordinal, number, caseNumber, otherCaseNumbers, kleNumber, title, access, itemType,
                    routing, sectionData, attachmentData, recommendation, recommendationSection, links, firstLine, lastLine, latestBody, latestDate, latestOutcome)
                VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [
                    documentID, ordinal, c.number, c.caseNumber, c.otherCaseNumbers.isEmpty ? nil : c.otherCaseNumbers.joined(separator: " "),
                    c.kleNumber, c.title, c.access.rawValue, c.itemType, c.routing.isEmpty ? nil : json(c.routing), sectionData(ordinal).map { Data($0) },
                    PackedAttachments.pack(c.attachments, dictionary: dictionary).map { Data($0) },
                    recommendationSection == nil ? c.recommendation : nil, recommendationSection, c.links.isEmpty ? nil : json(c.links), c.lines.first, c.lines.last,
                    latest?.body, latest?.date, latest?.outcome.rawValue,
                ])
            let caseID = db.lastInsertedRowID
            for (k, decision) in c.decisions.enumerated() {
                try insert(decision, ordinal: k, caseID: caseID, documentID: documentID, people: &people, db)
            }
            try run(db, "INSERT INTO entry(documentId, caseId) VALUES(?, ?)", [documentID, caseID])
            entries.append(db.lastInsertedRowID)
        }
        // The whole text of a document without items, or the text before the first item.
        if d.cases.isEmpty || d.preamble != nil {
            try run(db, "INSERT INTO entry(documentId, caseId) VALUES(?, NULL)", [documentID])
            entries.append(db.lastInsertedRowID)
        }
        try insertAbbreviationEvidence(item.abbreviations ?? CommitteeAbbreviationFinder.pairs(in: d), documentID: documentID,
                                       municipality: d.municipality, db)
        if let index {
            try indexEntries(entries, columns: EntryText.columns(of: d), analysed: item.entries, index, db)
        } else if let first = entries.first {
            try markUnindexed(from: first, db)
        }
        try countLearnableWords(item.learnableWords, db)
    }

    static func insert(_ decision: Decision, ordinal: Int, caseID: Int64?, documentID: Int64, people: inout PersonCache, _ db: Database) throws {
        try run(db, """
            INSERT INTO decision(documentId, caseId, ordinal, body, date, text, outcome, remarks, votes, firstLine, lastLine)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [
                documentID, caseID, ordinal, decision.body, decision.date, decision.text, decision.outcome.rawValue,
                decision.remarks.isEmpty ? nil : json(decision.remarks), decision.votes.flatMap(json), decision.lines.first, decision.lines.last,
            ])
        let decisionID = db.lastInsertedRowID
        func add(_ name: String, _ party: String?, _ role: String, _ reason: String?) throws {
            let person = try people.id(name: name, party: party, db)
            try run(db, "INSERT INTO participation(decisionId, personId, role, reason) VALUES(?, ?, ?, ?)",
                           [decisionID, person, role, reason])
        }
        for p in decision.absent { try add(p.name, p.party, "absent", p.reason) }
        for p in decision.notParticipating { try add(p.name, p.party, "notParticipating", p.reason) }
        if let votes = decision.votes {
            // Named voters only ("Ane Bak (A)"); party letters are counted from the votes JSON.
            for (list, role) in [(votes.for, "votedFor"), (votes.against, "votedAgainst"), (votes.abstained, "abstained")] {
                for voter in list.compactMap(namedVoter) { try add(voter.name, voter.party, role, nil) }
            }
        }
    }

    /// A vote list entry that names a person ("Ane Bak (A)"): the name and the party in
    /// parentheses. Nil for a party letter or name alone ("A", "Venstre"), which has no space.
    static func namedVoter(_ entry: String) -> (name: String, party: String?)? {
        guard Votes.mayNameAPerson(entry) else { return nil }
        let pieces = entry.split(separator: "(")
        let name = pieces.first.map { $0.trimmingCharacters(in: .whitespaces) } ?? entry
        return (name, pieces.dropFirst().first.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ") ")) })
    }

    /// A name as the `person` table stores it: single spaces between its words.
    static func personName(_ name: String) -> String {
        name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Runs one statement from the connection's cache: the import runs the same few
    /// statements millions of times, and `execute(sql:)` would parse them each time.
    static func run(_ db: Database, _ sql: String, _ arguments: StatementArguments) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }
}
