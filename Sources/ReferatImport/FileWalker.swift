import Foundation

/// Finds the files an import takes under the given paths: `.txt`, `.html`, `.htm`, `.pdf`.
///
/// Walks folders recursively without following symbolic links inside them (so link loops
/// cannot trap it), though a link given as a path is followed; skips hidden files; and reports
/// folders it cannot read, and names it cannot represent, instead of stopping.
enum FileWalker {
    static let extensions: Set<String> = ["txt", "html", "htm", "pdf"]

    struct Found {
        var files: [(path: String, size: Int64)] = []
        var problems: [ImportSummary.Failure] = []
    }

    static func walk(_ roots: [String]) -> Found {
        var found = Found()
        let fm = FileManager.default
        for root in roots.map(normalise) {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: root, isDirectory: &isDirectory) else {
                found.problems.append(.init(path: root, message: root.contains(invalidName) ? invalidNameMessage : "no such file or folder"))
                continue
            }
            if !isDirectory.boolValue {
                found.files.append((root, size(root)))
                continue
            }
            // A link to a folder, given as the path, is walked; the documents keep the link's name.
            let target = (try? fm.destinationOfSymbolicLink(atPath: root)) != nil ? URL(fileURLWithPath: root).resolvingSymlinksInPath().path : root
            guard fm.isReadableFile(atPath: root), let enumerator = fm.enumerator(atPath: target) else {
                found.problems.append(.init(path: root, message: "cannot read this folder (permission denied)"))
                continue
            }
            var batch: [(String, Int64)] = []
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") { enumerator.skipDescendants(); continue }
                let path = root == "." ? relative : root + "/" + relative
                let attributes = enumerator.fileAttributes
                let type = attributes?[.type] as? FileAttributeType
                if attributes == nil && name.contains(invalidName) {
                    let ext = (name as NSString).pathExtension.lowercased()
                    if ext.isEmpty || extensions.contains(ext) { found.problems.append(.init(path: path, message: invalidNameMessage)) }
                    continue
                }
                if type == .typeSymbolicLink { enumerator.skipDescendants(); continue }
                if type == .typeDirectory {
                    if !fm.isReadableFile(atPath: path) || !fm.isExecutableFile(atPath: path) {
                        found.problems.append(.init(path: path, message: "cannot read this folder (permission denied)"))
                        enumerator.skipDescendants()
                    }
                    continue
                }
                guard type == .typeRegular, extensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
                batch.append((path, (attributes?[.size] as? Int64) ?? Int64((attributes?[.size] as? Int) ?? 0)))
            }
            found.files += batch.sorted { $0.0 < $1.0 }
        }
        return found
    }

    /// Foundation gives a file name that is not valid UTF-8 with U+FFFD in place of the bad
    /// bytes, and no file has that name: such a file cannot be opened by the name it gets, nor
    /// stored under it, so it is reported (and counted as failed) rather than skipped silently.
    static let invalidName = "\u{FFFD}"
    static let invalidNameMessage = "the file name is not valid UTF-8 (shown with \u{FFFD}); rename the file to import it"

    /// "Corpus/", "./Corpus" and "Corpus" are the same folder, so paths stay stable between imports.
    static func normalise(_ path: String) -> String {
        var p = path
        while p.hasPrefix("./") && p.count > 2 { p.removeFirst(2) }
        while p.hasSuffix("/") && p.count > 1 { p.removeLast() }
        return p
    }

    static func size(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int64) ?? 0
    }
}
