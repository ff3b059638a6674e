import PartnerRegistry

/// What changed in a partner's findings between two verifications, each finding written
/// `prerequisite/code`, sorted: findings that appeared or disappeared, and findings that a waiver
/// began or stopped accepting.
public struct FindingChanges: Sendable, Equatable, Codable {
    public var added: [String]
    public var removed: [String]
    public var nowWaived: [String]
    public var noLongerWaived: [String]

    public init(added: [String] = [], removed: [String] = [], nowWaived: [String] = [], noLongerWaived: [String] = []) {
        self.added = added
        self.removed = removed
        self.nowWaived = nowWaived
        self.noLongerWaived = noLongerWaived
    }

    public init(from previous: [RecordedFinding], to current: [RecordedFinding]) {
        let before = Dictionary(previous.map { (Self.label($0), $0.waived) }, uniquingKeysWith: { $0 || $1 })
        let after = Dictionary(current.map { (Self.label($0), $0.waived) }, uniquingKeysWith: { $0 || $1 })
        let kept = Set(before.keys).intersection(after.keys)
        self.init(
            added: Set(after.keys).subtracting(before.keys).sorted(),
            removed: Set(before.keys).subtracting(after.keys).sorted(),
            nowWaived: kept.filter { after[$0] == true && before[$0] == false }.sorted(),
            noLongerWaived: kept.filter { after[$0] == false && before[$0] == true }.sorted())
    }

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && nowWaived.isEmpty && noLongerWaived.isEmpty }

    /// "added a, b; removed c; now waived d; no longer waived e", or "" when nothing changed.
    public var text: String {
        [("added", added), ("removed", removed), ("now waived", nowWaived), ("no longer waived", noLongerWaived)]
            .filter { !$0.1.isEmpty }
            .map { "\($0.0) \($0.1.joined(separator: ", "))" }
            .joined(separator: "; ")
    }

    static func label(_ finding: RecordedFinding) -> String {
        "\(finding.prerequisite)/\(finding.code)"
    }
}
