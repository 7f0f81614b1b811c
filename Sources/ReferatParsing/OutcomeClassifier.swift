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
        ("udskudt", .postponed), ("udsatte", .postponed),
        ("udgår", .withdrawn), ("udgik", .withdrawn), ("trukket tilbage", .withdrawn), ("sagen blev trukket", .withdrawn),
        ("taget til efterretning", .noted), ("tages til efterretning", .noted), ("til efterretning", .noted),
        ("taget til orientering", .noted), ("til orientering", .noted), ("orientering givet", .noted),
        ("orienteringen blev taget", .noted), ("orienteret", .noted), ("efterretning", .noted),
        ("godkendt", .approved), ("godkendes", .approved), ("godkendte", .approved), ("godkender", .approved),
        ("tiltrådt", .approved), ("tiltrådte", .approved), ("tiltrædes", .approved), ("vedtaget", .approved),
        ("vedtog", .approved), ("vedtages", .approved), ("bevilget", .approved), ("bevilges", .approved),
        ("drøftet", .discussed), ("drøftede", .discussed), ("drøftes", .discussed), ("drøftelse", .discussed),
    ]

    static func classify(_ text: String) -> Outcome {
        // The outcome is said first; long decision texts are not searched to the end.
        let lower = text.utf8.count > 400 ? String(text.prefix(300)).lowercased() : text.lowercased()
        let trimmed = lower.stripping(".! ")
        if ["ingen", "intet", "ingen bemærkninger", "ingen beslutning", "-"].contains(trimmed) { return .none }
        if trimmed.isEmpty { return .other }
        var best: (offset: Int, length: Int, outcome: Outcome)?
        for (word, outcome) in keywords {
            guard let range = lower.firstRange(of: word) else { continue }
            // Whole words only: "godkendtes" is fine, "faldt" inside "tilfaldt" is not.
            if range.lowerBound > lower.startIndex, lower[lower.index(before: range.lowerBound)].isLetter { continue }
            let offset = lower.distance(from: lower.startIndex, to: range.lowerBound)
            if best == nil || offset < best!.offset || offset == best!.offset && word.count > best!.length {
                best = (offset, word.count, outcome)
            }
        }
        return best?.outcome ?? .other
    }
}
