import Foundation
import GRDB
import ReferatRecords

extension ArchiveStore {
    /// The schema, versioned: each migration runs once per index file.
    ///
    /// Searchable units are `entry` rows: one per case, and one per document without cases
    /// (letters, web pages). The view `entry_content` assembles each entry's text from the
    /// records (the text is stored once); the search index (`ReferatEngine`, in the folder
    /// beside the file) holds its tokens. Indexes before v6 kept them in an FTS5 table.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: """
                CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE document(
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL UNIQUE,
                    sha256 TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    title TEXT NOT NULL,
                    municipality TEXT,
                    date TEXT,
                    meeting TEXT,
                    meetingBody TEXT,
                    meetingDate TEXT,
                    signatories TEXT,
                    warnings TEXT,
                    text TEXT,
                    importedAt TEXT NOT NULL
                );
                CREATE TABLE "case"(
                    id INTEGER PRIMARY KEY,
                    documentId INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL,
                    number TEXT,
                    caseNumber TEXT,
                    otherCaseNumbers TEXT,
                    kleNumber TEXT,
                    title TEXT NOT NULL,
                    access TEXT NOT NULL,
                    itemType TEXT,
                    routing TEXT,
                    sections TEXT NOT NULL,
                    recommendation TEXT,
                    links TEXT,
                    firstLine INTEGER,
                    lastLine INTEGER,
                    latestBody TEXT,
                    latestDate TEXT,
                    latestOutcome TEXT
                );
                CREATE INDEX case_document ON "case"(documentId);
                CREATE INDEX case_number ON "case"(caseNumber);
                CREATE INDEX case_kle ON "case"(kleNumber);
                CREATE TABLE decision(
                    id INTEGER PRIMARY KEY,
                    documentId INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    caseId INTEGER REFERENCES "case"(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL,
                    body TEXT,
                    date TEXT,
                    text TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    remarks TEXT,
                    votes TEXT,
                    firstLine INTEGER,
                    lastLine INTEGER
                );
                CREATE INDEX decision_case ON decision(caseId);
                CREATE INDEX decision_document ON decision(documentId);
                CREATE INDEX decision_date ON decision(date);
                CREATE TABLE person(
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    party TEXT NOT NULL DEFAULT '',
                    UNIQUE(name, party)
                );
                CREATE TABLE participation(
                    decisionId INTEGER NOT NULL REFERENCES decision(id) ON DELETE CASCADE,
                    personId INTEGER NOT NULL REFERENCES person(id),
                    role TEXT NOT NULL,
                    reason TEXT
                );
                CREATE INDEX participation_decision ON participation(decisionId);
                CREATE INDEX participation_person ON participation(personId);
                CREATE TABLE attachment(
                    caseId INTEGER NOT NULL REFERENCES "case"(id) ON DELETE CASCADE,
                    number INTEGER,
                    documentId TEXT,
                    access TEXT,
                    title TEXT NOT NULL,
                    reference TEXT
                );
                CREATE INDEX attachment_case ON attachment(caseId);
                CREATE TABLE entry(
                    id INTEGER PRIMARY KEY,
                    documentId INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    caseId INTEGER REFERENCES "case"(id) ON DELETE CASCADE
                );
                CREATE INDEX entry_document ON entry(documentId);
                CREATE VIEW entry_content AS
                SELECT e.id AS id,
                    CASE WHEN c.id IS NULL THEN d.title
                         ELSE c.title || ' ' || COALESCE(c.caseNumber, '') || ' ' || COALESCE(c.otherCaseNumbers, '') || ' ' || COALESCE(c.kleNumber, '') END AS title,
                    CASE WHEN c.id IS NULL THEN (SELECT group_concat(x.text, char(10)) FROM (SELECT text FROM decision WHERE documentId = d.id AND caseId IS NULL ORDER BY ordinal) x)
                         ELSE (SELECT group_concat(x.t, char(10)) FROM (SELECT COALESCE(body, '') || ': ' || text AS t FROM decision WHERE caseId = c.id ORDER BY ordinal) x) END AS decisions,
                    CASE WHEN c.id IS NULL THEN d.text
                         ELSE (SELECT group_concat(json_extract(value, '$.heading') || char(10) || json_extract(value, '$.text'), char(10)) FROM json_each(c.sections))
                              || char(10) || COALESCE((SELECT group_concat(title, char(10)) FROM attachment WHERE caseId = c.id), '') END AS body
                FROM entry e JOIN document d ON d.id = e.documentId LEFT JOIN "case" c ON c.id = e.caseId;
                """)
        }
        // v2: sections in a table of their own (FTS5, the full-text index then, could not
        // 'rebuild' from a view that calls json_each).
        migrator.registerMigration("v2") { db in
            try db.execute(sql: """
                CREATE TABLE section(
                    caseId INTEGER NOT NULL REFERENCES "case"(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL,
                    heading TEXT NOT NULL,
                    text TEXT NOT NULL
                );
                CREATE INDEX section_case ON section(caseId, ordinal);
                INSERT INTO section(caseId, ordinal, heading, text)
                    SELECT c.id, CAST(j.key AS INTEGER), json_extract(j.value, '$.heading'), json_extract(j.value, '$.text')
                    FROM "case" c, json_each(c.sections) j;
                UPDATE "case" SET sections = '[]';
                DROP VIEW entry_content;
                CREATE VIEW entry_content AS
                SELECT e.id AS id,
                    CASE WHEN c.id IS NULL THEN d.title
                         ELSE c.title || ' ' || COALESCE(c.caseNumber, '') || ' ' || COALESCE(c.otherCaseNumbers, '') || ' ' || COALESCE(c.kleNumber, '') END AS title,
                    CASE WHEN c.id IS NULL THEN (SELECT group_concat(x.text, char(10)) FROM (SELECT text FROM decision WHERE documentId = d.id AND caseId IS NULL ORDER BY ordinal) x)
                         ELSE (SELECT group_concat(x.t, char(10)) FROM (SELECT COALESCE(body, '') || ': ' || text AS t FROM decision WHERE caseId = c.id ORDER BY ordinal) x) END AS decisions,
                    CASE WHEN c.id IS NULL THEN d.text
                         ELSE (SELECT group_concat(x.t, char(10)) FROM (SELECT heading || char(10) || text AS t FROM section WHERE caseId = c.id ORDER BY ordinal) x)
                              || char(10) || COALESCE((SELECT group_concat(title, char(10)) FROM attachment WHERE caseId = c.id), '') END AS body
                FROM entry e JOIN document d ON d.id = e.documentId LEFT JOIN "case" c ON c.id = e.caseId;
                """)
        }
        // v3: the corpus's own words. `corpus_word` counts, per word the word list lacks, the
        // documents that use it on its own; `lexicon_word` is what the index has learned
        // from them (see `ArchiveStore.learnWords`).
        migrator.registerMigration("v3") { db in
            try db.execute(sql: """
                CREATE TABLE corpus_word(word TEXT PRIMARY KEY, documents INTEGER NOT NULL) WITHOUT ROWID;
                CREATE TABLE lexicon_word(word TEXT PRIMARY KEY, learnedAt TEXT NOT NULL) WITHOUT ROWID;
                """)
        }
        // v4: each case's sections deflated into one blob (see `PackedSections`); they were
        // half of the index. The view reads them through `referat_sections`, giving the same
        // text as before, so the full-text index stays valid without a rebuild.
        migrator.registerMigration("v4") { db in
            try db.execute(sql: """
                DROP VIEW entry_content;
                ALTER TABLE "case" DROP COLUMN sections;
                ALTER TABLE "case" ADD COLUMN sectionData BLOB;
                """)
            let cases = try Int64.fetchAll(db, sql: "SELECT DISTINCT caseId FROM section")
            let sections = try db.cachedStatement(sql: "SELECT heading, text FROM section WHERE caseId = ? ORDER BY ordinal")
            for id in cases {
                let list = try Row.fetchAll(sections, arguments: [id]).map { Section(heading: $0[0], text: $0[1]) }
                try db.execute(sql: "UPDATE \"case\" SET sectionData = ? WHERE id = ?", arguments: [PackedSections.pack(list, dictionary: nil).map { Data($0) }, id])
            }
            try db.execute(sql: """
                DROP TABLE section;
                CREATE VIEW entry_content AS
                SELECT e.id AS id,
                    CASE WHEN c.id IS NULL THEN d.title
                         ELSE c.title || ' ' || COALESCE(c.caseNumber, '') || ' ' || COALESCE(c.otherCaseNumbers, '') || ' ' || COALESCE(c.kleNumber, '') END AS title,
                    CASE WHEN c.id IS NULL THEN (SELECT group_concat(x.text, char(10)) FROM (SELECT text FROM decision WHERE documentId = d.id AND caseId IS NULL ORDER BY ordinal) x)
                         ELSE (SELECT group_concat(x.t, char(10)) FROM (SELECT COALESCE(body, '') || ': ' || text AS t FROM decision WHERE caseId = c.id ORDER BY ordinal) x) END AS decisions,
                    CASE WHEN c.id IS NULL THEN d.text
                         ELSE referat_sections(c.sectionData)
                              || char(10) || COALESCE((SELECT group_concat(title, char(10)) FROM attachment WHERE caseId = c.id), '') END AS body
                FROM entry e JOIN document d ON d.id = e.documentId LEFT JOIN "case" c ON c.id = e.caseId;
                """)
        }
        // v5: what each entry can be filtered on, in one indexed table (see `EntryFact`).
        migrator.registerMigration("v5") { db in
            try db.execute(sql: """
                CREATE TABLE entry_fact(
                    entryId INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,
                    kind INTEGER NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY(entryId, kind, value)
                ) WITHOUT ROWID;
                CREATE INDEX entry_fact_value ON entry_fact(kind, value, entryId);
                """)
            // Left empty since v13, which drops the table: the facts are worked out from the
            // records when an entry is indexed (`EntryFact.stored`).
        }
        // v6: the full-text index moves from FTS5 to referat's own engine (`ReferatEngine`).
        // The FTS5 tables of an older index go: their tokenizer is no longer registered, so
        // the virtual table cannot be connected to drop it; its shadow tables are dropped and
        // its schema row removed, the schema version bumped so every connection reloads. The
        // search index is then rebuilt from the records by the import that opened the index.
        migrator.registerMigration("v6") { db in
            let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE 'search%'"))
            if tables.contains("search_vocab") { try db.execute(sql: "DROP TABLE search_vocab") }
            for shadow in ["search_data", "search_idx", "search_docsize", "search_config", "search_content"] where tables.contains(shadow) {
                try db.execute(sql: "DROP TABLE \(shadow)")
            }
            if tables.contains("search") {
                let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
                try db.execute(sql: "PRAGMA writable_schema = ON")
                try db.execute(sql: "DELETE FROM sqlite_master WHERE name = 'search'")
                try db.execute(sql: "PRAGMA writable_schema = OFF")
                try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
            }
            try db.execute(sql: "DELETE FROM meta WHERE key = 'engineGeneration'")
        }
        // v7: a document with items also has an entry for its text before the first item (its
        // `preamble`, kept in `document.text`), with no title field. Minutes imported before it
        // are read again at the next import (their checksum is cleared), so that their header
        // text becomes searchable.
        migrator.registerMigration("v7") { db in
            try db.execute(sql: """
                DROP VIEW entry_content;
                CREATE VIEW entry_content AS
                SELECT e.id AS id,
                    CASE WHEN c.id IS NOT NULL
                             THEN c.title || ' ' || COALESCE(c.caseNumber, '') || ' ' || COALESCE(c.otherCaseNumbers, '') || ' ' || COALESCE(c.kleNumber, '')
                         WHEN EXISTS (SELECT 1 FROM "case" y WHERE y.documentId = d.id) THEN NULL
                         ELSE d.title END AS title,
                    CASE WHEN c.id IS NULL THEN (SELECT group_concat(x.text, char(10)) FROM (SELECT text FROM decision WHERE documentId = d.id AND caseId IS NULL ORDER BY ordinal) x)
                         ELSE (SELECT group_concat(x.t, char(10)) FROM (SELECT COALESCE(body, '') || ': ' || text AS t FROM decision WHERE caseId = c.id ORDER BY ordinal) x) END AS decisions,
                    CASE WHEN c.id IS NOT NULL
                             THEN referat_sections(c.sectionData) || char(10) || COALESCE((SELECT group_concat(title, char(10)) FROM attachment WHERE caseId = c.id), '')
                         WHEN EXISTS (SELECT 1 FROM "case" y WHERE y.documentId = d.id) THEN d.title || char(10) || d.text
                         ELSE d.text END AS body
                FROM entry e JOIN document d ON d.id = e.documentId LEFT JOIN "case" c ON c.id = e.caseId;
                UPDATE document SET sha256 = '' WHERE id IN (SELECT documentId FROM "case");
                """)
        }
        // v8: committee abbreviations learned per municipality (`CommitteeAbbreviationFinder`):
        // each document's evidence, and the pairs the search index applies. Every document is
        // read again at the next import (its checksum cleared), so that an older archive
        // learns from the documents it already holds.
        migrator.registerMigration("v8") { db in
            try db.execute(sql: """
                CREATE TABLE abbreviation_evidence(
                    documentId INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    municipality TEXT NOT NULL,
                    abbreviation TEXT NOT NULL,
                    name TEXT NOT NULL,
                    explicit INTEGER NOT NULL,
                    PRIMARY KEY(documentId, abbreviation, name)
                ) WITHOUT ROWID;
                CREATE INDEX abbreviation_evidence_key ON abbreviation_evidence(municipality, abbreviation);
                CREATE TABLE committee_abbreviation(
                    municipality TEXT NOT NULL,
                    abbreviation TEXT NOT NULL,
                    name TEXT NOT NULL,
                    documents INTEGER NOT NULL,
                    PRIMARY KEY(municipality, abbreviation)
                ) WITHOUT ROWID;
                UPDATE document SET sha256 = '';
                """)
        }
        // v9: filters are answered by the engine's value columns, so `entry_fact` is read only
        // by entry (to write those columns); its index by kind and value, a twentieth of the
        // index's size, served the FTS5 filters and goes.
        migrator.registerMigration("v9") { db in
            try db.execute(sql: "DROP INDEX IF EXISTS entry_fact_value")
        }
        // v10: a decision's entry text holds the names lifted out of it (absentees, members who
        // took no part) that the meeting's header does not give (`EntryText.text(of:in:)`), so
        // that "Afbud: …" under a decision is searchable.
        // The search index is rebuilt from the records with the analyzer version that came with it.
        migrator.registerMigration("v10") { db in
            // The names lifted out of a `decision` row that the meeting's header does not give,
            // each after a line break, or '' (the same for both kinds of decision below).
            let liftedNames = """
                COALESCE((SELECT char(10) || group_concat(n, char(10)) FROM (SELECT pe.name || CASE WHEN pe.party <> '' THEN ' (' || pe.party || ')' ELSE '' END AS n FROM participation pa JOIN person pe ON pe.id = pa.personId WHERE pa.decisionId = decision.id AND pa.role IN ('absent', 'notParticipating') AND pe.name NOT IN (SELECT json_extract(value, '$.name') FROM json_each(d.meeting, '$.absent') UNION SELECT json_extract(value, '$.name') FROM json_each(d.meeting, '$.notParticipating')) ORDER BY pa.rowid)), '')
                """
            try db.execute(sql: """
                DROP VIEW entry_content;
                CREATE VIEW entry_content AS
                SELECT e.id AS id,
                    CASE WHEN c.id IS NOT NULL
                             THEN c.title || ' ' || COALESCE(c.caseNumber, '') || ' ' || COALESCE(c.otherCaseNumbers, '') || ' ' || COALESCE(c.kleNumber, '')
                         WHEN EXISTS (SELECT 1 FROM "case" y WHERE y.documentId = d.id) THEN NULL
                         ELSE d.title END AS title,
                    CASE WHEN c.id IS NULL THEN (SELECT group_concat(x.t, char(10)) FROM (SELECT text || \(liftedNames) AS t FROM decision WHERE documentId = d.id AND caseId IS NULL ORDER BY ordinal) x)
                         ELSE (SELECT group_concat(x.t, char(10)) FROM (SELECT COALESCE(body, '') || ': ' || text || \(liftedNames) AS t FROM decision WHERE caseId = c.id ORDER BY ordinal) x) END AS decisions,
                    CASE WHEN c.id IS NOT NULL
                             THEN referat_sections(c.sectionData) || char(10) || COALESCE((SELECT group_concat(title, char(10)) FROM attachment WHERE caseId = c.id), '')
                         WHEN EXISTS (SELECT 1 FROM "case" y WHERE y.documentId = d.id) THEN d.title || char(10) || d.text
                         ELSE d.text END AS body
                FROM entry e JOIN document d ON d.id = e.documentId LEFT JOIN "case" c ON c.id = e.caseId;
                """)
        }
        // v11: nothing a record holds is left out of its entry (`EntryText`): an item's routing
        // ("BUU/VPU, ØK, KB") is a column of its own, and its body holds its attachments' titles when it has no
        // sections; a decision's lifted people their reasons, and the people its vote lists name. The search
        // index is rebuilt from the records by the import that opens the index.
        migrator.registerMigration("v11") { db in
            try db.execute(sql: """
                DROP VIEW entry_content;
                \(entryContentView(attachmentTitles: "(SELECT group_concat(title, char(10)) FROM attachment WHERE caseId = c.id)"))
                DELETE FROM meta WHERE key = 'engineGeneration';
                """)
        }
        // v12: the dictionary sections are packed with (`PackingDictionary`), trained by the
        // next import that compacts; and a case's recommendation, which is one of its sections'
        // text, kept as that section's number instead of a second, uncompressed copy.
        migrator.registerMigration("v12") { db in
            try db.execute(sql: """
                CREATE TABLE packing_dictionary(id INTEGER NOT NULL UNIQUE, data BLOB NOT NULL);
                ALTER TABLE "case" ADD COLUMN recommendationSection INTEGER;
                """)
        }
        // v13: an entry's facts are worked out from its records when it is indexed
        // (`EntryFact.stored`); the table that kept a copy of them goes.
        migrator.registerMigration("v13") { db in
            try db.execute(sql: "DROP TABLE entry_fact")
        }
        // v14: a case's attachments in one compressed blob (`PackedAttachments`), like its
        // sections; the view reads their titles through `referat_attachment_titles`, giving the
        // same text, so the search index needs no rebuild.
        migrator.registerMigration("v14") { db in
            try db.execute(sql: "DROP VIEW entry_content")
            try packAttachmentRows(db)
            try db.execute(sql: entryContentView(attachmentTitles: "referat_attachment_titles(c.attachmentData)"))
        }
        // v15: no index on a decision's date. Searches filter and sort dates in the search
        // index's value columns; only `stats` counts decisions by year, which a scan of the
        // table answers as well, and the index was a fiftieth of a large archive's file.
        migrator.registerMigration("v15") { db in
            try db.execute(sql: "DROP INDEX decision_date")
        }
        return migrator
    }

    /// The view `entry_content` since v11 (`EntryText` builds the same text from parsed
    /// records), with `attachmentTitles` the SQL giving an item's attachments' titles, one per
    /// line, or NULL: from the `attachment` table before v14, from the case's blob after.
    static func entryContentView(attachmentTitles: String) -> String {
        // What `EntryText.text(of:in:)` adds to a `decision` row's text: the people lifted
        // out of it that the meeting's header does not give, with their reasons, and the
        // people each side's vote list names (`Votes.mayNameAPerson`: a space), each after
        // a line break, or '' (the same for both kinds of decision below).
        let liftedPeople = """
            COALESCE((SELECT char(10) || group_concat(n, char(10)) FROM (SELECT pe.name || CASE WHEN pe.party <> '' THEN ' (' || pe.party || ')' ELSE '' END || CASE WHEN COALESCE(pa.reason, '') <> '' THEN ', ' || pa.reason ELSE '' END AS n FROM participation pa JOIN person pe ON pe.id = pa.personId WHERE pa.decisionId = decision.id AND pa.role IN ('absent', 'notParticipating') AND pe.name NOT IN (SELECT json_extract(value, '$.name') FROM json_each(d.meeting, '$.absent') UNION SELECT json_extract(value, '$.name') FROM json_each(d.meeting, '$.notParticipating')) ORDER BY pa.rowid)), '')
            || COALESCE((SELECT char(10) || group_concat(v, char(10)) FROM (SELECT (SELECT group_concat(x.value, ', ') FROM json_each(decision.votes, '$.' || side.name) x WHERE x.value LIKE '% %') AS v FROM (SELECT 'for' AS name, 0 AS o UNION ALL SELECT 'against', 1 UNION ALL SELECT 'abstained', 2) side ORDER BY side.o) WHERE v IS NOT NULL), '')
            """
        // An item's routing as `EntryText.routing(of:)` prints it, or NULL.
        let routing = """
            (SELECT group_concat(COALESCE(step, ''), ', ') FROM (SELECT (SELECT group_concat(s.value, '/') FROM json_each(r.value) s) AS step FROM json_each(c.routing) r ORDER BY r.key))
            """
        return """
                CREATE VIEW entry_content AS
                SELECT e.id AS id,
                    CASE WHEN c.id IS NOT NULL
                             THEN c.title || ' ' || COALESCE(c.caseNumber, '') || ' ' || COALESCE(c.otherCaseNumbers, '') || ' ' || COALESCE(c.kleNumber, '')
                         WHEN EXISTS (SELECT 1 FROM "case" y WHERE y.documentId = d.id) THEN NULL
                         ELSE d.title END AS title,
                    CASE WHEN c.id IS NULL THEN (SELECT group_concat(x.t, char(10)) FROM (SELECT text || \(liftedPeople) AS t FROM decision WHERE documentId = d.id AND caseId IS NULL ORDER BY ordinal) x)
                         ELSE (SELECT group_concat(x.t, char(10)) FROM (SELECT COALESCE(body, '') || ': ' || text || \(liftedPeople) AS t FROM decision WHERE caseId = c.id ORDER BY ordinal) x) END AS decisions,
                    CASE WHEN c.id IS NOT NULL
                             THEN NULLIF(COALESCE(referat_sections(c.sectionData) || char(10), '') || COALESCE(\(attachmentTitles), ''), '')
                         WHEN EXISTS (SELECT 1 FROM "case" y WHERE y.documentId = d.id) THEN d.title || char(10) || d.text
                         ELSE d.text END AS body,
                    CASE WHEN c.id IS NOT NULL THEN NULLIF(\(routing), '') END AS routing
                FROM entry e JOIN document d ON d.id = e.documentId LEFT JOIN "case" c ON c.id = e.caseId;
            """
    }

    /// Moves the `attachment` table's rows into each case's `attachmentData` (v14), and drops it.
    static func packAttachmentRows(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE \"case\" ADD COLUMN attachmentData BLOB")
        let dictionary = try PackingDictionary.current(db)
        // Streamed, a case at a time: a large archive has hundreds of thousands of rows.
        let rows = try Row.fetchCursor(db, sql: "SELECT caseId, number, documentId, access, title, reference FROM attachment ORDER BY caseId, rowid")
        var caseID: Int64?
        var attachments: [Attachment] = []
        func flush() throws {
            guard let caseID, !attachments.isEmpty else { return }
            try db.execute(sql: "UPDATE \"case\" SET attachmentData = ? WHERE id = ?",
                           arguments: [PackedAttachments.pack(attachments, dictionary: dictionary).map { Data($0) }, caseID])
            attachments.removeAll()
        }
        while let r = try rows.next() {
            let id: Int64 = r[0]
            if id != caseID {
                try flush()
                caseID = id
            }
            attachments.append(Attachment(number: r[1], documentId: r[2], access: (r[3] as String?).flatMap(Access.init(rawValue:)), title: r[4], reference: r[5]))
        }
        try flush()
        try db.execute(sql: "DROP TABLE attachment")
    }
}
