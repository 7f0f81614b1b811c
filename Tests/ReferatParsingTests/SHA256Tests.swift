import ReferatParsing
import Testing

/// The importer's change detection rests on this digest. The first four are FIPS 180-2's
/// published examples; the others, from Python's hashlib, sit on the padding's edges (a
/// message of 55 bytes still fits its length in the last block, one of 56 does not).
@Suite struct SHA256Tests {
    /// A message described in a few words, so that the test log never prints its bytes.
    struct Message: CustomTestStringConvertible, Sendable {
        var bytes: [UInt8]
        var name: String
        var testDescription: String { name }
    }

    static func bytes(_ count: Int) -> Message { Message(bytes: (0..<count).map { UInt8(($0 * 7 + 3) % 256) }, name: "\(count) patterned bytes") }
    static func text(_ text: String) -> Message { Message(bytes: Array(text.utf8), name: text.isEmpty ? "empty" : "\"\(text.prefix(12))…\"") }

    @Test(arguments: [
        (text(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (text("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (text("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (Message(bytes: [UInt8](repeating: 0x61, count: 1_000_000), name: "a million times 'a'"), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
        (bytes(55), "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"),
        (bytes(56), "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"),
        (bytes(63), "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"),
        (bytes(64), "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"),
        (bytes(65), "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"),
        (bytes(119), "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"),
        (bytes(120), "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5"),
        (bytes(128), "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6"),
    ])
    func knownDigests(_ message: Message, _ digest: String) {
        #expect(SHA256.hex(message.bytes) == digest)
    }
}
