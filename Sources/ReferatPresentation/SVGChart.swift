/// Bar charts as SVG drawn on the server: the archive page needs no script to show them.
enum SVGChart {
    /// Vertical columns, one per label (years).
    static func columns(_ values: [(String, Int)], label: String) -> String {
        guard let top = values.map(\.1).max(), top > 0 else { return "<p>Ingen data.</p>\n" }
        let width = 32, gap = 8, height = 180, base = height + 20
        let total = max(1, values.count) * (width + gap) + gap
        var svg = "<svg id=\"chart-years\" role=\"img\" aria-label=\"\(Markup.escape(label))\" width=\"\(total)\" height=\"\(base + 20)\" viewBox=\"0 0 \(total) \(base + 20)\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        for (i, (key, value)) in values.enumerated() {
            let h = max(1, value * height / top)
            let x = gap + i * (width + gap)
            svg += "<g><title>\(Markup.escape(key)): \(value)</title><rect x=\"\(x)\" y=\"\(base - h)\" width=\"\(width)\" height=\"\(h)\" fill=\"#2a6f97\"/>"
            svg += "<text x=\"\(x + width / 2)\" y=\"\(base - h - 4)\" text-anchor=\"middle\">\(value)</text>"
            svg += "<text x=\"\(x + width / 2)\" y=\"\(base + 14)\" text-anchor=\"middle\">\(Markup.escape(key))</text></g>\n"
        }
        return svg + "</svg>\n"
    }

    /// Horizontal bars, one per label (committees), the label on the left.
    static func bars(_ values: [(String, Int)], label: String) -> String {
        guard let top = values.map(\.1).max(), top > 0 else { return "<p>Ingen data.</p>\n" }
        let row = 20, labelWidth = 300, barWidth = 360
        let height = values.count * row + 10
        var svg = "<svg id=\"chart-committees\" role=\"img\" aria-label=\"\(Markup.escape(label))\" width=\"\(labelWidth + barWidth + 60)\" height=\"\(height)\" viewBox=\"0 0 \(labelWidth + barWidth + 60) \(height)\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        for (i, (key, value)) in values.enumerated() {
            let w = max(1, value * barWidth / top)
            let y = 5 + i * row
            let name = key.count > 45 ? String(key.prefix(44)) + "…" : key
            svg += "<g><title>\(Markup.escape(key)): \(value)</title><text x=\"\(labelWidth - 6)\" y=\"\(y + 14)\" text-anchor=\"end\">\(Markup.escape(name))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"\(row - 6)\" fill=\"#468faf\"/>"
            svg += "<text x=\"\(labelWidth + w + 4)\" y=\"\(y + 14)\">\(value)</text></g>\n"
        }
        return svg + "</svg>\n"
    }
}
