public import ReferatIndex

/// The archive is one implementation of the seam: its search index (`ReferatEngine`) answers
/// `search`, `documentFrequency` and `terms` (ArchiveStore+Search.swift), its records `hits`.
extension ArchiveStore: FullTextIndex, RecordStore {}
