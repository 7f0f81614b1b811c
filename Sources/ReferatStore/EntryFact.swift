import Foundation
import GRDB
import ReferatRecords

/// One thing a search entry can be filtered on: a committee that decided on it, a decision
/// date, an outcome, a person or a party named in its decisions, folded the way queries fold
/// them. The search index keeps them per entry in its value columns (`EngineBatch.values`),
/// which filters and facets read; they are worked out from the stored records whenever an
/// entry is indexed (`stored`), the same facts the parsed records give (`facts(of:)`).
/// Indexes before v13 also kept them in a table of their own, `entry_fact`.
struct EntryFact: Hashable, Comparable {
    /// Stored as a small integer: the table has several rows per decision.
    enum Kind: Int {
        /// A deciding body or the meeting's body, lower-cased ("børne- og ungeudvalget").
        case committee = 1
        /// A decision date or the document's date, ISO 8601.
        case date = 2
        /// A normalised outcome (`Outcome.rawValue`).
        case outcome = 3
        /// Someone absent, not taking part or voting by name, lower-cased.
        case person = 4
        /// A party letter or name, as printed: from participants and from vote lists.
        case party = 5
    }

    var kind: Kind
    var value: String

    /// By kind, then value: the order the value columns are written in.
    static func < (a: EntryFact, b: EntryFact) -> Bool {
        (a.kind.rawValue, a.value) < (b.kind.rawValue, b.value)
    }

    /// The facts of an entry with these decisions, in a document of this meeting body and date
    /// (the document's own date, else its meeting's).
    static func facts(of decisions: [Decision], meetingBody: String?, documentDate: String?) -> Set<EntryFact> {
        var facts: Set<EntryFact> = []
        func add(_ kind: Kind, _ value: String?) {
            if let value, !value.isEmpty { facts.insert(EntryFact(kind: kind, value: value)) }
        }
        add(.committee, meetingBody?.lowercased())
        add(.date, documentDate)
        for decision in decisions {
            add(.committee, decision.body?.lowercased())
            add(.date, decision.date)
            add(.outcome, decision.outcome.rawValue)
            for p in decision.absent {
                add(.person, personName(p.name))
                add(.party, p.party)
            }
            for p in decision.notParticipating {
                add(.person, personName(p.name))
                add(.party, p.party)
            }
            if let votes = decision.votes {
                for entry in votes.for + votes.against + votes.abstained {
                    // "A", "Venstre", or a named voter "Ane Bak (A)", read as the import reads it.
                    if let voter = ArchiveStore.namedVoter(entry) {
                        add(.person, personName(voter.name))
                        add(.party, voter.party)
                    }
                    add(.party, entry)
                }
            }
        }
        return facts
    }

    /// The facts of an entry from its stored records (`storedDecisions`).
    static func stored(caseID: Int64?, documentID: Int64, meetingBody: String?, documentDate: String?, _ db: Database) throws -> Set<EntryFact> {
        facts(of: try storedDecisions(caseID: caseID, documentID: documentID, db), meetingBody: meetingBody, documentDate: documentDate)
    }

    /// An entry's decisions as its facts need them, in order: those of its case (`caseID`), or
    /// those its document mentions outside any item; body, date, outcome, votes, and the people
    /// absent or not taking part (no text).
    static func storedDecisions(caseID: Int64?, documentID: Int64, _ db: Database) throws -> [Decision] {
        let rows = try caseID.map { try Row.fetchAll(db.cachedStatement(sql: "SELECT id, body, date, outcome, votes FROM decision WHERE caseId = ? ORDER BY ordinal"), arguments: [$0]) }
            ?? Row.fetchAll(db.cachedStatement(sql: "SELECT id, body, date, outcome, votes FROM decision WHERE documentId = ? AND caseId IS NULL ORDER BY ordinal"), arguments: [documentID])
        let participants = try db.cachedStatement(sql: """
            SELECT pe.name, pe.party, pa.role FROM participation pa JOIN person pe ON pe.id = pa.personId WHERE pa.decisionId = ?
            """)
        return try rows.map { row in
            var decision = Decision(body: row[1], date: row[2], text: "", outcome: Outcome(rawValue: row[3]) ?? .other)
            decision.votes = (row[4] as String?).flatMap { try? JSONDecoder().decode(Votes.self, from: Data($0.utf8)) }
            for p in try Row.fetchAll(participants, arguments: [row[0]]) {
                let party: String? = (p[1] as String?).flatMap { $0.isEmpty ? nil : $0 }
                switch p[2] as String {
                case "absent": decision.absent.append(Person(name: p[0], party: party))
                case "notParticipating": decision.notParticipating.append(NonParticipant(name: p[0], party: party))
                default: break  // named voters: the votes themselves name them
                }
            }
            return decision
        }
    }

    /// A name as the `person` table stores it, lower-cased.
    static func personName(_ name: String) -> String {
        ArchiveStore.personName(name).lowercased()
    }
}
