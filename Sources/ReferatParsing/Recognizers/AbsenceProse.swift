import ReferatRecords
#if canImport(Glibc)
import Glibc
#endif

/// Absentees and non-participants written as sentences rather than as a labelled list.
///
///     Anna Holm og Per Berg (V) var fraværende.
///     Der er afbud fra Bo Lund, Eva Ny og Ib Krag.
///     Karen Bak (A) havde meldt afbud, og Ole Dam (A) deltog i stedet.
///     Pia Holm (V) og Jens Lund (O) deltog ikke i sagens behandling.
///
/// A line may hold several sentences; each is read on its own, and a person named as a
/// substitute ("… mødte som stedfortræder") is never taken for an absentee.
enum AbsenceProse {
    struct Found: Equatable {
        var absent: [Person] = []
        var notParticipating: [NonParticipant] = []
        var isEmpty: Bool { absent.isEmpty && notParticipating.isEmpty }
    }

    /// A name as minutes write it, with an optional party or remark in parentheses.
    private static let name = #"[A-ZÆØÅ][\p{L}'’-]*\.?"# + laterNameWords + "*" + #"(?:\s*\([^()]{0,40}\))?"#
    /// A name's words after the first: a capitalised word or an initial, perhaps after a
    /// particle ("Luis da Silva Martins").
    private static let laterNameWords = #"(?:\s+(?:(?:"# + MinutesVocabulary.nameParticles.joined(separator: "|") + #")\s+)?(?:[A-ZÆØÅ]\.|[A-ZÆØÅ][\p{L}'’-]*))"#
    private static let names = listedName + nameSeparator + listedName + ")*"
    /// A name in a list, whose surname the list may write in lower case ("Bo Berg, Gert winther og
    /// Eva Ny"): only where another name follows, since a lower-case word before the predicate
    /// is the sentence going on.
    private static let listedName = name + #"(?:\s+[a-zæøå][\p{L}'’-]{3,}(?=\s*(?:,|og\s)))?"#
    private static let nameSeparator = #"(?:(?:\s*(?:,|\bog\b|\bsamt\b)|\s+(?:ved|med)\s+afbud,?)\s*"#
    /// A name with its party or remark in parentheses, which marks where it ends.
    private static let partiedName = #"[A-ZÆØÅ][\p{L}'’-]*\.?"# + laterNameWords + "*" + #"\s*\([^()]{0,40}\)"#
    /// Names after an absence label, where a flattened table's column may also join them by a
    /// space after each party ("Fraværende: Eva Holm (A) Bo Berg (IA)"). Only after a label: in
    /// prose the same run is two sentences that lost their point ("I stedet deltog Eva Holm (A)
    /// Bo Berg (V) var fraværende").
    private static let nameRun = "(?:" + partiedName + #"(?:\s+"# + partiedName + ")+|" + name + ")"
    private static let labelledNames = nameRun + nameSeparator + nameRun + ")*"
    /// Names, then what they did: searched anywhere in a sentence ("…, da Bo Berg (V) var inhabil"),
    /// after an office or a header's label without its colon ("Bemærkninger Eva Holm forlod mødet …"),
    /// also a substitute called in vain ("1. suppleant Bo Berg var indkaldt, men mødte ikke frem").
    nonisolated(unsafe) static let listThenPredicate = try! Regex(
        #"(?:(?:Udvalgsmedlem|Medlem|Rådmand|Borgmester|Formand|Næstformand|Regionsrådsmedlem)(?:met|erne)?\s+|Bemærkninger:?\s+)?(?<names>"# + names + #")\s*[-–,]?\s+(?:(?:der|som)\s+)?(?:forlod mødet.{0,40}?\s+og\s+|var\s+indkaldt,?\s+men\s+)?(?<predicate>"#
            + (MinutesVocabulary.absentPredicates + MinutesVocabulary.notParticipatingPredicates)
                .sorted { $0.count > $1.count }.joined(separator: "|") + #")(?![\p{L}])(?<rest>.*)$"#)
    /// The predicates of `listThenPredicate`, each cut before its first character that other
    /// characters may equal (`literalNeedle`): a sentence the pattern matches holds one of them
    /// byte for byte. Most sentences with a predicate's stem ("fraværende" in a sentence about
    /// something else) hold none, and the unanchored pattern costs far more than these tests.
    static let predicateNeedles = ByteStemTable((MinutesVocabulary.absentPredicates + MinutesVocabulary.notParticipatingPredicates).map(literalNeedle))

    /// `absentExceptions` cut as `predicateNeedles` are: the guard before `exceptNames`.
    static let exceptionNeedles = ByteStemTable(MinutesVocabulary.absentExceptions.map(literalNeedle))

    /// The longest start of `phrase` that a pattern's literal can only match as the same bytes:
    /// a–z, space, æ and ø, which no other character or sequence of characters equals
    /// canonically (Swift's patterns compare characters so: "å" is also "a" and a ring,
    /// "K" also the Kelvin sign).
    static func literalNeedle(_ phrase: String) -> [UInt8] {
        Array(phrase.prefix { $0 == " " || $0 == "æ" || $0 == "ø" || ("a"..."z").contains($0) && $0.isASCII }.utf8)
    }

    nonisolated(unsafe) static let exceptNames = try! Regex(#"(?:"# + MinutesVocabulary.absentExceptions.joined(separator: "|") + #")\s+(?:fra\s+)?(?<names>"# + names + #")"#)
    /// "Afbud fra Eva Holm", also with the count first: "afbud fra 3 medlemmer Eva Holm, Bo Berg og Ib Lund".
    nonisolated(unsafe) static let afbudFra = try! Regex(#"(?:^|[\s(])(?:[Aa]fbud|[Ff]orfald|AFBUD)\s+fra\s+(?:[0-9]{1,2}\s+\p{Ll}*medlemmer\s+)?(?<names>"# + names + #")"#)
    /// An absence label inside a line, with the names after it.
    /// Absence labels in a row ("Fraværende: Afbud: Eva Holm") name the same people.
    nonisolated(unsafe) static let inlineLabel = try! Regex(#"\s(?:Fraværende|Ikke til stede|Afbud)\s*:\s*(?:(?:Fraværende|Ikke til stede|Afbud)\s*:\s*)?"# + meetingDay + #"?(?<names>"# + labelledNames + #")"#)
    /// The day of a meeting held over two days, before that day's names: "Fraværende: Den 8.
    /// juni 2027: Eva Holm (C). Den 9. juni 2027: Ingen."
    static let meetingDay = #"(?:[Dd]en\s+[0-9]{1,2}\.\s*(?:[a-zæøå]+\.?|[0-9]{1,2}\.?)\s*[0-9]{2,4}\s*:\s*)"#
    nonisolated(unsafe) static let leadingMeetingDay = try! Regex("^" + meetingDay)

    /// "stedfortræder for Bo Berg", "suppleant for Bo Berg": the one replaced was absent. One
    /// name each time: "A deltog som stedfortræder for B og C deltog som stedfortræder for D".
    /// "(midlertidigt for Bo Berg)" after a member in a list of members says the same.
    nonisolated(unsafe) static let replacedNames = try! Regex(#"(?:[Ss]tedfortræder|[Ss]uppleant|\([Mm]idlertidigt)\s+for\s+(?<name>"# + name + #")"#)
    /// "Eva Ny deltager i stedet for byrådsmedlem Bo Berg": one name each time, since such
    /// sentences pair people ("A i stedet for B, C i stedet for D").
    nonisolated(unsafe) static let insteadOf = try! Regex(#"[Ii] stedet for\s+(?:\p{Ll}*(?:medlem|mand|borgmester)\s+)?(?<name>"# + name + #")"#)
    /// "Bendt Holm (IA) suppleant deltager Niels Dam" in a list of members: the member whose
    /// substitute took part was absent.
    nonisolated(unsafe) static let substituteTakesPart = try! Regex(#"(?<name>[A-ZÆØÅ][\p{L}'’-]*(?:\s+(?:[A-ZÆØÅ]\.|[A-ZÆØÅ][\p{L}'’-]*)){1,3})\s*(?:\([\p{L}]{1,4}\)\s*)?[Ss]uppleant\s+deltager\b"#)
    /// "Bo Berg meddeler, at han ikke kan deltage i behandling af pkt. 6 grundet inhabilitet":
    /// someone who said he or she would not take part in an item.
    nonisolated(unsafe) static let saysCannotTakePart = try! Regex(#"(?<name>"# + name + #")\s+(?:meddeler|meddelte|oplyser|oplyste|tilkendegiver|tilkendegav),?\s+at\s+(?:han|hun)\s+ikke\s+(?:kan|kunne)\s+deltage\s+i\s+(?<rest>[^.]*(?:\.\s*[0-9][^.]*)*)"#)
    /// "Eva Holm (Afbud)" in a list of members; "Eva Holm (orlov)", a member on leave, whose
    /// substitute sits in her place; "Eva Holm (Deltog ikke i mødet fra punkt 12 til punkt 14.)",
    /// a header's remark on who stayed out of part of the meeting.
    nonisolated(unsafe) static let markedAbsent = try! Regex(#"(?<name>[A-ZÆØÅ][\p{L}'’-]*(?:\s+(?:[A-ZÆØÅ]\.|[A-ZÆØÅ][\p{L}'’-]*))+)\s*\((?<mark>[Aa]fbud|[Ff]raværende|[Ff]orfald|[Oo]rlov|[Dd]eltog ikke[^()]{0,80})\)"#)

    /// Whether `line` may say that someone was absent or did not take part: the guard before
    /// the patterns, from the words every predicate and label holds. Asked of nearly every
    /// line, so the line is read once, trying only the stems that start with each byte.
    static func mayMentionAbsence(_ line: String) -> Bool {
        stemTable.occurs(in: line)
    }

    /// The words of every absence predicate and label, the shortest form each is known by.
    static let absenceStems = [
        "fravær", "Fravær", "fbud", "eltog ikke", "eltager ikke", "ikke til stede", "j til stede", "inhabil", "forfald", "forhindre", "ikke mødt",
        "forlod mødet", "forlod lokalet", "undtagen", "udeblev", "mødte ikke", "stedfortræder for", "uppleant for", "uppleant deltager", "idlertidigt for", "kke kan deltage", "kke kunne deltage", " stedet for", "edvirkede ikke",
        "rlov)",
    ]

    static let stemTable = ByteStemTable(absenceStems)

    /// How far before a predicate its names may start, in characters: a council's list of nine
    /// or ten full names ("Bo Berg, Eva Ny, … og Ib Lund deltog ikke i pkt. 14-19") is this long.
    static let namesReach = 400

    /// Reads every sentence of `line`; nil when none names an absentee or non-participant.
    static func read(_ line: String) -> Found? {
        // A bare label ("Afbud:") is read by the list readers, not here.
        guard line.utf8.count > 12, mayMentionAbsence(line) else { return nil }
        var found = Found()
        // "… Side: 2 Fraværende: Eva Holm, Jens Lund. Til behandling forelå: …": a label inside
        // a line that a viewer flattened; the names run to the first word that is no name.
        // "Medlemmer: Fraværende: Jan Holm (A) Eva Ny (A) …": labels in a row head a table's
        // columns that the viewer ran together; the names after them are the first column's.
        if line.utf8.count > 40, line.containsBytes(": "), let m = try? inlineLabel.firstMatch(in: line), m.range.lowerBound > line.startIndex,
           !line[..<m.range.lowerBound].hasSuffix(":"), let list = m["names"]?.substring {
            var names = String(list)
            // "Afbud: Bo Berg og Eva Ny Note: Bilag …": the word before the next colon is that
            // label, no part of the last name.
            if line[list.endIndex...].hasPrefix(":"), let space = names.lastIndex(of: " ") { names = String(names[..<space]) }
            found.absent += people(names)
        }
        // "… NB. Fraværende Eva Holm, Bo Berg Stedfortræder Medlemmer …": a transcript's header row
        // without colons, the label's names running on up to the next label.
        if found.absent.isEmpty, line.utf8.count > 40, line.containsBytes(" Fraværende ") || line.containsBytes(" Afbud "), let names = namesBeforeNextLabel(line) {
            found.absent += people(names)
        }
        guard line.isShorter(than: 1_000) else {
            // A transcript's page is one long line, and its header says near the start who sent
            // apologies ("1 Referat af bestyrelsesmøde … Afbud fra Eva Holm, Bo Berg. Dagsorden 1. …"):
            // only the start's sentences are read for that.
            if found.isEmpty, line.containsBytes("fbud fra ") {
                for sentence in sentences(String(line.prefix(600))) where sentence.containsBytes(" fra ") || sentence.hasPrefix("Afbud fra") {
                    if let m = try? afbudFra.firstMatch(in: sentence), let list = m["names"]?.substring {
                        found.absent += people(String(list))
                        break
                    }
                }
            }
            return found.isEmpty ? nil : found
        }
        for sentence in sentences(line) where sentence.utf8.count > 8 {
            if sentence.containsBytes(" fra "), let m = try? afbudFra.firstMatch(in: sentence), let list = m["names"]?.substring {
                found.absent += people(String(list))
                continue
            }
            if sentence.containsBytes("(Afbud") || sentence.containsBytes("(afbud") || sentence.containsBytes("(Fravær") || sentence.containsBytes("(fravær")
                || sentence.containsBytes("(Forfald") || sentence.containsBytes("(forfald") || sentence.containsBytes("rlov)")
                || sentence.containsBytes("(Deltog ikke") || sentence.containsBytes("(deltog ikke") {
                let marked = sentence.matches(of: markedAbsent)
                for m in marked {
                    guard let name = m["name"]?.substring else { continue }
                    // "Bo Berg Hans Ole Dam (afbud) Eva Ny Kaj Lund (afbud)": a flattened list that
                    // lost its commas runs several members into the words before each mark, and
                    // which of them make the absentee's name is not known (as `PeopleParser.person`).
                    let words = name.split(separator: " ").count
                    if words >= 5 || words == 4 && marked.count >= 2 { continue }
                    // "Bo Berg (Deltog ikke i mødet fra punkt 12 til punkt 14.)": the mark is the reason.
                    let mark = (m["mark"]?.substring).map { String($0).lowercased().stripping(". ") } ?? ""
                    found.absent.append(Person(name: String(name), reason: mark == "orlov" || mark.hasPrefix("deltog") ? mark : "afbud"))
                }
            }
            // Only where someone came in the absentee's place ("er indkaldt som stedfortræder for …"),
            // not in a title such as "Indkaldelse af stedfortræder for …".
            let cameInstead = sentence.containsBytes("indkaldt") || sentence.containsBytes("mødte") || sentence.containsBytes("deltog")
                || sentence.containsBytes("deltager") || sentence.containsBytes("indtræder")
            // A list of members that marks a stand-in after the name: "Jørgen Kruse, Suppleant for
            // Sakio Holm, (S)".
            let marksStandIn = sentence.containsBytes(", Suppleant for ") || sentence.containsBytes(", suppleant for ")
                || sentence.containsBytes(", Stedfortræder for ") || sentence.containsBytes(", stedfortræder for ")
                || sentence.containsBytes("(midlertidigt for ") || sentence.containsBytes("(Midlertidigt for ")
            if cameInstead || marksStandIn, sentence.containsBytes(" for "), !sentence.containsBytes(" stedet for") {
                for m in sentence.matches(of: replacedNames) {
                    if let one = m["name"]?.substring { found.absent += people(String(one)) }
                }
            }
            if sentence.containsBytes(" deltage i "), let m = try? saysCannotTakePart.firstMatch(in: sentence), let one = m["name"]?.substring {
                let rest = String(m["rest"]?.substring ?? "")
                let reason = rest.contains("inhabil") ? "inhabil" : PeopleParser.reasonText(rest)
                found.notParticipating += people(String(one)).map { NonParticipant(name: $0.name, party: $0.party, reason: reason) }
                continue
            }
            if sentence.containsBytes("uppleant deltager") {
                for m in sentence.matches(of: substituteTakesPart) {
                    if let one = m["name"]?.substring { found.absent += people(String(one)) }
                }
            }
            // Someone came to the meeting in another's place, not a seat filled on a board.
            if cameInstead, sentence.containsBytes(" stedet for") {
                for m in sentence.matches(of: insteadOf) {
                    if let one = m["name"]?.substring { found.absent += people(String(one)) }
                }
            }
            if exceptionNeedles.occurs(in: sentence), let m = try? exceptNames.firstMatch(in: sentence), let list = m["names"]?.substring {
                found.absent += people(String(list))
                continue
            }
            // The names stand right before what they did: search from a little before it, not from
            // every position of a long sentence.
            guard let at = predicateStart(in: sentence), predicateNeedles.occurs(in: sentence) else { continue }
            let from = sentence.index(at, offsetBy: -min(Self.namesReach, sentence.distance(from: sentence.startIndex, to: at)))
            guard let m = try? listThenPredicate.firstMatch(in: sentence[from...]),
                  let list = m["names"]?.substring, let predicate = m["predicate"]?.substring else { continue }
            let who = people(String(list), lowerSurnames: true)
            let p = String(predicate)
            if MinutesVocabulary.absentPredicates.contains(p) {
                found.absent += who
            } else {
                let rest = String(m["rest"]?.substring ?? "")
                // "… forlod mødet kl. 20.25 og vendte tilbage kl. 21.10": away for a while, not gone.
                if p == "forlod mødet", rest.contains("tilbage") { continue }
                let reason = p.contains("inhabil") || rest.contains("inhabil") ? "inhabil" : PeopleParser.reasonText(rest)
                found.notParticipating += who.map { NonParticipant(name: $0.name, party: $0.party, reason: reason) }
            }
        }
        // "… stilling til, at Bo Berg (C) ikke var inhabil": a ruling that someone may take part.
        if !found.notParticipating.isEmpty, line.containsBytes("ikke var inhabil") || line.containsBytes("ikke er inhabil") || line.containsBytes("ikke inhabil") {
            let cleared = line.matches(of: notInhabil).compactMap { $0["names"]?.substring }.flatMap { people(String($0)) }.map(\.name)
            found.notParticipating.removeAll { cleared.contains($0.name) }
        }
        return found.isEmpty ? nil : found
    }

    nonisolated(unsafe) static let notInhabil = try! Regex(#"(?<names>"# + names + #")\s+ikke\s+(?:var\s+|er\s+)?inhabile?\b"#)

    /// A member line with what they did: "• Bo Berg (O) - Afbud", "Eva Ny: Deltog ikke",
    /// "Ib Holm (O), 1. næstformand - afbud", and a board's list by name and initials with the
    /// status in parentheses, "Eva Dam – ED (afbud)".
    nonisolated(unsafe) static let memberStatus = try! Regex(#"^(?:•\s*)?(?<name>[A-ZÆØÅ][\p{L}'’-]*"# + laterNameWords + #"+)(?:\s*\([^()]{0,20}\))?(?:(?:,\s*[^:–()-]{1,40}?)?\s*[:–-]\s*|\s*[–-]\s*[A-ZÆØÅ]{2,4}\s*\()(?<status>[Aa]fbud|[Ff]raværende|[Ff]orfald|[Ii]kke til stede|[Dd]eltog ikke)\b(?<rest>.*)$"#)
    /// A status line that belongs to the member on the line before: "• Deltog ikke under punkterne
    /// 20-21", "• Ikke til stede" (the rest may be empty: the caller says when that is a status).
    /// "Afbud/Fraværende" is the heading of a list.
    nonisolated(unsafe) static let bareStatus = #/^(?:•\s*)?(?:[Dd]eltog ikke|[Aa]fbud|[Ff]raværende|[Ff]orfald|[Ii]kke til stede)\b(?!\/)(.*)$/#

    /// Reads a member line that says what the member did; nil for other lines.
    static func member(_ line: String) -> Found? {
        // "Susan Holm Afbud", "Theo Lund/Elevrådsnæstformand Afbud": a roster on Aula that
        // writes the status after the name, a space between.
        if line.hasSuffix(" Afbud"), line.isShorter(than: 80), !line.contains(":") {
            let head = String(line.dropLast(6)).stripping(" -–")
            let name = head.split(separator: "/", maxSplits: 1).first.map(String.init) ?? head
            if name.split(separator: " ").count >= 2, let person = PeopleParser.person(name), person.name == name.stripping(" ") {
                return Found(absent: [Person(name: person.name, party: person.party, reason: "afbud")])
            }
        }
        guard line.isShorter(than: 200), mayMentionAbsence(line), let m = try? memberStatus.wholeMatch(in: line),
              let name = m["name"]?.substring, let status = m["status"]?.substring else { return nil }
        let person = PeopleParser.person(String(line.prefix { $0 != ":" && $0 != "–" }).replacing(" -", with: "")) ?? Person(name: String(name))
        if status.lowercased() == "deltog ikke", let rest = m["rest"]?.substring, !rest.contains("mødet") {
            return Found(notParticipating: [NonParticipant(name: person.name, party: person.party, reason: PeopleParser.reasonText(String(rest)))])
        }
        return Found(absent: [Person(name: person.name, party: person.party, reason: status.lowercased() == "afbud" ? "afbud" : nil)])
    }

    /// Where the first absence or non-participation predicate starts in `sentence`.
    static func predicateStart(in sentence: String) -> String.Index? {
        // On bytes: the earliest offset where a stem starts.
        var copy = sentence
        let offset: Int? = copy.withUTF8 { bytes in
            var first: Int?
            for stem in predicateStems {
                guard let at = bytes.firstOffset(of: stem, before: first ?? bytes.count) else { continue }
                first = at
            }
            return first
        }
        return offset.map { sentence.utf8Index($0) }
    }

    static let predicateStems: [[UInt8]] = ["fravær", "afbud", "forfald", "deltog", "deltager", "til stede", "mødt", "inhabil", "forhindre", "udeblev", "forlod", "medvirkede"].map { Array($0.utf8) }

    /// The people of a list, without those named as substitutes.
    /// `lowerSurnames`: the list is the names before a predicate (`listThenPredicate`), which may
    /// hold a surname in lower case.
    static func people(_ list: String, lowerSurnames: Bool = false) -> [Person] {
        // "Eva Ny (V) mødte som stedfortræder" is a substitute; "Ole Lund (stedfortræder: Eva Ny)" is absent.
        // "Lars Holm ved afbud Eva Ny ved afbud": the reason after each name parts the list.
        let list = list.containsBytes(" afbud ") ? list.replacing(reasonBetweenNames, with: ", ") : list
        let plain = PeopleParser.withoutSubstitutes(list)
        // "Bo Berg, Gert winther og Eva Ny": a first name and a surname in lower case is a name
        // as printed, among the others of the list (`listedName`).
        // Only among two full names or more, so that a sentence's start before a comma
        // ("Formanden orienterede, Bo Berg …") is no name.
        if lowerSurnames, plain.firstMatch(of: lowerSurnameInList) != nil {
            let parts = PeopleParser.splitList(plain)
            let full = parts.compactMap { $0.wholeMatch(of: firstNameLowerSurname) == nil ? PeopleParser.person($0) : nil }
            if full.filter({ $0.name.split(separator: " ").count >= 2 }).count >= 2 {
                return parts.compactMap { part in
                    part.wholeMatch(of: firstNameLowerSurname) != nil ? Person(name: part) : PeopleParser.person(part)
                }.filter(isAbsentee)
            }
        }
        return PeopleParser.people(inList: plain).filter(isAbsentee)
    }

    /// A first name and a lower-case surname, then another name of the list.
    nonisolated(unsafe) static let lowerSurnameInList = #/[A-ZÆØÅ][\p{Ll}]+\s+[a-zæøå][\p{L}'’-]{3,}(?:\s*,|\s+og\s)/#
    nonisolated(unsafe) static let firstNameLowerSurname = #/[A-ZÆØÅ][\p{Ll}-]+\s+[a-zæøå][\p{L}'’-]{3,}/#

    /// "ved afbud" or "med afbud" between two names of a list.
    nonisolated(unsafe) static let reasonBetweenNames = #/\s+(?:ved|med)\s+afbud,?\s+(?=\p{Lu})/#

    /// False for a person whose remark says they came ("mødte som stedfortræder", "deltog i
    /// stedet", "indkaldt"); "deltog ikke i mødet" is an absentee's remark.
    static func isAbsentee(_ person: Person) -> Bool {
        guard let reason = person.reason?.lowercased() else { return true }
        if reason.contains("deltog ikke") || reason.contains("mødte ikke") { return true }
        // "ankom til mødet kl. 18.10": a late arrival, who took part from then on.
        return !(reason.contains("mødte") || reason.contains("deltog") || reason.contains("i stedet") || reason.contains("indkaldt")
            || reason.hasPrefix("ankom"))
    }

    /// Whether a point stands right before a capital letter ("Petersen.Rådmand"): sentences
    /// glued where a page lost a space. Checked on bytes; Æ, Ø and Å start with 0xC3.
    static func hasGluedSentence(_ line: String) -> Bool {
        var previous: UInt8 = 0
        for byte in line.utf8 {
            if previous == 0x2E, byte >= 0x41 && byte <= 0x5A || byte == 0xC3 { return true }
            previous = byte
        }
        return false
    }

    /// Labels of a meeting header that may follow the absentees' names in a header row.
    static let headerLabels = [" Stedfortræder", " Stedfortrædere", " Medlemmer", " Deltagere", " Mødedeltagere", " Bemærkninger", " Sted ",
                               // The contents that follow the header on a transcript's first page.
                               " Indholdsfortegnelse", " INDHOLDSFORTEGNELSE"]
    nonisolated(unsafe) static let onlyNames = try! Regex("^" + names + "$")

    /// The names between "Fraværende" (or "Afbud") and the next header label on the same line,
    /// when that text is names and nothing else.
    static func namesBeforeNextLabel(_ line: String) -> String? {
        guard let label = line.firstRange(of: " Fraværende ") ?? line.firstRange(of: " Afbud ") else { return nil }
        let after = line[label.upperBound...].prefix(300)
        guard let end = headerLabels.compactMap({ after.firstRange(of: $0)?.lowerBound }).min() else { return nil }
        var chunk = String(after[..<end]).stripping(" ,")
        // "Klaus Holm (hjkh) V, Eva Ny (hjevny) A": each member's login, then the party.
        if chunk.containsBytes(") ") { chunk = chunk.replacing(loginAndParty) { " (\($0.1))" } }
        guard !chunk.isEmpty, chunk.wholeMatch(of: onlyNames) != nil else { return nil }
        return chunk
    }

    /// A member's login or initials in parentheses and the party's letters after it, as a
    /// transcript of an SBSYS header prints a member: "Klaus Holm (hjkh) V", "Eva Ny (EN) Ø".
    nonisolated(unsafe) static let loginAndParty = #/\s*\((?:[a-zæøå]{2,8}|[A-ZÆØÅ]{2,5})\)\s+([A-ZÆØÅ]{1,2})(?=\s*,|\s*$|\s+og\s)/#

    /// Splits a line into sentences at ". " or "; " before a capital letter, but not after an
    /// initial ("N. J. Ottesen"), an abbreviation of one or two letters, or a given name
    /// abbreviated inside a name ("Jens Chr. Holm").
    static func sentences(_ line: String) -> [String] {
        // Most lines are one sentence: no point, semicolon or colon followed by a space.
        if !line.containsBytes(". "), !line.containsBytes("; "), !line.containsBytes(": "), !Self.hasGluedSentence(line) {
            let one = line.stripping(".;: ")
            return one.isEmpty ? [] : [one]
        }
        var out: [String] = []
        var current = ""
        let chars = Array(line)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            current.append(c)
            if c == ".", i + 1 < chars.count, chars[i + 1].isUppercase, chars[i + 1].isLetter,
               current.dropLast().reversed().prefix(while: { $0.isLetter }).count > 3 {
                // "… deltog Bo Berg.Rådmand Eva Ny forlod mødet": a space lost between sentences.
                out.append(current.stripping(" "))
                current = ""
            } else if c == ".", i + 5 < chars.count, chars[i + 1] == " ", chars[i + 2].isASCII, chars[i + 2].isNumber, chars[i + 3] == ".", chars[i + 4] == " ",
                      chars[i + 5].isLowercase, current.dropLast().reversed().prefix(while: { $0.isLetter }).count > 3 {
                // "… havde meldt afbud. 1. suppleant Bo Berg var indkaldt …": a sentence that opens
                // with an ordinal after a word's point.
                out.append(current.stripping(" "))
                current = ""
            } else if c == "." || c == ";" || c == ":", i + 2 < chars.count, chars[i + 1] == " ", chars[i + 2].isUppercase {
                // The word before the point: an initial or a short abbreviation does not end a sentence.
                let word = current.dropLast().reversed().prefix { $0.isLetter }
                let afterParenthesis = current.dropLast().last == ")"
                // "… fraværende under punkt 13. Curt Holm …": a number after a word ends a sentence,
                // also after an abbreviated word ("… deltog ikke under pkt. 18. Curt Holm …").
                let digits = current.dropLast().reversed().prefix { $0.isASCII && $0.isNumber }
                let wordBeforeNumber = current.dropLast(digits.count + 1).reversed().drop { $0 == " " }.drop { $0 == "." }.prefix { $0.isLetter }
                let afterNumber = !digits.isEmpty && current.dropLast(digits.count + 1).last == " " && wordBeforeNumber.count > 2
                // A given name abbreviated inside a name ("Jens Chr. Holm") is not a sentence's end either.
                let nameAbbreviation = MinutesVocabulary.givenNameAbbreviations.contains(String(word.reversed()))
                if c != "." || afterParenthesis || afterNumber || !nameAbbreviation && (word.count > 2 || word.first?.isLowercase == true && word.count > 1) {
                    out.append(current.stripping(" "))
                    current = ""
                }
            }
            i += 1
        }
        if !current.isEmpty { out.append(current.stripping(" ")) }
        return out.map { $0.stripping(".;: ") }.filter { !$0.isEmpty }
    }
}
