/// A segment or manifest that cannot be read: the file and what is wrong with it.
///
/// Damaged bytes are always reported this way, never by a crash: every read of a file is
/// bounds-checked, and each file carries a checksum that is verified when it is opened.
public struct EngineError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}

/// A read past the end of a buffer or a value out of range, before the file name is known.
struct FormatError: Error {
    var message: String
}
