import Foundation
import GRDB
import ReferatParsing
import ReferatRecords
@testable import ReferatStore
import Testing

/// What an entry is filtered on is worked out from its stored records when it is indexed
/// (`EntryFact.stored`); it must equal what the parsed records say (`EntryFact.facts(of:)`),
/// for every entry of the corpus: items, letters, and the text before a document's first item.
@Suite struct EntryFactTests {
    @Test func factsFromStoredRecordsEqualTheParsedOnes() throws {
        let ws = try Workspace()
        _ = try ws.importAll()
        let store = try ws.store()
        let entries = try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.caseId, c.ordinal, d.path, d.id, d.meetingBody, COALESCE(d.date, d.meetingDate)
                FROM entry e JOIN document d ON d.id = e.documentId LEFT JOIN "case" c ON c.id = e.caseId ORDER BY e.id
                """)
        }
        #expect(entries.count > 100)
        var parsed: [String: Document] = [:]
        var kinds: Set<EntryFact.Kind> = []
        for entry in entries {
            let path: String = entry[2]
            let document = try parsed[path] ?? DocumentParser().parse(fileAt: path)
            parsed[path] = document
            let ordinal: Int? = entry[1]
            let expected = EntryFact.facts(of: ordinal.map { document.cases[$0].decisions } ?? document.mentionedDecisions,
                                           meetingBody: document.meeting?.body, documentDate: document.date ?? document.meeting?.date)
            let (caseID, documentID, body, date): (Int64?, Int64, String?, String?) = (entry[0], entry[3], entry[4], entry[5])
            let stored = try store.read { db in
                try EntryFact.stored(caseID: caseID, documentID: documentID, meetingBody: body, documentDate: date, db)
            }
            #expect(stored == expected, "\(path), item \(ordinal.map(String.init) ?? "none")")
            kinds.formUnion(stored.map(\.kind))
        }
        #expect(kinds == [.committee, .date, .outcome, .person, .party])
    }
}
