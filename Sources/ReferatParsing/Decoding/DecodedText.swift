import ReferatRecords

/// Text recovered from a file's bytes, with what had to be done to get it.
struct DecodedText: Sendable {
    var text: String
    var warnings: [ParseWarning]
}
