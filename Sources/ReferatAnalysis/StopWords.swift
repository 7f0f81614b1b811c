/// Danish stop words: Snowball's Danish list (BSD licence, snowballstem.org) without the words
/// that carry content in minutes: have, mod, mine, under, over, efter, anden.
enum StopWords {
    static let snowballDanish: [String] = [
        "og", "i", "jeg", "det", "at", "en", "den", "til", "er", "som", "på", "de", "med", "han", "af", "for", "ikke",
        "der", "var", "mig", "sig", "men", "et", "har", "om", "vi", "min", "havde", "ham", "hun", "nu", "over", "da",
        "fra", "du", "ud", "sin", "dem", "os", "op", "man", "hans", "hvor", "eller", "hvad", "skal", "selv", "her",
        "alle", "vil", "blev", "kunne", "ind", "når", "være", "dog", "noget", "ville", "jo", "deres", "efter", "ned",
        "skulle", "denne", "end", "dette", "mit", "også", "under", "have", "dig", "anden", "hende", "mine", "alt",
        "meget", "sit", "sine", "vor", "mod", "disse", "hvis", "din", "nogle", "hos", "blive", "mange", "ad", "bliver",
        "hendes", "været", "thi", "jer", "sådan",
    ]

    static let kept: Set<String> = ["have", "mod", "mine", "under", "over", "efter", "anden"]

    static let set: Set<String> = Set(snowballDanish).subtracting(kept)

    static func contains(_ word: String) -> Bool { set.contains(word) }
}
