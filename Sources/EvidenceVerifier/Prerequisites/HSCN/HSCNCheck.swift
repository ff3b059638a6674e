import Foundation

/// Prerequisite 3, an active HSCN connection: the declared HSCN certificates (chain to `--trust DIR/hscn`,
/// dates, key strength, signature digest, no CA as leaf) and a live TLS probe of every declared endpoint,
/// which must present one of those certificates.
public struct HSCNCheck: Check {
    public let id = PrerequisiteID.hscn
    /// Largest certificate file read; real ones are a few kilobytes.
    static let maximumFileBytes = 1 << 20

    public init() {}

    public func evaluate(_ context: VerificationContext) async -> CheckOutcome {
        var findings: [Finding] = []
        let anchors: [Certificate]? = context.hscnAnchors.isEmpty ? nil : context.hscnAnchors
        if anchors == nil {
            findings.append(.error(.hscnTrustAnchorsUnavailable, "No HSCN trust anchors (--trust DIR/hscn), so no HSCN certificate can be trusted."))
        }

        let rules = HSCNCertificateRules(policy: context.policy.hscn, anchors: anchors, asOf: context.asOf)
        let files = context.bundle.usableFiles(.hscnCertificate)
        if files.isEmpty { findings.append(UnusableEvidence.finding(.hscnCertificate, code: .certificateMissing, in: context.bundle)) }
        var lapses: [Date] = []
        var declared = Set<String>()
        var acceptedFiles = 0
        for file in files {
            let path = file.entry.path
            let certificates: [Certificate]
            switch read(file) {
            case .success(let parsed): certificates = parsed
            case .failure(let problem):
                findings.append(.error(.certificateMalformed, "\(path) \(problem.problem).", evidence: path))
                continue
            }
            let assessment = rules.assess(certificates, evidence: path)
            findings += assessment.findings
            if let lapse = assessment.lapse { lapses.append(lapse) }
            if let leaf = assessment.leafSha256 { declared.insert(leaf) }
            if assessment.isAcceptable { acceptedFiles += 1 }
        }

        let endpoints = await HSCNEndpointRules(context: context, anchors: anchors ?? [], declaredCertificates: declared).assess()
        findings += endpoints.findings
        return CheckOutcome(
            summary: summary(files: files.count, acceptedFiles: acceptedFiles, records: endpoints.records, context: context),
            findings: findings, lapses: lapses, endpoints: endpoints.records)
    }

    private func read(_ file: EvidenceFile) -> Result<[Certificate], CertificateParseError> {
        let data: Data
        switch file.content?.data(limit: Self.maximumFileBytes) {
        case .success(let whole?): data = whole
        case .success(nil):
            return .failure(CertificateParseError("is larger than \(Self.maximumFileBytes) bytes, too large for a certificate file"))
        case .failure, nil:
            return .failure(CertificateParseError("cannot be read"))
        }
        return Result { () throws(CertificateParseError) in try Certificate.parseAll(data) }
    }

    private func summary(files: Int, acceptedFiles: Int, records: [EndpointRecord], context: VerificationContext) -> String {
        var parts: [String] = []
        if files == 0 {
            parts.append("no usable HSCN certificate")
        } else if acceptedFiles == files {
            parts.append("\(files) HSCN certificate file\(files == 1 ? "" : "s") valid and trusted")
        } else {
            parts.append("\(files - acceptedFiles) of \(files) HSCN certificate files failed")
        }
        let declared = context.manifest?.hscn?.endpoints.count ?? 0
        if declared == 0 {
            parts.append("no endpoints declared")
        } else if declared > context.policy.probe.maximumEndpoints {
            parts.append("\(declared) endpoints declared, more than the \(context.policy.probe.maximumEndpoints) allowed")
        } else if !context.probeEndpoints {
            parts.append("\(declared) endpoint\(declared == 1 ? "" : "s") not probed")
        } else {
            let passed = records.filter { $0.status == .ok }.count
            parts.append("\(passed) of \(records.count) endpoint\(records.count == 1 ? "" : "s") passed the live TLS probe")
        }
        return parts.joined(separator: "; ")
    }
}
