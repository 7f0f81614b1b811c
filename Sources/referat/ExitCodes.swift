import ArgumentParser

/// Exit codes that say what happened, documented in the README.
enum ExitCodes {
    /// Everything went well.
    static let success = ExitCode(0)
    /// Some input files failed; the others were processed.
    static let someFilesFailed = ExitCode(1)
    /// Bad usage: unknown option, query syntax error.
    static let usage = ExitCode(2)
    /// The index cannot be opened or is not a referat index.
    static let badIndex = ExitCode(3)
    /// A search found nothing.
    static let noResults = ExitCode(4)
    /// Interrupted (Ctrl-C); committed work is kept.
    static let interrupted = ExitCode(130)
}
