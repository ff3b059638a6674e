/// The HTML page's inline style sheet and its colours. Every colour pair text is drawn in is listed in
/// `textPairs`, so a test can hold each to the WCAG AA contrast ratio (4.5:1). Colour only ever
/// repeats what a symbol and a word already say. In print the tinted backgrounds become white and
/// the borders stay, so a page on A4 needs no ink behind text.
public enum ReportStyle {
    /// The feeling a mark carries; pages colour by it, always beside the mark's word.
    public enum Tone: String, CaseIterable, Sendable {
        case good, caution, bad, neutral
    }

    /// A colour as CSS hex.
    public struct Colour: Equatable, Sendable {
        public let hex: String
    }

    /// Text and background colours for one tone.
    public struct Palette: Sendable {
        public let text: Colour
        public let tint: Colour
        public let border: Colour
    }

    public static let ink = Colour(hex: "#1b1d21")
    public static let muted = Colour(hex: "#4b5058")
    public static let paper = Colour(hex: "#ffffff")
    public static let rule = Colour(hex: "#8a9099")

    public static func palette(_ tone: Tone) -> Palette {
        switch tone {
        case .good: Palette(text: Colour(hex: "#0b5d28"), tint: Colour(hex: "#e6f4ea"), border: Colour(hex: "#1e7f3c"))
        case .caution: Palette(text: Colour(hex: "#6b4000"), tint: Colour(hex: "#fff4d6"), border: Colour(hex: "#b07800"))
        case .bad: Palette(text: Colour(hex: "#9b1116"), tint: Colour(hex: "#fdeaea"), border: Colour(hex: "#b3261e"))
        case .neutral: Palette(text: Colour(hex: "#33404f"), tint: Colour(hex: "#eef1f4"), border: Colour(hex: "#6b7785"))
        }
    }

    /// Every (text, background) pair the page draws text in.
    static var textPairs: [(text: Colour, background: Colour)] {
        var pairs = [(ink, paper), (muted, paper)]
        for tone in Tone.allCases {
            let palette = palette(tone)
            pairs += [(palette.text, palette.tint), (palette.text, paper), (ink, palette.tint)]
        }
        return pairs
    }

    public static var css: String {
        let tones = Tone.allCases.map { tone in
            let palette = palette(tone)
            return ".tone-\(tone.rawValue){border-color:\(palette.border.hex)}"
                + ".tone-\(tone.rawValue).box{background:\(palette.tint.hex)}"
                + ".tone-\(tone.rawValue) .mark,.mark.tone-\(tone.rawValue){color:\(palette.text.hex)}"
        }.joined(separator: "\n")
        return """
            @page{size:A4;margin:14mm 12mm}
            *{box-sizing:border-box}
            body{font-family:"DejaVu Sans","Segoe UI",Arial,sans-serif;color:\(ink.hex);background:\(paper.hex);margin:0 auto;padding:1.5rem 2rem;max-width:60rem;line-height:1.45;font-size:15px}
            h1{font-size:1.7rem;margin:.2rem 0 .4rem}
            h1 .mark{font-size:2.1rem;display:inline-block}
            h1 .sentence{color:\(ink.hex)}
            h2{font-size:1.3rem;margin:1.8rem 0 .6rem;padding-bottom:.2rem;border-bottom:2px solid \(rule.hex)}
            h3{font-size:1.1rem;margin:0 0 .3rem}
            h4{font-size:1rem;margin:.8rem 0 .3rem}
            p{margin:.3rem 0}
            .kicker,.note{color:\(muted.hex);font-size:.9rem}
            .box{border:2px solid \(rule.hex);border-left-width:.6rem;border-radius:4px;padding:.7rem 1rem;margin:.8rem 0}
            .signature{font-weight:bold}
            .mark{font-weight:bold;white-space:nowrap}
            table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
            caption{text-align:left;font-weight:bold;padding:.3rem 0}
            th,td{border:1px solid \(rule.hex);padding:.35rem .5rem;text-align:left;vertical-align:top}
            thead th{background:#f2f4f6}
            table.facts th{width:13rem;background:transparent}
            code{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:.85em;overflow-wrap:anywhere}
            code.digest{display:inline-block;width:32ch}
            ol.findings{margin:.3rem 0 .6rem;padding-left:1.6rem}
            ol.findings li{margin:.45rem 0;break-inside:avoid}
            dl{display:grid;grid-template-columns:9.5rem 1fr;gap:.15rem .6rem;margin:.25rem 0}
            dt{font-weight:bold;color:\(muted.hex)}
            dd{margin:0}
            .message{font-weight:bold}
            section.prerequisite{break-inside:avoid-page}
            section.prerequisite.tone-good{background:\(paper.hex)}
            h2,h3,h4,caption{break-after:avoid}
            tr{break-inside:avoid}
            thead{display:table-header-group}
            \(tones)
            @media print{body{padding:0;max-width:none;font-size:10.5pt}.box{background:\(paper.hex) !important}thead th{background:\(paper.hex)}section.prerequisite{break-inside:auto}}
            """
    }
}
