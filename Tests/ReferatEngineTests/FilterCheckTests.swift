@testable import ReferatEngine
import Testing

/// The substring test the committee, person and municipality filters run on each distinct
/// value's bytes answers as `String.contains` does on the folded values the index holds.
@Suite struct FilterCheckTests {
    @Test(arguments: [
        ("kommunalbestyrelsen", "bestyrelse", true),
        ("kommunalbestyrelsen", "kommunalbestyrelsen", true),
        ("kommunalbestyrelsen", "kommunalbestyrelsenn", false),
        ("økonomiudvalget", "økonomi", true),
        ("økonomiudvalget", "udvalget", true),
        ("teknik- og miljøudvalget", "miljø", true),
        ("børne- og ungeudvalget", "ungdom", false),
        ("åbent møde", "åb", true),
        ("aabent", "åb", false),
        ("", "a", false),
        ("anne sørensen", "", true),
        ("sørensen", "sørensens", false),
        ("ssø", "sø", true),
    ])
    func aNeedleStandsInAValueAsStringContainsSays(value: String, needle: String, expected: Bool) {
        var value = value
        let found = value.withUTF8 { FilterCheck.holds(Array(needle.utf8), in: $0) }
        #expect(found == expected)
        #expect(found == (needle.isEmpty || value.contains(needle)))
    }
}
