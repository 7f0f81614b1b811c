@testable import ReferatParsing
import ReferatRecords
import Testing

/// Shapes the thirteenth held-out set of real pages brought (docs/layouts.md, "Checked on pages
/// the survey did not see", tenth look), each written anew with invented names, numbers and
/// sentences.
@Suite struct FourteenthSurveyTests {
    struct Page: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var items: Int
        var testDescription: String { name }
    }


    static let header = "Dagsorden\nHavneudvalget onsdag den 14. juni 2028 kl. 17.00\nMødelokale Fyret, Rådhuset, Strandtorvet 4\n\n"

    @Test(arguments: [
        Page(name: "an agenda of untitled blocks", text: header + "Sagsfremstilling\nEn ny kran.\n\nSagsfremstilling\nEn ny sti.\n\nIndstilling\nat udvalget drøfter stien.\n", items: 2),
        Page(name: "minutes cut before the first decision", text: "Referat\nHavneudvalget tirsdag den 13. juni 2028 kl. 16.30\n\n"
             + "Sagsfremstilling\nHavnen får en ny kran, som tages i brug i juli.\n", items: 1),
        // Without a dated meeting above them the blocks are no items: a letter or a note that
        // uses the heading is not an agenda.
        Page(name: "blocks under no dated header", text: "Dagsorden\nHavneudvalget\nMødelokale Fyret, Rådhuset\n\nSagsfremstilling\nEn ny kran.\n\n"
             + "Sagsfremstilling\nEn ny sti.\n", items: 0),
        // A block under a title is that title's item, as before.
        Page(name: "a titled item without decision", text: header + "1. Ny kran på havnen\n\nSagsfremstilling\nEn ny kran.\n", items: 1),
    ])
    func blocksWithoutADecisionUnderADatedMeetingAreItems(_ page: Page) throws {
        let document = try parse(page.text)
        #expect(document.cases.count == page.items)
        if page.name.hasPrefix("a titled") { #expect(document.cases.map(\.title) == ["Ny kran på havnen"]) }
    }
}

extension FourteenthSurveyTests {
    struct Steps: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var bodies: [String?]
        var testDescription: String { name }
    }

    static let item = "Referat\n\nMøde i Byrådet mandag den 12. marts 2029\n\n1. Ny vedtægt for Havnerådet\n\n"

    @Test(arguments: [
        Steps(name: "a list of earlier steps above the case", text: item + "Økonomiudvalget den 6. februar 2029, pkt. 4\nByrådet den 19. februar 2029, pkt. 7\n"
              + "Økonomiudvalget den 5. marts 2029, pkt. 2\nResumé\nVedtægten behandles to gange.\nByrådet den 12. marts 2029, pkt. 1\nVedtaget.\n", bodies: ["Byrådet"]),
        // One step without text is kept: a step named with its body or date counts, text or not.
        Steps(name: "one step without text", text: item + "Økonomiudvalget den 5. marts 2029, pkt. 2\nResumé\nVedtægten behandles to gange.\n"
              + "Byrådet den 12. marts 2029, pkt. 1\nVedtaget.\n", bodies: ["Økonomiudvalget", "Byrådet"]),
        // Headers that call themselves decisions stay, though the page lost their text.
        Steps(name: "empty decision headers in a row", text: item + "Resumé\nVedtægten behandles to gange.\nBeslutning Byrådet den 12-03-2029\n"
              + "Beslutning Økonomiudvalget den 05-03-2029\nSagsfremstilling\nHavnerådet har ønsket en ny vedtægt.\n", bodies: ["Byrådet", "Økonomiudvalget"]),
        // Steps with text between them are decisions.
        Steps(name: "steps each with a text", text: item + "Økonomiudvalget den 5. marts 2029, pkt. 2\nAnbefalet.\nByrådet den 12. marts 2029, pkt. 1\nVedtaget.\n",
              bodies: ["Økonomiudvalget", "Byrådet"]),
    ])
    func stepsInARowWithoutTextAreTheItemsHistory(_ steps: Steps) throws {
        let document = try parse(steps.text)
        #expect(document.cases.flatMap(\.decisions).map(\.body) == steps.bodies)
    }
}

extension FourteenthSurveyTests {
    static let council = "Regionsrådet - referat 24-09-2029\n\nMødedato:\n24-09-2029 kl. 15:00\n\n"
    static let agenda = "\n\nDagsorden\n\n1.      Regnskab\n\nSagsnr:\n\n29/1\n\nResumé\n\nEt overskud.\n"

    struct Absence: CustomTestStringConvertible, Sendable {
        var name: String
        var lines: String
        var absent: [String]
        var testDescription: String { name }
    }

    @Test(arguments: [
        Absence(name: "a sentence of substitutes after a blank line",
                lines: "Afbud\nEva Holm, Ib Lund og Kaj Berg.\n\nAnne Dahl og Bo Vang deltager som stedfortrædere.", absent: ["Eva Holm", "Ib Lund", "Kaj Berg"]),
        Absence(name: "one substitute", lines: "Afbud\nEva Holm.\n\nAnne Dahl deltog som suppleant.", absent: ["Eva Holm"]),
        // A substitute named inside the list's own line, after a dash, as before.
        Absence(name: "a substitute after a dash", lines: "Afbud\nOle Lund, F - Eva Ny stedfortræder\nBo Berg, V", absent: ["Ole Lund", "Bo Berg"]),
        // Who came without a substitute word stays on the list ("… Kaj Moe deltog").
        Absence(name: "who came, without a substitute word", lines: "Afbud\nEva Ny og Ib Lund, Kaj Moe deltog", absent: ["Eva Ny", "Ib Lund"]),
    ])
    func aSentenceOfSubstitutesEndsTheAbsentees(_ absence: Absence) throws {
        let document = try parse(Self.council + absence.lines + Self.agenda)
        #expect(document.meeting?.absent.map(\.name) == absence.absent)
    }
}
