import ReferatRecords

/// Reads the meeting header before the first item: labelled lines or one line of prose.
///
///     Dato: 4. marts 2019        Tidspunkt: 17:00        Lokale: Byrådssalen
///     Referat til mødet i Byrådet den 6. april 2016 kl. 17:00 i Byrådssalen
enum MeetingHeaderParser {
    static let labels: [(String, Field)] = [
        ("mødedato", .date), ("dato", .date), ("tid og sted", .date), ("starttidspunkt", .time), ("tidspunkt", .time), ("mødetidspunkt", .time),
        ("sluttidspunkt", .endTime), ("lokale", .place), ("mødested", .place), ("mødelokale", .place), ("sted", .place),
        ("udvalg", .body), ("mødeforum", .body), ("forum", .body), ("kategori", .body), ("medlemmer", .members), ("mødedeltagere", .members),
        ("deltagere", .members), ("tilstede", .members), ("til stede", .members),
        ("bemærkninger", .remarks),
    ]

    enum Field { case date, time, endTime, place, body, members, remarks }

    /// A committee named by its areas alone ("Arbejdsmarked, Erhverv, Kultur og Turisme", as
    /// Stevns names its committees): up to eight words, each capitalised but "og", the areas
    /// apart by commas or "og"; no digit.
    static func namesAreas(_ value: String) -> Bool {
        let words = value.split(separator: " ")
        guard (2...8).contains(words.count), value.containsBytes(" og ") || value.containsBytes(","), !value.contains(where: \.isNumber) else { return false }
        return words.allSatisfy { word in word == "og" || word == "&" || word.first?.isUppercase == true && word.dropLast(word.hasSuffix(",") ? 1 : 0).allSatisfy { $0.isLetter || $0 == "-" } }
    }

    /// Words that end like a body's name but name none on their own.
    static let genericBodyWords: Set<String> = ["udvalg", "udvalget", "rådet", "råd", "bestyrelsen", "bestyrelse", "direktionen", "udvalgene"]

    /// Labels of a members' list that may stand alone on their line, the list on the next.
    static let bareMembersLabels: Set<String> = ["mødedeltagere", "deltagere", "medlemmer"]

    /// Labels that may be followed by a space instead of a colon.
    static let spacedLabels: Set<String> = ["udvalg", "mødedato", "mødested", "mødetidspunkt", "mødedeltagere", "mødeforum"]

    /// Words around a body's name and a date in a header line ("Byrådet – Referat – 1. oktober 2018").
    static let headerWords: Set<String> = [
        "referat", "dagsorden", "beslutningsprotokol", "fra", "af", "for", "til", "møde", "mødet", "i", "den", "kl", "kl.",
        "ordinært", "ekstraordinært", "ordinære", "ekstraordinære", "-", "–", "•", "|", ",", "samlet", "dokument", "type", "hent", "download",
        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "åbent", "åben",
        "dagsordener", "referater", "dagsordenpunkter", "dagsordenspunkter", "d.", "d", "nr", "nr.",
    ]

    /// The titles of the items that approve the agenda or the last minutes, which name the
    /// record without being its header: a page's running header before such a title
    /// ("Handicaprådet Mødedato Side Godkendelse af dagsorden", family E1) is the item's start.
    static let approvalTitles = ["godkendelse af dagsorden", "godkendelse af referat", "godkendelse af åben dagsorden", "godkendelse af den åbne dagsorden"]

    /// A running header's page number: " Side: 3", " Side 12".
    nonisolated(unsafe) static let runningPageNumber = #/,?\s+Side:?\s*[0-9]{1,3}(?![0-9])/#

    /// A short header line naming the body and the date, or the kind of record with a date:
    /// "Byrådet 22-11-2016", "Økonomiudvalget – Referat – 1. oktober 2018", "24. april 2023 -
    /// referat fra byrådet", "Referat • 25. marts 2025 kl. 17.00", "Byrådet - Referat".
    static func bodyAndDate(_ raw: String) -> (body: String?, date: String?)? {
        // "Økonomiudvalget 17. juni 2031 Side: 5 SAGER TIL …": a page's running header names the
        // meeting before its page number; what follows is the page's.
        var text = raw
        if raw.containsBytes(" Side"), let side = raw.firstMatch(of: runningPageNumber) { text = String(raw[..<side.range.lowerBound]) }
        guard text.isShorter(than: 110), let first = text.first, first.isLetter || first.isNumber else { return nil }
        var rest = text
        var date: String?
        if text.hasASCIIDigit, let found = DanishDate.first(in: text) {
            date = found.iso
            rest = String(text[..<found.range.lowerBound]) + " " + String(text[found.range.upperBound...])
        }
        var lower = rest.lowercased()
        if MinutesVocabulary.newsOpenings.contains(where: { lower.hasPrefix($0) }) { return nil }
        // "Godkendelse af dagsorden" is an item's title, not the record's name.
        // Every title starts with these words: most lines are turned away on bytes.
        if lower.containsPlain("godkendelse af ") {
            for title in approvalTitles where lower.contains(title) { lower = lower.replacing(title, with: "") }
        }
        let namesRecord = lower.containsPlain("referat") || lower.containsPlain("dagsorden") || lower.containsPlain("beslutningsprotokol")
        // Neither a date nor the record's name: nothing to read, whatever the words are.
        guard date != nil || namesRecord else { return nil }
        var words: [Substring] = []
        for word in rest.split(whereSeparator: { $0 == " " || $0 == "," }) {
            let w = word.lowercased().stripping(".:")
            // "for" joins a body named by its task ("Referat til Udvalget for Kultur og Fritid").
            let joinsTask = w == "for" && words.last.map { ["udvalget", "udvalg"].contains($0.lowercased()) } == true
            if headerWords.contains(w) && !joinsTask || w.allSatisfy({ $0.isNumber || $0 == ":" || $0 == "." }) { continue }
            words.append(word)
        }
        var name = words.joined(separator: " ")
        // "Det fælles landdistriktsråd - Dagsordener og referater": the joining word of the dropped part.
        if name.hasSuffix(" og") { name = String(name.dropLast(3)) }
        if !name.isEmpty {
            // "Ekstraordinært Ældrerådsmøde – Referat 14. december 2018": the meeting as one word,
            // where the line names the record (a news page lists "Byrådsmøde 4. februar 2019").
            if words.count == 1, namesRecord, let body = MinutesVocabulary.bodyOfMeetingCompound(name) { return (body, date) }
            if words.count <= 6, MinutesVocabulary.endsLikeBody(name), !name.lowercased().hasSuffix("området") {
                return (name.prefix(1).uppercased() + name.dropFirst(), date)
            }
            // More words than a name: the body's name inside them ("Referat. fra Økonomiudvalget").
            guard namesRecord, let m = rest.firstMatch(of: bodyInLine) else { return nil }
            let body = String(m.1).stripping(" ,")
            guard !body.isEmpty, !body.lowercased().hasSuffix("området") else { return nil }
            return (body.prefix(1).uppercased() + body.dropFirst(), date)
        }
        return date != nil && namesRecord ? (nil, date) : nil
    }

    /// "Referat til mødet i Byrådet den 6. april 2016 kl. 17:00 i Byrådssalen", and a line that
    /// opens with the meeting: "Møde i Kommunalbestyrelsen mandag den 25. september 2006, kl. 17
    /// i Kommunalbestyrelsens mødesal", also as a transcript's first page, after its page
    /// number and with the time's digits lost ("1 Møde i Kommunalbestyrelsen mandag den 28.
    /// november 2005, Kl i Kommunalbestyrelsens mødesal REFERAT …").
    nonisolated(unsafe) static let prose = #/(?i)(?:(?:referat|dagsorden|beslutningsprotokol)\s+(?:til|fra|for)\s+(?:det\s+)?(?:ordinære\s+|ekstraordinære\s+)?(?:møde|mødet)|^(?:[0-9]{1,3}\s+)?(?:ordinært\s+|ekstraordinært\s+)?møde)\s+i\s+(.+?)\s+(?:(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\s+)?(?:den|d\.)\s+((?:[0-9]{1,2}\.?\s*[a-zæøå]+\.?\s+[0-9]{4})|(?:[0-9]{1,2}[-./][0-9]{1,2}[-./][0-9]{2,4}))(?:,?\s+kl\.?(?:\s*([0-9]{1,2}(?:[:.][0-9]{2})?))?)?(?:,?\s+(?:i|på)\s+(.+))?$/#
    nonisolated(unsafe) static let clock = #/([0-9]{1,2})[:.]([0-9]{2})/#
    nonisolated(unsafe) static let ended = #/(?i)mødet\s+(?:sluttede|afsluttet|hævet|hævedes|slut)\s+(?:kl\.\s*)?([0-9]{1,2}[:.][0-9]{2})/#

    /// Parses `lines` (the part before the first item); nil when nothing there describes a meeting.
    /// "Økonomiudvalgets møde den 21. januar 2026": a body's genitive, then "møde"; the body's
    /// term may stand before the genitive's "s" ("Økonomiudvalget 2026 - 2029s møde den …"). A body
    /// named by its fields alone ("Kultur og fritids møde den 6. marts 2028", "Børn, unge og
    /// fritids møde den …", as some municipalities name their committees) counts when the date follows.
    nonisolated(unsafe) static let genitiveMeeting = #/^(?:(?:Referat|Dagsorden|Beslutningsprotokol)\s+(?:af|fra|for|til)\s+)?((?:[A-ZÆØÅ][\p{L}-]*\s+(?:og\s+|for\s+)?)*[A-ZÆØÅ][\p{L}-]*(?:udvalget|rådet|bestyrelsen|repræsentationen|Magistraten|Byråd|byråd)|[A-ZÆØÅ][\p{L}-]*(?:(?:,\s+|\s+og\s+)[\p{L}-]+){1,3}(?=s\s+møde\s+den\s+[0-9]))(?:\s+[0-9]{4}\s*[-–]\s*[0-9]{4})?s\s+(?:ordinære\s+|ekstraordinære\s+)?møde\b/#

    /// False when `text` cannot match `prose`: every match holds "møde" (in either case; "ø"
    /// and "Ø" have no other form) and a date's ASCII digits. The pattern is searched
    /// from every position of every line before the first item.
    static func mayBeProse(_ text: String) -> Bool {
        text.hasASCIIDigit && (text.containsBytes("ø", where: Self.isMøde) || text.containsBytes("Ø", where: Self.isMøde))
    }

    /// Whether the "ø" or "Ø" that ends at `end` is the one of "møde" in any case: "m" or "M"
    /// before it, "d" or "D" and "e" or "E" after it (no other character equals these letters,
    /// whatever the case).
    static func isMøde(_ end: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        end >= 3 && end + 2 <= bytes.count && bytes[end - 3] | 0x20 == 0x6D && bytes[end] | 0x20 == 0x64 && bytes[end + 1] | 0x20 == 0x65
    }

    /// False when `text` cannot match `genitiveMeeting`, which holds "møde" (see `mayBeProse`).
    static func mayBeGenitiveMeeting(_ text: String) -> Bool {
        text.containsBytes("møde")
    }

    static func parse(_ lines: [SourceLine]) -> Meeting? {
        // Mutable for a label's value on the next line, read as the label's (see below).
        var lines = lines
        var meeting = Meeting()
        var found = false
        // A prose header broken over short lines: "Referat / til / mødet i Odense Byråd / den 6. april 2016 kl. 17:00".
        let opening = lines.prefix(12).filter { !$0.isBlank }.prefix(6)
        if opening.count >= 3, opening.allSatisfy({ $0.text.isShorter(than: 70) }) {
            let joined = opening.map(\.text).joined(separator: " ")
            if mayBeProse(joined), let m = joined.firstMatch(of: prose) {
                meeting.body = cleanBody(String(m.1))
                meeting.date = DanishDate.firstISO(in: String(m.2))
                if let t = m.3 { meeting.time = time(String(t)) }
                found = meeting.date != nil
            }
        }
        var i = 0
        var lastContent: String?
        // The body of "Kultur og fritids møde den …", which `cleanBody` would not take for one.
        var namedByFields: String?
        while i < lines.count {
            let text = lines[i].text
            i += 1
            if text.isEmpty { continue }
            defer { lastContent = text }
            if meeting.date == nil, text.utf8.first?.isASCIIDigit == true, let date = datedRecordOpening(text) {
                meeting.date = date
                found = true
            }
            if mayBeProse(text), let m = text.firstMatch(of: prose) {
                // "Møde i regionsrådet den 16. januar 2024": the name as a name.
                let raw = String(m.1)
                meeting.body = meeting.body ?? cleanBody(raw.prefix(1).uppercased() + raw.dropFirst()) ?? raw
                meeting.date = meeting.date ?? DanishDate.firstISO(in: String(m.2))
                if let t = m.3 { meeting.time = meeting.time ?? time(String(t)) }
                // A transcript's first page runs on after the place: no place then.
                if let p = m.4, p.isShorter(than: 80) { meeting.place = meeting.place ?? String(p).stripping(". ") }
                found = true
                continue
            }
            // Labels stacked without values ("Deltagere:" / "Fraværende:" / names): a table
            // lost its columns, and the names below are the first label's, not this one's.
            // Two absence labels in a row ("Fraværende:" / "Afbud:") both name absentees.
            if let (_, rest) = PeopleParser.absenceLabel(text), rest.isEmpty, let previous = lastContent, previous.hasSuffix(":"),
               PeopleParser.absenceLabel(previous) == nil, labelled(previous) != nil || previous.isShorter(than: 25) {
                // "Medlemmer:" / "Fraværende:" / both columns' names: the members named twice are absent.
                if MergedMemberColumns.isMembersLabel(previous), let next = lines[i...].first(where: { !$0.isBlank }) {
                    meeting.addAbsent(MergedMemberColumns.absentees(in: next.text[...]))
                }
                continue
            }
            // "Sted Medlemmer Fraværende Byrådssalen, Anna Holm, …": the row and its columns on one line.
            if let absent = MergedMemberColumns.absentees(inRow: text), !absent.isEmpty {
                meeting.addAbsent(absent)
                found = true
            }
            // "• Ikke til stede" under a member's bulleted line that says nothing of its own ("• Anne
            // Holm (direktør)"): that member's status. "• Afbud" there is the label over the names
            // below (Region Syddanmark's lists).
            if text.hasPrefix("•"), let previous = lastContent, previous.hasPrefix("•"), !previous.containsBytes(" - "),
               let m = text.wholeMatch(of: AbsenceProse.bareStatus), m.1.isEmpty, text.lowercased().contains("ikke til stede"),
               let person = PeopleParser.person(previous), PeopleParser.absenceLabel(previous) == nil {
                meeting.absent.append(Person(name: person.name, party: person.party))
                continue
            }
            if let list = AbsenceList.read(lines, at: i - 1) {
                meeting.addAbsent(list.absent)
                meeting.addNotParticipating(list.notParticipating)
                found = found || !list.absent.isEmpty
                i = list.next
                continue
            }
            if let status = AbsenceProse.member(text) {
                meeting.addAbsent(status.absent)
                meeting.notParticipating += status.notParticipating
                found = true
                continue
            }
            // "• Deltog ikke under punkterne 20-21" under a member's line is about that member.
            if let m = text.wholeMatch(of: AbsenceProse.bareStatus), !m.1.isEmpty, let previous = lastContent, let person = PeopleParser.person(previous),
               PeopleParser.absenceLabel(previous) == nil {
                if text.lowercased().contains("deltog ikke") {
                    meeting.notParticipating.append(NonParticipant(name: person.name, party: person.party, reason: PeopleParser.reasonText(String(m.1))))
                } else {
                    meeting.absent.append(Person(name: person.name, party: person.party))
                }
                continue
            }
            if let prose = AbsenceProse.read(text) {
                meeting.addAbsent(prose.absent)
                meeting.addNotParticipating(prose.notParticipating)
                found = true
            }
            // "Mødedeltagere" / "Anne Holm, Bo Berg, …": the label alone on its line without a colon
            // (a viewer's column header), its list of names on the next. ("Medlemmer:" with its
            // colon is read with the absence lists that may follow it.)
            if text.isShorter(than: 16), !text.contains(":"), Self.bareMembersLabels.contains(text.lowercased()),
               let next = lines[i...].firstIndex(where: { !$0.isBlank }), lines[next].text.containsBytes(", ") {
                let members = PeopleParser.people(inList: lines[next].text)
                if members.count >= 2 {
                    meeting.members += members
                    found = true
                    i = next + 1
                    continue
                }
            }
            // "Dato:" / "Tirsdag, 7 december, 2031 - 17:00": the label's value on the next line.
            if meeting.date == nil, text.isShorter(than: 12), ["dato:", "mødedato:"].contains(text.lowercased()),
               let next = lines[i...].first(where: { !$0.isBlank }), next.text.isShorter(than: 80), let date = DanishDate.firstISO(in: next.text) {
                meeting.date = date
                found = true
                continue
            }
            // "Udvalg" / "Arbejdsmarked, Erhverv og Kultur": a label alone on its line (a glued
            // label that `RunInHeadings` put on a line of its own, a table's cell), its value on the next.
            if text.isShorter(than: 20), labelled(text) == nil, let (field, _) = labelled(text + ": x"), field == .body || field == .place,
               let next = lines[i...].firstIndex(where: { !$0.isBlank }), next <= i + 1,
               lines[next].text.isShorter(than: 120), labelled(lines[next].text) == nil, !lines[next].text.contains(":") {
                lines[next].text = text.stripping(": ") + ": " + lines[next].text
                continue
            }
            guard let (field, value) = labelled(text) else {
                if meeting.body == nil, isBodyName(text) { meeting.body = text; found = true }
                if meeting.body == nil, text.utf8.count < 200, mayBeGenitiveMeeting(text), let m = text.firstMatch(of: genitiveMeeting) {
                    // A body named by its fields ("Kultur og fritid") ends like no body: it stands as printed.
                    meeting.body = cleanBody(String(m.1)) ?? String(m.1)
                    if cleanBody(String(m.1)) == nil { namedByFields = String(m.1) }
                    meeting.date = meeting.date ?? DanishDate.firstISO(in: text)
                    found = true
                    continue
                }
                if let header = bodyAndDate(text) {
                    meeting.body = meeting.body ?? header.body.flatMap(cleanBody)
                    meeting.date = meeting.date ?? header.date
                    found = true
                } else if meeting.date == nil, text.isShorter(than: 120), text.hasASCIIDigit, let date = standaloneDate(text) {
                    meeting.date = date
                    found = true
                }
                continue
            }
            found = true
            switch field {
            case .date:
                meeting.date = meeting.date ?? DanishDate.firstISO(in: value)
                if meeting.time == nil, value.contains("kl") { meeting.time = time(value) }
            case .time:
                meeting.time = meeting.time ?? time(value)
                let times = value.matches(of: clock)
                if times.count >= 2 { meeting.endTime = "\(pad(times[1].1)):\(times[1].2)" }
            case .endTime: meeting.endTime = time(value)
            case .place: meeting.place = meeting.place ?? value
            case .body:
                // A labelled body ("Udvalg: Byrådet") is more certain than one guessed from a title line.
                if Self.namesAreas(value) {
                    // The label says it is the committee, which no body word in the name does: it
                    // stands as printed.
                    meeting.body = value.stripping("|:,. ")
                    namedByFields = meeting.body
                } else if MinutesVocabulary.endsLikeBody(value) || value.split(separator: " ").count <= 3 && !value.contains(" Type ") {
                    meeting.body = cleanBody(value) ?? meeting.body
                }
            case .members:
                var members = PeopleParser.people(inList: value)
                while i < lines.count, let p = PeopleParser.person(lines[i].text), !lines[i].text.contains(":") {
                    members.append(p)
                    i += 1
                }
                meeting.members += members
            case .remarks:
                // The line's prose may have been read already: one person is listed once.
                if let (_, rest) = PeopleParser.absenceLabel(value) { meeting.addAbsent(PeopleParser.people(inList: rest)) }
                else if let prose = AbsenceProse.read(value) { meeting.addAbsent(prose.absent) }
            }
        }
        meeting.body = meeting.body.flatMap { $0 == namedByFields ? $0 : cleanBody($0) }
        return found ? meeting : nil
    }

    /// The council a header speaks of only in a compound ("Du kan følge byrådsmødet
    /// direkte", "Kommunalbestyrelsesmødet begynder kl. 17"): the body whose meeting it is,
    /// for items that name no body of their own. A news page speaks the same way, so this
    /// never decides what a document is.
    static func bodyOfMeetingWord(_ lines: [SourceLine]) -> String? {
        for line in lines.prefix(40) where line.text.containsBytes("møde") || line.text.containsBytes("Møde") {
            // "Konstituerende møde i Kommunalbestyrelsen": a title that names the body, its date on a line of its own.
            if line.text.isShorter(than: 80), let m = line.text.wholeMatch(of: meetingInBody), MinutesVocabulary.endsLikeBody(String(m.1)) {
                return String(m.1)
            }
            for word in line.text.split(whereSeparator: { !$0.isLetter }) where word.count > 9 {
                if let body = MinutesVocabulary.bodyOfMeetingCompound(word) { return body }
            }
            if line.text.lowercased().contains("borgerrepræsentationens møde") { return "Borgerrepræsentationen" }
        }
        return nil
    }

    /// A meeting's title of the kind of meeting and the body: "Konstituerende møde i Kommunalbestyrelsen".
    nonisolated(unsafe) static let meetingInBody = #/^(?:[A-ZÆØÅ][a-zæøå]+\s+)?[Mm]øde\s+i\s+((?:[A-ZÆØÅ][\p{L}-]*\s+(?:og\s+|for\s+)?)*[A-ZÆØÅ][\p{L}-]*)$/#

    /// A body's name as a header gave it, made plain: "Beslutning i Forretningsudvalget" and
    /// "ORDINÆRT MØDE I FORRETNINGSUDVALGET" → "Forretningsudvalget"; a label or a cell border
    /// alone ("UDVALG", "|") is no name.
    /// An election period after a body's name: " (18-21)", " 2022-2025".
    nonisolated(unsafe) static let electionPeriod = #/\s*(?:\([0-9–-]+\)|[0-9]{4}\s*[-–]\s*[0-9]{2,4})$/#

    static func cleanBody(_ raw: String) -> String? {
        var name = raw.stripping("|:,. ")
        // "Forretningsudvalget 2022-2025", "Økonomiudvalget (18-21)": the election period is not the name.
        if let m = name.firstMatch(of: electionPeriod) { name = String(name[..<m.range.lowerBound]) }
        if name.count > 3, name == name.uppercased() { name = name.prefix(1) + name.dropFirst().lowercased() }
        // Already taken for a body: a short name that ends like one stands, lower-case words and all
        // ("Udvalget for teknik og miljø", "Det fælles landdistriktsråd", "Økonomi-, teknik- og miljøudvalget").
        let plainName = name.split(separator: " ").count <= 5 && !name.contains(where: \.isNumber) && name.first?.isUppercase == true
            && MinutesVocabulary.endsLikeBody(name) && !name.replacing("-,", with: "-").contains(",") && !name.contains(".")
        if !(isBodyName(name) || plainName) || name.hasPrefix("Beslutning") || name.hasPrefix("Referat") {
            guard let m = name.firstMatch(of: bodyInLine) else { return nil }
            let words = String(m.1).stripping(" ,").split(separator: " ")
            // The capitalised name at the end: "Møde i Forretningsudvalget" → "Forretningsudvalget".
            let notName: Set<String> = ["beslutning", "møde", "mødet", "referat", "dagsorden", "ordinært", "ekstraordinært", "kommune", "region"]
            let tail = words.reversed().prefix { word in
                !notName.contains(word.lowercased().stripping(".,:")) && (word.first?.isUppercase == true || ["og", "for", "i"].contains(word) || word.hasSuffix("-"))
            }
            name = tail.reversed().drop { ["og", "for", "i"].contains($0) }.joined(separator: " ")
        }
        if genericBodyWords.contains(name.lowercased()) && name != "Byråd" { return nil }
        guard !name.isEmpty else { return nil }
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    /// The date after a "Mødedato:" label anywhere in a short line: a document site's title
    /// that copies the header's fields ("Møde nr.: 9 Mødedato: 14. april 2031 Mødevarighed:").
    static func labelledDate(_ text: String) -> String? {
        guard text.isShorter(than: 160), text.hasASCIIDigit, let label = text.firstRange(of: "Mødedato:") else { return nil }
        // The date is the label's value: only header words ("Onsdag den") stand before it.
        return standaloneDate(String(text[label.upperBound...].prefix(40)))
    }

    /// A page's first line naming its meeting and its date: "Rådsmøde 27.09.2022",
    /// "Menighedsrådsmøde tirsdag den 4. maj 2027", "Ekstraordinært bestyrelsesmøde 3/5 2027".
    /// The word names the body ("Byrådsmøde" → "Byrådet") or only what kind of body met
    /// ("Rådsmøde": `kind` is "rådet", a council the text names, see `council(ending:in:)`).
    /// Only a page of items is read so: a news page lists such lines too. The line may go on
    /// with the meeting's time, place and who came ("Referat af bestyrelsesmøde onsdag d. 7.
    /// november 2027 kl. 19.30 i Klubhuset. Tilstede: …", a board's own minutes on one line).
    /// A place may stand between the word and the date ("Referat af bestyrelsesmøde på
    /// Nordby Skole den 6. maj 2027"); after a plain "møde" the body does ("15. møde i
    /// Vejforum den 3. juni 2027, kl. 10 efterfulgt af …", "R e f e r a t MØDE Sønderby
    /// Ældreråd. Torsdag den 4. juni 2027 kl", a transcript's title running into its fields).
    static func meetingTitle(_ text: String) -> (body: String?, kind: String?, date: String)? {
        guard text.hasASCIIDigit, text.containsBytes("øde") || text.containsBytes("ØDE") else { return nil }
        let head = text.isShorter(than: 160) ? text : String(text.prefix(160))
        guard let found = DanishDate.first(in: head) else { return nil }
        let words = head[..<found.range.lowerBound].split(separator: " ").map { $0.stripping(".:,\"()") }.filter { !$0.isEmpty }
        guard let k = words.firstIndex(where: { let w = $0.lowercased(); return w.hasSuffix("møde") || w.hasSuffix("mødet") }) else { return nil }
        let word = words[k]
        guard word.first?.isLetter == true else { return nil }
        // Before the meeting: the record's name, an ordinal ("15. møde"), letters spaced out ("R e f e r a t").
        guard words[..<k].allSatisfy({ headerWords.contains($0.lowercased()) || $0.allSatisfy(\.isNumber) || $0.count == 1 }) else { return nil }
        let rest = words[(k + 1)...].filter { $0 == "i" || $0 == "på" || !headerWords.contains($0.lowercased()) && !$0.allSatisfy(\.isNumber) }
        var stem = word.lowercased()
        if stem.hasSuffix("t") { stem.removeLast() }
        let plain = stem == "møde"
        var body: String?
        if let first = rest.first {
            // "på Nordby Skole", "i Klubhuset": after a word naming the body, a place; after "møde", "i" names the body.
            let named = first == "i" || first == "på" ? rest.dropFirst() : rest[...]
            guard !named.isEmpty, named.count <= 5, named.allSatisfy({ $0.first?.isUppercase == true || ["og", "for", "i"].contains($0) }) else { return nil }
            let name = named.joined(separator: " ")
            if plain {
                guard first == "i" || MinutesVocabulary.endsLikeBody(name), first != "på" else { return nil }
                body = cleanBody(name) ?? name
            } else if first != "i" && first != "på" {
                return nil
            }
        }
        if let body { return (body, nil, found.iso) }
        if let body = MinutesVocabulary.bodyOfMeetingCompound(word) { return (body, nil, found.iso) }
        guard !plain else { return nil }
        stem.removeLast(4)
        if stem.hasSuffix("s") { stem.removeLast() }
        let kind = MinutesVocabulary.definiteEndings.first { $0.0 == stem }.map { $0.0 + $0.1 }
        return (nil, kind, found.iso)
    }

    /// The council of a kind the text names most often, for a meeting titled by its kind alone
    /// ("Rådsmøde" over items saying "Menighedsrådet godkendte …"): a word ending in `kind`
    /// ("menighedsrådet", "menighedsrådets"), named at least twice and more often than any other.
    static func council(ending kind: String, in lines: [SourceLine]) -> String? {
        var counts: [String: Int] = [:]
        for line in lines where line.text.lowercased().contains(kind) {
            for word in line.text.split(whereSeparator: { !$0.isLetter }) {
                var lower = word.lowercased()
                if lower.hasSuffix(kind + "s") { lower.removeLast() }
                guard lower.hasSuffix(kind), lower.count > kind.count, MinutesVocabulary.endsLikeBody(lower) else { continue }
                counts[lower, default: 0] += 1
            }
        }
        let ranked = counts.sorted { $0.value > $1.value }
        guard let best = ranked.first, best.value >= 2, ranked.count == 1 || ranked[1].value < best.value else { return nil }
        return best.key.prefix(1).uppercased() + best.key.dropFirst()
    }

    /// The body that met on `date`, from a line elsewhere that names both ("Kommunalbestyrelsen
    /// den 30. august 2022", "Beslutning i Byrådet den 30-08-2022"), for headers that give only the date.
    static func body(meetingOn date: String, in lines: [SourceLine]) -> String? {
        for line in lines where line.text.hasASCIIDigit && line.text.isShorter(than: 140) {
            guard let found = DanishDate.first(in: line.text), found.iso == date else { continue }
            let before = String(line.text[..<found.range.lowerBound])
            if let header = DecisionHeader.parse(line.text), let body = header.body.flatMap(cleanBody) { return body }
            if let m = before.firstMatch(of: bodyInLine), let body = cleanBody(String(m.1)), MinutesVocabulary.endsLikeBody(body) { return body }
        }
        return nil
    }

    nonisolated(unsafe) static let agendaOf = #/[Dd]agsorden(?:en)?\s+(?:for|til)\s+/#

    /// Words between "dagsorden for" and the body's name or the date that name neither.
    static let agendaMeetingWords: Set<String> = [
        "mødet", "møde", "dagens", "i", "den", "d", "d.", "det", "ordinære", "ekstraordinære", "åbne", "lukkede", "kl", "kl.",
    ]

    /// The meeting as the item approving its agenda names it, for pages whose header names
    /// neither body nor date: "Godkendelse af åben dagsorden for KB den 22. januar 2027",
    /// "Godkendelse af dagsorden til byrådsmøde d. 3. maj 2027", "… til dagens møde i
    /// Kommunalbestyrelsen", "… til mødet den 29. april 2027". `lines` are the first item's.
    static func namedByAgendaApproval(_ lines: ArraySlice<SourceLine>) -> (body: String?, date: String?)? {
        for line in lines where line.text.containsBytes("agsorden") && line.text.isShorter(than: 300) {
            guard let m = line.text.firstMatch(of: agendaOf) else { continue }
            var tail = String(line.text[m.range.upperBound...].prefix(90))
            var date: String?
            if tail.hasASCIIDigit, let found = DanishDate.first(in: tail) {
                date = found.iso
                tail = String(tail[..<found.range.lowerBound])
            } else if let end = tail.firstIndex(where: { $0 == "." || $0 == "," || $0 == ":" }) {
                tail = String(tail[..<end])
            }
            let words = tail.split(separator: " ").filter { !agendaMeetingWords.contains($0.lowercased()) }
            let name = words.joined(separator: " ")
            var body: String?
            if let expanded = MinutesVocabulary.bodyAbbreviations[name] {
                body = expanded
            } else if let first = words.first, let council = MinutesVocabulary.bodyOfMeetingCompound(first) {
                body = council
            } else if !name.isEmpty, isBodyName(name) {
                body = name
            }
            // Any other words are the agenda's subject, not a meeting ("… til download").
            guard body != nil || date != nil && name.isEmpty else { continue }
            return (body, date)
        }
        return nil
    }

    /// Splits "Dato: 4. marts 2019" or "UDVALG Økonomiudvalget" into a field and its value.
    static func labelled(_ text: String) -> (Field, String)? {
        let lower = text.lowercased()
        for (label, field) in labels where lower.hasPrefix(label) {
            let after = text.dropFirst(label.count)
            guard let sep = after.first, sep == ":" || sep == " " || sep == "." else { continue }
            // Without a colon only capitals labels count ("UDVALG Økonomiudvalget"), and the
            // labels no sentence starts with ("Udvalg Byrådet", "Mødedato 4. marts 2019").
            if sep != ":" && text.prefix(label.count) != text.prefix(label.count).uppercased()
                && !(Self.spacedLabels.contains(label) && text.isShorter(than: 90)) { continue }
            let value = String(after).stripping(":. ")
            if !value.isEmpty { return (field, value) }
        }
        return nil
    }

    /// A line that is only a body's name: "Økonomiudvalget", "Udvalget for teknik og miljø".
    static func isBodyName(_ text: String) -> Bool {
        guard text.isShorter(than: 60), !text.contains(where: \.isNumber), text.first?.isUppercase == true, !text.hasPrefix("Beslutning") else { return false }
        // Every word capitalised but the joining ones: "Børne- og Ungeudvalget", "Udvalget for Teknik og Miljø".
        let words = text.split(separator: " ")
        // A heading or label alone ("Udvalg", "Rådet") names no body.
        if genericBodyWords.contains(text.lowercased()) { return false }
        let namedByTask = text.hasPrefix("Udvalget for ") || text.hasPrefix("Udvalg for ")
        guard words.count <= 7, !text.contains(","), !text.contains("."), !words.contains(where: { ["kommune", "region", "møde", "referat"].contains($0.lowercased()) }),
              namedByTask || words.allSatisfy({ $0.first?.isUppercase == true || ["og", "for", "i", "&"].contains($0) || $0.hasSuffix("-") }) else { return false }
        // "Temadag for Integrationsrådet" is about a body, not one: before "for" or "i" stands a body.
        if !namedByTask, let joint = words.firstIndex(where: { $0 == "for" || $0 == "i" }),
           !MinutesVocabulary.endsLikeBody(words[..<joint].joined(separator: " ")) { return false }
        return MinutesVocabulary.endsLikeBody(text)
    }

    /// A body's name inside a header line: "TÅRNBY KOMMUNE. Referat til Kommunalbestyrelsen" → "Kommunalbestyrelsen".
    nonisolated(unsafe) static let bodyInLine = #/((?:[A-ZÆØÅ][\p{L}]*-?,?\s+(?:(?:og|for|i)\s+)?)*(?:[A-ZÆØÅ][\p{L}-]*)?(?:[Uu]dvalget|[Uu]dvalg|[Bb]estyrelsen|[Rr]ådet|[Bb]yråd|[Rr]epræsentationen|Magistraten|[Dd]irektionen))(?![\p{L}])/#

    /// A transcript's first page that opens with the date and the record's name, after the
    /// page's number: "1 26. januar 2031 Referat Deltagelse Til stede: …" (a board's own minutes).
    static func datedRecordOpening(_ text: String) -> String? {
        let head = String(text.prefix(40))
        guard let found = DanishDate.first(in: head), head[..<found.range.lowerBound].allSatisfy({ $0.isNumber || $0 == " " }) else { return nil }
        let word = head[found.range.upperBound...].drop { $0 == " " }.prefix { $0.isLetter }.lowercased()
        return word == "referat" || word == "dagsorden" || word == "beslutningsprotokol" ? found.iso : nil
    }

    /// "Mandag den 16. marts 2015", "Kl. 17:00 den 4/3 2019": a line that is a date and little else.
    static func standaloneDate(_ text: String) -> String? {
        guard let found = DanishDate.first(in: text) else { return nil }
        // Only header words before the date ("Tirsdag den", "Den"); a place may follow it.
        let before = text[..<found.range.lowerBound].lowercased()
        let words = before.split(separator: " ").filter { !headerWords.contains(String($0)) && !$0.allSatisfy { $0.isNumber || $0 == ":" || $0 == "." } }
        return words.isEmpty ? found.iso : nil
    }

    /// Whether `text` is a prose meeting header ("Referat fra mødet i Byrådet den 6. april 2016").
    static func prose(_ text: String) -> Bool {
        mayBeProse(text) && text.isShorter(than: 200) && text.firstMatch(of: prose) != nil
    }

    static func time(_ text: String) -> String? {
        guard let m = text.firstMatch(of: clock) else { return nil }
        return "\(pad(m.1)):\(m.2)"
    }

    private static func pad(_ s: Substring) -> String { s.count == 1 ? "0" + s : String(s) }

    /// "Mødet sluttede kl. 21.33" anywhere in the document.
    static func endTime(in lines: [SourceLine]) -> String? {
        for line in lines.reversed() where line.text.containsBytes("ødet") {
            if let m = line.text.firstMatch(of: ended) { return time(String(m.1)) }
        }
        return nil
    }
}

extension Meeting {
    /// Adds people to the meeting's absentees, each name once. A name cut short where a
    /// transcript broke off ("Kaj E." beside "Kaj E. Holm") is the same person: the
    /// longer name is kept.
    mutating func addAbsent(_ people: [Person]) {
        for person in people {
            if let k = absent.firstIndex(where: { Self.samePerson($0.name, person.name) }) {
                if person.name.count > absent[k].name.count { absent[k].name = person.name }
                continue
            }
            absent.append(person)
        }
    }

    /// Whether two names found for the meeting are one person: equal, or one is the other's
    /// beginning up to a word's end ("Kaj E." or "Kaj E" and "Kaj E. Holm").
    static func samePerson(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard short.contains(" "), long.hasPrefix(short) else { return false }
        let next = long[long.index(long.startIndex, offsetBy: short.count)]
        return short.hasSuffix(".") || next == " " || next == "." && short.split(separator: " ").last?.count == 1
    }

    /// Adds people to those who did not take part, each name once.
    mutating func addNotParticipating(_ people: [NonParticipant]) {
        for person in people where !notParticipating.contains(where: { $0.name == person.name }) { notParticipating.append(person) }
    }
}
