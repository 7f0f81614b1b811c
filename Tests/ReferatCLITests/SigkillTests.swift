import Foundation
import ReferatTestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Issue 18: `referat import` killed (SIGKILL) at 32 moments that provably land in each phase
/// of an import: parsing, a segment flush, a merge and a commit. After each kill the index
/// passes `stats --check`; the next import resumes; at the end the index equals an
/// uninterrupted import of the same files (counts, and the top 10 of 20 queries).
///
/// The moments are named points of the debug binary (`TestHook`, `REFERAT_TEST_KILL_AT`):
/// the process kills itself on the chosen visit of a point, and the test checks both that it
/// died by SIGKILL and that the folder shows what that point leaves on disk.
@Suite(.serialized) struct SigkillTests {
    /// A phase of an import and its kill points; each kill picks a point and the visit at which
    /// to die, at random.
    struct Phase: Sendable {
        var name: String
        var points: [String]
        var visits: ClosedRange<Int>
    }

    static let phases = [
        Phase(name: "import (parsing)", points: ["parsed"], visits: 1...6),
        Phase(name: "segment flush", points: ["segmentWritten"], visits: 1...3),
        // A merge comes every few commits: die at the first, so a run always reaches it.
        Phase(name: "merge", points: ["mergeRead", "mergeWritten"], visits: 1...1),
        Phase(name: "manifest commit", points: ["manifestTemporary", "manifestWritten", "recorded"], visits: 1...3),
    ]
    static let killsPerPhase = 8

    /// Words, inflections, compounds, phrases, prefixes, OR/NOT, filters and date order.
    static let queries: [(q: String, extra: String)] = [
        ("kommunalbestyrelsen", ""), ("cykelstier", ""), ("bestyrelse", ""), ("psykiatri", ""), ("Århus", ""),
        ("børneområdet", ""), ("budget", ""), ("\"til orientering\"", ""), ("\"anbefales godkendt\"", ""),
        ("kommun*", ""), ("bud* skole", ""), ("skole -undervisning", ""), ("demens OR sygehus", ""),
        ("godkendt udvalg:Økonomiudvalget", ""), ("dato:2019 budget", ""), ("sag:19/40512", ""),
        ("fraværende parti:A", ""), ("beslutning:godkendt", ""), ("budget", "&sortering=dato"), ("plejehjem* type:referat", ""),
    ]

    @Test func killsInEveryPhaseLoseNothing() async throws {
        let dir = try CLI.temporaryDirectory()
        let archive = dir + "/archive"
        try FileManager.default.createDirectory(atPath: archive, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLI.root + "/Corpus", toPath: archive + "/Corpus")
        try RobustnessTests.makeArchive(archive + "/made", count: 20)
        let index = dir + "/killed.sqlite", folder = index + ".segments"
        // The uninterrupted import of the same files, beside the killed ones.
        let reference = dir + "/reference.sqlite"
        let uninterrupted = try ReliabilityTests.start(["import", archive, "--index", reference, "--batch-size", "1", "--jobs", "1"], stderr: dir + "/reference.err")

        var rng = SystemRandomNumberGenerator()
        var plan: [(phase: Phase, point: String, visit: Int)] = []
        for phase in Self.phases {
            for _ in 0..<Self.killsPerPhase {
                plan.append((phase, phase.points.randomElement(using: &rng)!, Int.random(in: phase.visits, using: &rng)))
            }
        }
        plan.shuffle(using: &rng)
        var landed: [String: Int] = [:], finished = 0, edits = 0
        var k = 0
        while k < plan.count && finished < 6 {
            let (phase, point, visit) = plan[k]
            let run = try CLI.run(["import", archive, "--index", index, "--batch-size", "1", "--jobs", "1"],
                                  environment: ["REFERAT_TEST_KILL_AT": "\(point):\(visit)"])
            if run.status == 0 {
                // Nothing left to import before the point came: change some files and try again
                // (their old entries become tombstones, which merges then drop).
                finished += 1
                edits += 1
                try Self.edit(archive + "/made", round: edits)
                continue
            }
            #expect(run.status == 128 + SIGKILL || run.status == SIGKILL, "\(point):\(visit) ended with \(run.status): \(run.stderr.suffix(300))")
            let problem = try Self.evidence(of: point, in: folder, index: index)
            #expect(problem == nil, "\(point):\(visit): \(problem ?? "")")
            let check = try CLI.run(["stats", "--check", "--index", index])
            #expect(check.status == 0, "after a kill at \(point):\(visit): \(check.stdout) \(check.stderr)")
            landed[phase.name, default: 0] += 1
            landed[point, default: 0] += 1
            k += 1
        }
        print("SIGKILL: " + Self.phases.map { phase in
            "\(phase.name) \(landed[phase.name] ?? 0) (" + phase.points.map { "\($0) \(landed[$0] ?? 0)" }.joined(separator: ", ") + ")"
        }.joined(separator: "; ") + "; \(finished) runs finished before their point, \(edits) rounds of edited files; in order: "
            + plan.prefix(k).map { "\($0.point):\($0.visit)" }.joined(separator: " "))
        for phase in Self.phases {
            #expect(landed[phase.name] == Self.killsPerPhase,
                    "\(phase.name): \(landed[phase.name] ?? 0) kills landed (a release binary ignores REFERAT_TEST_KILL_AT)")
        }

        let resumed = try CLI.run(["import", archive, "--index", index])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        // Nothing of the unfinished commits is left: the folder holds one manifest and its segments.
        let generation = try #require(try Self.recordedGeneration(index))
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        let named = Set(try Self.segments(of: folder + "/manifest-\(generation)") + ["manifest-\(generation)"])
        #expect(names == named, "left over: \(names.subtracting(named).sorted()), missing: \(named.subtracting(names).sorted())")

        uninterrupted.waitUntilExit()
        #expect(uninterrupted.terminationStatus == 0, "\((try? String(contentsOfFile: dir + "/reference.err", encoding: .utf8)) ?? "")")
        if edits > 0 {
            // Files changed since: the uninterrupted import takes them in too.
            #expect(try CLI.run(["import", archive, "--index", reference, "--batch-size", "1", "--jobs", "1"]).status == 0)
        }
        let a = try Self.stats(reference), b = try Self.stats(index)
        for key in ["documents", "cases", "decisions", "people"] {
            #expect(a[key] != nil && a[key] == b[key], "\(key): \(String(describing: a[key])) uninterrupted, \(String(describing: b[key])) killed")
        }
        let expected = try await Self.topTen(reference), got = try await Self.topTen(index)
        #expect(expected.filter { !$0.hits.isEmpty }.count >= 18, "the queries must find something: \(expected.map(\.total))")
        for (query, (x, y)) in zip(Self.queries, zip(expected, got)) {
            #expect(x.ranksAlike(y), "\(query.q)\(query.extra): \(x) uninterrupted, \(y) killed")
        }
    }

    /// Rewrites a few made files, so that an import has work again.
    static func edit(_ folder: String, round: Int) throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        for (i, name) in files.enumerated() where i % 5 == round % 5 {
            let path = folder + "/" + name
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try (text + "\nTilføjet i runde \(round): budgetopfølgning og cykelstier.\n").write(toFile: path, atomically: false, encoding: .utf8)
        }
    }

    /// What the folder must show after a kill at `point` (nil when it does): proof that the
    /// kill came where it was aimed.
    static func evidence(of point: String, in folder: String, index: String) throws -> String? {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        guard let generation = try recordedGeneration(index) else {
            // The first import, before its empty search index was recorded.
            return point == "parsed" || names.contains("manifest-0.tmp") ? nil : "no generation recorded: \(names.sorted())"
        }
        let current = Set(try segments(of: folder + "/manifest-\(generation)"))
        let unreferenced = names.filter { $0.hasSuffix(".seg") && !current.contains($0) }
        let next = generation + 1
        switch point {
        case "segmentWritten", "mergeRead":
            return unreferenced.contains { $0.hasPrefix("\(next)-") } ? nil : "no segment of generation \(next) on disk: \(names.sorted())"
        case "mergeWritten":
            return unreferenced.contains { $0.hasPrefix("\(next)-m") } ? nil : "no merged segment of generation \(next): \(names.sorted())"
        case "manifestTemporary":
            return names.contains("manifest-\(next).tmp") ? nil : "no manifest-\(next).tmp: \(names.sorted())"
        case "manifestWritten":
            return names.contains("manifest-\(next)") ? nil : "no manifest-\(next): \(names.sorted())"
        case "recorded":
            return names.contains("manifest-\(generation - 1)") ? nil : "generation \(generation) recorded, manifest-\(generation - 1) gone: \(names.sorted())"
        default:
            return nil
        }
    }

    /// The search index's generation committed with the records.
    static func recordedGeneration(_ index: String) throws -> Int? {
        try ReliabilityTests.sqliteInteger("SELECT value FROM meta WHERE key = 'engineGeneration'", in: index)
    }

    /// The segment names a manifest file lists (magic, a 4-byte length, the JSON body, a checksum).
    static func segments(of manifest: String) throws -> [String] {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: manifest)))
        guard bytes.count > 12 else { return [] }
        let length = bytes[8..<12].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        let body = try JSONSerialization.jsonObject(with: Data(bytes[12..<min(bytes.count, 12 + length)])) as? [String: Any]
        return body?["segments"] as? [String] ?? []
    }

    static func stats(_ index: String) throws -> [String: Int] {
        let r = try CLI.run(["stats", "--index", index, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] ?? [:]
        return json.compactMapValues { $0 as? Int }
    }

    struct TopTen: Equatable, CustomStringConvertible {
        var total: Int
        /// Each hit as `path:line title`.
        var hits: [String]
        /// What each hit was ranked by: its score, or its date for a search sorted by date.
        var keys: [String] = []
        var description: String { "\(total) \(zip(keys, hits).map { "\($0) \($1)" })" }

        /// The same hits in the same order, except that hits ranked alike (equal scores, or
        /// equal dates) may come in any order: the engine breaks such ties by the order the
        /// entries entered the index, which a killed and resumed import legitimately changes
        /// (a resumed step re-adds entries later). The last group of ties at the cut of the
        /// page is compared by its keys only: which of several equal hits fill the page is
        /// the same tie.
        func ranksAlike(_ other: TopTen) -> Bool {
            guard total == other.total, keys == other.keys, hits.count == other.hits.count else { return false }
            var start = 0
            while start < keys.count {
                var end = start
                while end < keys.count && keys[end] == keys[start] { end += 1 }
                if end < keys.count && Set(hits[start..<end]) != Set(other.hits[start..<end]) { return false }
                start = end
            }
            return true
        }
    }

    /// The 20 queries' totals and top 10, from `referat serve` on the index: one process
    /// answers them all (a process that analyses queries loads the Danish dictionary first),
    /// with the JSON of `referat search --format json`.
    static func topTen(_ index: String) async throws -> [TopTen] {
        let port = try LoopbackPort.free()
        let out = try CLI.temporaryDirectory() + "/serve.out"
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: CLI.binary)
        server.arguments = ["serve", "--index", index, "--port", String(port)]
        server.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            kill(server.processIdentifier, SIGTERM)
            server.waitUntilExit()
        }
        let deadline = Date().addingTimeInterval(120)
        while !((try? String(contentsOfFile: out, encoding: .utf8))?.contains("http://") ?? false) {
            guard server.isRunning, Date() < deadline else { throw CocoaError(.fileReadUnknown) }
            usleep(50_000)
        }
        var results: [TopTen] = []
        for query in queries {
            var parts = URLComponents(string: "http://127.0.0.1:\(port)/api/search")!
            parts.queryItems = [URLQueryItem(name: "q", value: query.q), URLQueryItem(name: "antal", value: "10")]
            var request = URLRequest(url: URL(string: parts.string! + query.extra)!)
            request.timeoutInterval = 120
            let (data, _) = try await URLSession.shared.data(for: request)
            let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
            let found = json["hits"] as? [[String: Any]] ?? []
            let hits = found.map { hit in "\(hit["path"] ?? ""):\(hit["line"] ?? "") \(hit["title"] ?? "")" }
            let keys = found.map { hit in
                query.extra.contains("dato") ? "\(hit["date"] ?? "")" : String(format: "%.9g", hit["score"] as? Double ?? .nan)
            }
            results.append(TopTen(total: json["total"] as? Int ?? -1, hits: hits, keys: keys))
        }
        return results
    }

}
