@testable import ReferatEngine
import ReferatTestSupport

/// Documents of three fields (title, decisions, body) over a vocabulary with a Zipf-like
/// spread: a few terms in most documents, many rare, so that postings span many blocks and
/// block bounds differ.
struct GeneratedCorpus {
    static let weights = [10.0, 5.0, 1.0]
    let vocabulary: [[UInt8]]
    var documents: [(id: UInt64, fields: [[(term: [UInt8], position: UInt32)]])] = []

    init(documents count: Int, vocabulary size: Int, seed: UInt64) {
        var rng = SeededGenerator(state: seed)
        vocabulary = (0..<size).map { Array("t\($0)".utf8) }
        // Weights 1/(rank+1): cumulative table for drawing terms.
        var cumulative: [Double] = []
        var total = 0.0
        for rank in 0..<size {
            total += 1 / Double(rank + 1)
            cumulative.append(total)
        }
        func draw() -> [UInt8] {
            let x = Double.random(in: 0..<total, using: &rng)
            var low = 0, high = size - 1
            while low < high {
                let mid = (low + high) / 2
                if cumulative[mid] < x { low = mid + 1 } else { high = mid }
            }
            return vocabulary[low]
        }
        for d in 0..<count {
            let lengths = [Int.random(in: 1...8, using: &rng), Int.random(in: 0...15, using: &rng), Int.random(in: 5...120, using: &rng)]
            let fields = lengths.map { n in (0..<n).map { p in (term: draw(), position: UInt32(p)) } }
            documents.append((UInt64(1000 + d * 3), fields))
        }
    }

    /// Writes the corpus as segments of a folder (a new one each time the writer's budget is
    /// reached) and commits a manifest naming them.
    func writeSegments(budget: Int) throws -> (folder: String, manifest: Manifest) {
        let folder = try Scratch.directory("engine")
        let writer = SegmentWriter(fieldCount: 3, memoryBudget: budget)
        var names: [String] = []
        func flush() throws {
            let name = "\(names.count).seg"
            try writer.write(to: folder + "/" + name)
            names.append(name)
        }
        for document in documents {
            writer.add(id: document.id, fields: document.fields)
            if writer.isFull { try flush() }
        }
        if !writer.isEmpty { try flush() }
        let manifest = Manifest(generation: 1, segments: names)
        try manifest.commit(in: folder)
        return (folder, manifest)
    }
}
