import GRDB
import ReferatRecords

/// One thing a search entry can be filtered on: a committee that decided on it, a decision
/// date, an outcome, a person or a party named in its decisions (table `entry_fact`).
///
/// The records hold these per decision, and an entry's decisions hang off its case (or, for
/// a letter, off its document). Filtering through those joins cost a correlated subquery per
/// full-text match, which made a filtered search on a common word 100–250 ms at 100 MB. The
/// facts are written once at import, folded the way queries fold them, so a filter is one
/// scan of one index: `entryId IN (SELECT entryId FROM entry_fact WHERE kind = ? AND …)`.
struct EntryFact: Hashable {
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

    /// Writes an entry's facts.
    static func insert(_ facts: Set<EntryFact>, entryID: Int64, _ db: Database) throws {
        for fact in facts {
            try ArchiveStore.run(db, "INSERT OR IGNORE INTO entry_fact(entryId, kind, value) VALUES(?, ?, ?)", [entryID, fact.kind.rawValue, fact.value])
        }
    }

    /// A name as the `person` table stores it, lower-cased.
    static func personName(_ name: String) -> String {
        ArchiveStore.personName(name).lowercased()
    }
}
