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

    /// A date as printed in headers: numeric, or day + month name + year.
    private static let date = #"(?:(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)(?:\s+den)?\s+)?(?:[0-9]{1,2}[-./][0-9]{1,2}[-./][0-9]{2,4}|[0-9]{1,2}\.?[ -][A-Za-zæøå]{3,9}\.?[ -][0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2})(?:\s+(?:kl\.\s*)?[0-9]{1,2}[:.][0-9]{2}(?::[0-9]{2})?)?"#
    /// A deciding body's name, with an optional period or number after it ("Økonomiudvalget
    /// (18-21)", "Forretningsudvalget 2018-2021").
    private static let body = MinutesVocabulary.bodyPattern + #"(?:\s*\([0-9A-ZÆØÅ–-]{1,12}\)|\s+[0-9]{4}\s*[-–]\s*[0-9]{2,4})?"#
    /// A reference to the item after the date: ", pkt. 1".
    private static let itemReference = #"(?:,?\s*(?:pkt|punkt|sag)\.?\s*[0-9]+)?"#

    nonisolated(unsafe) static let dated = try! Regex(#"^(?:Beslutning|BESLUTNING|Beslutninger|Afgørelse)\s*:?(?:\s+i|\s+fra)?\s+(?<body>"# + body + #")\s*,?\s+(?:på\s+mødet\s+)?(?:den\s+|d\.\s*)?(?<date>"# + date + #")"# + itemReference + #"\s*:?\s*(?<rest>.*)$"#)
    /// "Beslutning Økonomi og Strategi den 14-03-2022": a committee named without "udvalg" right
    /// after "Beslutning", known as a step's header by "den" and the date that close the line.
    nonisolated(unsafe) static let namedDated = try! Regex(#"^(?:Beslutning|BESLUTNING)\s+(?<body>[A-ZÆØÅ][\p{L}-]*(?:,?\s+(?:og\s+|&\s+)?[A-ZÆØÅ][\p{L}-]*){0,5})\s+den\s+(?<date>"# + date + #")\s*:?\s*(?<rest>.*)$"#)
    /// "Integrationsudvalgets møde den 12. december 2027:" over the step's decision, inside an
    /// item; the colon tells it from a page's title naming the meeting.
    /// Also with the item's number and the decision after it: "Kommunalbestyrelsens møde 28.
    /// november 2027 Punkt 1: Der var ingen meddelelser." (Ballerup's minutes).
    nonisolated(unsafe) static let genitiveMeetingStep = try! Regex(#"^(?<body>"# + body + #")s\s+møde\s+(?:den\s+)?(?<date>"# + date + #")(?:\s*:|\s+[Pp]unkt\s+[0-9]{1,3}\s*:\s*(?<rest>.*))$"#)
    nonisolated(unsafe) static let genitive = try! Regex(#"^(?<body>"# + body + #")s\s+(?:beslutning|behandling)\s+(?:i\s+mødet\s+|på\s+mødet\s+)?(?:den\s+)?(?<date>"# + date + #")"# + itemReference + #"\s*:?\s*(?<rest>.*)$"#)
    /// "Plan- og Miljøudvalget, 24.10.2016 Anbefales": a body whose name ends like one, a comma and a date.
    nonisolated(unsafe) static let committeeDated = try! Regex(#"^(?<body>[A-ZÆØÅ][\p{L}.'’ -]*?(?:udvalget|udvalg|bestyrelsen|rådet|Byråd|byråd|Magistraten|repræsentationen|direktionen)),\s+(?:den\s+)?(?<date>"# + date + #")"# + itemReference + #"\s*:?\s*(?<rest>.*)$"#)
    nonisolated(unsafe) static let committeeItem = try! Regex(#"^(?<body>"# + body + #"),?\s+(?:den\s+)?(?<date>"# + date + #"),?\s+(?:pkt|punkt|sag)\.?\s*[0-9]+\s*:?\s*(?<rest>.*)$"#)
    /// "Social og Sundhed, 6. januar 2020, pkt. 123:": a committee named without "udvalg",
    /// known as a decision step by the date, the item reference and the colon.
    nonisolated(unsafe) static let namedStep = try! Regex(#"^(?<body>[A-ZÆØÅ][\p{L}]*(?:,?\s+(?:og\s+|&\s+)?[A-ZÆØÅ][\p{L}]*){0,5}),\s+(?<date>"# + date + #"),\s+(?:pkt|punkt)\.?\s*[0-9]+\s*:\s*(?<rest>.*)$"#)
    nonisolated(unsafe) static let history = try! Regex(#"^(?<date>[0-9]{1,2}-[0-9]{1,2}-[0-9]{4})\s+(?<body>[A-ZÆØÅ][\p{L} -]*?(?:udvalget|rådet|bestyrelsen|repræsentationen|[Bb]yråd)|Magistraten)\s*(?:[–-]\s*(?<rest>.+))?$"#)
    nonisolated(unsafe) static let undated = #/^(?:Beslutning|BESLUTNING|Beslutninger|Udvalgets beslutning|Byrådets beslutning|Kommunalbestyrelsens beslutning|Regionsrådets beslutning)(?![\p{L}])\s*:?\s*(.*)$/#
    /// "Beslutninger Handicaprådet den" / "Beslutning Økonomiudvalget den : Godkendt.": a step's
    /// header whose date a transcript dropped with its digits; the body named like one, "den"
    /// and nothing or a colon after it. The meeting's date is the step's.
    nonisolated(unsafe) static let bodyWithoutDate = try! Regex(#"^(?:Beslutning|Beslutninger)\s+(?<body>"# + MinutesVocabulary.bodyPattern + #")\s+den(?:\s*:\s*(?<rest>.*)|\s*)$"#)
    /// The same header at the start of a flattened page's text, the text going on after it.
    nonisolated(unsafe) static let bodyWithoutDateOpening = try! Regex(#"^(?:Beslutning|Beslutninger)\s+"# + MinutesVocabulary.bodyPattern + #"\s+den(?:\s*:|\s+[A-ZÆØÅ]|$)"#)

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
            && String(text.prefix(120)).prefixMatch(of: bodyWithoutDateOpening) != nil
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
            if line.hasASCIIDigit, let m = try? dated.wholeMatch(in: line) ?? namedDated.wholeMatch(in: line) {
                return make(body: m["body"]?.substring, date: m["date"]?.substring, rest: m["rest"]?.substring)
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
                    // "i Sundhedsudvalget den : Godkendt.": a transcript lost the date's digits, not the decision after it.
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
                if rest.hasSuffix(" den") || rest.containsBytes(" den :") || rest.containsBytes(" den:"), let m = try? bodyWithoutDate.wholeMatch(in: line) {
                    return make(body: m["body"]?.substring, date: nil, rest: m["rest"]?.substring)
                }
                // "Beslutningstema" and "Beslutningskompetence" are section headings, not decisions.
                if let c = rest.first, c.isLetter, !line.contains(":") { return nil }
                return DecisionHeader(body: nil, date: nil, inlineText: rest.isEmpty ? nil : rest)
            }
        }
        if first.isNumber, mayStartWithHistoryDate(line), let m = try? history.wholeMatch(in: line) {
            return make(body: m["body"]?.substring, date: m["date"]?.substring, rest: m["rest"]?.substring)
        }
        if first.isUppercase, line.containsBytes("s beslutning") || line.containsBytes("s behandling"), line.hasASCIIDigit,
           let m = try? genitive.wholeMatch(in: line) {
            return make(body: m["body"]?.substring, date: m["date"]?.substring, rest: m["rest"]?.substring)
        }
        if first.isUppercase, line.hasSuffix(":") || line.containsBytes(" Punkt ") || line.containsBytes(" punkt "), line.containsBytes("s møde "), line.hasASCIIDigit,
           let m = try? genitiveMeetingStep.wholeMatch(in: line), let body = m["body"]?.substring,
           MeetingHeaderParser.isBodyName(String(body)) {
            // The body's name alone: not "Følgende emner blev nævnt på Regionsrådet".
            return make(body: body, date: m["date"]?.substring, rest: m["rest"]?.substring)
        }
        if first.isUppercase, line.containsBytes("s beslutning"), line.utf8.count < 60, let m = line.wholeMatch(of: undated) {
            let rest = String(m.1)
            return DecisionHeader(body: genitiveBody(line), date: nil, inlineText: rest.isEmpty ? nil : rest)
        }
        if first.isUppercase, line.utf8.count < 140, line.hasASCIIDigit, line.containsBytes(", "),
           mentionsItemNumber(line) {
            if let m = try? committeeItem.wholeMatch(in: line) ?? namedStep.wholeMatch(in: line) {
                return make(body: m["body"]?.substring, date: m["date"]?.substring, rest: m["rest"]?.substring)
            }
        }
        // "Orienteringen blev taget til efterretning. Økonomiudvalg, 14. april 2031 Side 1": a
        // sentence before a page's running footer, not a body's name.
        if first.isUppercase, line.hasASCIIDigit, startsWithBodyAndComma(line), let m = try? committeeDated.wholeMatch(in: line),
           m["body"]?.substring.map({ !$0.contains(". ") }) ?? true {
            return make(body: m["body"]?.substring, date: m["date"]?.substring, rest: m["rest"]?.substring)
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
        return ["udvalget", "udvalg", "bestyrelsen", "rådet", "Byråd", "byråd", "Magistraten", "repræsentationen", "direktionen"].contains { head.hasSuffix($0) }
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

    private static func make(body: Substring?, date: Substring?, rest: Substring?) -> DecisionHeader? {
        let iso = date.flatMap { DanishDate.firstISO(in: String($0)) }
        guard iso != nil || date == nil else { return nil }
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
