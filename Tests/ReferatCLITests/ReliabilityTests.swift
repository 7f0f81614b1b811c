import Foundation
import ReferatTestSupport
import Testing

/// The defects a hostile tester found (issue 21), each run on the real binary.
@Suite(.serialized) struct ReliabilityTests {
    /// Starts `referat` in the background with its standard error in a file.
    static func start(_ arguments: [String], stderr: String, environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: CLI.root)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        _ = FileManager.default.createFile(atPath: stderr, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderr))
        try process.run()
        return process
    }

    static func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
    }

    // MARK: 1. Creating a new index

    /// Two imports into one new index while a reader loops on it, 50 times: both imports
    /// succeed (one waits for the other), and a reader sees no index yet or a whole one,
    /// never "another program's database" or a half-made schema.
    @Test func twoImportsAndAReaderOnANewIndex() throws {
        let dir = try CLI.temporaryDirectory()
        try RobustnessTests.makeArchive(dir + "/a", count: 3)
        try FileManager.default.createDirectory(atPath: dir + "/b", withIntermediateDirectories: true)
        for name in ["002_57d07c45436e4040.txt", "003_746e95f34020876c.txt"] {
            try FileManager.default.copyItem(atPath: CLI.root + "/Corpus/" + name, toPath: dir + "/b/" + name)
        }
        var waited = 0
        for round in 0..<50 {
            let index = dir + "/new-\(round).sqlite"
            let first = try Self.start(["import", dir + "/a", "--index", index], stderr: dir + "/first.err")
            let second = try Self.start(["import", dir + "/b", "--index", index], stderr: dir + "/second.err")
            var reads = 0
            while first.isRunning || second.isRunning || reads < 2 {
                let r = try CLI.run(["search", "budget", "--index", index, "--format", "json"])
                let fine = r.status == 0 || r.status == 4 || (r.status == 3 && r.stderr.contains("no index here yet"))
                #expect(fine, "round \(round), reader: \(r.status) \(r.stderr)")
                reads += 1
            }
            first.waitUntilExit()
            second.waitUntilExit()
            let errors = try String(contentsOfFile: dir + "/first.err", encoding: .utf8) + String(contentsOfFile: dir + "/second.err", encoding: .utf8)
            #expect(first.terminationStatus == 0 && second.terminationStatus == 0, "round \(round): \(errors)")
            if errors.contains("another import is writing to \(index); waiting") { waited += 1 }
            let stats = Self.json(try CLI.run(["stats", "--index", index, "--format", "json"]).stdout)
            #expect(stats["documents"] as? Int == 5, "round \(round)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir).allSatisfy { !$0.contains(".creating-") })
        }
        #expect(waited > 0, "the imports never overlapped: the test proved nothing")
    }

    // MARK: 2. and 3. What an import is given

    /// A FIFO given to import or parse is refused at once (reading it would block for ever).
    @Test(arguments: ["import", "parse"]) func aFIFOIsRefusedNotRead(command: String) throws {
        let dir = try CLI.temporaryDirectory()
        let fifo = dir + "/x.txt"
        #expect(mkfifo(fifo, 0o644) == 0)
        let process = try Self.start([command, fifo] + (command == "import" ? ["--index", dir + "/i.sqlite"] : []), stderr: dir + "/err")
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(try String(contentsOfFile: dir + "/err", encoding: .utf8).contains("\(fifo): not a regular file"))
    }

    /// A link to a folder, given as the path, is walked; the documents keep the link's name.
    @Test func aLinkToAFolderIsWalked() throws {
        let dir = try CLI.temporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: try SearchCorpus.copy())
        let r = try CLI.run(["import", dir + "/link", "--index", dir + "/i.sqlite", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.json(r.stdout)["imported"] as? Int == SearchCorpus.names.count)
        let hit = try CLI.run(["search", "Århus", "--index", dir + "/i.sqlite"])
        #expect(hit.stdout.contains(dir + "/link/105_kultur_og_idraet_2019-05-14.txt"))
    }

    /// A file whose name is not valid UTF-8 is reported and counted as failed, met in a folder
    /// or given directly; never skipped in silence, never "no such file".
    @Test(arguments: [false, true]) func aNameThatIsNotUTF8IsReported(direct: Bool) throws {
        let dir = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/archive", withIntermediateDirectories: true)
        let name = Array((dir + "/archive/bad").utf8) + [0xE6] + Array("name.txt".utf8) + [0]
        let fd = name.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        #expect(fd >= 0)
        _ = "Referat\n\nBudget for ældreområdet.\n".withCString { write(fd, $0, strlen($0)) }
        close(fd)
        // Given directly, the name goes through a shell: Process passes only valid UTF-8.
        let r = direct
            ? try CLI.run(["-c", #"exec "$0" import "$1$(printf '\346')name.txt" --index "$2" --format json"#, CLI.binary, dir + "/archive/bad", dir + "/i.sqlite"],
                          executable: "/bin/sh")
            : try CLI.run(["import", dir + "/archive", "--index", dir + "/i.sqlite", "--format", "json"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad\u{FFFD}name.txt: the file name is not valid UTF-8"))
        #expect(!r.stderr.contains("no such file"))
        #expect(Self.json(r.stdout)["failed"] as? Int == 1)
    }

    // MARK: 4. and 6. Reading commands

    static let readCommands: [[String]] = [
        ["search", "kommune"], ["show", "23/222"], ["person", "Holm"], ["stats"], ["stats", "--check"], ["analyze", "botilbud"],
    ]

    /// A reading command given an empty file or another program's database refuses it with
    /// exit 3 and leaves it byte for byte as it was, with no `-wal` or `-shm` beside it.
    @Test(arguments: readCommands, ["empty", "foreign"]) func readingCommandsNeverWrite(command: [String], file: String) throws {
        let dir = try CLI.temporaryDirectory()
        let index = dir + "/f.sqlite"
        if file == "empty" {
            #expect(FileManager.default.createFile(atPath: index, contents: nil))
        } else {
            let sqlite = Process()
            sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            sqlite.arguments = [index, "CREATE TABLE document(path); CREATE TABLE meta(key, value); INSERT INTO meta VALUES('a', 'b');"]
            try sqlite.run()
            sqlite.waitUntilExit()
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: index))
        let r = try CLI.run(command + ["--index", index])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains(index))
        #expect(try Data(contentsOf: URL(fileURLWithPath: index)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["f.sqlite"])
    }

    /// Every reading command works on an index that nobody may write: the file mode 444 in a
    /// folder of mode 555. As root (who may write anyway) the commands run as `nobody`.
    @Test(arguments: readCommands) func everyReadCommandReadsAReadOnlyIndex(command: [String]) throws {
        let dir = try CLI.temporaryDirectory()
        let folder = dir + "/ro"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let index = folder + "/i.sqlite"
        #expect(try CLI.run(["import", try SearchCorpus.copy(), "--index", index]).status == 0)
        // The file and the search index's folder beside it, and nothing else (no -wal, -shm).
        let segments = index + ".segments"
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["i.sqlite", "i.sqlite.segments"])
        let segmentFiles = try FileManager.default.contentsOfDirectory(atPath: segments).sorted()
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: segments)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: segments) }
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: index)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder) }
        let arguments = command + ["--index", index]
        let r = getuid() == 0
            ? try CLI.run(["-u", "nobody", "--", CLI.binary] + arguments, executable: "/usr/sbin/runuser")
            : try CLI.run(arguments)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["i.sqlite", "i.sqlite.segments"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: segments).sorted() == segmentFiles)
    }

    // MARK: 5. Options and exit codes

    /// A `-word` after the query is an exclusion, whatever letter it starts with.
    @Test(arguments: ["-fritid", "-fælles", "-lf", "-hest", "-2019"]) func aDashWordIsAnExclusion(word: String) throws {
        let r = try CLI.run(["search", "budget", word, "--index", ArchiveCommandTests.index, "--format", "json"])
        #expect(r.status == 0 || r.status == 4, "\(r.stderr)")
        #expect(Self.json(r.stdout)["total"] != nil, "\(r.stdout.prefix(200))")
        let all = Self.json(try CLI.run(["search", "budget", "--index", ArchiveCommandTests.index, "--format", "json"]).stdout)["total"] as? Int ?? 0
        #expect((Self.json(r.stdout)["total"] as? Int ?? -1) <= all)
    }

    /// `--` ends the options; it is not a word of the query.
    @Test func aDoubleDashIsNotPartOfTheQuery() throws {
        let r = try CLI.run(["search", "--index", ArchiveCommandTests.index, "--", "(x"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("'(' is never closed"))
        #expect(!r.stderr.contains("--"))
        let excluded = try CLI.run(["search", "--index", ArchiveCommandTests.index, "--", "budget", "-fritid"])
        #expect(excluded.status == 0, "\(excluded.stderr)")
    }

    /// Every usage error exits 2, as README says; ArgumentParser's own code is 64.
    @Test(arguments: [
        ["search", "budget", "--limit", "many"], ["stats", "--bogus"], ["import"], ["show"], ["parse", "--format", "xml", "Corpus"],
        ["search", "budget", "--sort", "size"], ["nosuchcommand"], ["search", "kommune", "dato:2023-13-45"], ["search", "kommune", "dato:2023..2020"],
    ]) func usageErrorsExitTwo(arguments: [String]) throws {
        let r = try CLI.run(arguments + ["--index", ArchiveCommandTests.index])
        #expect(r.status == 2, "\(r.stderr)")
    }

    // MARK: 7. Queries of death

    /// A query for the limits test, named in the test log by what it is.
    struct LimitCase: CustomTestStringConvertible, Sendable {
        var name: String
        var query: String
        /// Part of the refusal's message; nil when the query must run.
        var refusal: String?
        var testDescription: String { name }
    }

    static let limitCases = [
        LimitCase(name: "20 one-letter prefixes", query: "abcdefghijklmnopqrst".map { "\($0)*" }.joined(separator: " "), refusal: "at most 4 are allowed"),
        LimitCase(name: "5 prefixes", query: "kom* for* til* sag* bud*", refusal: "at most 4 are allowed"),
        LimitCase(name: "a one-letter prefix", query: "k*", refusal: "at least 3 letters"),
        LimitCase(name: "40 words, OR", query: (0..<40).map { "ord\($0)" }.joined(separator: " OR "), refusal: "at most 32 are allowed"),
        LimitCase(name: "4 prefixes, OR", query: "kom* OR for* OR til* OR sag*", refusal: nil),
        LimitCase(name: "400 nested parentheses", query: String(repeating: "(", count: 400) + "kommune" + String(repeating: ")", count: 400), refusal: nil),
    ]

    /// A query that asks too much of the index is refused before any work, and the message
    /// names the limit; a query within the limits runs.
    @Test(arguments: limitCases) func aQueryOverTheLimitsIsRefused(_ c: LimitCase) throws {
        let r = try CLI.run(["search", c.query, "--index", ArchiveCommandTests.index])
        if let refusal = c.refusal {
            #expect(r.status == 2)
            #expect(r.stderr.contains(refusal), "\(r.stderr.prefix(300))")
        } else {
            #expect(r.status == 0 || r.status == 4, "\(r.stderr.prefix(300))")
        }
    }

    // MARK: 8. A step cut short

    /// A kill while the import learns the archive's words or compacts the index loses
    /// neither: the next import, with no new files, finishes the step.
    @Test(arguments: ["learningWords", "compacting"]) func aStepCutShortIsFinishedByTheNextImport(stage: String) throws {
        let dir = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/a", withIntermediateDirectories: true)
        try "Notat\n\nVi taler om zorbil i dag.\n".write(toFile: dir + "/a/1.txt", atomically: false, encoding: .utf8)
        try "Notat to\n\nEn zorbil mere her.\n".write(toFile: dir + "/a/2.txt", atomically: false, encoding: .utf8)
        try "Notat tre\n\nSagen om zorbilområdet er lukket.\n".write(toFile: dir + "/a/3.txt", atomically: false, encoding: .utf8)
        let index = dir + "/i.sqlite"
        // One file a batch, so that the words are learned at the end, in the finishing step.
        let killed = try CLI.run(["import", dir + "/a", "--index", index, "--batch-size", "1"], environment: ["REFERAT_TEST_KILL_AT": stage])
        #expect(killed.status == 128 + SIGKILL || killed.status == SIGKILL, "\(killed.stderr)")
        let again = Self.json(try CLI.run(["import", dir + "/a", "--index", index, "--format", "json"]).stdout)
        #expect(again["imported"] as? Int == 0)
        if stage == "learningWords" { #expect(again["learnedWords"] as? Int == 1) }
        #expect(again["compacted"] as? Bool == true)
        let hits = Self.json(try CLI.run(["search", "zorbil", "--index", index, "--format", "json"]).stdout)
        #expect(hits["total"] as? Int == 3)
        #expect(try CLI.run(["stats", "--check", "--index", index]).status == 0)
        // Done once: a third import owes nothing.
        let third = Self.json(try CLI.run(["import", dir + "/a", "--index", index, "--format", "json"]).stdout)
        #expect(third["compacted"] as? Bool == false)
    }

    // MARK: 9. A damaged index

    /// The page of the index's file where an SQLite object starts (1-based).
    static func rootPage(of name: String, in index: String) throws -> Int {
        try sqliteInteger("SELECT rootpage FROM sqlite_master WHERE name = '\(name)'", in: index) ?? 0
    }

    /// The one integer an SQL query returns from the index file, read with the sqlite3 tool
    /// (read-only, beside referat); nil when it returns none.
    static func sqliteInteger(_ sql: String, in index: String) throws -> Int? {
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = ["-readonly", index, sql]
        let pipe = Pipe()
        sqlite.standardOutput = pipe
        try sqlite.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        sqlite.waitUntilExit()
        return Int(String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// A damaged index exits 3 from every command, an import into it included: one page short;
    /// bytes flipped in the last pages (which reading commands reported with exit 1); or the
    /// first page of an index an import of unchanged files never reads (which it imported
    /// into with exit 0).
    @Test(arguments: ["truncated", "tail", "unread index"]) func aDamagedIndexExitsThree(damage: String) throws {
        let dir = try CLI.temporaryDirectory()
        let index = dir + "/i.sqlite"
        #expect(try CLI.run(["import", try SearchCorpus.copy(), "--index", index]).status == 0)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: index)))
        // The page size from the file's header (big-endian at offset 16; 1 stands for 65536).
        let header = Int(bytes[16]) << 8 | Int(bytes[17])
        let page = header == 1 ? 65536 : header
        switch damage {
        case "truncated":
            bytes.removeLast(page)
        case "tail":
            // Heavy flips over the last two thirds of the file, so that every command reads
            // damaged pages whatever the index's layout (the first pages stay, so it opens).
            for i in stride(from: max(2 * page, bytes.count / 3), to: bytes.count - page, by: 13) { bytes[i] ^= 0x55 }
        default:
            let start = (try Self.rootPage(of: "case_kle", in: index) - 1) * page
            #expect(start > 0)
            for i in stride(from: start + 8, to: start + page - 192, by: 11) { bytes[i] ^= 0x55 }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: index))
        let commands: [[String]] = switch damage {
        case "truncated": [["stats", "--check"], ["import", try SearchCorpus.copy()]]
        case "tail": [["stats", "--check"], ["search", "kommune"], ["stats"], ["show", "23/222"]]
        default: [["stats", "--check"], ["import", try SearchCorpus.copy()]]
        }
        for command in commands {
            let r = try CLI.run(command + ["--index", index])
            #expect(r.status == 3, "\(command): \(r.status) \(r.stdout) \(r.stderr)")
            #expect(r.stderr.contains(index) || r.stderr.contains("integrity"), "\(command)")
        }
    }

    /// The search index's files (issue 18): a segment or the manifest with a flipped byte or
    /// cut short is found by its checksum or length, and every command that reads it exits 3
    /// naming the file; an import refuses to write into it.
    @Test(arguments: ["segment flipped", "segment cut", "manifest flipped", "manifest cut"])
    func aDamagedSearchIndexFileExitsThreeNamingIt(damage: String) throws {
        let dir = try CLI.temporaryDirectory()
        let index = dir + "/i.sqlite"
        let corpus = try SearchCorpus.copy()
        #expect(try CLI.run(["import", corpus, "--index", index]).status == 0)
        let folder = index + ".segments"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        let manifests = names.filter { $0.hasPrefix("manifest-") }
        #expect(manifests.count >= 1)
        // The newest manifest is the one the records name; the largest segment is surely in it.
        let manifest = try #require(manifests.max { Int($0.dropFirst(9)) ?? 0 < Int($1.dropFirst(9)) ?? 0 })
        let segments = names.filter { $0.hasSuffix(".seg") }
        let segment = try #require(segments.max { (try? FileManager.default.attributesOfItem(atPath: folder + "/" + $0)[.size] as? Int) ?? 0
            < (try? FileManager.default.attributesOfItem(atPath: folder + "/" + $1)[.size] as? Int) ?? 0 })
        let file = folder + "/" + (damage.hasPrefix("segment") ? segment : manifest)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        if damage.hasSuffix("flipped") { bytes[bytes.count / 2] ^= 0x10 } else { bytes.removeLast(bytes.count / 4) }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        for command in [["search", "kommune"], ["stats", "--check"], ["import", corpus]] {
            let r = try CLI.run(command + ["--index", index])
            #expect(r.status == 3, "\(command): \(r.status) \(r.stdout) \(r.stderr)")
            #expect(r.stderr.contains(file), "\(command): \(r.stderr)")
        }
    }

    // MARK: Also

    @Test func statsPrintsCSV() throws {
        let r = try CLI.run(["stats", "--format", "csv", "--index", ArchiveCommandTests.index])
        #expect(r.status == 0)
        let rows = r.stdout.trimmingCharacters(in: .newlines).components(separatedBy: "\r\n")
        #expect(rows.first == "table,key,count")
        #expect(rows.contains("index,documents,\(SearchCorpus.names.count)"))
        #expect(rows.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count >= 3 })
    }
}
