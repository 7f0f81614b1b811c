import ArgumentParser
import Foundation
import ReferatEngine

/// The engine half of `referat bench fuzz` (`--target engine`): real segment files and
/// manifests, mutated (bits flipped, cut short, spliced, bytes inserted and removed, footer
/// fields set to huge values, manifest fields to hostile values) and read through every
/// reader path (`FuzzTarget`). Most mutants get a matching checksum again, so the damage
/// reaches the structure checks behind it; the rest test the checksum itself.
struct EngineFuzzer {
    /// Seeds: whole segment files, and manifest bodies (JSON) over the segments in `folder`.
    private(set) var segments: [[UInt8]] = []
    private(set) var manifests: [[UInt8]] = []
    let folder: String
    private(set) var open: [String: SegmentReader] = [:]
    private(set) var probes: [[UInt8]] = []
    var readErrors = 0, reads = 0

    /// Seeds from `index` (a segments folder an import made, copied into `folder`) and
    /// segments written here from the words of the files in `corpus`, with manifests naming
    /// them with tombstones.
    init(index: String?, corpus: String, folder: String, rng: inout FuzzRandom) throws {
        self.folder = folder
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if let index {
            for name in try FileManager.default.contentsOfDirectory(atPath: index).sorted() {
                guard let data = FileManager.default.contents(atPath: index + "/" + name) else { continue }
                if name.hasSuffix(".seg") {
                    try data.write(to: URL(fileURLWithPath: folder + "/" + name))
                    segments.append(Array(data))
                    open[name] = try SegmentReader(path: folder + "/" + name)
                } else if name.hasPrefix("manifest-"), !name.hasSuffix(".tmp") {
                    manifests.append(Array(Array(data).dropFirst(12).dropLast(4)))
                }
            }
        }
        // Words of the corpus files, as terms: enough documents that postings span blocks.
        var words: [[UInt8]] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus).sorted().prefix(40) {
            guard let data = FileManager.default.contents(atPath: corpus + "/" + name) else { continue }
            words += String(decoding: data, as: UTF8.self).lowercased().split { !$0.isLetter && !$0.isNumber }.prefix(2000).map { Array($0.utf8) }
        }
        guard !words.isEmpty else { throw ValidationError("no words in \(corpus)") }
        probes = Array(Set(words.prefix(500))).sorted { $0.lexicographicallyPrecedes($1) }.enumerated().filter { $0.offset % 25 == 0 }.map(\.element)
        var names: [String] = []
        for (k, count) in [1, 3, 40, 300].enumerated() {
            let writer = SegmentWriter(fieldCount: IndexSnapshot.fieldWeights.count, memoryBudget: .max)
            for d in 0..<count {
                var fields: [[(term: [UInt8], position: UInt32)]] = [[], [], []]
                for f in 0..<3 {
                    let length = [6, 20, 120][f]
                    let start = Int(rng.next() % UInt64(words.count))
                    fields[f] = (0..<length).map { i in (words[(start + i) % words.count], UInt32(i * (1 + d % 3))) }
                }
                var values = DocumentValues()
                values.add(.committee, ["økonomiudvalget", "byrådet", "teknik- og miljøudvalget"][d % 3])
                values.add(.sortDate, "20\(10 + d % 15)-0\(1 + d % 9)-1\(d % 10)")
                values.add(.outcome, ["approved", "rejected"][d % 2])
                writer.add(id: UInt64(1000 * k + d), fields: fields.map { tokens in
                    var field = FieldTokens()
                    for (term, position) in tokens { field.append(term, position: position) }
                    return field
                }, values: values)
            }
            let name = "gen-\(k).seg"
            try writer.write(to: folder + "/" + name)
            let data = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
            segments.append(data)
            open[name] = try SegmentReader(bytes: data, file: folder + "/" + name)
            names.append(name)
        }
        manifests.append(try FuzzTarget.manifestBody(Manifest(generation: 4, segments: names)))
        manifests.append(try FuzzTarget.manifestBody(Manifest(generation: 9, segments: names.reversed(), deleted: ["gen-3.seg": [0, 5, 6, 299], "gen-2.seg": [1]])))
    }

    /// One mutant: the bytes and whether they are a segment (else a manifest file).
    func mutant(_ rng: inout FuzzRandom) -> (bytes: [UInt8], isSegment: Bool) {
        if rng.next() % 10 < 7 {
            var bytes = segments[Int(rng.next() % UInt64(segments.count))]
            for _ in 0..<(1 + rng.next() % 3) { mutate(&bytes, &rng, donor: segments[Int(rng.next() % UInt64(segments.count))]) }
            if rng.next() % 5 < 4 { bytes = FuzzTarget.resealSegment(bytes) }
            return (bytes, true)
        }
        var body = manifests[Int(rng.next() % UInt64(manifests.count))]
        if rng.next() % 2 == 0 {
            body = Self.hostileManifest(body, &rng)
        } else {
            for _ in 0..<(1 + rng.next() % 4) { mutate(&body, &rng, donor: Array(#"{"deleted":{"gen-1.seg":[-1,99999999999]},"generation":-7,"segments":["..","",".","gen-0.seg"]}"#.utf8)) }
        }
        var file = FuzzTarget.manifestFile(body: body)
        if rng.next() % 5 == 0 { mutate(&file, &rng, donor: body) }
        return (file, false)
    }

    /// Reads a mutant; a damaged one must give an `EngineError` (anything else would have crashed).
    mutating func run(_ mutant: (bytes: [UInt8], isSegment: Bool)) {
        do throws(EngineError) {
            if mutant.isSegment {
                _ = try FuzzTarget.readSegment(mutant.bytes, probes: probes)
            } else {
                _ = try FuzzTarget.readManifest(mutant.bytes, folder: folder, open: open,
                                                probes: probes.prefix(4).map { String(decoding: $0, as: UTF8.self) })
            }
            reads += 1
        } catch {
            readErrors += 1
        }
    }

    private func mutate(_ bytes: inout [UInt8], _ rng: inout FuzzRandom, donor: [UInt8]) {
        guard !bytes.isEmpty else { bytes = Array(donor.prefix(Int(rng.next() % 64))); return }
        var at = Int(rng.next() % UInt64(bytes.count))
        // Half the time in a segment's postings and positions, which only a search reads.
        let fields = FuzzTarget.segmentHeaderFields(count: bytes.count)
        if rng.next() % 2 == 0, fields.count == 6 {
            func offset(_ i: Int) -> Int { (0..<8).reduce(0) { $0 | Int(bytes[fields[i].offset + $1]) << (8 * $1) } }
            let start = offset(1), end = offset(3)
            if start >= 0, start < end, end <= bytes.count { at = start + Int(rng.next() % UInt64(end - start)) }
        }
        switch rng.next() % 9 {
        case 0: bytes[at] ^= UInt8(1) << UInt8(rng.next() % 8)
        case 1: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
        case 2: bytes.removeSubrange(at...)  // cut short
        case 3: bytes.removeSubrange(at..<min(bytes.count, at + 1 + Int(rng.next() % 300)))
        case 4: bytes.insert(contentsOf: (0..<(1 + rng.next() % 40)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, at: at)
        case 5:
            // A splice: a run of another file's bytes over these.
            guard !donor.isEmpty else { return }
            let from = Int(rng.next() % UInt64(donor.count)), length = min(donor.count - from, 1 + Int(rng.next() % 512))
            bytes.replaceSubrange(at..<min(bytes.count, at + length), with: donor[from..<(from + length)])
        case 6:
            // A header field to a huge or odd value.
            let fields = FuzzTarget.segmentHeaderFields(count: bytes.count)
            guard !fields.isEmpty else { return }
            let (offset, width) = fields[Int(rng.next() % UInt64(fields.count))]
            let value: UInt64 = [UInt64.max, UInt64(Int64.max), UInt64(UInt32.max), UInt64(bytes.count) + 1, 0, rng.next()][Int(rng.next() % 6)]
            for k in 0..<width { bytes[offset + k] = UInt8(truncatingIfNeeded: value >> UInt64(8 * k)) }
        case 7:
            // A long varint: a run of continuation bytes.
            for k in at..<min(bytes.count, at + 1 + Int(rng.next() % 11)) { bytes[k] = 0xFF }
        default:
            // A small number made large or zero, where counts and lengths are.
            bytes[at] = [0, 0x7F, 0x80, 0xFF][Int(rng.next() % 4)]
        }
    }

    /// A manifest body with hostile values in its fields (still JSON).
    private static func hostileManifest(_ body: [UInt8], _ rng: inout FuzzRandom) -> [UInt8] {
        guard var json = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else { return body }
        var segments = json["segments"] as? [String] ?? []
        switch rng.next() % 7 {
        case 0: json["generation"] = [-1, Int.max, Int.min, 0][Int(rng.next() % 4)]
        case 1: segments += ["", ".", "..", "manifest-4", String(repeating: "x", count: 300), "nope.seg"].shuffledPrefix(&rng)
        case 2: segments += segments  // every segment twice
        case 3:
            var deleted: [String: [Int]] = [:]
            for name in segments { deleted[name] = [-1, 0, 1, Int.max, Int.min, Int(rng.next() % 1000)] }
            json["deleted"] = deleted
        case 4: json["deleted"] = [segments.first ?? "x": Array(0..<5000)]
        case 5: json["segments"] = "gen-0.seg"
        default: segments.reverse()
        }
        if json["segments"] is [String] || json["segments"] == nil { json["segments"] = segments }
        return (try? JSONSerialization.data(withJSONObject: json)).map(Array.init) ?? body
    }
}

extension Array {
    fileprivate func shuffledPrefix(_ rng: inout FuzzRandom) -> [Element] {
        var copy = self
        for i in copy.indices.reversed() where i > 0 { copy.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
        return Array(copy.prefix(1 + Int(rng.next() % UInt64(Swift.max(1, count)))))
    }
}
