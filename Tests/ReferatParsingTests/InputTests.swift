import Foundation
@testable import ReferatParsing
import ReferatRecords
import ReferatTestSupport
import Testing

/// Encodings, noise and bad input: each gets a result or a clear error, never a crash.
@Suite struct InputTests {
    let parser = DocumentParser()
    let minutes = "Referat\nØkonomiudvalget\nDato: 4. marts 2019\n\n1. Budget for ældreområdet (B)\nSagsnr.: 19/1\nÅben sag\nBeslutning i Økonomiudvalget den 4. marts 2019\nGodkendt.\n"

    @Test func windows1252IsDetectedAndConverted() throws {
        let bytes = minutes.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }  // Latin-1 = cp1252 for æøå
        let document = try parser.parse(bytes: bytes, path: "latin1.txt")
        #expect(document.cases.first?.title == "Budget for ældreområdet")
        #expect(document.warnings.contains { $0.message.contains("Windows-1252") })
    }

    @Test func utf16WithBOMIsConverted() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in minutes.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let document = try parser.parse(bytes: bytes, path: "utf16.txt")
        #expect(document.cases.first?.caseNumber == "19/1")
    }

    @Test(arguments: [
        ("BÃ¸rne- og ungdomsudvalget godkendte Ã¦ndringen", "Børne- og ungdomsudvalget godkendte ændringen"),
        ("Rammeaftale p├ą det sociale omr├ąde", "Rammeaftale på det sociale område"),
    ])
    func mojibakeIsRepaired(_ broken: String, _ fixed: String) throws {
        let document = try parser.parse(bytes: Array((broken + "\n").utf8), path: "mojibake.txt")
        #expect(document.text == fixed)
        #expect(document.warnings.contains { $0.message.contains("mojibake") && $0.line == 1 })
    }

    @Test func correctDanishIsLeftAlone() throws {
        let (text, warnings) = MojibakeRepair.repair("Ærø, Åbenrå og Østerbro – 5 €")
        #expect(text == "Ærø, Åbenrå og Østerbro – 5 €")
        #expect(warnings.isEmpty)
    }

    @Test(arguments: [
        ([UInt8](), "empty"),
        ([0x00, 0x01, 0x02, 0x50, 0x4B, 0x03, 0x04, 0x00], "binary"),
        (Array("   \n \n".utf8), "no text"),
    ])
    func badInputGetsAClearError(_ bytes: [UInt8], _ expected: String) {
        #expect(throws: ParseError.self) { try parser.parse(bytes: bytes, path: "bad.bin") }
        do {
            _ = try parser.parse(bytes: bytes, path: "bad.bin")
        } catch {
            #expect(error.description.hasPrefix("bad.bin"))
            #expect(error.description.contains(expected))
        }
    }

    @Test func aDirectoryIsRefusedByName() {
        #expect(throws: ParseError.self) { try parser.parse(fileAt: Package.corpus) }
    }

    @Test func aOneLineTenMegabyteFileIsCutNotChoked() throws {
        let line = String(repeating: "kommunalbestyrelsen godkendte budgettet ", count: 250_000)
        let document = try parser.parse(bytes: Array(line.utf8), path: "long.txt")
        #expect(document.warnings.contains { $0.message.contains("cut into pieces") && $0.line == 1 })
        #expect(document.text.utf8.count >= line.utf8.count - 1000)
    }

    @Test func noiseIsRemoved() throws {
        let text = """
        Skip til hoved indholdet
        Side 1 af 3
        \u{F0B7} Børn og unge med komplekse udfordringer
        \u{A0}\u{A0}
        Der er behov for godken-
        delse af planen for 2023-
        2024 og for social- og
        sundhedsområdet.
        https://example.dk/a
        https://example.dk/a
        """
        let cleaned = TextCleaner().clean(text)
        let lines = cleaned.lines.map(\.text)
        #expect(lines.first == "• Børn og unge med komplekse udfordringer")
        #expect(lines.contains("Der er behov for godkendelse"))
        #expect(lines.contains("af planen for 2023-2024"))
        #expect(lines.contains("og for social- og"))
        #expect(!lines.contains { $0.contains("Skip") || $0.hasPrefix("Side") || $0.hasPrefix("http") })
        #expect(cleaned.links.map(\.url) == ["https://example.dk/a", "https://example.dk/a"])
        #expect(cleaned.links.map(\.line) == [9, 10])
    }

    @Test func htmlFurnitureIsRemoved() throws {
        let html = """
        <html><head><title>Side</title><script>var x = "Godkendt";</script></head><body>
        <nav>Forside Politik</nav><div class="cookie-banner">Vi bruger cookies</div>
        <h1>Ny plan for &aelig;ldreomr&aring;det</h1><p>Byr&aring;det har 17. december 2024 godkendt planen.</p>
        <footer>CVR: 123</footer></body></html>
        """
        let document = try parser.parse(bytes: Array(html.utf8), path: "page.html", format: .html)
        #expect(document.title == "Ny plan for ældreområdet")
        #expect(!document.text.contains("cookies") && !document.text.contains("Forside") && !document.text.contains("var x"))
        #expect(document.mentionedDecisions.first?.date == "2024-12-17")
    }

    /// Inputs that once crashed or hung a fuzzer run stay here as regression tests.
    @Test func fuzzRegressionsStillParse() throws {
        let dir = Package.root + "/Tests/ReferatParsingTests/FuzzRegressions"
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)))
            _ = try? parser.parse(bytes: bytes, path: name)
            _ = try? parser.parse(bytes: bytes, path: name, format: .html)
        }
    }

    /// Seeded random bytes and mutated corpus files: the parser returns or throws, never traps.
    @Test func randomBytesNeverCrashTheParser() throws {
        var rng = SeededGenerator(state: 20261124)
        let seeds = try Package.corpusFiles().map { try [UInt8](Data(contentsOf: URL(fileURLWithPath: Package.corpus + "/" + $0))) }
        for round in 0..<300 {
            var bytes: [UInt8]
            if round % 3 == 0 {
                bytes = (0..<Int(rng.next() % 2000)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            } else {
                bytes = seeds[Int(rng.next() % UInt64(seeds.count))]
                for _ in 0..<Int(rng.next() % 40) where !bytes.isEmpty {
                    bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next())
                }
            }
            _ = try? parser.parse(bytes: bytes, path: "fuzz-\(round)", format: round % 5 == 0 ? .html : .text)
        }
    }
}

