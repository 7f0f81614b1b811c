/// The `k` best of the elements offered, in an order given as "comes before": a search keeps
/// one page of hits without sorting every match.
struct TopK<Element> {
    let k: Int
    let before: (Element, Element) -> Bool
    /// A heap whose root is the worst element kept: the one to drop next.
    private var heap: [Element] = []

    init(k: Int, before: @escaping (Element, Element) -> Bool) {
        self.k = k
        self.before = before
        heap.reserveCapacity(min(max(k, 0), 1024))
    }

    /// The worst element kept, once `k` are held: what a newcomer must beat.
    var worst: Element? { heap.count == k && k > 0 ? heap[0] : nil }

    mutating func offer(_ element: Element) {
        guard k > 0 else { return }
        if heap.count < k {
            heap.append(element)
            var i = heap.count - 1
            while i > 0, before(heap[(i - 1) / 2], heap[i]) {
                heap.swapAt(i, (i - 1) / 2)
                i = (i - 1) / 2
            }
        } else if before(element, heap[0]) {
            heap[0] = element
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count && before(heap[m], heap[l]) { m = l }
                if r < heap.count && before(heap[m], heap[r]) { m = r }
                if m == i { break }
                heap.swapAt(i, m)
                i = m
            }
        }
    }

    /// Best first.
    var sorted: [Element] { heap.sorted(by: before) }
}

/// A document and its score, for the searches that rank by score alone.
struct ScoredDocument {
    var score: Double
    var document: Int

    /// Higher score first; on equal scores the lower document.
    static func before(_ a: ScoredDocument, _ b: ScoredDocument) -> Bool {
        a.score > b.score || (a.score == b.score && a.document < b.document)
    }
}

extension TopK where Element == ScoredDocument {
    init(k: Int) { self.init(k: k, before: ScoredDocument.before) }

    /// The score a document must beat to enter (−∞ until `k` are held).
    var threshold: Double { worst?.score ?? -.infinity }

    mutating func offer(_ score: Double, _ document: Int) { offer(ScoredDocument(score: score, document: document)) }
}
