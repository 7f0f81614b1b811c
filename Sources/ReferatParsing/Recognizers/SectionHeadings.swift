/// The body-section headings of an item, and the headings that carry routing.
enum SectionHeadings {
    /// Headings compared lower-cased, without a trailing colon.
    static let known: Set<String> = [
        "sagsfremstilling", "beslutningstema", "baggrund", "sagens forløb", "sagens baggrund", "resumé", "resume",
        "sammenhæng til andre politikker/strategier og fagområder", "sammenhæng til andre politikker", "økonomiske konsekvenser",
        "økonomi", "økonomi og finansiering", "bevillingsmæssige konsekvenser", "lovgrundlag", "retsgrundlag", "lovgivning",
        "høring", "høringer", "vurdering", "administrationens vurdering", "indstilling", "forvaltningens indstilling",
        "administrationens indstilling", "direktionens indstilling", "indstillinger", "sagsbeskrivelse", "sagens indhold",
        "kommunikation", "tidsplan", "personalemæssige konsekvenser", "miljømæssige konsekvenser", "miljøvurdering",
        "forslag", "problemstilling", "konklusion", "beskrivelse", "videre proces", "det videre forløb",
        "borgerinddragelse", "bæredygtighed", "klimamæssige konsekvenser", "udvalgets kompetence", "sagsforløb og tidsplan",
        "juridiske forhold", "organisatoriske konsekvenser", "effektvurdering", "handicappolitiske konsekvenser",
        "ressourcemæssige konsekvenser", "finansiering", "supplerende sagsfremstilling", "opfølgning",
        "sagstema", "redegørelse", "andre konsekvenser", "høring og sagsgang", "sagsresume", "sagsresumé",
        "beslutningstema og indstilling", "indstilling fra administrationen", "forvaltningens vurdering", "tidligere beslutninger",
        "politisk behandling", "tidligere politisk behandling", "historik", "økonomiske og personalemæssige konsekvenser",
        "kommunikation/høring", "beskrivelse af sagen", "sagsbeskrivelse og vurdering", "indledning",
        "formål", "indhold", "status", "anbefaling", "økonomi og administrative konsekvenser", "lovgrundlag og økonomi",
        "økonomiske konsekvenser og finansiering", "indstilling og beslutning",
    ]

    /// Headings that open an item's body: a numbered line followed by one of these is an item title.
    static let opening: Set<String> = [
        "sagsfremstilling", "beslutningstema", "baggrund", "resumé", "resume", "sagsbeskrivelse", "sagens indhold",
        "indstilling", "sagsgang", "sagsforløb", "forventet sagsgang", "sagsgang og sagstype", "problemstilling",
        "sagstema", "sagsresume", "sagsresumé", "beslutningstema og indstilling", "indstilling fra administrationen",
        "indstilling og beslutning",
    ]

    /// Headings whose content is the committee routing.
    static let routing: Set<String> = [
        "sagsgang", "sagsforløb", "forventet sagsgang", "sagsgang og sagstype", "kompetence", "beslutningskompetence",
        "behandlingsforløb",
    ]

    static let recommendation: Set<String> = [
        "indstilling", "forvaltningens indstilling", "administrationens indstilling", "direktionens indstilling", "indstillinger",
    ]

    /// The heading key of `line` ("Indstilling:" → "indstilling"), or nil if the line is not a heading.
    static func key(_ line: String) -> String? {
        guard line.isShorter(than: 63), mayBeHeading(line) else { return nil }
        // "• Sagsfremstilling": a heading printed as a list entry.
        var key = line.withoutBullet.lowercased()
        if key.hasSuffix(":") { key.removeLast() }
        if known.contains(key) || routing.contains(key) { return key }
        return nil
    }

    /// False when `line` holds an ASCII byte that no heading has: headings are letters, spaces
    /// and "/", with a colon after them. Lower-casing keeps every other ASCII character as it
    /// is, so a point, a comma, a digit or a parenthesis (in most short lines: names, outcomes,
    /// dated headers) settles it before the line is lower-cased and looked up.
    static func mayBeHeading(_ line: String) -> Bool {
        line.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { b in b >= 0x80 || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x20 || b == 0x2F || b == 0x3A }
        } ?? true
    }

    /// "Centralforvaltningens bemærkninger", "Økonomiafdelingens bemærkninger": a department's
    /// remarks, a heading of two or three words in some systems' items.
    static func isRemarksHeading(_ line: String) -> Bool {
        guard line.isShorter(than: 50), line.hasSuffix("s bemærkninger"), line.first?.isUppercase == true else { return false }
        return line.split(separator: " ").count <= 3
    }

    /// "Sagsforløb: ØK/BY" → ("sagsforløb", "ØK/BY").
    static func inlineRouting(_ line: String) -> (String, String)? {
        // Routing labels are short: only the first 40 bytes can hold the colon.
        guard let colon = line.utf8.prefix(40).firstIndex(of: 0x3A) else { return nil }
        let key = line[..<colon].lowercased()
        guard routing.contains(key) else { return nil }
        let rest = line[line.index(after: colon)...].stripping(" ")
        return rest.isEmpty ? nil : (key, rest)
    }

    /// "BUU/VPU, ØK, KB" → [["BUU","VPU"],["ØK"],["KB"]].
    static func routingSteps(_ text: String) -> [[String]] {
        var t = text.stripping(". ")
        // `replacing` sets up a search even when there is nothing to replace; the byte test
        // first finds out whether there is (each separator is characters of one scalar each).
        let arrows: [StaticString] = ["→", "->", " – ", " - ", ";"]
        for arrow in arrows where t.containsBytes(arrow) { t = t.replacing(arrow.description, with: ",") }
        return t.split(separator: ",").map { step in
            step.split(separator: "/").map { String($0).stripping(". ") }.filter { !$0.isEmpty }
        }.filter { !$0.isEmpty }
    }

    /// True when `text` reads like a routing line: short committee names or abbreviations.
    static func looksLikeRouting(_ text: String) -> Bool {
        let steps = routingSteps(text)
        guard !steps.isEmpty, text.isShorter(than: 200) else { return false }
        return steps.joined().allSatisfy { name in
            let isAbbreviation = name.count <= 6 && name.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "-" }
            let lower = name.lowercased()
            let isBody = lower.hasSuffix("udvalget") || lower.hasSuffix("udvalg") || lower.hasSuffix("bestyrelsen")
                || lower.hasSuffix("rådet") || lower.hasSuffix("magistraten") || lower.hasSuffix("direktionen")
                || lower.hasPrefix("udvalget for") || lower.hasSuffix("repræsentationen")
            return isAbbreviation || isBody
        }
    }
}
