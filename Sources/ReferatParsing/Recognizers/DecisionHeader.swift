/// A line that opens a committee step's decision, with what it says about body and date.
///
///     Beslutning i Børne- og ungdomsudvalget den 19-01-2023
///     Beslutning i Økonomiudvalget den 4. marts 2019:
///     Teknik- og Miljøudvalgets beslutning den 8. april 2021
///     Kultur- og Idrætsudvalget, 14-05-2019, pkt. 31
///     Beslutning: Vedtaget
///     28-08-2019 Byrådet – Sagens behandling blev udsat
struct DecisionHeader: Hashable, Sendable {
    var body: String?
    var date: String?
    /// Decision text on the header line itself ("Beslutning: Vedtaget").
    var inlineText: String?

    /// What a dated header says: the body's name, the day as ISO 8601 (nil for a date no
    /// calendar has), the text after them.
    typealias Parts = (body: Substring, iso: String?, rest: Substring?)

    /// "Beslutning i Økonomiudvalget (18-21) den 22-01-2018", "Beslutning: Byrådet, på mødet den
    /// 4. marts 2019, pkt. 3: Godkendt", "Beslutning fra ØU d. 3/5-21": a step's body and date
    /// after the word that opens a decision.
    static func dated(_ line: String, words: [String] = MinutesVocabulary.decisionHeaderWords) -> Parts? {
        let r = LineReader(line)
        var found: Parts?
        func bodyFrom(_ start: Int) -> Bool {
            r.bodyEnds(from: start) { end in
                // `\s*,?\s+`: white space, a comma, or both, before an optional "på mødet" and "den".
                let space = r.skipSpaces(end)
                var q: Int
                if r[space] == ",", let after = r.spaces(space + 1) { q = after } else if space > end { q = space } else { return false }
                if let p = r.word("på", at: q), let s = r.spaces(p), let m = r.word("mødet", at: s), let after = r.spaces(m) { q = after }
                if let den = r.word("den", at: q), let after = r.spaces(den) { q = after } else if let d = r.word("d.", at: q) { q = r.skipSpaces(d) }
                guard let date = r.date(q), case let dateEnd = date.end, let rest = r.rest(r.itemReferenceEnd(dateEnd) ?? dateEnd) else { return false }
                found = (r.text(start..<end), date.iso, rest)
                return true
            }
        }
        for word in words {
            guard let head = r.word(word, at: 0) else { continue }
            // An optional colon, then "i" or "fra" before the body, or the body at once.
            let colon = r.skipSpaces(head)
            let p = r[colon] == ":" ? colon + 1 : head
            guard let start = r.spaces(p) else { continue }
            if let step = r.word("i", at: start) ?? r.word("fra", at: start), let body = r.spaces(step), bodyFrom(body) { return found }
            if bodyFrom(start) { return found }
        }
        return nil
    }

    /// "Beslutning Økonomi og Strategi den 14-03-2022": a committee named without "udvalg" right
    /// after "Beslutning", known as a step's header by "den" and the date that close the line.
    static func namedDated(_ line: String) -> Parts? {
        let r = LineReader(line)
        guard let head = r.word("Beslutning", at: 0) ?? r.word("BESLUTNING", at: 0), let start = r.spaces(head) else { return nil }
        let ends = r.capitalWordEnds(from: start, hyphens: true)
        // The most words after which " den " and a date follow.
        for end in ends.reversed() {
            guard let space = r.spaces(end), let den = r.word("den", at: space), let q = r.spaces(den),
                  let date = r.date(q), case let dateEnd = date.end, let rest = r.rest(dateEnd) else { continue }
            return (r.text(start..<end), date.iso, rest)
        }
        return nil
    }

    /// "Integrationsudvalgets møde den 12. december 2027:" over the step's decision, inside an
    /// item; the colon tells it from a page's title naming the meeting.
    /// Also with the item's number and the decision after it: "Kommunalbestyrelsens møde 28.
    /// november 2027 Punkt 1: Der var ingen meddelelser." (Ballerup's minutes).
    static func genitiveMeetingStep(_ line: String) -> Parts? {
        let r = LineReader(line)
        var found: Parts?
        _ = r.bodyEnds(from: 0) { end in
            guard r[end] == "s", let space = r.spaces(end + 1), let møde = r.word("møde", at: space), var q = r.spaces(møde) else { return false }
            if let den = r.word("den", at: q), let after = r.spaces(den) { q = after }
            guard let date = r.date(q), case let dateEnd = date.end else { return false }
            let colon = r.skipSpaces(dateEnd)
            if r[colon] == ":", colon + 1 == r.count {
                found = (r.text(0..<end), date.iso, nil)
                return true
            }
            // " Punkt 1: …": one to three digits.
            guard let space2 = r.spaces(dateEnd), let punkt = r.word(Self.punkt, at: space2), let number = r.spaces(punkt),
                  (1...3).contains(r.digitRun(number)), case let afterNumber = r.skipSpaces(number + r.digitRun(number)), r[afterNumber] == ":",
                  let rest = r.rest(afterNumber) else { return false }
            found = (r.text(0..<end), date.iso, rest)
            return true
        }
        return found
    }

    private static let punkt = LineReader.CasedWord("punkt")

    /// "Økonomiudvalgets beslutning den 4. marts 2019:", "Byrådets behandling på mødet den …".
    static func genitive(_ line: String) -> Parts? {
        let r = LineReader(line)
        var found: Parts?
        _ = r.bodyEnds(from: 0) { end in
            guard r[end] == "s", let space = r.spaces(end + 1), let noun = r.word("beslutning", at: space) ?? r.word("behandling", at: space),
                  var q = r.spaces(noun) else { return false }
            if let at = r.word("i", at: q) ?? r.word("på", at: q), let s = r.spaces(at), let mødet = r.word("mødet", at: s), let after = r.spaces(mødet) { q = after }
            if let den = r.word("den", at: q), let after = r.spaces(den) { q = after }
            guard let date = r.date(q), case let dateEnd = date.end, let rest = r.rest(r.itemReferenceEnd(dateEnd) ?? dateEnd) else { return false }
            found = (r.text(0..<end), date.iso, rest)
            return true
        }
        return found
    }

    /// "Plan- og Miljøudvalget, 24.10.2016 Anbefales": a body whose name ends like one, a comma and a date.
    static func committeeDated(_ line: String) -> Parts? {
        let r = LineReader(line)
        // The name runs to the first comma: capitalised, of letters, . ' ’ space and -.
        guard let first = r[0], LineReader.isCapital(first) else { return nil }
        var comma = 1
        while let c = r[comma], LineReader.isLetter(c) || ".'’ -".contains(c) { comma += 1 }
        guard r[comma] == ",", MinutesVocabulary.commaBodyEndings.contains(where: { comma - $0.count >= 1 && r.word($0, at: comma - $0.count) != nil }),
              var q = r.spaces(comma + 1) else { return nil }
        if let den = r.word("den", at: q), let after = r.spaces(den) { q = after }
        guard let date = r.date(q), case let dateEnd = date.end, let rest = r.rest(r.itemReferenceEnd(dateEnd) ?? dateEnd) else { return nil }
        return (r.text(0..<comma), date.iso, rest)
    }

    /// "Kultur- og Idrætsudvalget, 14-05-2019, pkt. 31": a body, its date and the item's number.
    static func committeeItem(_ line: String) -> Parts? {
        let r = LineReader(line)
        var found: Parts?
        _ = r.bodyEnds(from: 0) { end in
            guard var q = r.spaces(r[end] == "," && r.isSpace(end + 1) ? end + 1 : end) else { return false }
            if let den = r.word("den", at: q), let after = r.spaces(den) { q = after }
            guard let date = r.date(q), case let dateEnd = date.end, let space = r.spaces(r[dateEnd] == "," && r.isSpace(dateEnd + 1) ? dateEnd + 1 : dateEnd),
                  let item = r.itemNumberEnd(space, words: MinutesVocabulary.itemReferenceWords), let rest = r.rest(item) else { return false }
            found = (r.text(0..<end), date.iso, rest)
            return true
        }
        return found
    }

    /// "Børne- og Skoleudvalget den 9. oktober 2031:" over the step's decision (Bornholm's
    /// "Indstilling og beslutning"): a body named like one, "den", its date, an optional item
    /// reference and the colon that closes the line, or the decision after the colon.
    static func bodyDatedColon(_ line: String) -> Parts? {
        let r = LineReader(line)
        var found: Parts?
        _ = r.bodyEnds(from: 0) { end in
            guard let space = r.spaces(end), let den = r.word("den", at: space), let q = r.spaces(den), let date = r.date(q) else { return false }
            let colon = r.skipSpaces(r.itemReferenceEnd(date.end) ?? date.end)
            guard r[colon] == ":" else { return false }
            found = (r.text(0..<end), date.iso, colon + 1 == r.count ? nil : r.rest(colon))
            return true
        }
        return found
    }

    /// "Social og Sundhed, 6. januar 2020, pkt. 123:": a committee named without "udvalg",
    /// known as a decision step by the date, the item reference and the colon.
    static func namedStep(_ line: String) -> Parts? {
        let r = LineReader(line)
        for end in r.capitalWordEnds(from: 0, hyphens: false).reversed() {
            guard r[end] == ",", let q = r.spaces(end + 1), let date = r.date(q), case let dateEnd = date.end, r[dateEnd] == ",", let space = r.spaces(dateEnd + 1),
                  let item = r.itemNumberEnd(space, words: MinutesVocabulary.itemNumberWords), case let colon = r.skipSpaces(item), r[colon] == ":",
                  let rest = r.rest(colon) else { continue }
            return (r.text(0..<end), date.iso, rest)
        }
        return nil
    }

    nonisolated(unsafe) static let history = try! Regex(#"^(?<date>[0-9]{1,2}-[0-9]{1,2}-[0-9]{4})\s+(?<body>[A-ZÆØÅ][\p{L} -]*?(?:udvalget|rådet|bestyrelsen|repræsentationen|[Bb]yråd)|Magistraten)\s*(?:[–-]\s*(?<rest>.+))?$"#)
    nonisolated(unsafe) static let undated = #/^(?:Beslutning|BESLUTNING|Beslutninger|Udvalgets beslutning|Byrådets beslutning|Kommunalbestyrelsens beslutning|Regionsrådets beslutning)(?![\p{L}])\s*:?\s*(.*)$/#
    /// "Beslutninger Handicaprådet den" / "Beslutning Økonomiudvalget den : Godkendt.": a step's
    /// header whose date a transcript dropped with its digits; the body named like one, "den"
    /// and nothing or a colon after it. The meeting's date is the step's.
    /// With `opening`, the same header at the start of a flattened page's text, the text going
    /// on after it (a colon, or a capital after white space).
    static func bodyWithoutDate(_ line: String, opening: Bool = false) -> (body: Substring, rest: Substring?)? {
        let r = LineReader(line)
        guard let word = r.word("Beslutninger", at: 0) ?? r.word("Beslutning", at: 0), let start = r.spaces(word) else { return nil }
        var found: (body: Substring, rest: Substring?)?
        _ = r.bodyEnds(from: start) { end in
            guard let space = r.spaces(end), let den = r.word("den", at: space) else { return false }
            let after = r.skipSpaces(den)
            if after == r.count || (opening && after > den && r[after].map(LineReader.isCapital) == true) {
                found = (r.text(start..<end), nil)
            } else if r[after] == ":" {
                found = (r.text(start..<end), opening ? nil : r.text(r.skipSpaces(after + 1)..<r.count))
            }
            return found != nil
        }
        return found
    }

    /// The words after "Beslutning" that make it one step's header rather than a heading:
    /// "Beslutning i Byrådet …", "Beslutning fra Plan, Miljø og Teknik …", "Beslutning den
    /// 3. maj 2020" (the meeting's body is then the step's).
    static let stepWords = ["i", "fra", "den"]

    /// Whether `text` opens with a step's header word: "Beslutning i …", "Beslutning den …".
    /// Flattened transcripts are cut before such a header, wherever it stands in the text.
    static func opensStep<S: StringProtocol>(_ text: S) -> Bool {
        if text.hasPrefix("Beslutning ") && startsWithStepWord(text.dropFirst(11)) { return true }
        // "… godkendes Beslutninger Handicaprådet den Ikke til stede: …": a header without its date.
        return (text.hasPrefix("Beslutning ") || text.hasPrefix("Beslutninger ")) && text.prefix(120).contains(" den")
            && bodyWithoutDate(String(text.prefix(120)), opening: true) != nil
    }

    private static func startsWithStepWord<S: StringProtocol>(_ rest: S) -> Bool {
        stepWords.contains { rest.hasPrefix($0 + " ") }
    }

    /// Headings that open an item's decision only inside an item: "Referat" (what the meeting
    /// did with the item, in systems that print the minutes under the agenda text), also with
    /// the outcome on its line ("Referat: Godkendt"). Before the first item the same word
    /// names the document.
    static func insideItem(_ line: String) -> DecisionHeader? {
        if line == "Referat" || line == "REFERAT" || line == "Referat:" { return DecisionHeader(body: nil, date: nil, inlineText: nil) }
        // "Referat: Referat fra …" or "Referat: 3. maj" names a text; only a stated outcome is a decision.
        guard line.hasPrefix("Referat: "), line.isShorter(than: 120) else { return nil }
        let rest = line.dropFirst(9).stripping(" ")
        guard OutcomeClassifier.stated.contains(OutcomeClassifier.classify(rest)) else { return nil }
        return DecisionHeader(body: nil, date: nil, inlineText: rest)
    }

    /// A committee's recommendation on the item's way to the council, on a line of its own
    /// between the recommendation and the decision: "Økonomiudvalget anbefaler indstillingen.",
    /// "Økonomiudvalget anbefaler By- og Kulturudvalgets indstilling." A step of the item's
    /// history, its body the committee, its date not printed. Only outside a decision's text
    /// (`CaseParser`): under the committee's own dated header the sentence is that step's decision.
    static func recommendation(_ line: String) -> DecisionHeader? {
        guard line.containsBytes(" anbefaler "), line.containsBytes("indstilling"), line.isShorter(than: 160),
              let cut = line.firstRange(of: " anbefaler "), line[cut.upperBound...].contains("indstilling") else { return nil }
        let body = String(line[..<cut.lowerBound])
        guard body.first?.isUppercase == true, body.split(separator: " ").count <= 6, !body.contains(","), !body.contains("."),
              MinutesVocabulary.endsLikeBody(body) else { return nil }
        return DecisionHeader(body: body, date: nil, inlineText: line)
    }

    /// Whether `line` is a decision header: the cheap test, then the reading.
    static func isHeader(_ line: String) -> Bool {
        mayBeHeader(line) && parse(line) != nil
    }

    /// Whether `line` may be a decision header at all: every shape starts with a capital
    /// letter or a digit (a byte outside ASCII may be "Ø" or "Å").
    static func mayBeHeader(_ line: String) -> Bool {
        guard let first = line.utf8.first else { return false }
        return (first >= 0x41 && first <= 0x5A) || first >= 0xC3 || first.isASCIIDigit
    }

    static func parse(_ line: String) -> DecisionHeader? {
        guard line.isShorter(than: 220), let first = line.leadingCharacterClass else { return nil }
        // A line that starts with one of these words starts with its first letter's byte.
        let lead = line.utf8.first
        // "Fraværende i Byrådet, 31. maj 2022:" names who was absent, not a decision.
        if lead == 0x46 || lead == 0x41 || lead == 0x49, line.hasPrefix("Fravær") || line.hasPrefix("Afbud") || line.hasPrefix("Ikke til stede") { return nil }
        if lead == 0x42, line.hasPrefix("BESLUTNING I ") || line.hasPrefix("BESLUTNING FRA "), let plain = plainCapitals(line) { return parse(plain) }
        if lead == 0x42, line.hasPrefix("Beslutning") || line.hasPrefix("BESLUTNING") {
            // Every date shape has ASCII digits: a line without any is no dated header.
            if line.hasASCIIDigit, let m = dated(line) ?? namedDated(line) {
                return make(body: m.body, iso: m.iso, rest: m.rest)
            }
            if let m = line.wholeMatch(of: undated) {
                let rest = String(m.1)
                // "BESLUTNING/", "Beslutning/godkendelse/bemærkninger": a table's column heading
                // above its rows, not a step's decision.
                if rest.hasPrefix("/") { return nil }
                // "Beslutning i Økonomiudvalget" without a date: the body still counts. "Beslutning
                // den 3. maj 2020": a date without a body, the meeting's body's step.
                // "Beslutning den 3. maj 2027", "Beslutning den 03-05-2027: Godkendt.", and from a
                // transcript that lost the date's digits, "Beslutning den : Godkendt.": no body.
                if rest.hasPrefix("den ") {
                    let colon = rest.firstIndex(of: ":") ?? rest.endIndex
                    let inline = colon < rest.endIndex ? rest[rest.index(after: colon)...].stripping(" ") : ""
                    let date = rest.hasASCIIDigit ? DanishDate.first(in: String(rest[..<colon]))?.iso : nil
                    return DecisionHeader(body: nil, date: date, inlineText: inline.isEmpty ? nil : inline)
                }
                if startsWithStepWord(rest) {
                    var body = rest.drop { $0 != " " }.stripping(": ")
                    // "fra Plan, Miljø og Teknik, 9. februar 2021, pkt. 421": a body not named like one, then its date.
                    var date: String?
                    if body.hasASCIIDigit, let found = DanishDate.first(in: body) {
                        date = found.iso
                        body = String(body[..<found.range.lowerBound]).stripping(", ")
                        if body.hasSuffix(" den") { body = String(body.dropLast(4)) }
                    }
                    // "i Sundhedsudvalget den : Godkendt.": a transcript lost the date's digits, not the decision after it;
                    // "i den : Godkendt.": and the body's name, which it printed only in the page's header.
                    if body == "den" || body.hasPrefix("den ") { body = " " + body }
                    var inline: String?
                    if let den = body.firstRange(of: " den ") {
                        let after = body[den.upperBound...].stripping(" ")
                        if after.hasPrefix(":") { inline = after.dropFirst().stripping(" ") }
                        body = String(body[..<den.lowerBound])
                    } else if body.hasSuffix(" den") {
                        body = String(body.dropLast(4))
                    }
                    return DecisionHeader(body: body.isEmpty ? nil : body, date: date, inlineText: inline?.isEmpty == false ? inline : nil)
                }
                if rest.hasSuffix(" den") || rest.containsBytes(" den :") || rest.containsBytes(" den:"), let m = bodyWithoutDate(line) {
                    return make(body: m.body, date: nil, rest: m.rest)
                }
                // "Beslutningstema" and "Beslutningskompetence" are section headings, not decisions.
                if let c = rest.first, c.isLetter, !line.contains(":") { return nil }
                return DecisionHeader(body: nil, date: nil, inlineText: rest.isEmpty ? nil : rest)
            }
        }
        // "Behandling i Udvalget for … tirsdag den 11. marts 2031, pkt. 4": the step, named by its treatment.
        if lead == 0x42, line.hasPrefix("Behandling i "), line.hasASCIIDigit, let m = dated(line, words: MinutesVocabulary.treatmentHeaderWords) {
            return make(body: m.body, iso: m.iso, rest: m.rest)
        }
        if lead == 0xC3, MinutesVocabulary.openDecisionHeadings.contains(line) { return DecisionHeader(body: nil, date: nil, inlineText: nil) }
        if first.isNumber, mayStartWithHistoryDate(line), let m = try? history.wholeMatch(in: line) {
            return make(body: m["body"]?.substring, date: m["date"]?.substring, rest: m["rest"]?.substring)
        }
        if first.isUppercase, line.containsBytes("s beslutning") || line.containsBytes("s behandling"), line.hasASCIIDigit,
           let m = genitive(line) {
            return make(body: m.body, iso: m.iso, rest: m.rest)
        }
        if first.isUppercase, line.hasSuffix(":") || line.containsBytes(" Punkt ") || line.containsBytes(" punkt "), line.containsBytes("s møde "), line.hasASCIIDigit,
           let m = genitiveMeetingStep(line), MeetingHeaderParser.isBodyName(String(m.body)) {
            // The body's name alone: not "Følgende emner blev nævnt på Regionsrådet".
            return make(body: m.body, iso: m.iso, rest: m.rest)
        }
        if first.isUppercase, line.containsBytes("s beslutning"), line.utf8.count < 60, let m = line.wholeMatch(of: undated) {
            let rest = String(m.1)
            return DecisionHeader(body: genitiveBody(line), date: nil, inlineText: rest.isEmpty ? nil : rest)
        }
        if first.isUppercase, line.utf8.count < 140, line.hasASCIIDigit, line.containsBytes(", "),
           mentionsItemNumber(line) {
            if let m = committeeItem(line) ?? namedStep(line) {
                return make(body: m.body, iso: m.iso, rest: m.rest)
            }
        }
        if first.isUppercase, line.utf8.last == 0x3A || line.containsBytes(": "), line.containsBytes(" den "), line.hasASCIIDigit,
           let m = bodyDatedColon(line), MeetingHeaderParser.isBodyName(String(m.body)) {
            return make(body: m.body, iso: m.iso, rest: m.rest)
        }
        // "Orienteringen blev taget til efterretning. Økonomiudvalg, 14. april 2031 Side 1": a
        // sentence before a page's running footer, not a body's name.
        // "Godkendelse af referat fra møde i Fritidsudvalget, den 12.03.2031": a title about
        // a meeting, not a body's name (`namesRecord`).
        if first.isUppercase, line.hasASCIIDigit, startsWithBodyAndComma(line), let m = committeeDated(line), !m.body.contains(". "),
           !namesRecord(m.body) {
            return make(body: m.body, iso: m.iso, rest: m.rest)
        }
        return nil
    }

    /// False when `line` cannot match `history`, which starts with "d-m-yyyy" and white space:
    /// a tenth of all lines start with a digit (numbered paragraphs, amounts, years), and
    /// asking the pattern engine costs more than these bytes.
    static func mayStartWithHistoryDate(_ line: String) -> Bool {
        line.withByteScanner { s in
            // A byte outside ASCII may be a mark that changes a character: left to the pattern.
            guard s.dashedDate(), let b = s.next else { return (s.next ?? 0) >= 0x80 }
            // `\s+`: ASCII white space, or a character outside ASCII the pattern may count as one.
            return b.isASCIIWhitespace || b >= 0x80
        } ?? true
    }

    /// False when `line` cannot match `committeeItem`, which needs "pkt", "punkt" or "sag",
    /// an optional ".", white space and a digit. The words alone are in many lines ("sagen").
    /// A byte outside ASCII where the white space may be is left to the pattern.
    static func mentionsItemNumber(_ line: String) -> Bool {
        func numberFollows(_ end: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var s = ByteScanner(bytes, at: end)
            _ = s.take(0x2E)
            s.skip(while: \.isASCIIWhitespace)
            return s.next.map { $0.isASCIIDigit || $0 >= 0x80 } ?? false
        }
        return line.containsBytes("pkt", where: numberFollows) || line.containsBytes("punkt", where: numberFollows)
            || line.containsBytes("sag", where: numberFollows)
    }

    /// Whether the text before the first ", " ends like a body's name: the guard before
    /// `committeeDated`, which most capitalised lines with a comma and a digit are not.
    static func startsWithBodyAndComma(_ line: String) -> Bool {
        // The first ", " within the first 90 bytes, found on bytes.
        let utf8 = line.utf8
        guard let comma = utf8.prefix(91).indices.first(where: { utf8[$0] == 0x2C && utf8.index(after: $0) < utf8.endIndex && utf8[utf8.index(after: $0)] == 0x20 }) else { return false }
        let head = line[..<comma]
        return MinutesVocabulary.commaBodyEndings.contains { head.hasSuffix($0) }
    }

    /// Whether a would-be body's name speaks of a meeting or its record ("… referat fra møde i
    /// Fritidsudvalget"): no body is called so (`MeetingHeaderParser.isBodyName` turns
    /// the same words away).
    static func namesRecord(_ name: some StringProtocol) -> Bool {
        name.split(separator: " ").contains { ["møde", "mødet", "referat", "dagsorden"].contains($0.lowercased()) }
    }

    /// "Byrådets beslutning" → "Byrådet"; nil for "Udvalgets beslutning", which names no body.
    static func genitiveBody(_ line: String) -> String? {
        guard let end = line.firstRange(of: "s beslutning") else { return nil }
        let name = String(line[..<end.lowerBound])
        return name == "Udvalget" ? nil : name
    }

    /// "BESLUTNING I ØKONOMIUDVALGET den 07-03-2016" as "Beslutning i Økonomiudvalget den
    /// 07-03-2016": a header in capitals up to the date, written the way the patterns read.
    static func plainCapitals(_ line: String) -> String? {
        let end = line.firstRange(of: " den ")?.lowerBound ?? line.firstIndex(where: \.isNumber) ?? line.endIndex
        let head = line[..<end]
        guard head.allSatisfy({ !$0.isLowercase }) else { return nil }
        let words = head.lowercased().split(separator: " ", maxSplits: 2)
        guard words.count == 3 else { return nil }
        return "Beslutning " + words[1] + " " + words[2].prefix(1).uppercased() + words[2].dropFirst() + line[end...]
    }

    /// A header from the `history` pattern's captures; nil for a date no calendar has.
    private static func make(body: Substring?, date: Substring?, rest: Substring?) -> DecisionHeader? {
        let iso = date.flatMap { DanishDate.firstISO(in: String($0)) }
        guard iso != nil || date == nil else { return nil }
        return header(body: body, iso: iso, rest: rest)
    }

    /// A header from what a reader found; nil for a date no calendar has.
    private static func make(body: Substring, iso: String?, rest: Substring?) -> DecisionHeader? {
        guard let iso else { return nil }
        return header(body: body, iso: iso, rest: rest)
    }

    private static func header(body: Substring?, iso: String?, rest: Substring?) -> DecisionHeader {
        let text = rest.map { String($0).stripping(": ") }
        // "Beslutning på byrådsmødet den 15. marts 2027": the meeting named as one word is its body's.
        var name = body.map { String($0).stripping(", ") }
        if let words = name?.split(separator: " "), words.count == 2, words[0] == "på", let meeting = MinutesVocabulary.bodyOfMeetingCompound(words[1]) {
            name = meeting
        }
        return DecisionHeader(
            body: name,
            date: iso,
            inlineText: text?.isEmpty == false ? text : nil
        )
    }
}

private extension ByteScanner {
    /// Consumes "d-m-yyyy" (one or two digits for day and month, four for the year) as far
    /// as it goes; true when all of it came. The start of a `history` line.
    mutating func dashedDate() -> Bool {
        (1...2).contains(digits(upTo: 2)) && take(0x2D) && (1...2).contains(digits(upTo: 2)) && take(0x2D) && digits(upTo: 4) == 4
    }
}
