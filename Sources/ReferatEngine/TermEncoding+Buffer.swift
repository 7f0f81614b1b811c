extension TermEncoding {
    /// The bytes `bytes(_:weak:)` gives for `term`, handed to `body` without an array made for
    /// each term: a weak form is marked in `buffer`, which the caller keeps between calls.
    public static func withBytes<R>(_ term: UnsafeBufferPointer<UInt8>, weak: Bool, buffer: inout [UInt8],
                                    _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard weak else { return body(term) }
        buffer.removeAll(keepingCapacity: true)
        buffer.append(weakMark)
        buffer.append(contentsOf: term)
        return buffer.withUnsafeBufferPointer(body)
    }
}
