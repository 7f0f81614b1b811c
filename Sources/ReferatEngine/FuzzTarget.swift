import Foundation
import ReferatIndex

/// The engine's readers as `referat bench fuzz --target engine` drives them: damaged bytes in,
/// every path a search, a merge or `stats --check` takes through a file run to its end, and an
/// answer or an `EngineError` out, never a crash.
public enum FuzzTarget {
    /// Opens `bytes` as a segment and reads all of it: each term looked up by its bytes and its
    /// prefix, `probes` looked up, every posting list walked document by document (frequencies
    /// and positions) and skipped through, every document's id, lengths and values, and the
    /// segment merged as a merge merges it (into memory). Returns a tally of what was read.
    public static func readSegment(_ bytes: [UInt8], probes: [[UInt8]]) throws(EngineError) -> Int {
        try read(try SegmentReader(bytes: bytes, file: "fuzz.seg"), probes: probes)
    }

    static func read(_ segment: SegmentReader, probes: [[UInt8]], deleted: Set<Int> = []) throws(EngineError) -> Int {
        var tally = 0
        for t in segment.terms.indices {
            let term = segment.term(at: t)
            tally &+= segment.lookup(term) == t ? 1 : 0
            tally &+= segment.range(withPrefix: Array(term.prefix(2))).count &+ segment.documentFrequency(at: t)
            var cursor = try PostingCursor(segment: segment, term: t)
            for b in 0..<cursor.blockCount { tally &+= Int(cursor.maxFrequency[b * segment.fieldCount]) }
            try cursor.advance(to: 0)
            while cursor.document != PostingCursor.exhausted {
                for f in 0..<segment.fieldCount { tally &+= Int(cursor.frequency(f)) &+ (try cursor.positions(f)).count }
                try cursor.next()
            }
            // Skipping, as a conjunction does: targets past the next document, across blocks.
            var skipping = try PostingCursor(segment: segment, term: t)
            var target = 0
            while true {
                try skipping.advance(to: target)
                guard skipping.document != PostingCursor.exhausted else { break }
                tally &+= skipping.document &+ (try skipping.positions(t % segment.fieldCount)).count
                target = skipping.document + 1 + (skipping.document * 7 + t) % 200
            }
        }
        for probe in probes { tally &+= (segment.lookup(probe) ?? 0) &+ segment.range(withPrefix: probe).count }
        // The values the other way round, as a filter gathers them.
        for p in 0..<segment.columns.pairCount {
            tally &+= segment.columns.string(segment.columns.pair(p).string).utf8.count
            segment.columns.forEachHolder(of: p) { tally &+= $0 }
        }
        for d in 0..<segment.documentCount {
            tally &+= Int(truncatingIfNeeded: segment.ids[d]) &+ segment.values[d].values.count
            for f in 0..<segment.fieldCount { tally &+= Int(segment.length(d, f)) }
        }
        tally &+= try SegmentMerger.mergedBytes([.init(segment: segment, deleted: deleted)]).count
        try segment.checkIntact()
        return tally
    }

    /// Decodes `bytes` as a manifest and opens the index it names in `folder` (the segments in
    /// `open` as they are, any other name read from the folder), then reads it as imports and
    /// searches do: the live documents, the vocabulary, each segment with its tombstones (as a
    /// merge), values by id, prefix lists and a few searches.
    public static func readManifest(_ bytes: [UInt8], folder: String, open: [String: SegmentReader], probes: [String]) throws(EngineError) -> Int {
        let manifest = try Manifest.decode(bytes, file: "manifest-fuzz")
        var readers: [SegmentReader] = []
        for name in manifest.segments {
            if let reader = open[name] { readers.append(reader) } else { readers.append(try SegmentReader(path: folder + "/" + name)) }
        }
        let snapshot = try IndexSnapshot(folder: folder, manifest: manifest, segments: readers)
        var tally = snapshot.liveCount &+ snapshot.documentCapacity &+ (try snapshot.vocabulary()).count
        for (s, segment) in readers.enumerated() {
            tally &+= try SegmentMerger.mergedBytes([.init(segment: segment, deleted: Set(manifest.deleted?[manifest.segments[s]] ?? []))]).count
            for d in stride(from: 0, to: segment.documentCount, by: 7) { tally &+= snapshot.values(ofID: segment.ids[d])?.values.count ?? 0 }
        }
        for probe in probes {
            tally &+= try snapshot.terms(startingWith: probe, limit: 5).count
            var query = IndexQuery(match: .any([.term(IndexTerm(probe)), .prefix(IndexTerm(probe, form: .weak))]))
            query.facets = true
            tally &+= try snapshot.search(query).total
            // Without facets the page comes from pruned top k, which reads the block bounds.
            query.facets = false
            tally &+= try snapshot.search(query).entries.count
            // With a filter, whose documents come from the segments' value pairs.
            query.filters.committees = [[probe]]
            tally &+= try snapshot.search(query).total
        }
        return tally
    }

    /// `bytes` with a segment's length field, checksum and end marker made to match them, so
    /// that damage reaches the checks behind the checksum (as a writer's bug would).
    public static func resealSegment(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= SegmentFormat.footerSize + SegmentFormat.magic.count else { return bytes }
        var out = bytes
        let end = out.count
        out.replaceSubrange((end - 8)..<end, with: SegmentFormat.endMagic)
        let lengthField = end - SegmentFormat.footerSize + 40
        for k in 0..<8 { out[lengthField + k] = UInt8(truncatingIfNeeded: UInt64(end) >> UInt64(8 * k)) }
        let crc = Checksum.crc32c(out[..<(end - 12)])
        for k in 0..<4 { out[end - 12 + k] = UInt8(truncatingIfNeeded: crc >> UInt32(8 * k)) }
        return out
    }

    /// Where a segment's footer fields are: the six offsets (8 bytes each), then the field
    /// count (4 bytes): what a fuzzer sets to huge values.
    public static func segmentHeaderFields(count: Int) -> [(offset: Int, width: Int)] {
        let start = count - SegmentFormat.footerSize
        guard start >= 0 else { return [] }
        return (0..<6).map { (start + 8 * $0, 8) } + [(start + 48, 4)]
    }

    /// A manifest file's bytes for `body` (any bytes, JSON or not), with a matching length and
    /// checksum.
    public static func manifestFile(body: [UInt8]) -> [UInt8] {
        var out = ByteWriter()
        out.append(Manifest.magic)
        out.u32(UInt32(truncatingIfNeeded: body.count))
        out.append(body)
        out.u32(Checksum.crc32c(out.bytes))
        return out.bytes
    }

    /// The JSON body of a manifest file (what `manifestFile(body:)` wraps).
    public static func manifestBody(_ manifest: Manifest) throws -> [UInt8] {
        Array(try manifest.encoded().dropFirst(Manifest.magic.count + 4).dropLast(4))
    }
}
