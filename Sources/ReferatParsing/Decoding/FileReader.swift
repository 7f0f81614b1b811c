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
        guard FileManager.default.isReadableFile(atPath: path), let handle = FileHandle(forReadingAtPath: path) else {
            throw ParseError(path: path, message: "cannot be read (permission denied)")
        }
        defer { try? handle.close() }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > limit {
            throw ParseError(path: path, message: "is \(size / 1_000_000) MB; files over \(limit / 1_000_000) MB are refused as not minutes")
        }
        do {
            let data = try handle.readToEnd() ?? Data()
            if data.count > limit { throw ParseError(path: path, message: "grew past \(limit / 1_000_000) MB while being read") }
            return [UInt8](data)
        } catch let error as ParseError {
            throw error
        } catch {
            throw ParseError(path: path, message: "cannot be read: \(error.localizedDescription)")
        }
    }
}
