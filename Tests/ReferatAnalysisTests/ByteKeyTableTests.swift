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
}
