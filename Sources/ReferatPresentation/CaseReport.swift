import Foundation
public import ReferatIndex
public import ReferatRecords
public import ReferatSearch
public import ReferatStore

/// A case as `referat show` and the case page present it: every stored record of the number,
/// its decisions in date order across committees and meetings, and the documents that
/// mention it. Its JSON shape is the CLI's `show --format json`.
public struct CaseReport: Encodable, Sendable {
    public var caseNumber: String
    public var records: [StoredCase]
    public var timeline: [Step]
    public var mentionedIn: [SearchHit]

    /// One decision of the case.
    public struct Step: Encodable, Sendable {
        public var date: String?
        public var body: String?
        /// The outcome's stable English value (`approved`); text and HTML show it in Danish.
        public var outcome: String
        public var text: String
        public var absent: [Person]
        public var notParticipating: [NonParticipant]
        public var path: String
    }

    /// How many documents mentioning the case a report lists.
    public static let mentionLimit = 50

    /// Reads the case from the archive; `isEmpty` when the archive knows nothing of it.
    public static func load(_ caseNumber: String, store: ArchiveStore, search: SearchService) throws -> CaseReport {
        let records = try store.cases(number: caseNumber)
        var options = SearchService.Options()
        options.limit = mentionLimit
        let phrase = "\"\(caseNumber.replacingOccurrences(of: "\"", with: ""))\""
        let mentions = (try? search.search(phrase, options: options).page.hits) ?? []
        var timeline: [Step] = []
        for stored in records {
            for d in stored.record.decisions {
                timeline.append(Step(date: d.date, body: d.body, outcome: d.outcome.rawValue, text: d.text, absent: d.absent,
                                     notParticipating: d.notParticipating, path: stored.path))
            }
        }
        timeline.sort { ($0.date ?? "") < ($1.date ?? "") }
        return CaseReport(caseNumber: caseNumber, records: records, timeline: timeline, mentionedIn: mentions)
    }

    public var isEmpty: Bool { records.isEmpty && mentionedIn.isEmpty }

    /// The committee's abbreviation when the case's routing printed one
    /// ("Børne- og ungdomsudvalget" → "BUU"), else its name.
    public func abbreviation(_ name: String) -> String {
        let routing = records.first?.record.routing ?? []
        for abbr in routing.joined() where abbr.count <= 5 && abbr == abbr.uppercased() {
            let initials = name.split(whereSeparator: { $0 == " " || $0 == "-" }).filter { $0 != "og" }.map { w -> String in
                var s = String(w.prefix(1)).uppercased()
                if w.lowercased().hasSuffix("udvalget") && w.count > 8 { s += "U" }
                return s
            }.joined()
            if initials == abbr || name.lowercased().hasPrefix(abbr.lowercased()) || (abbr == "KB" && name.lowercased().hasPrefix("kommunalbestyrelse")) { return abbr }
        }
        return name
    }
}

/// What the archive holds, with the index it was read from, for `referat stats` and the
/// archive page.
public struct StatsReport: Sendable {
    public var path: String
    public var stats: ArchiveStats

    public init(path: String, stats: ArchiveStats) {
        self.path = path
        self.stats = stats
    }

    /// Counts by key, largest first (ties in Danish order), or by key in Danish order.
    public static func sorted(_ values: [String: Int], byKey: Bool) -> [(key: String, value: Int)] {
        byKey ? values.sorted { Danish.less($0.key, $1.key) }
            : values.sorted { $0.value > $1.value || $0.value == $1.value && Danish.less($0.key, $1.key) }
    }
}
