import Foundation
import ReferatRecords

/// Text from a PDF through `pdftotext -layout` (Debian package poppler-utils).
enum PDFText {
    static func extract(path: String) throws(ParseError) -> String {
        guard let tool = which("pdftotext") else {
            throw ParseError(path: path, message: "pdftotext is not installed; install it with: apt-get install poppler-utils")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-layout", "-enc", "UTF-8", "-q", path, "-"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch {
            throw ParseError(path: path, message: "pdftotext could not start: \(error.localizedDescription)")
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = String(decoding: errData, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "exit code \(process.terminationStatus)"
            throw ParseError(path: path, message: "pdftotext rejected the file: \(reason)")
        }
        let text = String(decoding: data, as: UTF8.self)
        if text.allSatisfy({ $0.isWhitespace }) {
            throw ParseError(path: path, message: "the PDF has no text layer (scanned image?); nothing to index")
        }
        return text
    }

    static func which(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") + ["/usr/bin"]
        for dir in paths {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
