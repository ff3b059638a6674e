import EvidenceVerifier
import Foundation

/// Draws a `LapseCalendar` as an inline SVG strip of twelve months: each month's label, how many
/// partners lapse in it, and a row per reason (a lettered square and a count), with a legend. Every
/// month carries a `<title>` naming the partners and why, and the whole picture a title and a
/// description, so it reads without the picture and prints in black and white.
public enum SVGCalendarStrip {
    static let cellWidth = 80
    static let width = cellWidth * LapseCalendar.monthCount
    static let height = 232

    /// A dark fill per reason, each with white text at well over 4.5:1; the letter says the same.
    static func fill(_ reason: LapseReason) -> String {
        switch reason {
        case .dsptDeadline: "#1f4e79"
        case .training: "#5b2a86"
        case .certificate: "#7a3e00"
        case .unknown: ReportStyle.muted.hex
        }
    }

    public static func svg(_ calendar: LapseCalendar, id: String = "lapse-calendar") -> String {
        let escape = HTMLText.escaped
        let total = calendar.months.map(\.entries.count).reduce(0, +)
        let first = calendar.months.first?.month.name ?? "", last = calendar.months.last?.month.name ?? ""
        var parts: [String] = []
        parts.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"picture\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" "
            + "aria-labelledby=\"\(id)-title \(id)-desc\">")
        parts.append("<title id=\"\(id)-title\">Partners whose verification lapses, month by month, \(escape(first)) to \(escape(last))</title>")
        parts.append("<desc id=\"\(id)-desc\">\(escape(description(calendar, total: total)))</desc>")
        for (index, month) in calendar.months.enumerated() {
            parts.append(cell(month, x: index * cellWidth, isFirst: index == 0))
        }
        parts.append(legend(y: height - 22))
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// What the strip shows, in sentences (the picture's description).
    static func description(_ calendar: LapseCalendar, total: Int) -> String {
        let busy = calendar.months.filter { !$0.entries.isEmpty }.map { month -> String in
            "\(month.month.name): \(summary(month))"
        }
        return (busy.isEmpty ? ["No partner's verification lapses in these twelve months."] : busy).joined(separator: ". ") + "."
    }

    /// `2 partners: B86001 (DSPT deadline), RR8 (training)`.
    static func summary(_ month: LapseCalendar.Month) -> String {
        let count = month.entries.count
        let who = month.entries.map { "\($0.odsCode) (\($0.lapse.reason.words))" }.joined(separator: ", ")
        return count == 0 ? "no partner lapses" : "\(count) \(count == 1 ? "partner" : "partners") lapse: \(who)"
    }

    private static func cell(_ month: LapseCalendar.Month, x: Int, isFirst: Bool) -> String {
        let escape = HTMLText.escaped
        let count = month.entries.count
        let border = isFirst ? ReportStyle.ink.hex : ReportStyle.rule.hex
        let middle = x + cellWidth / 2
        var shapes = [
            "<g class=\"month\"><title>\(escape(month.month.name)): \(escape(summary(month)))</title>",
            "<rect x=\"\(x + 2)\" y=\"2\" width=\"\(cellWidth - 4)\" height=\"\(height - 40)\" rx=\"4\" fill=\"\(ReportStyle.paper.hex)\" "
                + "stroke=\"\(border)\" stroke-width=\"\(isFirst ? 2 : 1)\"/>",
            SVG.text(month.month.shortName, x: middle, y: 24, size: 16, weight: "bold"),
            SVG.text(String(month.month.year), x: middle, y: 42, size: 13, colour: ReportStyle.muted.hex),
            SVG.text(String(count), x: middle, y: 82, size: 30, weight: "bold", colour: count == 0 ? ReportStyle.muted.hex : ReportStyle.ink.hex),
            SVG.text(count == 1 ? "partner" : "partners", x: middle, y: 100, size: 12, colour: ReportStyle.muted.hex),
        ]
        var row = 0
        for reason in LapseReason.allCases {
            let reasonCount = month.count(reason)
            guard reasonCount > 0 else { continue }
            let y = 114 + row * 26
            shapes.append(badge(reason, x: x + 12, y: y))
            shapes.append(SVG.text("× \(reasonCount)", x: x + 38, y: y + 15, size: 14, anchor: "start"))
            row += 1
        }
        shapes.append("</g>")
        return shapes.joined()
    }

    /// A lettered square for a reason: the letter says what the colour says.
    static func badge(_ reason: LapseReason, x: Int, y: Int) -> String {
        "<rect x=\"\(x)\" y=\"\(y)\" width=\"20\" height=\"20\" rx=\"3\" fill=\"\(fill(reason))\"/>"
            + SVG.text(reason.letter, x: x + 10, y: y + 15, size: 13, weight: "bold", colour: ReportStyle.paper.hex)
    }

    private static func legend(y: Int) -> String {
        var x = 4
        var parts = ["<g class=\"legend\">"]
        for reason in LapseReason.allCases {
            parts.append(badge(reason, x: x, y: y))
            let label = reason == .unknown ? "reason not known" : reason.words
            parts.append(SVG.text(label, x: x + 26, y: y + 15, size: 14, anchor: "start"))
            x += 26 + label.count * 8 + 30
        }
        parts.append("</g>")
        return parts.joined()
    }
}
