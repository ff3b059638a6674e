import EvidenceVerifier

/// The few SVG elements the pictures draw text with; every string is escaped.
enum SVG {
    static func text(
        _ content: String, x: Int, y: Int, size: Int, weight: String = "normal", colour: String = ReportStyle.ink.hex, anchor: String = "middle"
    ) -> String {
        "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\" font-weight=\"\(weight)\" fill=\"\(colour)\" text-anchor=\"\(anchor)\">"
            + HTMLText.escaped(content) + "</text>"
    }
}
