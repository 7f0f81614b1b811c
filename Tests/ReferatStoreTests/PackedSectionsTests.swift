import Foundation
import GRDB
import ReferatAnalysis
import ReferatIndexing
import ReferatParsing
import ReferatRecords
@testable import ReferatStore
import Testing

/// Section text is stored compressed (`PackedSections`); the search index reads it back through
/// an SQL function. Both directions must be exact in both formats (zstd, and the zlib blobs of
/// older indexes), damage must be reported rather than misread, and an index from before the
/// change must upgrade in place.
@Suite struct PackedSectionsTests {
    static let sectionLists: [[Section]] = [
        [Section(heading: "Sagsfremstilling", text: "Kommunerne i Region Midtjylland har indgået en rammeaftale.")],
        [Section(heading: "", text: "")],
        [Section(heading: "", text: ""), Section(heading: "", text: "x")],
        [Section(heading: "Økonomi", text: "Udgiften på 1.250.000 kr. afholdes af puljen.\n\nIngen yderligere bemærkninger."),
         Section(heading: "Høring", text: "Børne- og ungeudvalget, Ældrerådet og Aarhus Kommune er hørt.")],
        [Section(heading: "Kontrol\u{0}tegn", text: "tab\there\u{1F}\u{7F}\r\nslut")],
        [Section(heading: "Emoji", text: "👍🏽 e\u{301} ﬁ")],
        [Section(heading: "Langt", text: String(repeating: "specialundervisningsområdet ", count: 20_000))],
        (0..<300).map { Section(heading: "Afsnit \($0)", text: "Tekst nummer \($0)") },
    ]

    /// A dictionary trained as `ArchiveStore.packSections` trains one, on made-up sections
    /// that share their words the way a council's cases do.
    static let dictionary: PackingDictionary = {
        let words = ["kommunalbestyrelsen", "godkender", "udvalget", "indstillingen", "økonomiske", "konsekvenser",
                     "sagsfremstilling", "borgerne", "rammeaftalen", "høring", "beslutning", "administrationen", "anbefaler"]
        var samples = PackingDictionary.Samples()
        for i in 0..<400 {
            let text = (0..<80).map { words[($0 * 7 + i * 3 + $0 / 5) % words.count] }.joined(separator: " ") + " sag \(i)."
            let blob = PackedSections.pack([Section(heading: "Sagsfremstilling", text: text)], dictionary: nil)!
            samples.append(try! PackedSections.payload(of: blob, { _ in nil }))
        }
        return PackingDictionary.train(samples, minimumBytes: 1)!.0
    }()

    static let formats = [PackedSections.zstdFormat, PackedSections.zlibFormat, PackedSections.dictionaryFormat]

    /// The blob `format` gives these sections: with the dictionary for format 3.
    static func pack(_ sections: [Section], _ format: UInt8) -> [UInt8]? {
        PackedSections.pack(sections, dictionary: format == PackedSections.dictionaryFormat ? dictionary : nil, format: format)
    }

    static func known(_ id: UInt32) -> PackingDictionary? { id == dictionary.id ? dictionary : nil }

    @Test(arguments: sectionLists, formats)
    func sectionsRoundTrip(_ sections: [Section], format: UInt8) throws {
        let blob = try #require(Self.pack(sections, format))
        #expect(blob.first == format)
        #expect(try PackedSections.unpack(blob, dictionaries: Self.known) == sections)
        #expect(try PackedSections.bodyText(blob, dictionaries: Self.known) == sections.map { $0.heading + "\n" + $0.text }.joined(separator: "\n"))
    }

    @Test func noSectionsIsNoBlob() {
        #expect(PackedSections.pack([], dictionary: Self.dictionary) == nil)
    }

    /// Text like the training samples packs smaller with the dictionary than without it.
    @Test func theDictionaryPacksSmaller() throws {
        let text = "Administrationen anbefaler, at udvalget godkender indstillingen om rammeaftalen; de økonomiske konsekvenser for borgerne er beskrevet i sagsfremstillingen."
        let sections = [Section(heading: "Sagsfremstilling", text: text)]
        let plain = try #require(PackedSections.pack(sections, dictionary: nil))
        let packed = try #require(PackedSections.pack(sections, dictionary: Self.dictionary))
        #expect(packed.count < plain.count)
    }

    /// Attachments round-trip through their blob with and without the dictionary, and their
    /// titles read as the view gives them; a payload that is no list of attachments is damage.
    @Test(arguments: [false, true])
    func attachmentsRoundTrip(withDictionary: Bool) throws {
        let dictionary = withDictionary ? Self.dictionary : nil
        let attachments = [
            Attachment(number: 1, documentId: "3409105", access: .open, title: "Bilag 1 - Budgetoversigt 2031.pdf", reference: "3802/23"),
            Attachment(title: "Høringssvar fra Ældrerådet"),
            Attachment(number: 3, access: .closed, title: ""),
        ]
        #expect(PackedAttachments.pack([], dictionary: dictionary) == nil)
        let blob = try #require(PackedAttachments.pack(attachments, dictionary: dictionary))
        #expect(try PackedAttachments.unpack(blob, dictionaries: Self.known) == attachments)
        #expect(try PackedAttachments.titles(blob, dictionaries: Self.known) == "Bilag 1 - Budgetoversigt 2031.pdf\nHøringssvar fra Ældrerådet\n")
        let notAList = PackedSections.pack(payload: Array(#"{"title": "x"}"#.utf8), dictionary: dictionary)
        #expect(throws: PackedSections.Damaged.self) { try PackedAttachments.unpack(notAList, dictionaries: Self.known) }
    }

    /// A blob packed with a dictionary the index does not know is damage, not empty text.
    @Test func anUnknownDictionaryIsDamage() throws {
        let blob = try #require(Self.pack(Self.sectionLists[0], PackedSections.dictionaryFormat))
        #expect(throws: PackedSections.Damaged.self) { try PackedSections.unpack(blob, dictionaries: { _ in nil }) }
    }

    @Test(arguments: formats)
    func repetitiveTextShrinks(format: UInt8) throws {
        let sections = Self.sectionLists[6]
        let blob = try #require(Self.pack(sections, format))
        #expect(blob.count * 20 < sections[0].text.utf8.count)
        // The blob waits for the writer: it must not keep the buffer sized for incompressible text.
        #expect(blob.capacity * 20 < sections[0].text.utf8.count)
    }

    /// A damaged blob, named in the test log by its number and size, not its bytes.
    struct Blob: CustomTestStringConvertible, Sendable {
        var number: Int
        var bytes: [UInt8]
        var testDescription: String { "damaged blob \(number) (\(bytes.count) bytes)" }
    }

    static let damaged: [Blob] = {
        let zstd = pack(sectionLists[3], PackedSections.zstdFormat)!
        let zlib = pack(sectionLists[3], PackedSections.zlibFormat)!
        let packed = pack(sectionLists[3], PackedSections.dictionaryFormat)!
        let small = { (format: UInt8) in pack([Section(heading: "abc", text: "def")], format)! }
        var blobs: [[UInt8]] = [
            [],
            [9] + zstd.dropFirst(),  // an unknown format
            [PackedSections.zlibFormat] + zstd.dropFirst(),  // zstd data under the zlib format byte
            [PackedSections.zstdFormat] + zlib.dropFirst(),  // and the other way round
            [PackedSections.zstdFormat] + packed.dropFirst(),  // a frame that needs the dictionary, without it
        ]
        for good in [zstd, zlib, packed] {
            blobs += [
                Array(good.prefix(good.count / 2)),  // cut short
                good.prefix(2) + [UInt8](repeating: 0xAB, count: 40),  // not compressed data
                [good[0], 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],  // absurd length
            ]
        }
        for format in formats {
            // The stated length 5, but the payload holds 8 bytes; and 30, which it does not reach.
            blobs.append([format, 5] + small(format).dropFirst(2))
            blobs.append([format, 30] + small(format).dropFirst(2))
        }
        return blobs.enumerated().map { Blob(number: $0.offset, bytes: $0.element) }
    }()

    @Test(arguments: damaged)
    func damageIsReportedNotMisread(_ blob: Blob) {
        #expect(throws: PackedSections.Damaged.self) { try PackedSections.unpack(blob.bytes, dictionaries: Self.known) }
        #expect(throws: PackedSections.Damaged.self) { try PackedSections.bodyText(blob.bytes, dictionaries: Self.known) }
    }

    /// Builds an index as referat wrote it before v4 (sections as rows, the full-text index in
    /// FTS5 with referat's own tokenizer, which this version no longer has), with the Corpus
    /// files, then opens it read-only as `search` does, which must refuse it and leave it as it
    /// was (reading commands never write), and for writing as `import` does, which must upgrade
    /// it: keep every case's sections, give the view the same text, drop the FTS5 tables, and
    /// rebuild the search index from the records into the index a fresh import makes.
    /// The absentees and non-participants of the decision just inserted, as v1 stored them.
    static func insertPeople(of decision: Decision, _ db: Database) throws {
        let decisionID = db.lastInsertedRowID
        let people = decision.absent.map { ($0.name, $0.party, $0.reason, "absent") }
            + decision.notParticipating.map { ($0.name, $0.party, $0.reason, "notParticipating") }
        for (name, party, reason, role) in people {
            try db.execute(sql: "INSERT OR IGNORE INTO person(name, party) VALUES(?, ?)", arguments: [name, party ?? ""])
            let person = try Int64.fetchOne(db, sql: "SELECT id FROM person WHERE name = ? AND party = ?", arguments: [name, party ?? ""])
            try db.execute(sql: "INSERT INTO participation(decisionId, personId, role, reason) VALUES(?, ?, ?, ?)", arguments: [decisionID, person, role, reason])
        }
    }

    /// A value as v1 stored it in a JSON column, or nil.
    static func json(_ value: (some Encodable)?) throws -> String? {
        try value.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
    }

    @Test func anIndexFromBeforeV4UpgradesInPlace() throws {
        let ws = try Workspace(files: [])
        // As a referat of that time parsed them: no text before the first item was kept.
        let documents = try PretokenizedTests.corpusDocuments().map { d in var old = d; old.preamble = nil; return old }
        var config = Configuration()
        config.prepareDatabase { db in db.add(tokenizer: OldTokenizer.self) }
        let old = try DatabaseQueue(path: ws.index, configuration: config)
        try ArchiveStore.migrator.migrate(old, upTo: "v3")
        try old.write { db in
            // The full-text index as v1 made it.
            try db.execute(sql: """
                CREATE VIRTUAL TABLE search USING fts5(title, decisions, body, content = 'entry_content', content_rowid = 'id', tokenize = 'referat_danish');
                INSERT INTO search(search, rank) VALUES('rank', 'bm25(10.0, 5.0, 1.0)');
                CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search, 'row');
                """)
            try db.execute(sql: "INSERT INTO meta(key, value) VALUES('analyzerVersion', ?)", arguments: [ArchiveStore.searchIndexVersion])
            for d in documents {
                try db.execute(sql: """
                    INSERT INTO document(path, sha256, size, kind, title, meeting, text, importedAt) VALUES(?, ?, 0, ?, ?, ?, ?, '2026-01-01')
                    """, arguments: [d.path, d.sha256, d.kind.rawValue, d.title, try d.meeting.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) },
                                     d.cases.isEmpty ? d.text : nil])
                let documentID = db.lastInsertedRowID
                for (i, decision) in d.mentionedDecisions.enumerated() {
                    try db.execute(sql: "INSERT INTO decision(documentId, ordinal, body, text, outcome, votes) VALUES(?, ?, ?, ?, ?, ?)",
                                   arguments: [documentID, i, decision.body, decision.text, decision.outcome.rawValue, try Self.json(decision.votes)])
                    try Self.insertPeople(of: decision, db)
                }
                for (ordinal, c) in d.cases.enumerated() {
                    try db.execute(sql: """
                        INSERT INTO "case"(documentId, ordinal, caseNumber, otherCaseNumbers, kleNumber, title, access, routing, sections)
                        VALUES(?, ?, ?, ?, ?, ?, ?, ?, '[]')
                        """, arguments: [documentID, ordinal, c.caseNumber, c.otherCaseNumbers.isEmpty ? nil : c.otherCaseNumbers.joined(separator: " "),
                                         c.kleNumber, c.title, c.access.rawValue, c.routing.isEmpty ? nil : try Self.json(c.routing)])
                    let caseID = db.lastInsertedRowID
                    for (k, s) in c.sections.enumerated() {
                        try db.execute(sql: "INSERT INTO section(caseId, ordinal, heading, text) VALUES(?, ?, ?, ?)", arguments: [caseID, k, s.heading, s.text])
                    }
                    for (k, decision) in c.decisions.enumerated() {
                        try db.execute(sql: "INSERT INTO decision(documentId, caseId, ordinal, body, text, outcome, votes) VALUES(?, ?, ?, ?, ?, ?, ?)",
                                       arguments: [documentID, caseID, k, decision.body, decision.text, decision.outcome.rawValue, try Self.json(decision.votes)])
                        try Self.insertPeople(of: decision, db)
                    }
                    for a in c.attachments {
                        try db.execute(sql: "INSERT INTO attachment(caseId, title) VALUES(?, ?)", arguments: [caseID, a.title])
                    }
                    try db.execute(sql: "INSERT INTO entry(documentId, caseId) VALUES(?, ?)", arguments: [documentID, caseID])
                }
                if d.cases.isEmpty { try db.execute(sql: "INSERT INTO entry(documentId) VALUES(?)", arguments: [documentID]) }
            }
            try db.execute(sql: "INSERT INTO search(search) VALUES('rebuild')")
        }
        #expect(try old.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM search_vocab") ?? 0 } > 100)
        try old.close()

        let before = try Data(contentsOf: URL(fileURLWithPath: ws.index))
        #expect(throws: StoreError.self) { try ArchiveStore(path: ws.index, readOnly: true) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: ws.index)) == before)
        let store = try ArchiveStore(path: ws.index)
        let (hasSectionTable, migrations, leftovers, entries) = try store.read { db in
            (try db.tableExists("section"), try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE 'search%'"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM entry") ?? 0)
        }
        #expect(!hasSectionTable)
        #expect(migrations.contains("v4") && migrations.contains("v6") && migrations.contains("v7") && migrations.contains("v8") && migrations.contains("v9") && migrations.contains("v11"))
        // v7: minutes are read again at the next import, so that their header text is indexed;
        // v8: every document, so that the archive learns its committee abbreviations.
        let reread = try store.read { db in try String.fetchAll(db, sql: "SELECT path FROM document WHERE sha256 = '' ORDER BY path") }
        #expect(reread == documents.map(\.path).sorted())
        #expect(leftovers.isEmpty)
        // v9: the facts' index by kind and value served the FTS5 filters only.
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name = 'entry_fact_value'") } == 0)
        #expect(store.rebuiltSearchEntries == entries)
        #expect(try store.integrityCheck().isEmpty)
        let fresh = try Workspace(files: []).store()
        try fresh.replace(documents.map { ArchiveStore.Incoming(document: $0, size: 0) })
        let vocabulary = try store.searchVocabulary()
        #expect(vocabulary.count > 1000)
        #expect(vocabulary == (try fresh.searchVocabulary()))
        for document in documents {
            let stored = try store.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT c.title, c.decisions, c.body, c.routing FROM entry_content c JOIN entry e ON e.id = c.id
                    JOIN document d ON d.id = e.documentId WHERE d.path = ? ORDER BY e.id
                    """, arguments: [document.path]).map { row in [row[0], row[1], row[2], row[3]] as [String?] }
            }
            #expect(stored == EntryText.columns(of: document), "\(document.path)")
            for c in document.cases where c.caseNumber != nil {
                let found = try store.cases(number: c.caseNumber!).filter { $0.path == document.path && $0.record.title == c.title }
                #expect(found.first?.record.sections == c.sections, "\(document.path) \(c.caseNumber!)")
            }
        }
    }
}

/// A stand-in for the FTS5 tokenizer older referat indexes name ("referat_danish"): enough
/// to build such an index in a test; this version of referat registers no tokenizer at all.
final class OldTokenizer: FTS5CustomTokenizer {
    static let name = "referat_danish"

    init(db: Database, arguments: [String]) throws {}

    func tokenize(context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization, pText: UnsafePointer<CChar>?, nText: CInt,
                  tokenCallback: @escaping FTS5TokenCallback) -> CInt {
        guard let pText, nText > 0 else { return 0 }
        var start = 0
        for i in 0...Int(nText) where i == Int(nText) || pText[i] == 0x20 || pText[i] == 0x0A {
            if i > start {
                let status = tokenCallback(context, 0, pText + start, CInt(i - start), CInt(start), CInt(i))
                if status != 0 { return status }
            }
            start = i + 1
        }
        return 0
    }
}
