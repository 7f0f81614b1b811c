/// An agenda whose table cells a page's viewer ran together: the item's number, the minutes
/// set aside for it and its title in one string ("Punkt 15 minGodkendelse af dagsorden" is item
/// 1, five minutes), as school boards' agendas on Aula print. The digits hold both numbers; the
/// items count on by one, so the split that makes every such line follow the one before is the
/// one meant. Each line is rewritten as its item's number and title ("Punkt 1 Godkendelse af
/// dagsorden"), the minutes dropped; where no split makes two or more lines count on, none is
/// touched.
enum GluedItemDurations {
    static func split(_ lines: inout [SourceLine]) {
        // The pattern only where the bytes allow it: "Punkt" or "Pkt", a digit, "min".
        let found = lines.indices.compactMap { i in
            mayBeGlued(lines[i].text) ? lines[i].text.wholeMatch(of: glued).map { (i, $0) } : nil
        }
        guard found.count >= 2 else { return }
        // Every way to read the first line, kept when each later line can follow it.
        for first in splits(String(found[0].1.digits)) {
            var numbers = [first.number]
            for (_, m) in found.dropFirst() {
                guard let next = splits(String(m.digits)).first(where: { $0.number == numbers.last! + 1 }) else { break }
                numbers.append(next.number)
            }
            guard numbers.count == found.count else { continue }
            for ((i, m), number) in zip(found, numbers) {
                lines[i].text = "\(m.word) \(number) \(m.title)"
            }
            return
        }
    }

    /// "Punkt 15 minGodkendelse …": the word, the digits of number and minutes, "min", the title.
    nonisolated(unsafe) static let glued = #/(?<word>Punkt|Pkt\.?)\s?(?<digits>[0-9]{2,5})\s?min\.?\s?(?<title>\p{Lu}.*)/#

    /// The ways to cut `digits` into an item's number and its minutes (1–180, no leading zero).
    static func splits(_ digits: String) -> [(number: Int, minutes: Int)] {
        (1..<digits.count).compactMap { cut in
            let number = digits.prefix(cut), minutes = digits.dropFirst(cut)
            guard number.first != "0", minutes.first != "0", let n = Int(number), let m = Int(minutes), (1...180).contains(m) else { return nil }
            return (n, m)
        }
    }

    /// Whether `line` can match `glued`: it opens with "Punkt" or "Pkt", a digit follows, and
    /// "min" stands in it.
    static func mayBeGlued(_ line: String) -> Bool {
        (line.hasPrefix("Punkt") || line.hasPrefix("Pkt")) && line.utf8.dropFirst(3).prefix(5).contains(where: \.isASCIIDigit)
            && line.containsBytes("min")
    }
}
