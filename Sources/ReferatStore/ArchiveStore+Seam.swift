public import ReferatIndex

/// The SQLite/FTS5 archive is one implementation of the seam: its full-text index answers
/// `search`, `documentFrequency` and `terms` (ArchiveStore+Search.swift), its records `hits`.
extension ArchiveStore: FullTextIndex, RecordStore {}
