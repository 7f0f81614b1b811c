import Foundation
import ReferatRecords

/// The Danish words and forms a reader sees: dates, outcomes, document kinds, roles, and the
/// alphabetical order. Text and HTML use these; JSON keeps the English values.
public enum Danish {
    /// "2023-01-19" → "19-01-2023"; an incomplete date as it is, a missing one as "udateret".
    public static func date(_ iso: String?) -> String {
        guard let iso, iso.count == 10 else { return iso ?? "udateret" }
        let p = iso.split(separator: "-")
        guard p.count == 3 else { return iso }
        return "\(p[2])-\(p[1])-\(p[0])"
    }

    /// An outcome's stored value ("approved") as a Danish word ("godkendt").
    public static func outcome(_ value: String) -> String {
        guard let outcome = Outcome(rawValue: value) else { return value }
        return outcome.danishName
    }

    /// A document kind's stored value ("agendaItem") as a Danish word ("dagsordenspunkt").
    public static func kind(_ value: String) -> String {
        switch value {
        case "minutes": "referat"
        case "agendaItem": "dagsordenspunkt"
        case "letter": "brev"
        case "webpage": "webside"
        default: value
        }
    }

    /// A person's role in a decision, as `referat person` counts it.
    public static func role(_ value: String) -> String {
        switch value {
        case "absent": "fraværende"
        case "notParticipating": "deltog ikke"
        case "votedFor": "stemte for"
        case "votedAgainst": "stemte imod"
        case "abstained": "undlod"
        default: value
        }
    }

    /// "1 resultat", "2 resultater"; "mindst 1000 resultater" for a count that is a lower bound.
    public static func results(_ count: Int, atLeast: Bool = false) -> String {
        "\(atLeast ? "mindst " : "")\(count) \(count == 1 && !atLeast ? "resultat" : "resultater")"
    }

    /// Danish alphabetical order: æ, ø, å after z; aa sorts as å.
    public static func collationKey(_ s: String) -> [UInt32] {
        var out: [UInt32] = []
        let lower = s.lowercased().replacingOccurrences(of: "aa", with: "å")
        for scalar in lower.unicodeScalars {
            switch scalar {
            case "æ", "ä": out.append(0x7B)
            case "ø", "ö": out.append(0x7C)
            case "å": out.append(0x7D)
            case "é", "è": out.append(UInt32(("e" as Unicode.Scalar).value))
            default: out.append(scalar.value)
            }
        }
        return out
    }

    public static func less(_ a: String, _ b: String) -> Bool {
        collationKey(a).lexicographicallyPrecedes(collationKey(b))
    }
}
