import EvidenceVerifier
import Foundation
import PartnerRegistry

/// Draws a partner's verifications over time as an inline SVG: three labelled lanes (eligible,
/// eligible with a waiver, not eligible), one mark per verification at its as-of instant (a circle,
/// a diamond or a cross, so shape and lane say what colour says), a line through them in order, and
/// the UK months along the bottom. Each mark has a `<title>`; the picture a title and a description.
public enum SVGTimeline {
    /// One verification on the timeline.
    public struct Point: Sendable, Equatable {
        public let at: Date
        public let standing: VerificationStanding
        /// Shown in the mark's title, e.g. the report's file.
        public let note: String

        public init(at: Date, standing: VerificationStanding, note: String) {
            self.at = at
            self.standing = standing
            self.note = note
        }

        public init(_ verification: Verification) {
            self.init(at: verification.asOf, standing: VerificationStanding(verification), note: verification.reportPath)
        }
    }

    static let width = 960
    static let height = 200
    static let plotLeft = 210
    static let plotRight = 940
    static let axisY = 160
    /// At most this many month labels; longer spans label every second, third, … month.
    static let maximumLabels = 12

    static func laneY(_ standing: VerificationStanding) -> Int {
        switch standing {
        case .eligible: 36
        case .waived: 80
        case .notEligible: 124
        }
    }

    /// The SVG, or nil when there is nothing to draw.
    public static func svg(_ points: [Point], title: String, id: String = "timeline") -> String? {
        let points = points.sorted { $0.at < $1.at }
        guard let first = points.first, let last = points.last else { return nil }
        let escape = HTMLText.escaped
        let startMonth = UKMonth(containing: first.at), endMonth = UKMonth(containing: last.at).adding(1)
        let span = max(1, endMonth.start.timeIntervalSince(startMonth.start))
        func x(_ date: Date) -> Int {
            plotLeft + Int((Double(plotRight - plotLeft) * date.timeIntervalSince(startMonth.start) / span).rounded())
        }
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"picture\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" "
                + "aria-labelledby=\"\(id)-title \(id)-desc\">",
            "<title id=\"\(id)-title\">\(escape(title))</title>",
            "<desc id=\"\(id)-desc\">\(escape(description(points)))</desc>",
        ]
        for standing in VerificationStanding.allCases {
            let y = laneY(standing)
            parts.append("<line x1=\"\(plotLeft - 10)\" y1=\"\(y)\" x2=\"\(plotRight)\" y2=\"\(y)\" stroke=\"\(ReportStyle.rule.hex)\" stroke-dasharray=\"3 4\"/>")
            parts.append(SVG.text("\(standing.symbol) \(laneName(standing))", x: plotLeft - 18, y: y + 5, size: 14,
                                  weight: "bold", colour: ReportStyle.palette(standing.tone).text.hex, anchor: "end"))
        }
        parts.append("<line x1=\"\(plotLeft - 10)\" y1=\"\(axisY)\" x2=\"\(plotRight)\" y2=\"\(axisY)\" stroke=\"\(ReportStyle.ink.hex)\"/>")
        let months = startMonth.months(to: endMonth)
        let every = (months + maximumLabels - 1) / maximumLabels
        for offset in stride(from: 0, through: months, by: 1) {
            let month = startMonth.adding(offset), tickX = x(month.start)
            parts.append("<line x1=\"\(tickX)\" y1=\"\(axisY)\" x2=\"\(tickX)\" y2=\"\(axisY + 6)\" stroke=\"\(ReportStyle.ink.hex)\"/>")
            if offset < months, offset % every == 0 {
                // One month per label: centred in its month; sparser labels: centred on their tick.
                let labelX = every == 1 ? tickX + (x(month.adding(1).start) - tickX) / 2 : tickX
                parts.append(SVG.text("\(month.shortName) \(month.year)", x: labelX, y: axisY + 24, size: 13))
            }
        }
        let path = points.enumerated().map { index, point -> String in
            let command = index == 0 ? "M" : "H\(x(point.at)) V"
            return index == 0 ? "\(command)\(x(point.at)) \(laneY(point.standing))" : "\(command)\(laneY(point.standing))"
        }.joined(separator: " ")
        parts.append("<path d=\"\(path)\" fill=\"none\" stroke=\"\(ReportStyle.muted.hex)\" stroke-width=\"2\"/>")
        for point in points {
            parts.append("<g class=\"verification\"><title>\(escape(pointTitle(point)))</title>\(mark(point.standing, x: x(point.at), y: laneY(point.standing)))</g>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    static func laneName(_ standing: VerificationStanding) -> String {
        switch standing {
        case .eligible: "Eligible"
        case .waived: "Eligible with waiver"
        case .notEligible: "Not eligible"
        }
    }

    /// `1 April 2026, 13:00 UK time: ✔ ELIGIBLE (reports/…)`.
    static func pointTitle(_ point: Point) -> String {
        "\(ReadableInstant.string(point.at)): \(point.standing.symbol) \(point.standing.words)" + (point.note.isEmpty ? "" : " (\(point.note))")
    }

    /// What the timeline shows, in sentences.
    static func description(_ points: [Point]) -> String {
        let counts = VerificationStanding.allCases.map { standing -> String in
            "\(points.filter { $0.standing == standing }.count) \(laneName(standing).lowercased())"
        }.joined(separator: ", ")
        let count = points.count == 1 ? "1 verification" : "\(points.count) verifications"
        return "\(count) (\(counts)). " + points.map(pointTitle).joined(separator: "; ") + "."
    }

    /// A circle (eligible), a diamond (waived) or a cross (not eligible), in its tone's colour.
    private static func mark(_ standing: VerificationStanding, x: Int, y: Int) -> String {
        let colour = ReportStyle.palette(standing.tone).border.hex
        let outline = "stroke=\"\(ReportStyle.paper.hex)\" stroke-width=\"2\""
        switch standing {
        case .eligible:
            return "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"9\" fill=\"\(colour)\" \(outline)/>"
        case .waived:
            return "<polygon points=\"\(x),\(y - 11) \(x + 11),\(y) \(x),\(y + 11) \(x - 11),\(y)\" fill=\"\(colour)\" \(outline)/>"
        case .notEligible:
            return "<path d=\"M\(x - 8) \(y - 8) L\(x + 8) \(y + 8) M\(x + 8) \(y - 8) L\(x - 8) \(y + 8)\" stroke=\"\(colour)\" stroke-width=\"5\" stroke-linecap=\"round\"/>"
        }
    }
}
