import ArgumentParser
import Foundation
import ReferatStore

/// `referat stats`: what the index holds.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Show what the index holds.")

    @OptionGroup var indexOption: IndexOption

    @Option(name: .shortAndLong, help: "Output format: text, json or csv.")
    var format: OutputFormat = .text

    @Flag(help: "Run SQLite's integrity check and verify the search index's files; exit 3 if the index is damaged.")
    var check = false

    func run() throws {
        if check {
            let store = try indexOption.open(readOnly: true)
            let problems = try store.integrityCheck()
            if problems.isEmpty {
                Console.out("integrity: ok")
                return
            }
            for p in problems { Console.err("referat: integrity: \(p)") }
            throw ExitCodes.badIndex
        }
        let store = try indexOption.open(readOnly: true)
        let stats = try store.stats()
        if format == .json {
            Console.out(try Console.json(stats))
            return
        }
        if format == .csv {
            Console.out(Self.csv(stats))
            return
        }
        Console.out("Index: \(store.path) (\(String(format: "%.1f", Double(stats.sizeOnDisk) / 1e6)) MB)")
        Console.out("Dokumenter: \(stats.documents)  Sager: \(stats.cases)  Beslutninger: \(stats.decisions)  Personer: \(stats.people)")
        Console.out("Seneste import: \(stats.lastImport ?? "-")")
        func table(_ title: String, _ values: [String: Int], byKey: Bool = false) {
            Console.out("\n\(title)")
            let sorted = byKey ? values.sorted { DanishCollation.less($0.key, $1.key) } : values.sorted { $0.value > $1.value || $0.value == $1.value && DanishCollation.less($0.key, $1.key) }
            for (key, count) in sorted { Console.out("  \(key.padding(40)) \(count)") }
        }
        table("Dokumenttyper", stats.documentsByKind)
        table("Beslutninger efter udfald", stats.decisionsByOutcome)
        table("Beslutninger efter udvalg", stats.decisionsByBody, byKey: true)
        table("Beslutninger efter år", stats.decisionsByYear, byKey: true)
    }
}

extension StatsCommand {
    /// One row per count: `table,key,count`, the totals first (table `index`), in UTF-8 with
    /// CRLF line ends like `search --format csv`.
    static func csv(_ stats: ArchiveStats) -> String {
        var rows = ["table,key,count"]
        for (key, value) in [("documents", stats.documents), ("cases", stats.cases), ("decisions", stats.decisions), ("people", stats.people),
                             ("bytesOnDisk", Int(stats.sizeOnDisk))] {
            rows.append("index,\(key),\(value)")
        }
        for (table, values) in [("documentsByKind", stats.documentsByKind), ("decisionsByOutcome", stats.decisionsByOutcome),
                                ("decisionsByBody", stats.decisionsByBody), ("decisionsByYear", stats.decisionsByYear)] {
            for (key, count) in values.sorted(by: { DanishCollation.less($0.key, $1.key) }) { rows.append("\(table),\(HitRenderer.csvField(key)),\(count)") }
        }
        return rows.joined(separator: "\r\n")
    }
}

/// Danish alphabetical order: æ, ø, å after z; aa sorts as å.
enum DanishCollation {
    static func key(_ s: String) -> [UInt32] {
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

    static func less(_ a: String, _ b: String) -> Bool {
        key(a).lexicographicallyPrecedes(key(b))
    }
}
