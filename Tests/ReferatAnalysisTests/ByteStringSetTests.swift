@testable import ReferatAnalysis
import Testing

/// The lexicon's set: exact answers whatever its Bloom filter lets through, at every size.
@Suite struct ByteStringSetTests {
    func contains(_ set: ByteStringSet, _ word: String) -> Bool {
        var copy = word
        return copy.withUTF8 { set.contains($0) }
    }

    @Test(arguments: [1, 15, 16, 17, 1_000, 60_000])
    func membersAreFoundAndNothingElse(_ size: Int) {
        let members = (0..<size).map { "ord\($0)" }
        let set = ByteStringSet(members)  // grows from 16 slots: every growth rebuilds the filter
        #expect(set.count == size)
        for word in members { #expect(contains(set, word)) }
        var strays = 0
        for i in 0..<size { if contains(set, "ord\(i)x") || contains(set, "xord\(i)") { strays += 1 } }
        #expect(strays == 0)
    }

    @Test func sizedUpFrontAnswersTheSame() {
        var set = ByteStringSet(minimumCapacity: 400_000)
        for word in ["område", "området", "kommune", "æ", "specialundervisning"] { set.insert(word) }
        set.insert("området")  // a duplicate is not counted twice
        #expect(set.count == 5)
        for word in ["område", "området", "kommune", "æ", "specialundervisning"] { #expect(contains(set, word)) }
        for word in ["områd", "områderne", "Kommune", "", "ae", "specialundervisnin"] { #expect(!contains(set, word)) }
    }

    @Test func aProbeAnswersAsTheSetDoes() {
        let set = ByteStringSet(["lov", "forslag", "lovforslag"])
        set.withProbe { probe in
            for (word, expected) in [("lov", true), ("forslag", true), ("lovforslag", true), ("lovfor", false), ("slag", false)] {
                var copy = word
                #expect(copy.withUTF8 { probe.contains($0) } == expected)
            }
        }
    }
}
