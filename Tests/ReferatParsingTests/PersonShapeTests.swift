@testable import ReferatParsing
import Testing

/// `PersonShape` stands in for `PeopleParser.personShape` on the common shapes: wherever it
/// answers, the pattern must give the same captures, and it must answer for the shapes that
/// lists print most.
@Suite struct PersonShapeTests {
    /// The pattern's captures 1–3, or nil when it does not match.
    func patternCaptures(_ text: String) -> PersonShape.Captures? {
        guard let m = text.firstMatch(of: PeopleParser.personShape) else { return nil }
        #expect((m.4 ?? "").isEmpty || PersonShape.scan(text) == nil)
        return PersonShape.Captures(name: m.1, paren: m.2, party: m.3)
    }

    @Test(arguments: [
        "Bente Holm (A)", "Bente Holm", "Bo Berg, V", "Bo Berg, SF", "Bo Berg,SF", "Bo Berg ,  V", "Karen van Dam (C)",
        "Karen van  Dam", "Hans-Henrik Ølgaard (Ø)", "Åse Bak (Å)", "Ærø Æbelø (Løsgænger)", "Bo Berg ()",
        "Bo Berg, løsgænger", "A. P. Møller", "Jens O'Neill (B)", "Anne Marie Lund Holm Bak Berg (V)",
        "Bente Holm (sygdom)", "Bo Berg (Borgmester, formand for udvalget)",
    ])
    func commonShapesAreReadAsThePatternReadsThem(_ text: String) {
        let fast = PersonShape.scan(text)
        #expect(fast != nil)
        #expect(fast == patternCaptures(text))
    }

    /// Shapes the scan leaves to the pattern (it answers nil) or reads as the pattern does.
    @Test(arguments: [
        "Bo Berg, Løsgænger", "Bo Berg, ABCD", "Bo Berg (A) (sygdom)", "Bo Berg (A) (B) (C)", "Bo Berg (A", "Bo Berg A)",
        "Bo Berg - sygdom", "Bo Berg, A (sygdom)", "Bo Berg, A, ferie", "Anne Marie Lund Holm Bak Berg Dam (V)",
        "Karen vand Dam", "Karen va Dam", "Karen van dam", "Karen van", "Bo Berg (\(String(repeating: "x", count: 40)))",
        "Bo Berg (\(String(repeating: "x", count: 41)))", "Bo Berg\t(A)", "Bo Berg\u{A0}(A)", "A\u{30A}se Bak (V)",
        "\u{212B}se Bak (Ø)", "Bo Berg’s (A)", "bo berg", "Éva Berg", "Bo Berg.", "Bo Berg,", "Bo  Berg  ", "B", "",
        "Bo Berg (A)x", "Bo Berg, a", "Ib de la Cour", "Bo 2 Berg", "Bo Berg (æ)",
    ])
    func otherShapesAreLeftToThePatternOrReadAlike(_ text: String) {
        if let fast = PersonShape.scan(text) { #expect(fast == patternCaptures(text)) }
    }

    /// Every combination of a few name, particle, party and tail pieces.
    @Test func combinationsAgreeWithThePattern() {
        let names = ["Bo", "Bo Berg", "Bo  Berg", "Bo van Berg", "Bo vander Berg", "Bo de  la Berg", "Bo B. Berg-Holm", "Ærø Ø", "Bo berg"]
        let parties = ["", " (A)", "(A)", " ()", " (Ø, formand)", ", A", ",A", ", ABC", ", ABCD", ", løsgænger", ", Løsgænger", " (A", ", 1"]
        let tails = ["", " ", " (sygdom)", " - ferie", ".", ",", ")"]
        var answered = 0
        for name in names {
            for party in parties {
                for tail in tails {
                    let text = name + party + tail
                    guard let fast = PersonShape.scan(text) else { continue }
                    answered += 1
                    #expect(fast == patternCaptures(text), "\(text)")
                }
            }
        }
        #expect(answered > 100)
    }
}
