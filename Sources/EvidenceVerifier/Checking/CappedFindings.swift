/// Collects findings but lists at most `limitPerCode` of each code for each file, then one
/// summary, so a hostile file cannot produce a million findings.
struct CappedFindings {
    /// The default number of findings listed per code and file.
    static let defaultLimit = 50

    let limitPerCode: Int
    private var listed: [Finding] = []
    private var seen: [Key: Int] = [:]
    private var cut: [Key: Severity] = [:]
    private var cutOrder: [Key] = []

    private struct Key: Hashable {
        let code: FindingCode
        let evidence: String?
    }

    init(limitPerCode: Int = CappedFindings.defaultLimit) {
        self.limitPerCode = limitPerCode
    }

    mutating func append(_ finding: Finding) {
        let key = Key(code: finding.code, evidence: finding.evidence)
        let count = seen[key, default: 0] + 1
        seen[key] = count
        if count <= limitPerCode {
            listed.append(finding)
        } else if let severity = cut[key] {
            cut[key] = max(severity, finding.severity)
        } else {
            cut[key] = finding.severity
            cutOrder.append(key)
        }
    }

    /// The listed findings, then one summary for each code and file that went over the limit.
    var findings: [Finding] {
        listed + cutOrder.map { key in
            let more = seen[key, default: 0] - limitPerCode
            return Finding(
                key.code, cut[key] ?? .info,
                "\(more) more \(key.code) finding\(more == 1 ? " is" : "s are") not listed (only the first \(limitPerCode) are)",
                evidence: key.evidence
            )
        }
    }
}
