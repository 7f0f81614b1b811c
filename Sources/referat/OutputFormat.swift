import ArgumentParser
import Foundation
import ReferatPresentation

/// How a command prints its result.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}

/// Writing to standard output and standard error without Foundation's buffering surprises.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// True when standard error is a terminal (progress bars, colours).
    static var stderrIsTerminal: Bool { isatty(2) != 0 }
    static var stdoutIsTerminal: Bool { isatty(1) != 0 }

    /// JSON in the presentation layer's style (sorted keys, unescaped slashes).
    static func json<T: Encodable>(_ value: T) throws -> String {
        try JSONRenderer().encode(value)
    }

    /// Text for standard output: colour only on a terminal, and never with NO_COLOR set.
    static var text: TextRenderer {
        TextRenderer(colour: stdoutIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
    }
}
