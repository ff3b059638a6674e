import EvidenceVerifier
import Foundation
import PartnerOperations

/// What `reverify` prints: one line per partner (ODS, previous → new decision, findings added and
/// removed, a lapse within the notice period) and a closing summary line; or the same as JSON.
struct ReverifySummary: Encodable {
    var asOf: Date
    var noticeDays: Int
    var partners: [PartnerReverification]
    var eligible: Int { partners.filter(\.isEligible).count }
    var notEligible: Int { partners.filter { $0.decision != nil && !$0.isEligible }.count }
    var failed: Int { partners.filter { $0.error != nil }.count }
    var transitions: Int { partners.filter(\.isTransition).count }

    private enum CodingKeys: String, CodingKey {
        case asOf, noticeDays, partners, summary
    }

    private struct Counts: Encodable {
        var partners, eligible, notEligible, couldNotVerify, transitions: Int
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(noticeDays, forKey: .noticeDays)
        try container.encode(partners, forKey: .partners)
        try container.encode(
            Counts(partners: partners.count, eligible: eligible, notEligible: notEligible, couldNotVerify: failed, transitions: transitions),
            forKey: .summary)
    }

    var text: String {
        let lines = partners.map { line -> String in
            guard let decision = line.decision else { return "\(line.odsCode)  could not be re-verified: \(TerminalText.escaped(line.error ?? ""))" }
            var parts = ["\(line.odsCode)  \(line.previousDecision.map { "\($0) → " } ?? "new → ")\(decision)\(line.isTransition ? "  (changed)" : "")"]
            if !line.changes.isEmpty { parts.append(line.changes.text) }
            if line.lapsesSoon, let reverifyBy = line.reverifyBy { parts.append("lapses by \(ISOInstant.string(reverifyBy))") }
            return parts.joined(separator: "; ")
        }
        let closing = "\(partners.count) partner(s) re-verified as of \(ISOInstant.string(asOf)): \(eligible) eligible, "
            + "\(notEligible) not eligible, \(transitions) changed decision" + (failed > 0 ? ", \(failed) could not be re-verified" : "")
        return (lines + [closing]).joined(separator: "\n") + "\n"
    }
}
