/// The `k` best documents seen so far: highest score first, the lower id on equal scores.
struct TopK {
    let k: Int
    /// A min-heap on (score, then higher id first): the root is the one to drop next.
    private var heap: [(score: Double, document: Int)] = []

    init(k: Int) { self.k = k }

    /// The score a document must beat to enter (−∞ until `k` are held).
    var threshold: Double { heap.count < k ? -.infinity : heap[0].score }

    private static func worse(_ a: (score: Double, document: Int), _ b: (score: Double, document: Int)) -> Bool {
        a.score < b.score || (a.score == b.score && a.document > b.document)
    }

    mutating func offer(_ score: Double, _ document: Int) {
        guard k > 0 else { return }
        if heap.count < k {
            heap.append((score, document))
            var i = heap.count - 1
            while i > 0, Self.worse(heap[i], heap[(i - 1) / 2]) {
                heap.swapAt(i, (i - 1) / 2)
                i = (i - 1) / 2
            }
        } else if Self.worse(heap[0], (score, document)) {
            heap[0] = (score, document)
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count && Self.worse(heap[l], heap[m]) { m = l }
                if r < heap.count && Self.worse(heap[r], heap[m]) { m = r }
                if m == i { break }
                heap.swapAt(i, m)
                i = m
            }
        }
    }

    /// Best first.
    var sorted: [(score: Double, document: Int)] { heap.sorted { Self.worse($1, $0) } }
}
