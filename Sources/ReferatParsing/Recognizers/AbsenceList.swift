import ReferatRecords

/// A labelled list of absentees and the names on the lines under its label:
///
///     Fraværende med afbud:
///     Anna Holm, Bo Berg indkaldt
///     Eva Ny og Ib Lund, Kaj Moe deltog
///     Fraværende: Ole Lund (V) – Eva Ny (V) mødte som stedfortræder
///
/// One reader for the meeting header, an item's text and a decision, so that a list is read
/// the same wherever it stands. Substitutes named in the list ("… indkaldt", "… deltog",
/// "… mødte som stedfortræder") are left out.
enum AbsenceList {
    struct Read {
        var label: String
        var absent: [Person] = []
        var notParticipating: [NonParticipant] = []
        /// The index of the first line after the list.
        var next: Int
    }

    /// Reads the list whose label is on `lines[index]`; nil when that line has no absence label.
    static func read(_ lines: [SourceLine], at index: Int) -> Read? {
        let text = lines[index].text
        guard let (label, labelRest) = PeopleParser.absenceLabel(text) else { return nil }
        // "Fraværende: Den 8. juni 2027: Eva Holm (C).": the names after the first day.
        let dayless = labelRest.firstMatch(of: AbsenceProse.leadingMeetingDay).map { String(labelRest[$0.range.upperBound...]) } ?? labelRest
        // "Afbud: Referent: Eva Ny": the label is empty, another label follows it.
        var rest = dayless.firstMatch(of: nextLabel) != nil ? "" : dayless
        // "Afbud: Eva Ny og Bo Berg. Uden afbud Ib Lund.": a second list in the line's next
        // sentence, opened by a label of its own.
        var second: [Person] = []
        if rest.containsBytes(". "),
           let (cut, list) = rest.ranges(of: ". ").lazy.compactMap({ cut in PeopleParser.absenceLabel(String(rest[cut.upperBound...])).map { (cut, $0.rest) } }).first {
            second = Self.names(list)
            rest = String(rest[..<cut.lowerBound])
        }
        var read = Read(label: label, absent: names(rest) + second, next: index + 1)
        // "Afbud: Mona Fjord (A). Jens Holm (V) deltog ikke i behandlingen af punktet."
        if !rest.isEmpty, AbsenceProse.mayMentionAbsence(rest), let prose = AbsenceProse.read(rest) {
            read.notParticipating = prose.notParticipating
            read.absent.removeAll { person in prose.notParticipating.contains { $0.name == person.name } }
            for person in prose.absent where !read.absent.contains(where: { $0.name == person.name }) { read.absent.append(person) }
        }
        // A name after a blank line is read twice, by the look-ahead and as the list's next
        // line: the second time takes the first's person (the same bytes, the same answer).
        var lastRead: (text: String, person: Person?)?
        func person(_ text: String) -> Person? {
            if let last = lastRead, last.text.utf8.elementsEqual(text.utf8) { return last.person }
            let found = PeopleParser.person(text)
            lastRead = (text, found)
            return found
        }
        // The names may follow on lines of their own, after a blank line; not after a
        // sentence that named them ("Afbud fra Bo Berg og Eva Ny.").
        var i = index + 1
        // The last word of a list's line that ends without a comma ("…, Emil"), a name the
        // line's end broke in two, whose family name opens the next line ("Strand, Oskar …").
        var broken = brokenName(rest)
        while i < lines.count, read.absent.isEmpty || !text.hasSuffix(".") {
            // A blank line ends the list, unless only a plain name (or the last name's party) follows it.
            if lines[i].isBlank {
                if read.absent.isEmpty || i + 1 < lines.count && (isPlainName(lines[i + 1].text, person: person) || isParty(lines[i + 1].text)
                    || firstNameAbsent(lines[i + 1].text) != nil) { i += 1; continue }
                break
            }
            var line = lines[i].text
            if let fragment = broken, let comma = line.firstIndex(of: ","), line.first?.isUppercase == true, !line[..<comma].contains(" ") {
                line = fragment + " " + line
            }
            broken = nil
            // "Forældrevalgte: Dorte Holm." / "Elevrepræsentanter: Afbud fra Ib Lund.": the names of
            // one group of the board's members, after the group's label.
            if let rest = memberGroupRest(line) {
                if AbsenceProse.mayMentionAbsence(rest), let prose = AbsenceProse.read(rest), !prose.absent.isEmpty {
                    for person in prose.absent where !read.absent.contains(where: { $0.name == person.name }) { read.absent.append(person) }
                    i += 1
                    continue
                }
                line = rest
            }
            // "Claus Holm" / "(V)": a table that prints each name's party on a line of its own.
            if isParty(line), let last = read.absent.indices.last {
                read.absent[last].party = read.absent[last].party ?? String(line.dropFirst().dropLast())
                i += 1
                continue
            }
            // A name starts with a capital; most lines after a list are text that does not.
            // (A colon is its byte, unless a mark follows it: the bytes turn most lines away.)
            guard PeopleParser.mayStartWithCapital(line), !(line.containsByte(0x3A) && line.contains(":")), SectionHeadings.key(line) == nil else { break }
            // "Lone er fraværende - Bo Holm deltager i hendes sted": a board's list by first names.
            if let person = firstNameAbsent(line) {
                read.absent.append(person)
                i += 1
                continue
            }
            if AbsenceProse.mayMentionAbsence(line) || line.containsBytes("inhabil") {
                guard AbsenceProse.member(line) == nil, PeopleParser.nonParticipant(line) == nil, AbsenceProse.read(line) == nil else { break }
            }
            // "Jan Holm, A, ankom til mødet kl. 18.10 under behandlingen af punkt 4.": a late
            // arrival below the absent, who took part from then on.
            if line.containsBytes(" ankom ") {
                i += 1
                continue
            }
            // A line of the list starts with a name: "Carsten Holm, Lotte Berg.", "Eva Ny og Ib
            // Lund, Kaj Moe deltog", "Britt Holm (A), sag 129-138", "Ole Lund, F - Eva Ny stedfortræder".
            let plain = PeopleParser.withoutSubstitutes(line)
            if namesSubstitutes(plain) { break }
            if isList(plain) {
                let first = PeopleParser.splitList(plain).first ?? plain
                guard let p = person(first) ?? person(plain), !isSentence(line, after: p),
                      (p.reason?.split(separator: " ").count ?? 0) <= 8 else { break }
                read.absent += names(line)
                broken = brokenName(line)
            } else {
                guard let p = person(plain), !isSentence(line, after: p), (p.reason?.split(separator: " ").count ?? 0) <= 8 else { break }
                if AbsenceProse.isAbsentee(p) { read.absent.append(p) }
            }
            i += 1
        }
        read.next = i
        if label.lowercased().contains("uden afbud") {
            read.absent = read.absent.map { var p = $0; p.reason = p.reason ?? "uden afbud"; return p }
        }
        return read
    }

    /// Whether a line names only who came instead, its people followed by a remark that says
    /// so: "Eva Ny og Bo Lund deltager som stedfortrædere." ends a list of absentees.
    static func namesSubstitutes(_ line: String) -> Bool {
        guard PeopleParser.mayNameSubstitute(line), let reason = PeopleParser.person(PeopleParser.splitList(line).last ?? line)?.reason?.lowercased() else { return false }
        return MinutesVocabulary.attendanceVerbs.contains { reason.hasPrefix($0 + " ") }
            && MinutesVocabulary.substituteWords.contains { reason.contains($0) }
    }

    /// The single capitalised word a list's line ends with, no comma or point after it: the
    /// given name of a name broken over two lines ("… Lea Holt, Emil").
    static func brokenName(_ line: String) -> String? {
        guard let last = line.last, last.isLetter, line.contains(","), let part = PeopleParser.splitList(line).last,
              !part.contains(" "), part.first?.isUppercase == true, part.count >= 2 else { return nil }
        return part
    }

    /// The absentees of one line: a list ("Bo Berg, Eva Ny og Ib Lund"), or one person with a
    /// remark ("Lærke Holm (SF), barsel", "Emil Strand (C), sag 171-174").
    static func names(_ raw: String) -> [Person] {
        let line = membersStoodInFor(beforePlace(raw))
        if !isList(line) {
            return PeopleParser.person(PeopleParser.withoutSubstitutes(line)).map { AbsenceProse.isAbsentee($0) ? [$0] : [] } ?? []
        }
        let listed = AbsenceProse.people(line)
        if listed.count < PeopleParser.splitList(line).count, case let names = firstNames(line), names.count > listed.count { return names }
        if listed.count <= 1, let whole = PeopleParser.person(PeopleParser.withoutSubstitutes(line)), AbsenceProse.isAbsentee(whole) {
            return [whole]
        }
        return listed
    }

    /// "Winnie Holm (i stedet for Bo Berg)" in a list of apologies names the member away
    /// through the one who came in the member's place: the list is read with the member's name
    /// there ("Bo Berg").
    static func membersStoodInFor(_ line: String) -> String {
        guard line.containsBytes("stedet for ") else { return line }
        return line.replacing(insteadOfMember) { String($0.output.member) }
    }

    /// A name, then the member it stands in for in parentheses.
    nonisolated(unsafe) static let insteadOfMember = #/[^,()\s][^,()]*?\s*\(\s*[Ii] stedet for\s+(?<member>[^()]+?)\s*\)/#

    /// The list before a meeting room or building that follows a name outside parentheses:
    /// "Anna Holm Byrådssalen, Rådhuset …", a flattened header that runs on into the meeting's
    /// place (`MinutesVocabulary.isPlaceWord`); no list of people goes on past a place.
    static func beforePlace(_ line: String) -> String {
        guard line.containsBytes(" ") else { return line }
        var depth = 0
        var words = 0
        for word in line.split(separator: " ") {
            if depth == 0, words >= 2, MinutesVocabulary.isPlaceWord(word.stripping(",.;")[...]) {
                return String(line[..<word.startIndex]).stripping(", ")
            }
            for ch in word where ch == "(" || ch == ")" { depth = max(0, depth + (ch == "(" ? 1 : -1)) }
            words += 1
        }
        return line
    }

    /// A labelled list of first names ("Afbud: Lisbeth, Hanne, Anne-Mette og Svend.", a parish
    /// council's or a board's own minutes): two or more single capitalised words, none a word
    /// that is never a name; a full name among them is read as one ("Jesper, Kjeld Holm, Niels").
    /// One word alone ("Ingen", "Formanden") is no list.
    static func firstNames(_ line: String) -> [Person] {
        let parts = PeopleParser.splitList(line)
        guard parts.count >= 2, parts.filter({ !$0.contains(" ") }).count >= 2 else { return [] }
        for part in parts {
            if part.contains(" ") {
                guard PeopleParser.person(part) != nil else { return [] }
                continue
            }
            guard let first = part.first, first.isUppercase, part.count >= 3, part.allSatisfy({ $0.isLetter || $0 == "-" }),
                  !MinutesVocabulary.notInNames.contains(part.lowercased()), !CaseSegmenter.headerWords.contains(part.lowercased()),
                  !MinutesVocabulary.endsLikeBody(part), !MinutesVocabulary.roles.contains(where: { part.lowercased().hasPrefix($0.lowercased()) }) else { return [] }
        }
        return parts.map { part in part.contains(" ") ? PeopleParser.person(part) ?? Person(name: part) : Person(name: part) }
    }

    /// A line that is only a name, or a row of names each with a party ("Per Holm (Ø) Bo Dahl
    /// (C)"): the list going on after a blank line. `person` is `PeopleParser.person`, or a
    /// reader that remembers its last answer.
    static func isPlainName(_ line: String, person: (String) -> Person? = PeopleParser.person) -> Bool {
        guard AbsenceProse.member(line) == nil else { return false }
        if person(line).map({ $0.reason == nil }) == true { return true }
        guard line.containsBytes(") "), line.firstMatch(of: PeopleParser.partyThenName) != nil else { return false }
        let names = PeopleParser.splitList(line)
        return names.count > 1 && names.allSatisfy { PeopleParser.person($0).map { $0.reason == nil && $0.party != nil } == true }
    }

    /// A line of a labelled list that says, by first name only, who was absent: "Lone er
    /// fraværende - …", "Jesper har meldt afbud". The word must pass as a first name (`firstNames`).
    /// A line that opens with a first name and speaks of that person's substitute ("Silas holder
    /// pause; hans suppleant, Zita, deltager i stedet") says so too: someone was called in their place.
    static func firstNameAbsent(_ line: String) -> Person? {
        guard line.isShorter(than: 300) else { return nil }
        let name: String
        if absentNeedles.occurs(in: line), let m = line.firstMatch(of: firstNameThenAbsent) {
            name = String(m.1)
        } else if substituteStems.contains(where: line.containsLetters), let m = line.firstMatch(of: firstNameThenVerb), case let lower = line.lowercased(),
                  substituteOfAnother.contains(where: { lower.contains($0) }), !lower.contains(" som ") {
            name = String(m.1)
        } else {
            return nil
        }
        return firstNames(name + ", " + name).isEmpty ? nil : Person(name: name)
    }

    /// Words for a substitute who is someone else's: "hans suppleant", "suppleanten Heidi". A
    /// line saying the person came "som suppleant" names the substitute, not the absentee.
    static let substituteOfAnother = ["hans suppleant", "hendes suppleant", "suppleanten", "hans stedfortræder", "hendes stedfortræder", "stedfortræderen"]

    /// A word each of `substituteOfAnother` holds: the guard before `firstNameThenVerb`, which
    /// is asked of every line of a list and matches most names ("Bo Berg …" no, "Silas har …").
    /// Lower-casing gives these letters only from themselves (`String.containsLetters`).
    static let substituteStems: [StaticString] = ["suppleant", "stedfortr"]

    /// A first name and a verb in lower case: "Silas har meddelt …", "Nina holder pause …".
    nonisolated(unsafe) static let firstNameThenVerb = #/^([A-ZÆØÅ][\p{Ll}]+(?:-[A-ZÆØÅ][\p{Ll}]+)?)\s+\p{Ll}+\s/#

    nonisolated(unsafe) static let firstNameThenAbsent = #/^([A-ZÆØÅ][\p{Ll}]+(?:-[A-ZÆØÅ][\p{Ll}]+)?)\s+(?:er fraværende|var fraværende|har meldt afbud|havde meldt afbud)\b/#

    /// What `firstNameThenAbsent` says after the name, as bytes a line it matches must hold
    /// (`AbsenceProse.literalNeedle`): the guard before it, since `firstNameAbsent` is asked of
    /// every line under a list's label and of the line after each blank in it.
    static let absentNeedles = ByteStemTable(["fraværende", "meldt afbud"].map(AbsenceProse.literalNeedle))

    /// A party alone in parentheses: "(V)", "(Ø)", "(UP)".
    static func isParty(_ line: String) -> Bool {
        line.utf8.count <= 8 && line.first == "(" && line.last == ")" && line.dropFirst().dropLast().allSatisfy(\.isUppercase)
    }

    /// Whether a line may name more than one person: commas, "og", semicolons, sentences, or
    /// names each after a party in parentheses (a table's columns, flattened).
    static func isList(_ line: String) -> Bool {
        line.containsBytes(",") || line.containsBytes(" og ") || line.containsBytes(";") || line.containsBytes(". ")
            || line.containsBytes(") ") && line.firstMatch(of: PeopleParser.partyThenName) != nil
    }


    /// The names after the label of a group of members ("Forældrevalgte: Dorte Holm."): one
    /// capitalised word that ends like `MinutesVocabulary.memberGroupEndings`, a colon, and text.
    static func memberGroupRest(_ line: String) -> String? {
        guard line.containsByte(0x3A), let colon = line.firstIndex(of: ":") else { return nil }
        let head = line[..<colon]
        guard head.count >= 6, head.count <= 30, head.first?.isUppercase == true, head.allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
        let lower = head.lowercased()
        guard MinutesVocabulary.memberGroupEndings.contains(where: { lower.hasSuffix($0) }) else { return nil }
        let rest = line[line.index(after: colon)...].stripping(" ")
        return rest.isEmpty ? nil : rest
    }

    /// Another label right after an absence label.
    nonisolated(unsafe) static let nextLabel = #/^[A-ZÆØÅ][\p{L}]+:/#

    /// Whether a line under a list of names is a sentence about the person rather than the
    /// list going on: "Birger Holm forlod mødet efter behandlingen af punkt 8." tells when
    /// someone left, while "Ole Lund (V), sygdom" is one more absentee with a reason.
    static func isSentence(_ line: String, after person: Person) -> Bool {
        guard line.hasSuffix("."), let reason = person.reason else { return false }
        return reason.split(separator: " ").count >= 4
    }
}
