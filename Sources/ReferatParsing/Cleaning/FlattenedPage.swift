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
        "Kompetence:", "Beslutningskompetence:",
        // The contents after a header ("Fraværende: Bo Berg Følgende sager behandles: Pkt. Tekst Side 1 …"):
        // no list of people goes on past it.
        "Følgende sager behandles:",
    ]

    /// Headings that stand before the text they open.
    static let headings = [
        "RESUMÉ", "Resumé", "Resume", "SAGSFREMSTILLING", "Sagsfremstilling", "Baggrund", "INDSTILLING", "Indstilling",
        "BESLUTNING", "Beslutning", "Bilag", "Lovgrundlag", "Vurdering", "Økonomiske konsekvenser", "INDHOLDSFORTEGNELSE",
        "Indholdsfortegnelse", "Åben sag", "Lukket sag", "Sagsresume", "Beslutningstema",
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
        let body = line[m.range.upperBound...]
        let words = body.split(separator: " ", omittingEmptySubsequences: true)
        var sentenceEnd: Substring.Index?
        var length = 0
        for (k, word) in words.enumerated() {
            length += word.count + 1
            if length > 160 { break }
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
            if words[k].first?.isUppercase == true, k >= 2, before.count >= 4, before.allSatisfy({ $0.isLetter && $0.isLowercase }),
               !CaseSegmenter.danglingWords.contains(String(before)) {
                nameStart = before.endIndex
                break
            }
        }
        // A short first sentence is the title; a long one has the text run into it, which
        // starts where a name or a stray mark follows a lower-case word.
        let short = sentenceEnd.map { body.distance(from: body.startIndex, to: $0) <= 90 } ?? false
        let end = short ? sentenceEnd : nameStart ?? sentenceEnd
        guard let end else { return nil }
        let title = String(body[..<end]).stripping(" .")
        let rest = String(line[end...]).stripping(". ")
        guard !title.isEmpty, !rest.isEmpty else { return nil }
        return [m.output.item + ". " + title, rest]
    }

    /// A page's running header whose date and page number a transcript dropped, leaving the
    /// body's name and the bare labels: "Handicaprådet Mødedato Side " (then the item's title).
    nonisolated(unsafe) static let valuelessRunningHeader = #/[A-ZÆØÅ][\p{L}-]*(?:\s+(?:og|for|[A-ZÆØÅ][\p{L}-]*)){0,4}\s+Mødedato\s+Side\s+(?=[A-ZÆØÅ])/#

    /// Whether a long line may be a flattened page: labels bring colons, and the headings
    /// without them are few. Most long lines are paragraphs with neither.
    static func mayBeFlattened(_ text: String) -> Bool {
        var colons = 0
        for byte in text.utf8 where byte == 0x3A { colons += 1; if colons >= 2 { return true } }
        return text.containsBytes("RESUM") || text.containsBytes("BESLUTNING") || text.containsBytes("SAGSFREMSTILLING")
            || text.containsBytes(" Beslutning ") && (text.containsBytes(" Sagsfremstilling ") || text.containsBytes(" Bilag ") || text.containsBytes(" Indstilling "))
            || text.containsBytes(", pkt.")
    }

    static func split(_ text: String) -> [String] {
        // A transcript cut short may hold only the start of a page: a long line is enough.
        guard text.utf8.count >= 100 else { return [text] }
        let itemAfterHeader = text.first?.isNumber == true && text.containsBytes(" Side") ? itemAfterRunningHeader(text) : nil
        guard itemAfterHeader != nil || mayBeFlattened(text) else { return [text] }
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
        // A page that opens with an item's number is a page even with fewer markers.
        let afterPage = text.firstMatch(of: pagePrefix).map { text[$0.range.upperBound...] }
        let typeLetter = afterPage.map { $0.prefix(4).firstMatch(of: leadingTypeLetter) != nil } ?? false
        let opensWithItem = typeLetter || afterPage.map { $0.prefix(24).firstMatch(of: leadingItemNumber) != nil } ?? false
        if let itemAfterHeader {
            cuts.append(itemAfterHeader)
            // The item's identity labels after its title, their colons lost with their values
            // ("562. Fjernvarme - Kommunegaranti Sagsnr J.nr Fjernvarme A/S anmoder …").
            let title = text[itemAfterHeader...].prefix(200)
            if let label = ["Sagsnr", "Sagsid", "J.nr"].compactMap({ title.firstRange(of: " " + $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
                cuts.append(text.index(after: label.lowerBound))
            }
        }
        let opensWithIdentifiedItem = markers >= 1 && afterPage.map { $0.prefix(200).firstMatch(of: leadingIdentifiedItem) != nil } ?? false
        // A page that goes on with an item from the page before holds its decision: a step's
        // header and a label after it ("… Beslutning i Ældreudvalget den : Godkendt. Fraværende: …").
        let endsItem = steps >= 1 && markers >= 2
        guard markers >= 3 || markers >= 2 && opensWithItem || itemAfterHeader != nil || opensWithIdentifiedItem || endsItem else { return [text] }
        for m in text.matches(of: itemNumber) { cuts.append(m.1.startIndex) }
        // "1. Meddelelser a) Der afholdes …": the first lettered point after a title starts the text.
        if text.containsBytes(" a) ") { for m in text.matches(of: firstLetteredPoint) { cuts.append(m.1.startIndex) } }
        var pieces: [String] = []
        var start = text.startIndex
        for cut in Set(cuts).sorted() where cut > start {
            pieces.append(String(text[start..<cut]).stripping(" "))
            start = cut
        }
        pieces.append(String(text[start...]).stripping(" "))
        if let first = pieces.first, let m = first.firstMatch(of: pagePrefix) { pieces[0] = String(first[m.range.upperBound...]) }
        // "Handicaprådet Mødedato Side Godkendelse af dagsorden": the running header's labels,
        // whose values went with their digits, before the title that opens the page.
        if let first = pieces.first, first.containsBytes(" Mødedato Side "), let m = first.prefixMatch(of: valuelessRunningHeader) {
            pieces[0] = String(first[m.range.upperBound...])
        }
        if typeLetter { pieces[0] = String(pieces[0].dropFirst(2)) }
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
