import ReferatRecords

/// Normalises decision text to an `Outcome`: the keyword that appears first wins.
///
/// "Anbefales godkendt" is `recommended` (the step recommends; the council decides later),
/// "Ikke godkendt" is `rejected`, "Sagens behandling blev udsat" is `postponed`.
enum OutcomeClassifier {
    /// Keywords, longest first within each outcome so that negations and phrases win ties.
    static let keywords: [(String, Outcome)] = [
        ("ikke godkendt", .rejected), ("ikke vedtaget", .rejected), ("ikke tiltrådt", .rejected),
        ("ikke anbefalet", .rejected), ("ikke anbefales", .rejected),
        ("forslaget faldt", .rejected), ("afvist", .rejected), ("afvises", .rejected), ("afviste", .rejected),
        ("forkastet", .rejected), ("forkastes", .rejected), ("faldt", .rejected),
        ("indstilles godkendt", .recommended), ("indstilles til godkendelse", .recommended),
        ("indstilles", .recommended), ("anbefales", .recommended), ("anbefaler", .recommended),
        ("anbefalede", .recommended), ("anbefalet", .recommended), ("indstiller", .recommended),
        ("oversendt", .referred), ("oversendes", .referred), ("sendt til", .referred), ("sendes til", .referred),
        ("fremsendes", .referred), ("fremsendt", .referred), ("henvist", .referred), ("henvises", .referred),
        ("behandling blev udsat", .postponed), ("udsat", .postponed), ("udsættes", .postponed),
        ("udskudt", .postponed), ("udskydes", .postponed), ("udsatte", .postponed),
        ("udgår", .withdrawn), ("udgik", .withdrawn), ("trukket tilbage", .withdrawn), ("sagen blev trukket", .withdrawn),
        ("taget til efterretning", .noted), ("tages til efterretning", .noted), ("til efterretning", .noted),
        ("taget til orientering", .noted), ("til orientering", .noted), ("orientering givet", .noted),
        ("orienteringen blev taget", .noted), ("orienteret", .noted), ("efterretning", .noted),
        ("godkendt", .approved), ("godkendes", .approved), ("godkendte", .approved), ("godkender", .approved),
        ("tiltrådt", .approved), ("tiltrådte", .approved), ("tiltrædes", .approved), ("vedtaget", .approved),
        ("vedtog", .approved), ("vedtages", .approved), ("bevilget", .approved), ("bevilges", .approved),
        ("drøftet", .discussed), ("drøftede", .discussed), ("drøftes", .discussed), ("drøftelse", .discussed),
    ]

    /// Outcomes a short text can state on its own ("Godkendt.", "Referat: Taget til
    /// efterretning"); a recommendation or a discussion is not yet the item's decision.
    static let stated: Set<Outcome> = [.approved, .rejected, .noted, .postponed, .referred, .withdrawn]

    /// The keywords as UTF-8, indexed by first byte, for a single pass over the text.
    static let byFirstByte: [UInt8: [(bytes: [UInt8], outcome: Outcome)]] = Dictionary(
        grouping: keywords.map { (Array($0.0.utf8), $0.1) }, by: { $0.bytes[0] }
    )

    /// Whether `text` opens with an outcome's keyword ("Udskydes til …", "Godkendt med …"): a
    /// paragraph that states the outcome rather than telling of it.
    static func opensWithOutcome(_ text: String) -> Bool {
        let lower = text.prefix(40).lowercased()
        return keywords.contains { lower.hasPrefix($0.0) && !(lower.dropFirst($0.0.count).first?.isLetter ?? false) }
    }

    static func classify(_ text: String) -> Outcome {
        // The outcome is said first; long decision texts are not searched to the end.
        let lower = text.utf8.count > 400 ? String(text.prefix(300)).lowercased() : text.lowercased()
        let trimmed = lower.stripping(".! ")
        if ["ingen", "intet", "ingen bemærkninger", "ingen beslutning", "-"].contains(trimmed) { return .none }
        if trimmed.isEmpty { return .other }
        let bytes = Array(lower.utf8)
        // The earliest keyword wins, the longest among those at the same place; one pass.
        for i in bytes.indices {
            guard let candidates = byFirstByte[bytes[i]], !followsLetter(bytes, i) else { continue }
            var best: (length: Int, outcome: Outcome)?
            for (keyword, outcome) in candidates where keyword.count > (best?.length ?? 0) && i + keyword.count <= bytes.count {
                if bytes[i..<(i + keyword.count)].elementsEqual(keyword) { best = (keyword.count, outcome) }
            }
            if let best { return best.outcome }
        }
        return .other
    }

    /// Whole words only: "godkendtes" is fine, "faldt" inside "tilfaldt" is not.
    private static func followsLetter(_ bytes: [UInt8], _ i: Int) -> Bool {
        guard i > 0 else { return false }
        let previous = bytes[i - 1]
        if previous < 0x80 { return (previous >= 0x61 && previous <= 0x7A) || (previous >= 0x41 && previous <= 0x5A) }
        var start = i - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return String(decoding: bytes[start..<i], as: UTF8.self).first?.isLetter ?? false
    }
}
