import ReferatIndex

/// A query node with its leaves numbered: what pruned top k tests each candidate against,
/// without hashing nodes.
indirect enum LeafMatcher {
    case leaf(Int)
    case all([LeafMatcher], excluding: [LeafMatcher])
    case any([LeafMatcher])

    /// The same test with one-branch ANDs and ORs taken apart.
    var simplified: LeafMatcher {
        switch self {
        case .leaf: return self
        case .all(let required, let excluded):
            if required.count == 1 && excluded.isEmpty { return required[0].simplified }
            return .all(required.map(\.simplified), excluding: excluded.map(\.simplified))
        case .any(let nodes):
            return nodes.count == 1 ? nodes[0].simplified : .any(nodes.map(\.simplified))
        }
    }
}

/// A `LeafMatcher` laid out flat for the test every candidate takes: the nodes in one buffer,
/// their children's places in another, read through pointers.
///
/// Walking the indirect enum itself retained and released every node's box and arrays at
/// every candidate, which was most of a filtered search's time; the flat form is read
/// without reference counting. It answers exactly as the tree would: the same nodes, in
/// the same order, each moving its leaves' postings to the candidate (never back).
struct MatchProgram {
    private struct Node {
        enum Kind: UInt8 { case leaf, all, any }
        let kind: Kind
        /// The leaf's number (`leaf`), or where the node's children start in `children`.
        let index: Int32
        /// Children that must hold (`all`) or of which one must (`any`).
        let required: Int32
        /// Children that must not hold (`all` only), after the required ones.
        let excluded: Int32
    }

    /// Owns the two buffers.
    private final class Storage {
        let nodes: UnsafeMutableBufferPointer<Node>
        let children: UnsafeMutableBufferPointer<Int32>

        init(nodes: [Node], children: [Int32]) {
            self.nodes = .allocate(capacity: max(1, nodes.count))
            _ = self.nodes.initialize(from: nodes)
            self.children = .allocate(capacity: max(1, children.count))
            _ = self.children.initialize(from: children)
        }

        deinit {
            nodes.deallocate()
            children.deallocate()
        }
    }

    private let storage: Storage
    private let nodes: UnsafeBufferPointer<Node>
    private let children: UnsafeBufferPointer<Int32>
    private let root: Int

    init(_ matcher: LeafMatcher) {
        var nodes: [Node] = [], children: [Int32] = []
        func add(_ matcher: LeafMatcher) -> Int32 {
            let node: Node
            switch matcher {
            case .leaf(let i):
                node = Node(kind: .leaf, index: Int32(i), required: 0, excluded: 0)
            case .all(let required, let excluded):
                let placed = required.map(add) + excluded.map(add)
                node = Node(kind: .all, index: Int32(children.count), required: Int32(required.count), excluded: Int32(excluded.count))
                children += placed
            case .any(let branches):
                let placed = branches.map(add)
                node = Node(kind: .any, index: Int32(children.count), required: Int32(branches.count), excluded: 0)
                children += placed
            }
            nodes.append(node)
            return Int32(nodes.count - 1)
        }
        root = Int(add(matcher))
        storage = Storage(nodes: nodes, children: children)
        self.nodes = UnsafeBufferPointer(storage.nodes)
        self.children = UnsafeBufferPointer(storage.children)
    }

    /// Whether document `d` matches, moving the leaves' postings to `d` (never back).
    @inline(__always)
    func holds(_ d: Int, _ leaves: UnsafeMutableBufferPointer<LeafPostings>) throws(EngineError) -> Bool {
        try holds(root, d, leaves)
    }

    private func holds(_ n: Int, _ d: Int, _ leaves: UnsafeMutableBufferPointer<LeafPostings>) throws(EngineError) -> Bool {
        let node = nodes[n]
        let first = Int(node.index), required = Int(node.required)
        switch node.kind {
        case .leaf:
            try leaves[first].advance(to: d)
            return leaves[first].document == d
        case .all:
            guard required > 0 else { return false }
            for c in first..<(first + required) where !(try holds(Int(children[c]), d, leaves)) { return false }
            for c in (first + required)..<(first + required + Int(node.excluded)) where try holds(Int(children[c]), d, leaves) { return false }
            return true
        case .any:
            for c in first..<(first + required) where try holds(Int(children[c]), d, leaves) { return true }
            return false
        }
    }
}
