@testable import ReferatAnalysis
import Testing

/// The word list lives in the forms table (`CompoundForms.Roles.listed`): a listed word keeps
/// the roles the dictionary gave it, a word only the list has gets the mark alone, and the
/// mark survives the cache file. The lexicon answers from the table as it did from a set.
@Suite struct ListedWordsTests {
    /// Forms as a build makes them: the dictionary's first, then the list's words.
    static func forms(dictionary: [(String, CompoundForms.Roles)], list: [String]) -> CompoundForms {
        var forms = CompoundForms(capacity: 16)
        for (form, roles) in dictionary { forms.add(form, roles) }
        for word in list { forms.markListed(word) }
        forms.buildFilter()
        return forms
    }

    static let dictionary: [(String, CompoundForms.Roles)] = [
        ("skole", [.begin, .word]), ("skolen", [.end, .word]), ("belysnings", CompoundForms.Roles.begin.with(link: 1)),
        ("ålborg", [.word, .name]), ("vej", [.begin, .end, .word]),
    ]
    static let list = ["skole", "skolen", "ålborg", "cykelsti", "vej", "vej", "æbleskive"]

    @Test(arguments: [
        // form, roles without the mark, listed
        ("skole", CompoundForms.Roles([.begin, .word]), true),
        ("belysnings", CompoundForms.Roles.begin.with(link: 1), false),
        ("ålborg", CompoundForms.Roles([.word, .name]), true),
        ("cykelsti", CompoundForms.Roles(), true),
        ("æbleskive", CompoundForms.Roles(), true),
        ("vejen", CompoundForms.Roles(), false),
        ("", CompoundForms.Roles(), false),
    ])
    func theMarkLeavesTheDictionarysRoles(_ form: String, _ roles: CompoundForms.Roles, _ listed: Bool) throws {
        let built = Self.forms(dictionary: Self.dictionary, list: Self.list)
        let decoded = try #require(CompoundFormsCache.decode(CompoundFormsCache.encode(built)))
        for forms in [built, decoded] {
            #expect(forms.roles(of: form).subtracting(.listed) == roles, "\(form)")
            #expect(forms.isListed(form) == listed, "\(form)")
        }
    }

    @Test(arguments: [
        // dictionary forms, list words, listed count, has forms
        (0, 0, 0, false), (5, 0, 0, true), (0, 7, 6, false), (5, 7, 6, true),
    ])
    func countsSurviveTheCacheFile(_ dictionaryCount: Int, _ listCount: Int, _ listed: Int, _ hasForms: Bool) throws {
        let built = Self.forms(dictionary: Array(Self.dictionary.prefix(dictionaryCount)), list: Array(Self.list.prefix(listCount)))
        let decoded = try #require(CompoundFormsCache.decode(CompoundFormsCache.encode(built)))
        for forms in [built, decoded] {
            #expect(forms.listedCount == listed)
            #expect(forms.hasForms == hasForms)
        }
    }

    @Test func aLexiconOfGivenWordsHoldsThemAndNoOthers() {
        let lexicon = DanishLexicon(words: ["Kommune", "plan", "kommuneplan", "plan"])
        #expect(lexicon.count == 3)
        for (word, held) in [("kommune", true), ("plan", true), ("kommuneplan", true), ("kommunepla", false), ("Kommune", false)] {
            #expect(lexicon.contains(word) == held, "\(word)")
        }
        #expect(lexicon.adding(["botilbud"]).contains("botilbud"))
    }

    @Test(arguments: [
        // lines of a word list, the words read from them
        ("kommune\nKommunen\nbil's\n\nærø\nÆrø\r\nÅlborg", ["kommune", "kommunen", "ærø", "ærø", "ålborg"]),
        ("ÉN\nnaïve\nübung", ["én", "naïve", "übung"]),
        ("", []),
    ])
    func aWordListIsReadLowerCased(_ text: String, _ words: [String]) {
        var read: [String] = []
        var copy = text
        copy.withUTF8 { bytes in DanishLexicon.forEachWord(bytes) { read.append(String(decoding: $0, as: UTF8.self)) } }
        #expect(read == words)
    }
}
