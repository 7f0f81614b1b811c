import Foundation
import GRDB
import ReferatRecords

extension ArchiveStore {
    public func stats() throws(StoreError) -> ArchiveStats {
        let size = sizeOnDisk()
        return try read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            func groups(_ sql: String) throws -> [String: Int] {
                var out: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: sql) { out[(row[0] as String?) ?? "(ukendt)"] = row[1] }
                return out
            }
            return ArchiveStats(
                documents: try count("SELECT count(*) FROM document"),
                cases: try count("SELECT count(*) FROM \"case\""),
                decisions: try count("SELECT count(*) FROM decision"),
                people: try count("SELECT count(*) FROM person"),
                documentsByKind: try groups("SELECT kind, count(*) FROM document GROUP BY kind"),
                decisionsByOutcome: try groups("SELECT outcome, count(*) FROM decision GROUP BY outcome"),
                decisionsByBody: try groups("SELECT body, count(*) FROM decision GROUP BY body"),
                decisionsByYear: try groups("SELECT substr(date, 1, 4), count(*) FROM decision GROUP BY 1"),
                sizeOnDisk: size,
                lastImport: try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'lastImport'"),
                unindexedEntries: try Int.fetchOne(db, sql: "SELECT count(*) FROM entry WHERE id >= ?", arguments: [try Self.indexedEntriesBound(db)]) ?? 0
            )
        }
    }

    /// Every stored case with this case or KLE number, oldest decision first.
    public func cases(number: String) throws(StoreError) -> [StoredCase] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.id, d.path, d.municipality, d.title FROM "case" c JOIN document d ON d.id = c.documentId
                WHERE c.caseNumber = ? OR c.kleNumber = ? OR instr(' ' || COALESCE(c.otherCaseNumbers, '') || ' ', ' ' || ? || ' ') > 0
                ORDER BY COALESCE((SELECT min(date) FROM decision WHERE caseId = c.id), d.meetingDate, ''), d.path
                """, arguments: [number, number, number])
            return try rows.map { row in
                StoredCase(path: row[1], municipality: row[2], documentTitle: row[3], record: try Self.loadCase(id: row[0], db))
            }
        }
    }

    static func loadCase(id: Int64, _ db: Database) throws -> CaseRecord {
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ type: T.Type, _ text: String?) -> T? {
            text.flatMap { try? decoder.decode(T.self, from: Data($0.utf8)) }
        }
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM \"case\" WHERE id = ?", arguments: [id]) else {
            return CaseRecord(title: "")
        }
        let sections = try (row["sectionData"] as Data?).map { try PackedSections.unpack(Array($0), dictionaries: PackedSections.dictionaries(db)) } ?? []
        let recommendationSection: Int? = row["recommendationSection"]
        var record = CaseRecord(
            number: row["number"], caseNumber: row["caseNumber"],
            otherCaseNumbers: (row["otherCaseNumbers"] as String?)?.split(separator: " ").map(String.init) ?? [],
            kleNumber: row["kleNumber"], title: row["title"], access: Access(rawValue: row["access"]) ?? .open, itemType: row["itemType"],
            routing: decode([[String]].self, row["routing"]) ?? [],
            sections: sections,
            recommendation: row["recommendation"] ?? recommendationSection.flatMap { sections.indices.contains($0) ? sections[$0].text : nil }, links: decode([String].self, row["links"]) ?? [],
            lines: [row["firstLine"], row["lastLine"]].compactMap { $0 })
        for d in try Row.fetchAll(db, sql: "SELECT * FROM decision WHERE caseId = ? ORDER BY ordinal", arguments: [id]) {
            var decision = Decision(body: d["body"], date: d["date"], text: d["text"], outcome: Outcome(rawValue: d["outcome"]) ?? .other,
                                    remarks: decode([String].self, d["remarks"]) ?? [], votes: decode(Votes.self, d["votes"]),
                                    lines: [d["firstLine"], d["lastLine"]].compactMap { $0 })
            for p in try Row.fetchAll(db, sql: """
                SELECT pe.name, pe.party, p.role, p.reason FROM participation p JOIN person pe ON pe.id = p.personId WHERE p.decisionId = ?
                """, arguments: [d["id"] as Int64]) {
                let party = (p[1] as String).isEmpty ? nil : p[1] as String
                switch p[2] as String {
                case "absent": decision.absent.append(Person(name: p[0], party: party, reason: p[3]))
                case "notParticipating": decision.notParticipating.append(NonParticipant(name: p[0], party: party, reason: p[3]))
                default: break
                }
            }
            record.decisions.append(decision)
        }
        record.attachments = try (row["attachmentData"] as Data?).map { try PackedAttachments.unpack(Array($0), dictionaries: PackedSections.dictionaries(db)) } ?? []
        return record
    }

    /// People whose name contains `name` (Danish case-insensitive), with every recorded event.
    public func people(named name: String) throws(StoreError) -> [PersonReport] {
        try read { db in
            let persons = try Row.fetchAll(db, sql: "SELECT id, name, party FROM person WHERE referat_fold(name) LIKE ? ORDER BY name, party",
                                           arguments: ["%\(name.lowercased())%"])
            return try persons.map { p in
                let events = try Row.fetchAll(db, sql: """
                    SELECT pa.role, pa.reason, x.body, x.date, c.caseNumber, COALESCE(c.title, d.title), d.path
                    FROM participation pa JOIN decision x ON x.id = pa.decisionId JOIN document d ON d.id = x.documentId
                    LEFT JOIN "case" c ON c.id = x.caseId WHERE pa.personId = ? ORDER BY x.date, d.path
                    """, arguments: [p[0] as Int64]).map {
                    PersonReport.Event(role: $0[0], reason: $0[1], body: $0[2], date: $0[3], caseNumber: $0[4], title: $0[5], path: $0[6])
                }
                var perYear: [String: [String: Int]] = [:]
                for e in events { perYear[String((e.date ?? "ukendt").prefix(4)), default: [:]][e.role, default: 0] += 1 }
                let party = p[2] as String
                return PersonReport(name: p[1], party: party.isEmpty ? nil : party, events: events, perYear: perYear)
            }
        }
    }
}
