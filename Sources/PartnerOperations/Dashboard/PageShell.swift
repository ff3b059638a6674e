import EvidenceVerifier

/// The frame every registry page shares with the report pages: one self-contained HTML document with
/// the report's inline style sheet (plus the few rules tables of partners and pictures need), no
/// script and nothing loaded from elsewhere.
enum PageShell {
    static let extraCSS = """
        body{max-width:72rem}
        nav.filter ul{list-style:none;padding:0;margin:.4rem 0;display:flex;flex-wrap:wrap;gap:.3rem .9rem}
        nav.filter a{font-weight:bold}
        svg.picture{width:100%;height:auto;display:block;margin:.4rem 0;font-family:"DejaVu Sans","Segoe UI",Arial,sans-serif}
        table.partners td,table.partners th{font-size:.9rem}
        table.partners td ul{margin:0;padding-left:1rem}
        table.partners .note{font-size:.9em}
        .lapse{display:block}
        .small{font-size:.85em}
        h2 .mark{font-size:1.2rem}
        @media print{nav.filter{display:none}svg.picture{break-inside:avoid}section.status{break-inside:avoid-page}table.partners td,table.partners th{font-size:8.5pt}}
        """

    static func document(title: String, body: [String]) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escaped(title))</title>
        <style>
        \(ReportStyle.css)
        \(extraCSS)
        </style>
        </head><body>
        \(body.joined(separator: "\n"))
        </body></html>

        """
    }

    /// A symbol and a word in a tone's colour: `✔ ELIGIBLE`.
    static func mark(_ symbol: String, _ word: String, tone: ReportStyle.Tone) -> String {
        "<span class=\"mark tone-\(tone.rawValue)\"><span aria-hidden=\"true\">\(symbol)</span> \(HTMLText.escaped(word))</span>"
    }
}
