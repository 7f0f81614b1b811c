/// The Danish words minutes are recognised by, in one place: how a deciding body's name ends,
/// how absence and non-participation are written, and which headings open an item.
///
/// Recognizers build their patterns from these lists, so a word added here is understood by
/// every pattern that needs it.
enum MinutesVocabulary {
    /// Words a deciding body's name ends with ("Børne- og Ungeudvalget", "Regionsrådet",
    /// "Herning Byråd", "Beredskabskommissionen", "Klagenævnet"), lower-cased.
    static let bodyEndings = [
        "udvalget", "udvalg", "bestyrelsen", "bestyrelse", "rådet", "råd", "magistraten", "repræsentationen",
        "direktionen", "forsamlingen", "borgerrepræsentationen", "kommissionen", "kommission", "nævnet", "nævn",
    ]

    /// How a body's name ends before a comma and a date ("Plan- og Miljøudvalget, 24.10.2016"),
    /// case as written.
    static let commaBodyEndings = ["udvalget", "udvalg", "bestyrelsen", "rådet", "råd", "Råd", "Magistraten", "repræsentationen", "direktionen",
                                   "kommissionen", "nævnet"]

    /// Given names as Danish names abbreviate them in the middle of a name ("Jens Chr. Holm",
    /// "Niels Kr. Berg"): a point after one closes no sentence.
    static let givenNameAbbreviations: Set<String> = ["Chr", "Kr", "Th", "Fr", "Joh", "Jac", "Aa", "Wm"]

    /// Weekdays, as a date may be printed after them ("fredag den 14. august 2020").
    static let weekdays = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]

    /// Words a step's dated decision header opens with: "Beslutning i Byrådet den 3. maj 2027".
    static let decisionHeaderWords = ["Beslutning", "BESLUTNING", "Beslutninger", "Afgørelse"]

    /// Words a step's header opens with that name the treatment, not the decision: "Behandling
    /// i Udvalget for det nære sundhedsvæsen tirsdag den 11. marts 2031, pkt. 4" (Region
    /// Sjælland's pages). Only with the body and date after them is the line a step.
    static let treatmentHeaderWords = ["Behandling"]

    /// Headings over the part of a closed item's decision that is made public: "Åben beslutning".
    static let openDecisionHeadings = ["Åben beslutning", "Åben beslutning:"]

    /// Words before an item's number: "pkt. 1", "punkt 3".
    static let itemNumberWords = ["pkt", "punkt"]

    /// Words that refer to an item after a date: "…, pkt. 1", "… punkt 3", "…, sag 4".
    static let itemReferenceWords = itemNumberWords + ["sag"]

    /// Whether `name` ends like a deciding body's name.
    static func endsLikeBody(_ name: String) -> Bool {
        let lower = name.lowercased()
        // "ældreområdet" ends in "rådet" too.
        if lower.hasSuffix("området") || lower.hasSuffix("område") { return false }
        return bodyEndings.contains { lower.hasSuffix($0) } || lower.hasPrefix("udvalget for ")
    }

    /// A body's name and its definite form, for meeting compounds: "ældreråd" → "rådet".
    static let definiteEndings: [(String, String)] = [
        ("råd", "et"), ("udvalg", "et"), ("bestyrelse", "n"), ("forsamling", "en"), ("repræsentation", "en"),
        ("kommission", "en"), ("nævn", "et"),
    ]

    /// The body a meeting compound names, in its definite form: "Byrådsmødet" and
    /// "byrådsmøde" → "Byrådet", "Ældrerådsmøde" → "Ældrerådet", "Kommunalbestyrelsesmøde" →
    /// "Kommunalbestyrelsen", "Økonomiudvalgsmødet" → "Økonomiudvalget". A compound of a
    /// generic word ("Udvalgsmøde", "Bestyrelsesmøde") names no body.
    static func bodyOfMeetingCompound<S: StringProtocol>(_ word: S) -> String? {
        var stem = word.lowercased()
        if stem.hasSuffix("mødet") { stem.removeLast() }
        guard stem.hasSuffix("smøde") else { return nil }
        stem.removeLast(5)
        guard let ending = definiteEndings.first(where: { stem.hasSuffix($0.0) }), stem.count > ending.0.count else { return nil }
        let name = stem + ending.1
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    /// How plain minutes say in prose what the meeting concluded, without a decision heading.
    static let conclusionPhrases = [
        "er enige om", "var enige om", "blev enige om", "enighed om", "besluttede", "blev besluttet", "vedtog", "blev vedtaget",
        "blev godkendt", "godkendtes", "blev genvalgt", "blev valgt", "tiltrådte", "godkendte",
    ]

    /// Words near a conclusion that date it to an earlier meeting: "… godkendte på sit møde …".
    static let earlierMeetingWords = ["samme møde", "sit møde", "på møde ", "et møde", "mødet den", "mødet d."]

    /// Abbreviations of the bodies every municipality has, as minutes write them in running
    /// text ("Godkendelse af dagsorden for ØU den 29. januar 2027"). "BR" is left out: it is
    /// Byrådet in one town and Borgerrepræsentationen in another.
    static let bodyAbbreviations = [
        "KB": "Kommunalbestyrelsen", "ØU": "Økonomiudvalget", "RR": "Regionsrådet", "FU": "Forretningsudvalget",
    ]

    /// Labels that open a list of absentees, longest first: `Fraværende med afbud:`, `Afbud:`,
    /// `Følgende havde meldt afbud:`, `Deltog ikke:`.
    static let absenceLabels = [
        "følgende udeblev uden afbud", "følgende havde meldt afbud", "følgende har meldt afbud", "følgende havde forfald",
        "følgende var fraværende", "følgende udeblev",
        "fraværende uden afbud", "fraværende med afbud", "fraværende i mødet", "fraværende under punktet",
        "fravær uden afbud", "fravær med afbud",
        "fraværende", "afbud fra", "afbud", "ikke til stede", "ej til stede", "ikke mødt", "forfald", "fravær",
        // "Deltog ikke: Eva Holm og Bo Berg." (Stevns' councils); only with its colon, as
        // "Deltog ikke i behandlingen …" is a sentence.
        "deltog ikke:",
        // "Uden afbud Ib Lund." after a list of apologies.
        "uden afbud",
    ]

    /// Phrases that say nobody was absent.
    static let nobodyAbsent = [
        "alle medlemmer var mødt", "alle var mødt", "alle mødt", "alle medlemmer var til stede", "alle var til stede", "alle til stede",
        "alle deltog", "ingen afbud", "ingen fraværende", "ingen",
    ]

    /// What follows a list of names in a sentence saying they were absent from the meeting:
    /// "Anna Holm og Per Berg var fraværende."
    static let absentPredicates = [
        "var fraværende", "er fraværende", "var begge fraværende", "var ikke til stede", "var ikke mødt",
        "havde meldt afbud", "har meldt afbud", "havde meldt forfald", "har meldt forfald", "meldte afbud",
        "deltog ikke i mødet", "deltog ikke på mødet", "deltog ikke i dagens møde", "var forhindret", "havde lovligt forfald", "havde forfald", "har forfald",
        "udeblev", "var ikke til stede", "mødte ikke",
        // An item calling in a substitute: "Eva Holm har meddelt, at hun vil være forhindret i at deltage i mødet …".
        "har meddelt, at hun vil være forhindret", "har meddelt, at han vil være forhindret", "har meddelt, at hun er forhindret",
        "har meddelt, at han er forhindret",
    ]

    /// What follows a list of names that did not take part in one item:
    /// "Pia Holm (V) deltog ikke i sagens behandling."
    static let notParticipatingPredicates = [
        "deltog ikke i behandlingen", "deltog ikke i sagens behandling", "deltog ikke i beslutningen",
        "deltog ikke i punktets behandling", "deltog ikke i punktet", "deltog ikke i sagen",
        "deltog ikke i drøftelsen", "deltog ikke i afstemningen", "deltog ikke under behandlingen",
        "deltog ikke i behandling", "deltager ikke i behandlingen", "medvirkede ikke ved behandlingen",
        "medvirkede ikke i behandlingen", "medvirkede ikke", "forlod mødet under behandlingen", "forlod mødet under punktet",
        "forlod lokalet under behandlingen", "forlod lokalet under sagens behandling", "forlod lokalet under punktet", "forlod lokalet",
        // "… forlod mødet kl. 19.15 efter behandlingen af punkt 3": gone for the items after.
        "forlod mødet",
        "erklærede sig inhabil", "erklærer sig inhabil", "erklærer sig inhabile", "blev erklæret inhabil", "var inhabil", "er erklæret inhabil", "var erklæret inhabil",
        "erklærede sig inhabile", "blev erklæret inhabile", "var inhabile", "er inhabile",
        "er inhabil", "deltog ikke under", "gjorde opmærksom på inhabilitet", "gjorde opmærksom på sin inhabilitet", "deltog ikke ved", "var forhindret i at deltage i", "var forhindrede i at deltage i", "var forhindret i at deltage", "deltog ikke i",
    ]

    /// Words before a list of absentees in a sentence about who came: "Alle var mødt undtagen …".
    static let absentExceptions = ["var mødt undtagen", "mødt undtagen", "til stede undtagen"]

    /// Offices printed before a name ("Borgmester Anna Holm", "næstformand Bo Berg"), and before
    /// two names joined by "og" ("Udvalgsmedlemmerne Eva Ny og Bo Berg deltog ikke").
    static let roles = [
        "Borgmester", "Viceborgmester", "Rådmand", "Formand", "Næstformand", "Udvalgsformand", "Regionsrådsformand", "Udvalgsmedlem",
        "Regionsrådsmedlem", "Byrådsmedlem", "Kommunalbestyrelsesmedlem", "Bestyrelsesmedlem", "Medlem",
        "Udvalgsmedlemmerne", "Byrådsmedlemmerne", "Kommunalbestyrelsesmedlemmerne", "Regionsrådsmedlemmerne", "Bestyrelsesmedlemmerne", "Medlemmerne",
    ]

    /// How the word of an office before a name ends, lower-cased: the offices above and the
    /// seats a board's members hold ("elevrepræsentant Bo Berg", "medarbejderrepræsentant Eva Ny").
    static let roleEndings = ["borgmester", "rådmand", "formand", "medlem", "medlemmerne", "repræsentant"]

    /// How a news page's heading opens, lower-cased ("Nyt fra byrådet den 21. juni 2031"): the
    /// page reports on a meeting; the line is not a record's header.
    static let newsOpenings = ["nyt fra ", "nyheder fra ", "nyhed fra "]

    /// Lower-case words inside a person's name: "Dorthe la Cour", "Luis da Silva Martins".
    static let nameParticles = ["af", "da", "de", "del", "di", "dos", "du", "la", "le", "van", "von", "den", "der", "ter"]
    static let nameParticleSet = Set(nameParticles)

    /// How the label of a group of a board's members ends ("Forældrevalgte:", "Elevrepræsentanter:",
    /// "Medarbejderrepræsentanter:", "Bestyrelsesmedlemmer:"), compared lower-cased: a school
    /// board's list of who came or not, by the groups its members sit for.
    static let memberGroupEndings = ["valgte", "repræsentanter", "repræsentant", "medlemmer", "suppleanter"]

    /// Words that are never part of a person's name, compared lower-cased.
    static let notInNames: Set<String> = [
        "punkt", "titel", "udskriv", "kommune", "kommunes", "region", "sager", "sag", "dagsorden", "referat", "bilag", "mødet",
        "byrådet", "udvalget", "kommunalbestyrelsen", "regionsrådet", "fraværende", "afbud", "godkendt", "beslutning", "ingen", "side", "dagsordenen",
        // What a transcript prints right after the header's names: "Bo Berg Næste møde 6. maj", "… Indholdsfortegnelse 1. …".
        "næste", "indholdsfortegnelse", "sagsoversigt", "sagsliste",
        // Parties, whose seats a list of absentees may speak of ("Det Konservative Folkepartis plads står tom").
        "venstre", "socialdemokratiet", "enhedslisten", "alternativet", "moderaterne",
    ]

    /// How the names of associations and companies end ("Vesterhavsbad Grundejerforening",
    /// "Boligselskabet Ny Bo"), lower-cased: a list of "Name, Association" lines names one
    /// person a line, never the association.
    /// A party ("Dansk Folkeparti") or a committee ("Nordby Lokaludvalg") is no person either.
    static let organisationEndings = ["forening", "foreningen", "selskab", "selskabet", "forbund", "forbundet", "parti", "partis", "partiet", "udvalg"]

    static func isOrganisationWord(_ word: Substring) -> Bool {
        let lower = word.lowercased()
        return organisationEndings.contains { lower.hasSuffix($0) }
    }

    /// How the names of meeting rooms and buildings end ("Byrådssalen", "Rådhuset",
    /// "Mødelokale"): such a word is never part of a person's name.
    static let placeEndings = ["salen", "sal", "rådhus", "rådhuset", "lokale", "lokalet"]

    static func isPlaceWord(_ word: Substring) -> Bool {
        let lower = word.lowercased()
        return placeEndings.contains { lower.hasSuffix($0) } && word.first?.isUppercase == true
    }

    /// Link texts web pages print after an item's title, glued to it or not ("29. LokalplanÅbn/luk
    /// punkt", "Godkendelse af dagsordenKlik her for at folde ud og læse mere om …"): cleaning
    /// drops them from the end of a line, and a title ends where one starts.
    static let linkTexts = ["Klik her for at folde ud og læse mere", "Åbn/luk punkt", "Læs mere", "Vis mere", "Fold ud"]

    /// Links a page showing one agenda item has, lower-cased: back to its meeting's list of
    /// items, or to all of its attachments. A page of one item with such a link is that item,
    /// even when it prints its meeting's body and date above it.
    static let itemPageLinks: Set<String> = ["tilbage til oversigt", "tilbage til oversigten", "se alle bilag"]

    /// Words that say a person came instead of an absentee: such a person is not absent.
    static let substituteWords = ["stedfortræder", "suppleant", "i stedet", "mødte for"]

    /// Verbs that open a remark saying the people before it came ("Eva Ny og Bo Lund deltager
    /// som stedfortrædere"), lower-cased: with a substitute word, the line names substitutes.
    static let attendanceVerbs = ["deltager", "deltog", "mødte", "møder"]
}
