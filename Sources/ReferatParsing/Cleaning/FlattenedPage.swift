import ReferatRecords

/// Breaks a PDF page that a viewer flattened into one paragraph back into lines.
///
///     2 1. Godkendelse af dagsorden Åben sag Sagsnr.: 13/104 Fraværende: Afbud: Bo Berg RESUMÉ …
///     → 1. Godkendelse af dagsorden / Åben sag / Sagsnr.: 13/104 / Fraværende: / Afbud: Bo Berg / RESUMÉ / …
///
/// Document-sharing sites publish minutes as such transcripts: every line break of the PDF is
/// gone, so labels, headings and item numbers stand inside the text. Only a long line with
/// several of these markers is taken for a flattened page: an ordinary paragraph has at most
/// one of them.
enum FlattenedPage {
    /// Labels that open a field, with their colon.
    static let labels = [
        "Punkt:", "Acadre sagsnr.:", "Sagsnr.:", "Sagsnr:", "Sagsid.:", "Sagsid:", "Journalnr.:", "J.nr.:", "Dok.nr.:", "Sagsforløb:",
        "Mødedato:", "Tid og sted:", "Mødetidspunkt:", "Mødested:", "Mødelokale:", "Sluttidspunkt:", "Starttidspunkt:", "Deltagere:", "Afbud:",
        "Fraværende:", "Ikke til stede:", "Medlemmer:", "Sagsansvarlig enhed:", "Sagsansvarlig:", "Sagsbehandler:", "Bemærkninger:", "Initialer:",
        "Kompetence:", "Beslutningskompetence:", "Sagen afgøres i:", "Sagsbeh:", "Sagsbeh.:",
        // The contents after a header ("Fraværende: Bo Berg Følgende sager behandles: Pkt. Tekst Side 1 …"):
        // no list of people goes on past it.
        "Følgende sager behandles:",
    ]

    /// Headings that stand before the text they open.
    static let headings = [
        "RESUMÉ", "Resumé", "Resume", "SAGSFREMSTILLING", "Sagsfremstilling", "Baggrund", "INDSTILLING", "Indstilling",
        "BESLUTNING", "Beslutning", "Bilag", "Lovgrundlag", "Vurdering", "Økonomiske konsekvenser", "INDHOLDSFORTEGNELSE",
        "Indholdsfortegnelse", "Åben sag", "Lukket sag", "Sagsresume", "Beslutningstema", "Sagsbeskrivelse",
    ]

    /// Labels and headings, each with whether its bytes settle that it is absent (see `String.isPlainNeedle`).
    static let allMarkers = (labels + headings).map { ($0, String.isPlainNeedle($0)) }

    /// An item number inside the text: " 12. Godkendelse", " 1. ØU - Orientering".
    nonisolated(unsafe) static let itemNumber = #/\s([0-9]{1,3}\.\s+[A-ZÆØÅ][\p{Ll}]|[0-9]{1,3}\.\s+[A-ZÆØÅ]{2,3}\s+[-–]\s)/#
    nonisolated(unsafe) static let firstLetteredPoint = #/\s(a\)\s+[A-ZÆØÅ])/#

    /// A body's step with its date and the item's number: "Økonomiudvalget den 25. oktober 2027,
    /// pkt. 3", "Kommunalbestyrelsens møde 28. november 2027 Punkt 1:".
    nonisolated(unsafe) static let stepReference = #/(?:[A-ZÆØÅ][\p{L}-]*(?:udvalget|bestyrelsen|rådet|[Bb]yrådet)\s+den\s+[0-9]{1,2}\.\s+[a-zæøå]+\s+[0-9]{4},\s+pkt\.\s*[0-9]{1,3}|[A-ZÆØÅ][\p{L}-]*(?:udvalgets|bestyrelsens|rådets)\s+møde\s+[0-9]{1,2}\.\s+[a-zæøå]+\s+[0-9]{4}\s+Punkt\s+[0-9]{1,3}:)/#

    /// The page number a transcript puts before each page, perhaps with the page's own
    /// footer: "2 Økonomiudvalget …", "3 Side 1 1. ØU - …".
    nonisolated(unsafe) static let pagePrefix = #/^[0-9]{1,3}(?:\s+Side\s+[0-9]{1,3})?(?:\s+(?=\S)|$)/#

    /// Identity labels whose values a transcript lost with the digits, after an item's title.
    static let lostIdentityLabels = ["Sagsnr", "Sagsid", "J.nr", "J. nr"]

    /// A page's number, then an item's label and number: "2 Punkt 88 Budget …", "3 Pkt. 4. Velkomst …".
    nonisolated(unsafe) static let labelledItemPage = #/^[0-9]{1,3}\s+(?<item>(?:Punkt|Pkt\.)\s*[0-9]{1,3}\.?\s+[A-ZÆØÅ])/#

    /// An item's label and number, and where its title starts: "Punkt 1. ", "Pkt. 4 ".
    nonisolated(unsafe) static let labelNumber = #/^(?:Punkt|Pkt\.)\s*(?<number>[0-9]{1,3})\.?\s+/#

    /// An item number at the start of a page, perhaps after a running header's word ("Refer 1. …").
    nonisolated(unsafe) static let leadingItemNumber = #/^(?:[A-ZÆØÅ][\p{L}]*\s+)?[0-9]{1,3}\.\s+[A-ZÆØÅ]/#

    /// An item number without its point, its title and the item's identity label, at the start
    /// of a page: "71 Ny aflastningsplads Sagsnr.:13/1171 Sagen afgøres i: …". The label settles
    /// that the number is an item's, where one marker alone is too few for a flattened page.
    nonisolated(unsafe) static let leadingIdentifiedItem = #/^[0-9]{1,3}\s+[A-ZÆØÅ][^:]{2,160}?\s(?:Sagsnr\.?|Sagsid\.?|J\.nr\.):/#

    /// A one-letter mark between a page's number and its item's title ("4 P Budget 2012
    /// Sagsfremstilling …", a transcript whose items carry a type code instead of a number).
    /// "I" and "Å" are words, so they are no mark.
    nonisolated(unsafe) static let leadingTypeLetter = #/^[A-HJ-ZÆØ]\s+[A-ZÆØÅ][\p{Ll}]/#

    /// A page's running header and a group heading in capitals before the item that opens the
    /// page: "Kommunalbestyrelsen 29. januar 2031 Side: 3 TIL KOMMUNALBESTYRELSENS AFGØRELSE 562.
    /// Title …". The item starts a line even where the page holds no label or heading.
    nonisolated(unsafe) static let runningHeaderThenItem = #/^[A-ZÆØÅ][\p{L}-]*(?:\s+[\p{L}-]+){0,4}\s+[0-9]{1,2}\.\s+[a-zæøå]+\s+[0-9]{4}\s+Side:?\s*[0-9]{1,3}(?:\s+af\s+[0-9]{1,3})?\s+(?:[A-ZÆØÅ-]{2,}\s+){0,6}(?<item>[0-9]{1,3}\.\s+[A-ZÆØÅ])/#

    /// Where the item starts on a page that opens with its number, running header and group
    /// heading (`runningHeaderThenItem`).
    static func itemAfterRunningHeader(_ text: String) -> String.Index? {
        guard let page = text.firstMatch(of: pagePrefix) else { return nil }
        return text[page.range.upperBound...].prefix(200).firstMatch(of: runningHeaderThenItem)?.output.item.startIndex
    }

    /// Where a sentence stating an outcome starts after a list of names on a flattened page:
    /// a capitalised word followed by a lower-case one ("… Karin Tved Orienteringen taget til
    /// efterretning."), whose sentence `OutcomeClassifier` reads as a decision. A name's next
    /// word is capitalised, or the sentence after it is none ("Bo Berg deltog som suppleant").
    static func outcomeAfterNames(_ piece: String) -> String.Index? {
        var from = piece.startIndex
        while let space = piece[from...].firstIndex(of: " ") {
            from = piece.index(after: space)
            guard piece[from...].first?.isUppercase == true else { continue }
            let words = piece[from...].split(separator: " ", maxSplits: 2)
            guard words.count >= 2, words[1].first?.isLowercase == true, !MinutesVocabulary.nameParticles.contains(String(words[1])),
                  piece[..<space].contains(" ") else { continue }
            let rest = piece[from...]
            let sentence = rest.firstRange(of: ". ").map { String(rest[..<$0.upperBound]) } ?? String(rest)
            if OutcomeClassifier.stated.contains(OutcomeClassifier.classify(sentence)) { return from }
        }
        return nil
    }

    /// A transcript page that is one item, with no label or heading in it: the page's number,
    /// the item's number and title, and the item's text run on after the title ("3 1.
    /// Konstituering. I henhold til … 1", one PDF page an item).
    nonisolated(unsafe) static let itemPage = #/^[0-9]{1,3}\s+(?<item>[0-9]{1,3})\.\s+(?=[A-ZÆØÅ])/#

    /// The lines (by index) that are such item pages: only where two of them go on from one
    /// item's number to the next, which a page that only opens with a numbered sentence does not.
    static func itemPages(_ lines: [String]) -> Set<Int> {
        var found: [(index: Int, item: Int)] = []
        for (i, line) in lines.enumerated() where line.utf8.count >= 40 && line.utf8.first?.isASCIIDigit == true {
            if let m = line.prefixMatch(of: itemPage), let item = Int(m.output.item) { found.append((i, item)) }
        }
        let numbers = Set(found.map(\.item))
        let following = found.filter { numbers.contains($0.item + 1) || numbers.contains($0.item - 1) }
        return following.count >= 2 ? Set(following.map(\.index)) : []
    }

    /// An item page cut into its numbered title and its text: the title ends at its first
    /// sentence's point ("Konstituering. I henhold …"), or, with no point near, before a
    /// capitalised word after a lower-case one ("Oplæg om sundhedshuse Kim Holm og …"). Nil
    /// where neither is found within a title's length.
    static func splitItemPage(_ line: String) -> [String]? {
        guard let m = line.prefixMatch(of: itemPage) else { return nil }
        return splitTitle(line, number: m.output.item, body: line[m.range.upperBound...])
    }

    /// A numbered title and the minutes run in after it, in `line` from `body` on: the title
    /// ends at its first sentence's point, or before a name or a stray mark after a lower-case
    /// word, or, in plain minutes (`minutes`), before a recommendation's clause ("… vækstdagsorden
    /// at Rådet drøfter …") or a name said again ("… ved Bo Berg Bo Berg fortalte …"). A sentence
    /// of up to `sentenceLimit` characters may be a long title.
    static func splitTitle(_ line: String, number: Substring, body: Substring, sentenceLimit: Int = 160, minutes: Bool = false) -> [String]? {
        let words = body.split(separator: " ", omittingEmptySubsequences: true)
        var sentenceEnd: Substring.Index?
        var length = 0
        for (k, word) in words.enumerated() {
            length += word.count + 1
            if length > sentenceLimit { break }
            // "mål. Sundhedsudvalget": a word of three letters or more, or a year, closes a sentence;
            // "pr.", "2." and "stk." do not.
            let stem = word.dropLast()
            if word.hasSuffix("."), stem.count >= 3 && stem.allSatisfy(\.isLetter) || stem.count == 4 && stem.allSatisfy(\.isNumber), k + 1 < words.count,
               words[k + 1].first?.isUppercase == true, !["stk.", "pkt.", "bl.a."].contains(word.lowercased()) {
                sentenceEnd = word.endIndex
                break
            }
        }
        var nameStart: Substring.Index?
        length = 0
        for k in words.indices.dropFirst() {
            length += words[k - 1].count + 1
            if length > 120 { break }
            let before = words[k - 1]
            // In plain minutes a word in capitals after the first ("kommende EU-midler") is no name.
            if words[k].first?.isUppercase == true, k >= 2, before.count >= 4, before.allSatisfy({ $0.isLetter && $0.isLowercase }),
               !CaseSegmenter.danglingWords.contains(String(before)), !minutes || words[k].dropFirst().first?.isLowercase == true {
                nameStart = before.endIndex
                break
            }
            guard minutes, k >= 1 else { continue }
            // "Godkendelse af dagsorden (B) Rådet godkendte …": a title's closing mark, then the text.
            if before.hasSuffix(")"), before.hasPrefix("(") || words[..<k].contains(where: { $0.hasPrefix("(") }), words[k].first?.isUppercase == true,
               words[k].dropFirst().first?.isLowercase == true {
                nameStart = before.endIndex
                break
            }
            // "Velkomst Formanden bød velkommen …": a title of one word, then a sentence.
            if k == 1, before.count >= 4, before.allSatisfy(\.isLetter), words.count > 2, words[1].first?.isUppercase == true,
               words[1].dropFirst().allSatisfy({ $0.isLowercase }), words[2].allSatisfy({ $0.isLetter && $0.isLowercase }),
               !CaseSegmenter.danglingWords.contains(String(words[2])) {
                nameStart = before.endIndex
                break
            }
            guard k >= 2 else { continue }
            // "Regional vækstdagsorden at Vækstforum drøfter …": the recommendation opens the text.
            if before == "at", words[k].first?.isUppercase == true, words[k - 2].last?.isLetter == true {
                nameStart = words[k - 2].endIndex
                break
            }
            // "… ved Bo Berg Bo Berg fortalte …": the title's last name opens the text.
            if let said = (2...3).first(where: { n in k >= 2 * n && (0..<n).allSatisfy { words[k - n + $0] == words[k - 2 * n + $0] }
                                                  && words[(k - n)..<k].allSatisfy { $0.first?.isUppercase == true } }) {
                nameStart = words[k - said - 1].endIndex
                break
            }
        }
        // A short first sentence is the title; a long one has the text run into it, which
        // starts where a name or a stray mark follows a lower-case word.
        let short = sentenceEnd.map { body.distance(from: body.startIndex, to: $0) <= 90 } ?? false
        // Plain minutes' titles have no point of their own: the text starts at whichever comes first.
        var end = minutes ? [nameStart, sentenceEnd].compactMap { $0 }.min() : short ? sentenceEnd : nameStart ?? sentenceEnd
        // Plain minutes' title and text too long to be read as a title, with nothing to say where
        // the title ends: the title is its first words, up to a capital after the first line's worth.
        if end == nil, minutes, !body.isShorter(than: 200) {
            length = 0
            for k in words.indices.dropFirst() {
                length += words[k - 1].count + 1
                if length > 120 { break }
                if length > 60, words[k].first?.isUppercase == true { end = words[k - 1].endIndex }
            }
        }
        guard let end else { return nil }
        let title = String(body[..<end]).stripping(" .")
        let rest = minutes ? String(line[end...].drop { $0 == "." || $0 == " " }) : String(line[end...]).stripping(". ")
        guard !title.isEmpty, !rest.isEmpty else { return nil }
        return [number + ". " + title, rest]
    }

    /// Plain minutes flattened into one line: titles numbered on in order, each with its
    /// minutes run in after it ("… 1. Godkendelse af dagsorden Dagsordenen blev godkendt. 2.
    /// Godkendelse af referat … 3. …"), where no label or heading marks the page. Where each
    /// title starts: at least three numbers counting on (a number out of the count, "30.
    /// januar" or a list inside an item, is passed by), two of them with a sentence's end in
    /// what follows them. A table of contents on one line has no sentences, or a dotted leader.
    static func countingTitles(_ text: String) -> [String.Index] {
        guard text.utf8.count >= 200 else { return [] }
        var starts: [(number: Int, at: String.Index)] = []
        if numberedStarts(text) >= 3 {
            starts = text.matches(of: itemNumber).compactMap { m in
                let at = m.1.startIndex
                guard let point = text[at...].firstIndex(of: "."), let n = Int(text[at..<point]) else { return nil }
                return (n, at)
            }
        } else if text.containsBytes("Dagsorden 1 "), let agenda = text.firstRange(of: "Dagsorden 1 ") {
            // "Dagsorden 1 Velkomst … 2 Godkendelse af dagsorden …": numbers without their points,
            // counted only from the word that opens the list.
            starts = text[agenda.lowerBound...].matches(of: numberWithoutPoint).compactMap { m in
                Int(m.output.1).map { ($0, m.output.1.startIndex) }
            }
        }
        guard starts.count >= 3 else { return [] }
        var best: [(number: Int, at: String.Index)] = []
        for (k, first) in starts.enumerated() where first.number >= 1 {
            var chain = [first]
            for next in starts[(k + 1)...] where next.number == chain[chain.count - 1].number + 1 { chain.append(next) }
            if chain.count > best.count { best = chain }
        }
        guard best.count >= 3 else { return [] }
        var prose = 0
        for (j, member) in best.enumerated() {
            // With the next title's first digit: "… Midtjylland. 2." ends a sentence.
            let piece = text[member.at..<(j + 1 < best.count ? text.index(after: best[j + 1].at) : text.endIndex)]
            if piece.contains("..") || piece.contains("…") { return [] }
            if endsASentence(piece) { prose += 1 }
        }
        return prose >= 2 ? best.map(\.at) : []
    }

    /// A board's item heading inside a transcript: "Ad 1. Godkendelse af referat", "Ad. 2. Meddelelser".
    nonisolated(unsafe) static let adHeading = #/(?:^|\s)(?<ad>Ad\.?\s+)(?<number>[0-9]{1,2})\.\s+[A-ZÆØÅ][\p{Ll}]/#

    /// Titles that a board's own minutes head with "Ad" ("… underskrevet på mødet. Ad. 2.
    /// Meddelelser Rektor orienterede …"), where each item's minutes run in after its title: at
    /// least two counting on. Each with where "Ad" starts and where the title's number starts.
    /// None where a part only states an outcome ("Ad 1. Anbefales. Ad 2. Godkendt."): that is a
    /// decision's parts answering numbered recommendations, not items.
    static func adTitles(_ text: String) -> [(ad: String.Index, number: String.Index)] {
        guard text.containsBytes("Ad ") || text.containsBytes("Ad. ") else { return [] }
        let found: [(n: Int, ad: String.Index, number: String.Index)] = text.matches(of: adHeading).compactMap { m in
            Int(m.output.number).map { ($0, m.output.ad.startIndex, m.output.number.startIndex) }
        }
        var best: [(n: Int, ad: String.Index, number: String.Index)] = []
        for (k, first) in found.enumerated() where first.n >= 1 {
            var chain = [first]
            for next in found[(k + 1)...] where next.n == chain[chain.count - 1].n + 1 { chain.append(next) }
            if chain.count > best.count { best = chain }
        }
        guard best.count >= 2 else { return [] }
        for member in best {
            let title = String(text[member.number...].drop { $0.isNumber || $0 == "." || $0 == " " }.prefix(40))
            if OutcomeClassifier.opensWithOutcome(title), OutcomeClassifier.classify(title) != .discussed { return [] }
        }
        return best.map { ($0.ad, $0.number) }
    }

    /// An item's number without its point inside the text: " 2 Godkendelse".
    nonisolated(unsafe) static let numberWithoutPoint = #/\s([0-9]{1,2})\s+[A-ZÆØÅ][\p{Ll}]/#

    /// How many item numbers `text` may hold: a digit, a point, a space and a capital. The
    /// cheap count before the regex.
    static func numberedStarts(_ text: String) -> Int {
        var count = 0
        var utf8 = text.utf8.makeIterator()
        var previous: (UInt8, UInt8, UInt8) = (0, 0, 0)
        while let byte = utf8.next() {
            if previous.0.isASCIIDigit, previous.1 == 0x2E, previous.2 == 0x20, byte >= 0x41 && byte <= 0x5A || byte == 0xC3 { count += 1 }
            previous = (previous.1, previous.2, byte)
        }
        return count
    }

    /// Whether `text` holds a sentence's end: a word of three lower-case letters or more, a
    /// point, a space, and a capital or a digit ("… godkendt. Referatet", "… Midtjylland. 2."),
    /// where "pr. 28." and "30. januar" are none.
    static func endsASentence(_ text: Substring) -> Bool {
        let bytes = Array(text.utf8)
        var i = 3
        while i + 2 < bytes.count {
            defer { i += 1 }
            guard bytes[i] == 0x2E, bytes[i + 1] == 0x20 else { continue }
            let after = bytes[i + 2]
            guard after.isASCIIDigit || after >= 0x41 && after <= 0x5A || after == 0xC3 else { continue }
            // Three letters before the point, ASCII lower case or a Danish letter's second byte.
            let letters = bytes[(i - 3)..<i].allSatisfy { $0 >= 0x61 && $0 <= 0x7A || $0 == 0xA6 || $0 == 0xB8 || $0 == 0xA5 || $0 == 0xC3 }
            if letters { return true }
        }
        return false
    }

    /// A page's running header whose date and page number a transcript dropped, leaving the
    /// body's name and the bare labels: "Handicaprådet Mødedato Side " (then the item's title).
    nonisolated(unsafe) static let valuelessRunningHeader = #/[A-ZÆØÅ][\p{L}-]*(?:\s+(?:og|for|[A-ZÆØÅ][\p{L}-]*)){0,4}\s+Mødedato\s+Side\s+(?=[A-ZÆØÅ])/#

    /// A page's running header of the municipality, the bare labels and the body's name, before
    /// the item's title: "Egeby Kommune Dato Side Havneudvalget " (then "Godkendelse af …").
    nonisolated(unsafe) static let municipalityDateSide = #/^[A-ZÆØÅ][\p{L}]*(?:-[A-ZÆØÅ][\p{L}]*)?\s+Kommune\s+Dato\s+Side\s+((?:[A-ZÆØÅ][\p{L}-]*,?\s+(?:og\s+)?){0,3}[A-ZÆØÅ][\p{L}-]*)\s+(?=[A-ZÆØÅ])/#

    /// Where the title starts after such a header, when the header's last words name a body.
    static func municipalityHeader(_ text: Substring) -> String.Index? {
        guard let m = text.prefixMatch(of: municipalityDateSide), MinutesVocabulary.endsLikeBody(String(m.output.1)) else { return nil }
        return m.range.upperBound
    }

    /// A page's running header that names the body's meeting, its date lost with the digits:
    /// "Byrådets møde den " or, the genitive's "s" set apart, "Byrådet s møde den " (then the title).
    nonisolated(unsafe) static let datelessMeetingHeader = #/^[A-ZÆØÅ][\p{L}-]*\s?s\s+møde\s+den\s+(?=[A-ZÆØÅ][\p{Ll}])/#

    /// A page's running header that names the body and "d." or "den" before the date lost with
    /// the digits: "Økonomiudvalget d " (then the title). The body's name ends as bodies' do.
    nonisolated(unsafe) static let datelessBodyHeader = #/^[A-ZÆØÅ][\p{L}-]*(?:udvalget|udvalg|rådet|bestyrelsen|[Bb]yråd|repræsentationen)\s+d(?:en|\.)?\s+(?=[A-ZÆØÅ][\p{Ll}])/#

    /// An item's label inside a flattened page's text: "Punkt nr. 12:", "Punkt nr. 13 :".
    nonisolated(unsafe) static let labelledItem = #/Punkt nr\.\s*[0-9]{1,3}\s*:/#

    /// A title, the case officer after a slash: "Kultur- og Fritidsudvalget Orientering fra formanden / Eva Holm".
    nonisolated(unsafe) static let slashOfficer = #/^(?<title>.{3,200}?)\s+/\s+[A-ZÆØÅ][\p{L}-]+(?:\s+[A-ZÆØÅ][\p{L}.-]*){1,3}$/#

    /// The title of an item's page that opens "<running header> <title> / <case officer>": the
    /// title without the officer, and without the running header, the words up to the first
    /// that names a body ("Økonomiudvalget", "Kultur-, Fritids og Havneudvalget") among
    /// the first six. Nil where the piece has no officer after a slash.
    static func titleOverOfficer(_ piece: String) -> String? {
        guard piece.containsBytes(" / "), let m = piece.wholeMatch(of: slashOfficer) else { return nil }
        let words = m.output.title.split(separator: " ")
        guard let header = words.prefix(6).firstIndex(where: { $0.first?.isUppercase == true && MinutesVocabulary.endsLikeBody(String($0).stripping(",.:")) }),
              header + 1 < words.count else { return String(m.output.title) }
        return words[(header + 1)...].joined(separator: " ")
    }

    /// Whether a long line may be a flattened page: labels bring colons, and the headings
    /// without them are few. Most long lines are paragraphs with neither.
    static func mayBeFlattened(_ text: String) -> Bool {
        var colons = 0
        for byte in text.utf8 where byte == 0x3A { colons += 1; if colons >= 2 { return true } }
        return text.containsBytes("RESUM") || text.containsBytes("BESLUTNING") || text.containsBytes("SAGSFREMSTILLING")
            || text.containsBytes(" Beslutning ") && (text.containsBytes(" Sagsfremstilling ") || text.containsBytes(" Bilag ") || text.containsBytes(" Indstilling "))
            || text.containsBytes(", pkt.") || text.containsBytes(" Beslutningstema ")
    }

    static func split(_ text: String) -> [String] {
        // A transcript cut short may hold only the start of a page: a long line is enough, or a
        // shorter one that opens with the page's number and holds a label ("5 3. Meddelelser Åben
        // sag Sagsnr.: 31/104 Sagsansvarlig: eh RESUMÉ A. Tilsynet,").
        guard text.utf8.count >= 100 || text.utf8.count >= 50 && text.first?.isNumber == true && text.containsBytes(": ") else { return [text] }
        let itemAfterHeader = text.first?.isNumber == true && text.containsBytes(" Side") ? itemAfterRunningHeader(text) : nil
        // "2 Punkt 88 Budget 2031 J. nr Efter …": a page that opens with an item's label, number and title.
        let labelledStart = itemAfterHeader == nil && text.first?.isNumber == true && (text.containsBytes(" Punkt ") || text.containsBytes(" Pkt."))
            ? text.prefixMatch(of: labelledItemPage)?.output.item.startIndex : nil
        // Titles headed "Ad 1." are the items; a count of numbers elsewhere is their contents.
        let adHeaded = adTitles(text)
        let titles = adHeaded.isEmpty ? countingTitles(text) : adHeaded.map(\.number)
        // A page that opens with a number may be an item's page with a heading after its title (`opensWithHeadedItem`).
        let openingHeading = text.first?.isNumber == true && ["Sagsfremstilling ", "SAGSFREMSTILLING ", "Resumé ", "RESUMÉ ", "Sagsresume ", "Indstilling "]
            .contains { text.prefix(200).contains($0) }
        guard itemAfterHeader != nil || labelledStart != nil || !titles.isEmpty || openingHeading || mayBeFlattened(text) else { return [text] }
        var cuts: [String.Index] = []
        var markers = 0
        for (marker, plain) in Self.allMarkers {
            // Most markers are not in the line, and memchr says so sooner than the search by characters.
            if plain, !text.containsBytes(of: marker) { continue }
            var from = text.startIndex
            while let range = text[from...].firstRange(of: marker) {
                from = range.upperBound
                // A marker starts a word and, for a heading, is followed by a new sentence or a label.
                guard range.lowerBound == text.startIndex || text[text.index(before: range.lowerBound)] == " " else { continue }
                if headings.contains(marker) {
                    // "Resumé Kommunalbestyrelsen …" or "Resumé: Kommunalbestyrelsen …".
                    var after = range.upperBound
                    if after < text.endIndex, text[after] == ":" { after = text.index(after: after) }
                    guard after == text.endIndex || text[after] == " " else { continue }
                    let next = text[after...].dropFirst().first
                    guard next.map({ $0.isUppercase || $0.isNumber }) ?? true else { continue }
                    // "Bilag 3: Regnskab 2015": an attachment's number, not a heading over text.
                    if marker == "Bilag", text[after...].dropFirst().prefix(4).firstMatch(of: #/^[0-9]{1,2}:/#) != nil { continue }
                }
                cuts.append(range.lowerBound)
                markers += 1
            }
        }
        // A decision header inside the text: "… Beslutning den : Godkendt." (a transcript drops
        // the digits of dates), "Beslutning i Økonomiudvalget den …".
        // Where a step's header starts is DecisionHeader's to say; the word is the cheap guard.
        var steps = 0
        for word in [" Beslutning ", " Beslutninger "] where text.containsBytes(of: word) {
            var from = text.startIndex
            while let range = text[from...].firstRange(of: word) {
                from = range.upperBound
                let start = text.index(after: range.lowerBound)
                guard DecisionHeader.opensStep(text[start...]) else { continue }
                cuts.append(start)
                markers += 1
                steps += 1
            }
        }
        // A step's reference inside the text ("… vedtagelse Økonomiudvalget den 25. oktober 2027,
        // pkt. 3 Kommunalbestyrelsen den …", "Kommunalbestyrelsens møde 28. november 2027 Punkt
        // 1: …"): the item's history and decision, each on a line of its own.
        if text.containsBytes("pkt.") || text.containsBytes(" Punkt ") {
            for m in text.matches(of: stepReference) {
                let start = m.range.lowerBound
                if start > text.startIndex, text[text.index(before: start)] == " " { cuts.append(start); markers += 1 }
            }
        }
        // A full KLE case number after an item's title is the item's identity.
        if text.containsBytes("-") {
            for m in text.matches(of: CaseNumbers.kle) where CaseNumbers.isCaseShapedKLE(String(m.1)) {
                let start = m.1.startIndex
                if start > text.startIndex, text[text.index(before: start)] == " " { cuts.append(start) }
            }
        }
        // "… Fraværende: Bo Berg Punkt nr. 12: Forslag …": an item's label inside the text starts its line.
        if text.containsBytes("Punkt nr.") {
            for m in text.matches(of: labelledItem) where m.range.lowerBound > text.startIndex && text[text.index(before: m.range.lowerBound)] == " " {
                cuts.append(m.range.lowerBound)
                markers += 1
            }
        }
        // A page that opens with an item's number is a page even with fewer markers.
        let afterPage = text.firstMatch(of: pagePrefix).map { text[$0.range.upperBound...] }
        let typeLetter = afterPage.map { $0.prefix(4).firstMatch(of: leadingTypeLetter) != nil } ?? false
        let opensWithItem = typeLetter || afterPage.map { $0.prefix(24).firstMatch(of: leadingItemNumber) != nil } ?? false
        // The title of a labelled item's page that names no identity, up to its text ("Punkt 1.
        // Velkomst Eva Holm bød velkommen."), by the title's own end (`splitTitle`).
        var labelledTitle: [String]?
        if let itemStart = itemAfterHeader ?? labelledStart {
            cuts.append(itemStart)
            // The item's identity labels after its title, their colons lost with their values
            // ("562. Fjernvarme - Kommunegaranti Sagsnr J.nr Fjernvarme A/S anmoder …").
            let title = text[itemStart...].prefix(200)
            if let label = Self.lostIdentityLabels.compactMap({ title.firstRange(of: " " + $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
                cuts.append(text.index(after: label.lowerBound))
                // The labels end where the item's text starts ("Sagsnr J.nr Forelæggelse af …"):
                // alone on their line they are the item's identity.
                var end = label.upperBound
                while let next = Self.lostIdentityLabels.first(where: { text[end...].hasPrefix(" " + $0) }) {
                    end = text.index(end, offsetBy: next.count + 1)
                }
                if end < text.endIndex, text[end] == " " { cuts.append(text.index(after: end)) }
            } else if itemAfterHeader == nil, markers == 0, let m = text[itemStart...].prefixMatch(of: labelNumber) {
                labelledTitle = splitTitle(String(text[itemStart...]), number: m.output.number, body: text[m.range.upperBound...], sentenceLimit: 200, minutes: true)
                    .map { ["Punkt " + $0[0]] + $0.dropFirst() }
            }
        }
        if let labelledStart, let labelledTitle {
            let before = text.firstMatch(of: pagePrefix).map { String(text[$0.range.upperBound..<labelledStart]).stripping(" ") } ?? ""
            return (before.isEmpty ? [] : [before]) + labelledTitle
        }
        let opensWithIdentifiedItem = markers >= 1 && afterPage.map { $0.prefix(200).firstMatch(of: leadingIdentifiedItem) != nil } ?? false
        // A page that goes on with an item from the page before holds its decision: a step's
        // header and a label after it ("… Beslutning i Ældreudvalget den : Godkendt. Fraværende: …").
        let endsItem = steps >= 1 && markers >= 2
        // "3 1. Godkendelse af referat Side 3 Sagsfremstilling Referat fra …": a page that opens with an
        // item's number, its title and an opening heading is an item's page, with only that one marker.
        let opensWithHeadedItem = opensWithItem && markers >= 1 && openingHeading
        // "3 Egeby Kommune Dato Side Havneudvalget Godkendelse af dagsorden Sagsnr.: …": an item's
        // page under the running header whose values went with their digits.
        let opensUnderHeader = markers >= 1 && text.containsBytes(" Kommune Dato Side ") && afterPage.map { municipalityHeader($0) != nil } ?? false
        let marked = markers >= 3 || markers >= 2 && opensWithItem || opensWithHeadedItem || itemAfterHeader != nil || labelledStart != nil || opensWithIdentifiedItem
            || endsItem || opensUnderHeader
        // "2 Økonomiudvalget Punkter på åbent møde: 22. Budget … Afbud: Eva Holm (A)": a contents
        // page whose only label is the apologies at its end, which go on a line of their own for
        // the header to read.
        if !marked, titles.isEmpty, markers == 1, let label = cuts.first, case let tail = String(text[label...]), tail.utf8.count <= 160,
           let list = PeopleParser.absenceLabel(tail), !list.rest.contains(":"), !PeopleParser.people(inList: list.rest).isEmpty {
            let page = text.firstMatch(of: pagePrefix).map { $0.range.upperBound } ?? text.startIndex
            return [String(text[page..<label]).stripping(" "), tail]
        }
        guard marked || !titles.isEmpty else { return [text] }
        // A page known only by its titles counting on is cut at those titles alone.
        if marked { for m in text.matches(of: itemNumber) { cuts.append(m.1.startIndex) } } else { cuts.append(contentsOf: titles) }
        // "… Afbud: Bo Berg Dagsorden 1 Velkomst …": the list's heading is no part of the value before it.
        if let first = titles.first, text[..<first].hasSuffix(" Dagsorden ") { cuts.append(text.index(first, offsetBy: -10)) }
        let titleStarts = Set(titles)
        // "Ad" before a title's number goes with neither the text before it nor the title; the
        // title is an item's by its label, which "Punkt" says to the segmenter.
        let adStarts = Set(adHeaded.map(\.ad)), adNumbers = Set(adHeaded.map(\.number))
        cuts.append(contentsOf: adStarts)
        cuts.append(contentsOf: adNumbers)
        var adPieces: Set<Int> = []
        // "1. Meddelelser a) Der afholdes …": the first lettered point after a title starts the text.
        if text.containsBytes(" a) ") { for m in text.matches(of: firstLetteredPoint) { cuts.append(m.1.startIndex) } }
        var pieces: [String] = []
        // The pieces that open with a title of the count, whose minutes may run in after it.
        var runIn: Set<Int> = []
        var start = text.startIndex
        for cut in Set(cuts).sorted() where cut > start {
            if titleStarts.contains(start) { runIn.insert(pieces.count) }
            if adNumbers.contains(start) { adPieces.insert(pieces.count) }
            if !adStarts.contains(start) { pieces.append(String(text[start..<cut]).stripping(" ")) }
            start = cut
        }
        if titleStarts.contains(start) { runIn.insert(pieces.count) }
        if adNumbers.contains(start) { adPieces.insert(pieces.count) }
        pieces.append(String(text[start...]).stripping(" "))
        if let first = pieces.first, let m = first.firstMatch(of: pagePrefix) { pieces[0] = String(first[m.range.upperBound...]) }
        // "Handicaprådet Mødedato Side Godkendelse af dagsorden": the running header's labels,
        // whose values went with their digits, before the title that opens the page.
        if let first = pieces.first, first.containsBytes(" Mødedato Side "), let m = first.prefixMatch(of: valuelessRunningHeader) {
            pieces[0] = String(first[m.range.upperBound...])
        }
        if let first = pieces.first, first.containsBytes(" Kommune Dato Side "), let end = municipalityHeader(first[...]) {
            pieces[0] = String(first[end...])
        }
        if let first = pieces.first, first.containsBytes(" møde den "), let m = first.prefixMatch(of: datelessMeetingHeader) {
            pieces[0] = String(first[m.range.upperBound...])
        }
        if let first = pieces.first, first.containsBytes(" d"), let m = first.prefixMatch(of: datelessBodyHeader) {
            pieces[0] = String(first[m.range.upperBound...])
        }
        if typeLetter { pieces[0] = String(pieces[0].dropFirst(2)) }
        // "Økonomiudvalget Vejplan for havnen / Eva Holm" over "Beslutningstema …": an item's page
        // that opens with the running header (the body's name), the title and the case officer.
        if pieces.count > 1, pieces[1].hasPrefix("Beslutningstema"), let title = Self.titleOverOfficer(pieces[0]) { pieces[0] = title }
        // "1. Godkendelse af referat Side 3": the page's footer between the title and its heading.
        if opensWithHeadedItem, let k = pieces.firstIndex(where: { !$0.isEmpty }), let m = pieces[k].firstMatch(of: #/\s+Side\s+[0-9]{1,3}$/#) {
            pieces[k] = String(pieces[k][..<m.range.lowerBound])
        }
        // A label's value stays with it; a heading goes on a line of its own. Where labels stand
        // in a row ("Mødested: Medlemmer: Afbud: Rådhuset Bo Berg, …"), the values after them
        // are the table's values in another order: none of them belongs to the last label.
        var out: [String] = []
        for (k, piece) in pieces.enumerated() where !piece.isEmpty {
            // Absence labels in a row ("Fraværende: Afbud: Eva Holm, Bo Berg") name the same people.
            if k > 0, let label = labels.first(where: { piece.hasPrefix($0) }), labels.contains(pieces[k - 1]),
               PeopleParser.absenceLabel(pieces[k - 1]) == nil || PeopleParser.absenceLabel(label) == nil {
                out.append(label)
                out.append(String(piece.dropFirst(label.count)).stripping(" "))
                continue
            }
            if runIn.contains(k), let digits = piece.firstIndex(where: { !$0.isNumber }),
               let titleAndText = splitTitle(piece, number: piece[..<digits], body: piece[digits...].drop { $0 == "." || $0 == " " },
                                             sentenceLimit: 200, minutes: true) {
                out.append(contentsOf: adPieces.contains(k) ? ["Punkt " + titleAndText[0]] + titleAndText.dropFirst() : titleAndText)
                continue
            }
            if adPieces.contains(k) {
                out.append("Punkt " + piece)
                continue
            }
            // "Sagsfremstilling: Ad 1. …": a heading over all the titles headed "Ad" is no item's section.
            if adPieces.contains(k + 1), headings.contains(piece.stripping(": ")) { continue }
            if let heading = headings.first(where: { piece.hasPrefix($0 + " ") || piece.hasPrefix($0 + ":") }), !labels.contains(where: { piece.hasPrefix($0) }),
               !DecisionHeader.opensStep(piece) {
                out.append(heading)
                out.append(String(piece.dropFirst(heading.count)).stripping(": "))
            } else if PeopleParser.absenceLabel(piece) != nil, let cut = outcomeAfterNames(piece) {
                // "Ikke til stede: Bo Berg, Eva Ny Dagsordenen godkendt.": the decision after the list.
                out.append(String(piece[..<cut]).stripping(" "))
                out.append(String(piece[cut...]))
            } else {
                out.append(piece)
            }
        }
        return out.filter { !$0.isEmpty }
    }
}
