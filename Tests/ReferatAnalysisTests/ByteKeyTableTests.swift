@testable import ReferatAnalysis
import Testing

/// The table under the lexicon set and the word cache: a key's slot is found again, stays put
/// while the table does not grow, and every key survives growth.
@Suite struct ByteKeyTableTests {
    func slot(_ table: ByteKeyTable, _ key: String) -> Int? {
        var copy = key
        return copy.withUTF8 { table.find($0, hash: ByteKeyTable.hash($0)) }
    }

    @discardableResult
    func insert(_ table: inout ByteKeyTable, _ key: String) -> Int {
        var copy = key
        return copy.withUTF8 { table.insertNew($0, hash: ByteKeyTable.hash($0)) }
    }

    @Test(arguments: [
        ["område"],
        ["", "a", "æ", "å"],  // the empty key and one-byte or two-byte keys
        ["lov", "lovforslag", "forslag", "lovfor", "slag"],  // prefixes and suffixes of each other
        (0..<300).map { "ord\($0)" },
    ])
    func eachKeyIsFoundInTheSlotItWasPutIn(_ keys: [String]) {
        var table = ByteKeyTable(minimumCapacity: keys.count)
        var slots: [String: Int] = [:]
        for key in keys { slots[key] = insert(&table, key) }
        #expect(table.count == keys.count)
        #expect(Set(slots.values).count == keys.count)
        for key in keys { #expect(slot(table, key) == slots[key]) }
        for key in keys { #expect(slot(table, key + "x") == nil || keys.contains(key + "x")) }
    }

    @Test func anEmptyTableFindsNothing() {
        let table = ByteKeyTable(minimumCapacity: 0)
        #expect(table.count == 0)
        #expect(slot(table, "") == nil)
        #expect(slot(table, "kommune") == nil)
    }

    @Test func growingKeepsEveryKeyAndItsHash() {
        var table = ByteKeyTable(minimumCapacity: 4)
        let keys = (0..<1_000).map { "kommune\($0)" }
        for key in keys {
            if table.needsGrowth { table.grow() }
            insert(&table, key)
        }
        #expect(table.slotCount >= 2_000)
        for key in keys { #expect(slot(table, key) != nil) }
        let expected = keys.map { key -> UInt64 in var copy = key; return copy.withUTF8 { ByteKeyTable.hash($0) } }
        #expect(table.hashes().sorted() == expected.sorted())
    }

    /// Values kept after their keys in the arena: found with the key, replaced in place, kept
    /// through growth and through the serialized form, which must hold every value whole.
    static let valueTables: [[(String, UInt16)]] = [
        [("", 1)],
        [("vej", 0x8000), ("vejen", 0x0104), ("æ", 0xFFFF), ("å", 0)],
        (0..<300).map { ("ord\($0)", UInt16($0 * 211 % 65_536)) },
    ]

    @Test(arguments: valueTables)
    func valuesStayWithTheirKeys(_ entries: [(String, UInt16)]) throws {
        var table = ByteKeyTable(minimumCapacity: 2)
        for (key, value) in entries {
            var copy = key
            copy.withUTF8 { bytes in
                if table.needsGrowth { table.grow() }
                table.insertNew(bytes, hash: ByteKeyTable.hash(bytes), value: value)
            }
        }
        func value(_ table: ByteKeyTable, _ key: String) -> UInt16? {
            var copy = key
            return copy.withUTF8 { bytes in table.withView { $0.value(of: bytes, hash: ByteKeyTable.hash(bytes)) } }
        }
        for (key, expected) in entries { #expect(value(table, key) == expected, "\(key)") }
        #expect(value(table, "xyzzy") == nil)
        // Replaced in place, the neighbours untouched.
        let (first, _) = entries[0]
        table.setValue(0x1234, at: try #require(slot(table, first)))
        #expect(value(table, first) == 0x1234)
        for (key, expected) in entries.dropFirst() { #expect(value(table, key) == expected, "\(key)") }
        let bytes = table.serialized()
        let decoded = try #require(ByteKeyTable(serialized: bytes[...], valueBytes: 2))
        #expect(value(decoded, first) == 0x1234)
        for (key, expected) in entries.dropFirst() { #expect(value(decoded, key) == expected, "\(key)") }
        // An arena without room for the last value is refused.
        #expect(ByteKeyTable(serialized: bytes[...], valueBytes: 3) == nil)
    }
}
