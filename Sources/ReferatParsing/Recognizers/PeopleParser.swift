import ReferatRecords

/// Reads people as minutes print them: names with parties, absentee lists, who did not take
/// part and why, and votes.
enum PeopleParser {
    static var absenceLabels: [String] { MinutesVocabulary.absenceLabels }
    static var nobody: [String] { MinutesVocabulary.nobodyAbsent }

    /// True for a line that only says nobody was absent ("Alle medlemmer var mødt."), but not
    /// a bare "Ingen". Asked of every line of a decision: the first byte settles most. Each
    /// phrase starts with "a" or "i" once points and spaces are stripped, and lower-casing
    /// gives those only from A, a, I, i or from a character outside ASCII ("İ").
    static func saysNobodyWasAbsent(_ text: String) -> Bool {
        guard text.utf8.count < 60, let first = text.utf8.first else { return false }
        guard first == 0x41 || first == 0x61 || first == 0x49 || first == 0x69 || first == 0x2E || first == 0x20 || first >= 0x80 else { return false }
        let lower = text.lowercased().stripping(". ")
        return nobody.contains(lower) && lower != "ingen"
    }

    /// Splits `line` into an absence label and what follows it, if it starts with one.
    static func absenceLabel(_ raw: String) -> (label: String, rest: String)? {
        // "• Afbud" in a list of members is the label of the names below it; "1. Fraværende: Eva
        // Holm", an agenda's first item, names them on its line.
        var line = raw.withoutBullet
        if Self.mayStartWithItemNumber(line), let numbered = line.wholeMatch(of: numberedLabel) { line = String(numbered.1) }
        guard mayStartWithLabelLetter(line), mayStartWithLabel(line) else { return nil }
        let lower = line.prefix(30).lowercased()
        // A label the line starts with has the line's first two characters.
        for label in labelsByHead[String(lower.prefix(2))] ?? [] where lower.hasPrefix(label) {
            let after = line.dropFirst(label.count)
            guard after.isEmpty || after.first == ":" || after.first == " " || after.first == "." || after.first == "-" || after.first == "–" else { continue }
            // "Fraværende og stedfortræder: …", "Afbud fra X blev godkendt": a sentence, not a label.
            if after.first == " ", let next = after.drop(while: { $0 == " " }).first, next.isLowercase, !after.contains(":") { continue }
            var rest = String(after).stripping(":.-– ")
            if rest.lowercased().hasPrefix("afbud:") { rest = String(rest.dropFirst(6)).stripping(" ") }
            return (String(line.prefix(label.count)), withoutSubstitutes(rest))
        }
        return nil
    }

    /// False when `line` cannot start with an absence label's first letter (F, A, I, E, D or U in
    /// either case), on its first byte: a character equal to one of these letters is that
    /// byte, with no other form. Asked of nearly every line, where comparing characters costs.
    static func mayStartWithLabelLetter(_ line: String) -> Bool {
        guard let first = line.utf8.first else { return false }
        switch first | 0x20 {
        case 0x66, 0x61, 0x69, 0x65: return true
        // "Deltog ikke:", not the many lines that open with "De", "Der", "Det".
        case 0x64: return line.utf8.dropFirst(2).first == 0x6C
        // "Uden afbud", not "Udvalget", "Under".
        case 0x75: return line.utf8.dropFirst(2).first == 0x65 && line.utf8.dropFirst(3).first == 0x6E
        default: return false
        }
    }

    /// The first two characters of every absence label.
    static let labelHeads = Set(absenceLabels.map { String($0.prefix(2)) })

    /// The absence labels by their first two characters, each list in the labels' order
    /// (longest first).
    static let labelsByHead = Dictionary(grouping: absenceLabels) { String($0.prefix(2)) }

    /// False when no absence label can start `line`: its first two characters, lower-cased,
    /// start none. Lower-casing goes character by character, and a label's first two are
    /// letters without marks, so a line whose lower-cased start is a label's begins with
    /// them. Most lines that start with "a", "e", "f" or "i" end here, before the lower-casing
    /// of their start and the comparison with each label.
    static func mayStartWithLabel(_ line: String) -> Bool {
        // Two ASCII letters first (most such lines): their bytes, lower-cased, are the
        // characters' (a mark after the second makes it no label's character either).
        let utf8 = line.utf8
        if let a = utf8.first, let b = utf8.dropFirst().first, a.isASCIILetter, b.isASCIILetter {
            return asciiLabelHeads.contains(UInt16(a | 0x20) << 8 | UInt16(b | 0x20))
        }
        return labelHeads.contains(String(line.prefix(2)).lowercased())
    }

    /// `labelHeads` of two ASCII letters, as their bytes.
    static let asciiLabelHeads = Set(labelHeads.compactMap { head -> UInt16? in
        let bytes = Array(head.utf8)
        guard bytes.count == 2, bytes.allSatisfy(\.isASCIILetter) else { return nil }
        return UInt16(bytes[0]) << 8 | UInt16(bytes[1])
    })

    /// An item number before a label with names after it: "1. Fraværende: Eva Holm".
    nonisolated(unsafe) static let numberedLabel = #/^[0-9]{1,2}\.\s+((?:Fraværende|Afbud)\s*:\s*\S.*)$/#

    /// False when `line` cannot match `numberedLabel`, whose first character is one of 0–9:
    /// such a character starts with that ASCII byte (a mark after it makes no other first
    /// byte). `absenceLabel` is asked of nearly every line, and most start otherwise; most
    /// of those that start with a digit name no label.
    static func mayStartWithItemNumber(_ line: String) -> Bool {
        // Its labels are plain needles (`String.isPlainNeedle`): a line they are not in as bytes
        // holds neither (an amount, a case number, an attachment's number).
        line.utf8.first?.isASCIIDigit == true && (line.containsBytes("Fraværende") || line.containsBytes("Afbud"))
    }

    /// Whether `text` may hold one of `MinutesVocabulary.substituteWords`: every substitute
    /// word has one of these bytes; most lines have none of them.
    static func mayNameSubstitute(_ text: String) -> Bool {
        text.containsBytes("tedfortræder") || text.containsBytes("uppleant") || text.containsBytes("stedet") || text.containsBytes("ødte for")
    }

    /// A list of absentees without the clause that names who came instead:
    /// "Ole Lund (V) – Eva Ny (V) mødte som stedfortræder" → "Ole Lund (V)".
    static func withoutSubstitutes(_ list: String) -> String {
        guard mayNameSubstitute(list) else { return list }
        let lower = list.lowercased()
        guard MinutesVocabulary.substituteWords.contains(where: { lower.contains($0) }) else { return list }
        for separator in [" – ", " - ", ". ", "; "] {
            // Outside parentheses: "Ole Lund (stedfortræder: Per B. Holm) og …" is one remark;
            // and not after a name's initial: "Kaj L. Dam. I stedet deltog …".
            if let range = list.ranges(of: separator).first(where: { range in
                let before = list[..<range.lowerBound]
                if separator == ". ", let initial = before.last, initial.isUppercase, before.dropLast().last.map({ $0 == " " }) ?? true { return false }
                return isOutsideParentheses(before)
            }) {
                let tail = list[range.upperBound...].lowercased()
                if MinutesVocabulary.substituteWords.contains(where: { tail.contains($0) }) { return String(list[..<range.lowerBound]) }
            }
        }
        // "Kaj E. Holm (A) Stedfortrædere: Bo Berg (A)": the next label, capitalised,
        // outside parentheses, ends the list.
        for word in MinutesVocabulary.substituteWords {
            let label = " " + word.prefix(1).uppercased() + word.dropFirst()
            if let range = list.ranges(of: label).first(where: { isOutsideParentheses(list[..<$0.lowerBound]) }) {
                return String(list[..<range.lowerBound])
            }
        }
        // "Ole Lund (stedfortræder: Per Berg)": the parentheses go with the person parser.
        return list
    }

    /// Whether the text after `before` stands outside parentheses: every one opened is closed.
    static func isOutsideParentheses(_ before: Substring) -> Bool {
        before.filter { $0 == "(" }.count <= before.filter { $0 == ")" }.count
    }

    /// Parses one person; nil when the text does not look like a name.
    static func person(_ raw: String) -> Person? {
        var text = raw.stripping("•-–;. ")
        // "Borgmester Anna Holm": the office is not part of the name.
        // In either case: a list prints "Afbud: formand Eva Ny, elevrepræsentant Bo Berg".
        while let space = text.utf8.firstIndex(of: 0x20), text.utf8.distance(from: text.utf8.startIndex, to: space) >= 5, isOffice(text[..<space]) {
            text = String(text[space...].dropFirst())
        }
        // "Fraværende: REFERAT Eva Holm": a transcript's page heading between a label and its value.
        for heading in ["REFERAT ", "DAGSORDEN "] where text.hasPrefix(heading) { text = String(text.dropFirst(heading.count)) }
        // "Koncerndirektør fra Region Hovedstaden Svend Holm": an office and the organisation
        // it is held in, before the name.
        if text.containsBytes(" fra ") || text.containsBytes(" i ") || text.containsBytes(" ved "), let m = text.prefixMatch(of: officeInOrganisation) {
            text = String(text[m.range.upperBound...])
        }
        guard mayStartWithCapital(text), text.isShorter(than: 121), let m = personCaptures(text) else { return nil }
        var name = String(m.name).stripping(" ")
        // "Anders Fog- Petersen": a double name that a transcript broke at the line's end keeps
        // its hyphen and loses the break.
        if name.containsBytes("- ") { name = name.replacing(brokenDoubleName, with: "-") }
        // "Anders Holm Byrådssalen", "Kurt Lund Dagsordenen": a flattened page put the meeting
        // room or the next sentence right after the name.
        if let room = name.split(separator: " ").dropFirst(2).first(where: { MinutesVocabulary.isPlaceWord($0) || MinutesVocabulary.notInNames.contains($0.lowercased()) }) {
            name = String(name[..<room.startIndex]).stripping(" ")
            // What is left must still be a name: "Koncerndirektør fra Region …" is none.
            guard name.split(separator: " ").count >= 2, name.split(separator: " ").last?.first?.isUppercase == true else { return nil }
        }
        let words = name.split(separator: " ")
        // Five capitalised words and more are names run together ("Bo Berg Eva Ny Ib Lund"), as a
        // flattened table leaves them: which words make one name is not known.
        guard words.count >= 2 || m.paren != nil, words.count <= 4 || words.contains(where: { $0.first?.isLowercase == true }) else { return nil }
        // "ÅBNE SAGER", "Punkt Titel Udskriv", "Norddjurs Kommune": headings, not people.
        if words.count >= 2, words.allSatisfy({ $0.count > 1 && $0.allSatisfy { !$0.isLowercase } }) { return nil }
        // "LO Storkøbenhavn", "DH Egeby": an organisation by its letters, in "Name, Organisation" lines.
        if words.count == 2, (2...4).contains(words[0].count), words[0].allSatisfy({ $0.isUppercase }) { return nil }
        if words.contains(where: { MinutesVocabulary.notInNames.contains($0.lowercased()) || MinutesVocabulary.isOrganisationWord($0) }) { return nil }
        var party: String?
        if let p = m.paren ?? m.party {
            let value = String(p).stripping(" ")
            party = value.isEmpty ? nil : value
        }
        var reason: String?
        if let r = m.reason {
            let value = String(r).stripping(" ")
            // "Søren Kaas 9": a transcript's page number after the last name is no reason.
            reason = value.isEmpty || value.allSatisfy(\.isNumber) ? nil : value
        }
        // "Bente Holm (sygdom)": a long lower-case word in the party slot is a reason.
        if let p = party, p.first?.isLowercase == true, p.lowercased() != "løsgænger" {
            reason = reason ?? p
            party = nil
        }
        return Person(name: name, party: party, reason: reason)
    }

    /// An office (one capitalised word) held in a named region or municipality, before a
    /// person's name: "Koncerndirektør fra Region Hovedstaden ", "Direktør i Egeby Kommune ".
    nonisolated(unsafe) static let officeInOrganisation = #/[A-ZÆØÅ][\p{Ll}-]+\s+(?:fra|i|ved)\s+(?:Region\s+[A-ZÆØÅ][\p{L}-]+|[A-ZÆØÅ][\p{L}-]+\s+Kommune)\s+(?=[A-ZÆØÅ][\p{Ll}])/#

    /// The two names of `names` that `name` is, joined by a space ("Poul Ebbesen Karin Tved"),
    /// or nil: a list that lost its commas runs two people into one name.
    static func runTogether(_ name: String, of names: Set<String>) -> [String]? {
        var space = name.firstIndex(of: " ")
        while let at = space {
            let head = String(name[..<at]), tail = String(name[name.index(after: at)...])
            if head.contains(" "), tail.contains(" "), names.contains(head), names.contains(tail) { return [head, tail] }
            space = name[name.index(after: at)...].firstIndex(of: " ")
        }
        return nil
    }

    /// Whether `word` is an office printed before a name ("Borgmester", "næstformand",
    /// "Udvalgsmedlemmerne", "elevrepræsentant"), in either case.
    static func isOffice(_ word: Substring) -> Bool {
        let lower = word.lowercased()
        return MinutesVocabulary.roleEndings.contains { lower.hasSuffix($0) } && lower.allSatisfy(\.isLetter)
    }

    /// A hyphen at a word's end and the next capitalised word: one double name broken in two.
    nonisolated(unsafe) static let brokenDoubleName = #/-\s+(?=[A-ZÆØÅ])/#

    /// A person as lists print one: "Bente Holm (A)", "Bente Holm, A", "Bente Holm, A (sygdom)",
    /// "Bo Berg (Løsgænger)", "Bo Berg ()", "Luis da Silva - syg.".
    ///
    /// The name: up to six capitalised words (letters, . ' ’ -), a particle of two or three
    /// lower-case letters allowed before a word ("Dorthe la Cour"). Then a party in parentheses
    /// (up to 40 characters) or after a comma (one to three capitals, or "løsgænger"), and then
    /// anything without parentheses as the reason, itself in parentheses or after "," or "-",
    /// a final period left out. The name takes all the words it can: a shorter name never
    /// lets more of a line be read, as the reason takes any words without parentheses.
    static func personCaptures(_ text: String) -> (name: Substring, paren: Substring?, party: Substring?, reason: Substring?)? {
        let r = LineReader(text)
        func word(_ i: Int) -> Int? {
            guard let c = r[i], LineReader.isCapital(c) else { return nil }
            var j = i + 1
            while let c = r[j], LineReader.isLetter(c) || ".'’-".contains(c) { j += 1 }
            return j
        }
        guard var nameEnd = word(0) else { return nil }
        for _ in 0..<5 {
            guard let space = r.spaces(nameEnd) else { break }
            var next = space
            // "la ", "von ", "da ": a particle of the vocabulary's, then white space. Other short
            // words in lower case ("Budget med Roskilde (B)") are a title's, not a name's.
            var particle = space
            while let c = r[particle], c.isASCII ? c.isLowercase : "æøå".contains(c) { particle += 1 }
            if (2...3).contains(particle - space), MinutesVocabulary.nameParticleSet.contains(String(r.text(space..<particle))),
               let after = r.spaces(particle), word(after) != nil { next = after }
            guard let end = word(next) else { break }
            nameEnd = end
        }
        let name = r.text(0..<nameEnd)
        let start = r.skipSpaces(nameEnd)
        // A party in parentheses: "(A)", "(sygdom)", "()".
        if r[start] == "(" {
            var close = start + 1
            while let c = r[close], c != "(" && c != ")" { close += 1 }
            if r[close] == ")", close - start - 1 <= 40 {
                // "Eva Holm (A) (borgmester) - Deltog": an office in a second parenthesis after the
                // party, before the member's status after a dash.
                var after = close + 1
                let second = r.skipSpaces(after)
                if r[second] == "(" {
                    var end = second + 1
                    while let c = r[end], c != "(" && c != ")" { end += 1 }
                    if r[end] == ")", end - second - 1 <= 40, let dash = r[r.skipSpaces(end + 1)], dash == "-" || dash == "–" { after = end + 1 }
                }
                if let reason = reason(r, after) { return (name, r.text(start + 1..<close), nil, reason) }
            }
        }
        // A party after a comma: ", A", ", SF", ", løsgænger".
        if r[start] == "," {
            let party = r.skipSpaces(start + 1)
            var end = party
            while end - party < 4, let c = r[end], LineReader.isCapital(c) { end += 1 }
            if !(1...3).contains(end - party) || r[end].map(LineReader.isLetter) == true {
                end = r.word(Self.independent, at: party).flatMap { r[$0].map(LineReader.isLetter) == true ? nil : $0 } ?? party
            }
            if end > party, let reason = reason(r, end) {
                return (name, nil, r.text(party..<end), reason)
            }
        }
        guard let reason = reason(r, start) else { return nil }
        return (name, nil, nil, reason)
    }

    private static let independent = LineReader.CasedWord("løsgænger")

    /// The reason after a name and party, from `i` to the line's end: after "," or "-" and
    /// an opening parenthesis, without a closing parenthesis, white space and a period at
    /// the end; nil when a parenthesis is left inside.
    private static func reason(_ r: LineReader, _ i: Int) -> Substring? {
        var start = r.skipSpaces(i)
        if r[start] == "," || r[start] == "-" { start += 1 }
        start = r.skipSpaces(start)
        if r[start] == "(" { start += 1 }
        var end = r.count
        if end > start, r[end - 1] == "." { end -= 1 }
        while end > start, r.isSpace(end - 1) { end -= 1 }
        if end > start, r[end - 1] == ")" { end -= 1 }
        guard start <= end, !r.characters[start..<end].contains(where: { $0 == "(" || $0 == ")" }) else { return nil }
        return r.text(start..<end)
    }

    /// False when `text` cannot be read by `personCaptures`, whose first character is A–Z, Æ, Ø or Å:
    /// most lines start otherwise, and a byte test is far cheaper than the pattern engine. A
    /// line starting outside ASCII is left to the pattern, which also takes characters
    /// canonically equal to those letters (the Ångström sign for Å, the Kelvin sign for K).
    static func mayStartWithCapital(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return first >= 0x80 || (first >= 0x41 && first <= 0x5A)
    }

    /// Splits an inline list: "Bente Holm (A), Bo Berg (V) og Ane Bak (Ø)".
    static func people(inList text: String) -> [Person] {
        var parts: [String] = []
        // "Bo Berg (Ø). Ane Bak (G)": sentences of one name each are a list too.
        let listed = AbsenceProse.sentences(text).joined(separator: ", ")
        for part in splitList(listed) {
            // "Bente Holm, A (sygdom)": a party after a comma belongs to the name before it.
            if let last = parts.last, part.wholeMatch(of: partyPart) != nil, !last.contains("(") {
                parts[parts.count - 1] = last + ", " + part
            } else {
                parts.append(part)
            }
        }
        return parts.compactMap(person)
    }

    nonisolated(unsafe) static let partyPart = #/(?:[A-ZÆØÅ]{1,3}|[Ll]øsgænger)(?:\s*\(.*\))?/#

    /// A party in parentheses and a capital after it ("Per Holm (Ø) Bo Dahl (C)"): the cheap
    /// test for a line `splitList` cuts between names that have no comma between them.
    nonisolated(unsafe) static let partyThenName = #/\) [A-ZÆØÅ]/#

    /// Splits on commas and "og" outside parentheses.
    static func splitList(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        let words = Array(text.replacing(" og ", with: ", ").replacing(" samt ", with: ", "))
        for (i, ch) in words.enumerated() {
            if ch == "(" { depth += 1 }
            if ch == ")" { depth = max(0, depth - 1) }
            if (ch == "," || ch == ";" || ch == "+") && depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(ch)
                // "Per Holm (Ø) Bo Dahl (C)": a table's columns flattened into one line; a name
                // after a party in parentheses is the next person.
                if ch == ")", depth == 0, i + 2 < words.count, words[i + 1] == " ", words[i + 2].isUppercase {
                    parts.append(current)
                    current = ""
                }
            }
        }
        parts.append(current)
        return parts.map { $0.stripping(". ") }.filter { !$0.isEmpty }
    }

    // MARK: Not taking part

    nonisolated(unsafe) static let notTakingPart = #/^(?:(?:Udvalgsmedlem|Medlem|Rådmand|Borgmester|Formand|Næstformand)\s+)?([A-ZÆØÅ][\p{L}.'’ -]*?(?:\s*\([^()]*\))?)\s+(?:(?:erklærede sig|blev erklæret|var)\s+inhabil(?:\s+og)?\s+)?(?:deltog|deltager)\s+ikke\s+i\s+(?:behandlingen|sagens behandling|beslutningen|punktets behandling|punktet|sagen|drøftelsen|afstemningen)(.*)$/#
    nonisolated(unsafe) static let declaredConflict = #/^(?:(?:Udvalgsmedlem|Medlem|Rådmand|Borgmester|Formand|Næstformand)\s+)?([A-ZÆØÅ][\p{L}.'’ -]*?(?:\s*\([^()]*\))?)\s+(?:erklærede sig|blev erklæret|var)\s+inhabil(.*)$/#

    /// "X deltog ikke i behandlingen af punktet pga. inhabilitet", "X erklærede sig inhabil".
    /// Negations ("… at X ikke var inhabil") are not matches.
    static func nonParticipant(_ line: String) -> NonParticipant? {
        guard line.containsBytes("deltog") || line.containsBytes("deltager") || line.containsBytes("inhabil") else { return nil }
        let text = line.stripping(" ")
        // "Ingen var inhabile.": a word that names nobody ("ingen", "alle") is no person.
        if let first = text.split(separator: " ", maxSplits: 1).first, MinutesVocabulary.notInNames.contains(first.lowercased()) || first == "Alle" { return nil }
        if let (_, name, tail) = text.firstMatch(of: notTakingPart)?.output {
            let who = person(String(name)) ?? Person(name: String(name))
            var reason = reasonText(String(tail))
            if text.lowercased().contains("inhabil") && reason == nil { reason = "inhabil" }
            return NonParticipant(name: who.name, party: who.party, reason: reason)
        }
        if let name = text.firstMatch(of: declaredConflict)?.output.1, !String(name).lowercased().hasSuffix(" ikke") {
            let who = person(String(name)) ?? Person(name: String(name))
            return NonParticipant(name: who.name, party: who.party, reason: "inhabil")
        }
        return nil
    }

    static func reasonText(_ tail: String) -> String? {
        var t = tail.stripping(". ")
        // "efter pkt. 3.Borgmesteren orienterede …": the next sentence, glued where a space was lost.
        if let glued = t.firstMatch(of: gluedSentence) { t = String(t[..<glued.range.lowerBound]) }
        // "i punkt 3-7; stedfortræder Eva Ny": who came instead is no part of the reason.
        t = withoutSubstitutes(t).stripping(". ")
        for prefix in ["af punktet", "af sagen", "af dette punkt", "af denne sag"] where t.lowercased().hasPrefix(prefix) {
            t = String(t.dropFirst(prefix.count)).stripping(",. ")
        }
        for prefix in ["pga.", "på grund af", "grundet", "som følge af", "da", "idet", "begrundet i", "pga"] where t.lowercased().hasPrefix(prefix + " ") {
            t = String(t.dropFirst(prefix.count + 1)).stripping(",. ")
        }
        if t.lowercased().hasPrefix("inhabilitet") { return "inhabilitet" }
        return t.isEmpty ? nil : t
    }

    /// A point right before a capitalised word: a sentence glued to the one before it.
    nonisolated(unsafe) static let gluedSentence = #/\.[A-ZÆØÅ]\p{Ll}{3,}/#
}
