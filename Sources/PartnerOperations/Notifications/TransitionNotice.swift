import EvidenceVerifier
import Foundation

/// What a `reverify` run tells people when something changed: the partners whose decision changed and
/// those that could not be re-verified, as JSON (for a webhook) and as a plain-text mail.
public struct TransitionNotice: Sendable, Encodable {
    public let event = "lcr-verify.reverify"
    public let asOf: Date
    public let transitions: [PartnerReverification]
    public let couldNotVerify: [PartnerReverification]
    public let partners: Int

    public init(asOf: Date, results: [PartnerReverification]) {
        self.asOf = asOf
        transitions = results.filter(\.isTransition)
        couldNotVerify = results.filter { $0.error != nil }
        partners = results.count
    }

    /// Whether there is anything to tell.
    public var isEmpty: Bool { transitions.isEmpty && couldNotVerify.isEmpty }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISOInstant.string(date))
        }
        return try encoder.encode(self)
    }

    public var subject: String {
        "lcr-verify: \(transitions.count) partner(s) changed decision, \(couldNotVerify.count) could not be re-verified (as of \(ISOInstant.string(asOf)))"
    }

    /// The mail's text: one line per transition or failure, then a count. Names are shown with control
    /// characters escaped.
    public var text: String {
        let changed = transitions.map { line in
            "\(line.odsCode) \(TerminalText.escaped(line.name)): \(line.previousDecision ?? "-") → \(line.decision ?? "-")"
                + (line.changes.isEmpty ? "" : "; " + line.changes.text) + (line.report.map { "; report \($0)" } ?? "")
        }
        let failed = couldNotVerify.map { "\($0.odsCode) \(TerminalText.escaped($0.name)): could not be re-verified: \(TerminalText.escaped($0.error ?? ""))" }
        return (changed + failed + ["\(partners) partner(s) re-verified as of \(ISOInstant.string(asOf))."]).joined(separator: "\n") + "\n"
    }

    private enum CodingKeys: String, CodingKey {
        case event, asOf, transitions, couldNotVerify, partners
    }
}
