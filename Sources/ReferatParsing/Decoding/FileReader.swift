import Foundation
import ReferatRecords

/// Reads a file's bytes with errors a user understands.
enum FileReader {
    static func read(_ path: String, limit: Int) throws(ParseError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ParseError(path: path, message: "no such file")
        }
        if isDirectory.boolValue { throw ParseError(path: path, message: "is a directory, not a file (import walks folders; parse takes files)") }
        // Opening a FIFO for reading blocks until a writer comes, for ever.
        var info = stat()
        guard stat(path, &info) == 0 else { throw ParseError(path: path, message: "no such file") }
        if info.st_mode & S_IFMT != S_IFREG {
            throw ParseError(path: path, message: "not a regular file (a pipe, device or socket); only files are read")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ParseError(path: path, message: "cannot be read (permission denied)")
        }
        let size = Int(info.st_size)
        if size > limit {
            throw ParseError(path: path, message: "is \(size / 1_000_000) MB; files over \(limit / 1_000_000) MB are refused as not minutes")
        }
        // Read straight into the array (FileHandle's Data would be copied once more).
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ParseError(path: path, message: "cannot be read (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if count > limit { throw ParseError(path: path, message: "grew past \(limit / 1_000_000) MB while being read") }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, count / 2)))
            }
            let n = bytes.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + count, $0.count - count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw ParseError(path: path, message: "cannot be read: \(String(cString: strerror(errno)))")
            }
            count += n
        }
        if count > limit { throw ParseError(path: path, message: "grew past \(limit / 1_000_000) MB while being read") }
        bytes.removeSubrange(count...)
        return bytes
    }
}

/// read(2), named apart from `FileReader.read`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
