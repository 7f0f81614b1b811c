import Foundation
import ReferatRecords

/// A case's attachments in one compressed blob (`"case".attachmentData`), framed and packed as
/// its sections are (`PackedSections`: a format byte, the payload's length, the compressed
/// payload, with the index's dictionary once it has one). The payload is the list as JSON.
///
/// Attachment titles are file names and descriptions that repeat from case to case ("Bilag 2 -
/// Budgetoversigt.pdf"); kept as plain rows, they took a tenth of the records.
enum PackedAttachments {
    /// The blob for these attachments, or nil when there are none.
    static func pack(_ attachments: [Attachment], dictionary: PackingDictionary?) -> [UInt8]? {
        guard !attachments.isEmpty else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail.
        let payload = [UInt8](try! encoder.encode(attachments))
        return PackedSections.pack(payload: payload, dictionary: dictionary)
    }

    /// The attachments back from a blob made by `pack`.
    static func unpack(_ blob: [UInt8], dictionaries: PackedSections.Dictionaries) throws(PackedSections.Damaged) -> [Attachment] {
        let payload = try PackedSections.payload(of: blob, dictionaries)
        do {
            return try JSONDecoder().decode([Attachment].self, from: Data(payload))
        } catch {
            throw PackedSections.Damaged()
        }
    }

    /// The attachments' titles, one per line: what an entry's body holds of them (the view
    /// `entry_content`, through `referat_attachment_titles`; `EntryText` builds the same).
    static func titles(_ blob: [UInt8], dictionaries: PackedSections.Dictionaries) throws(PackedSections.Damaged) -> String {
        try unpack(blob, dictionaries: dictionaries).map(\.title).joined(separator: "\n")
    }
}
