import Foundation

/// Temporary folders for tests: all under one folder per test process, removed when the
/// process exits.
///
/// A test cannot always remove its own folder when it ends (an index it opened may still be
/// open on its last line), and folders left behind by every run piled up in /tmp.
public enum Scratch {
    /// This process's folder; other test processes running at the same time have their own.
    static let root = NSTemporaryDirectory() + "referat-tests-\(getpid())"

    private static let cleanupAtExit: Void = {
        atexit { try? FileManager.default.removeItem(atPath: Scratch.root) }
    }()

    /// A new, empty folder: `<root>/<prefix>-<UUID>`.
    public static func directory(_ prefix: String = "test") throws -> String {
        _ = cleanupAtExit
        let path = root + "/" + prefix + "-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
