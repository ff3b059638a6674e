import Foundation

/// `evidence-integrity`: the manifest is present and valid, signed by a trusted officer whose
/// certificate is valid at the as-of instant, every listed file is present, inside the bundle and
/// matches its SHA-256, and every per-file signature holds. Unlisted files and unknown kinds warn.
public struct EvidenceIntegrityCheck: Check {
    public let id = PrerequisiteID.evidenceIntegrity
    /// At most this many unlisted files are named one by one; the rest are counted in one finding.
    static let unlistedFindingLimit = 20

    public init() {}

    public func evaluate(_ context: VerificationContext) async -> CheckOutcome {
        let bundle = context.bundle
        switch bundle.manifest {
        case .missing:
            return CheckOutcome(
                summary: "the bundle has no manifest.json, so nothing in it can be verified",
                findings: [.error(.manifestMissing, "The bundle has no manifest.json at its root.", evidence: EvidenceBundleReader.manifestName)])
        case .invalid(let problem):
            return CheckOutcome(
                summary: "manifest.json cannot be used",
                findings: [.error(.manifestInvalid, "\(problem).", evidence: EvidenceBundleReader.manifestName)])
        case .parsed:
            break
        }

        var findings = manifestSignatureFindings(context)
        var lapses: [Date] = []
        if let signer = context.signatures.manifestSigner { lapses.append(signer.notAfter) }
        for file in bundle.files {
            findings += fileFindings(file)
            if let verdict = context.signatures.files[file.index] {
                findings += signatureFindings(verdict, evidence: file.entry.signature, of: "The signature over \(file.entry.path)")
                if case .valid(let signer, _) = verdict { lapses.append(signer.notAfter) }
            }
        }
        findings += unlistedFindings(bundle.unlistedPaths)
        findings += bundle.ambiguousNames.map { spellings in
            Finding.error(.evidencePathAmbiguous, "The bundle holds names that read the same but are different bytes (\(spellings.joined(separator: " and "))); a reviewer cannot tell which one was signed.", evidence: spellings.first)
        }

        let intact = bundle.files.filter(\.isIntact).count
        let signer = context.signatures.manifestSigner.map { "; manifest signed by \($0.subject)" } ?? ""
        return CheckOutcome(
            summary: "\(intact) of \(bundle.files.count) listed files intact\(signer)",
            findings: findings, lapses: lapses)
    }

    private func manifestSignatureFindings(_ context: VerificationContext) -> [Finding] {
        guard let verdict = context.signatures.manifest else {
            let name = EvidenceBundleReader.manifestSignatureName
            let message = context.bundle.manifestSignatureProblem.map { "The manifest is not signed: \(name) \($0), so it was not read." }
                ?? "The manifest is not signed (no \(name))."
            return context.policy.evidence.requireManifestSignature
                ? [.error(.manifestUnsigned, message + " The policy requires a signature by the responsible officer.", evidence: name)]
                : [.warning(.manifestUnsigned, message, evidence: name)]
        }
        return signatureFindings(verdict, evidence: EvidenceBundleReader.manifestSignatureName, of: "The manifest signature")
    }

    private func signatureFindings(_ verdict: SignatureVerification, evidence: String?, of what: String) -> [Finding] {
        switch verdict {
        case .valid(let signer, .exactBytes):
            return [.info(.signatureValid, "\(what) is valid, by \(signer.subject).", evidence: evidence)]
        case .valid(let signer, .canonicalText):
            return [.warning(.signatureTextMode, "\(what) is valid, by \(signer.subject), but was made in S/MIME text mode (line endings normalised); sign with openssl cms -sign -binary so it covers the exact bytes.", evidence: evidence)]
        case .invalid(let failure, let reason, _):
            return [.error(failure.code, "\(what) \(reason).", evidence: evidence)]
        }
    }

    private func fileFindings(_ file: EvidenceFile) -> [Finding] {
        let path = file.entry.path
        var findings: [Finding] = []
        switch file.state {
        case .intact:
            break
        case .digestMismatch(let actual, _):
            findings.append(.error(.evidenceDigestMismatch, "\(path) has SHA-256 \(actual), but the manifest pins \(file.entry.sha256.lowercased()): the file was changed after the manifest was made.", evidence: path))
        case .unread:
            // Settled before any check runs; a file still unread here was never hashed, so nothing vouches for it.
            findings.append(.error(.evidenceUnreadable, "\(path) was not read, so its SHA-256 is unknown.", evidence: path))
        case .missing:
            findings.append(.error(.evidenceMissing, "\(path) is listed in the manifest but is not in the bundle.", evidence: path))
        case .outsideBundle(let reason):
            findings.append(.error(.evidencePathRefused, "The listed path \"\(path.prefix(200))\" \(reason); it was not read.", evidence: String(path.prefix(200))))
        case .notARegularFile:
            findings.append(.error(.evidenceNotAFile, "\(path) is not a regular file.", evidence: path))
        case .ambiguous(let twin):
            findings.append(.error(.evidencePathAmbiguous, "The listed path \"\(path.prefix(200))\" reads the same as \"\(twin.prefix(200))\" but is different bytes (another Unicode spelling); it was not read.", evidence: String(path.prefix(200))))
        case .tooLarge(let limit):
            findings.append(.error(.evidenceTooLarge, "\(path) is larger than the \(limit) bytes allowed; it was not read.", evidence: path))
        case .unreadable(let reason):
            findings.append(.error(.evidenceUnreadable, "\(path) cannot be read (\(reason)).", evidence: path))
        }
        if case .unusable(let reason) = file.signature {
            findings.append(.error(.signatureMissing, "\(path) names a signature that cannot be used: \(reason).", evidence: file.entry.signature))
        }
        if file.entry.knownKind == nil {
            findings.append(.warning(.evidenceUnknownKind, "\(path) has the unknown kind \"\(file.entry.kind.prefix(64))\"; it was checked for integrity only.", evidence: path, location: "field kind"))
        }
        return findings
    }

    private func unlistedFindings(_ paths: [String]) -> [Finding] {
        var findings = paths.prefix(Self.unlistedFindingLimit).map { path in
            Finding.warning(.evidenceUnlisted, "\(path) is in the bundle but not in the manifest, so no signature covers it; it was ignored.", evidence: path)
        }
        if paths.count > Self.unlistedFindingLimit {
            findings.append(.warning(.evidenceUnlisted, "\(paths.count - Self.unlistedFindingLimit) more files are in the bundle but not in the manifest."))
        }
        return findings
    }
}

extension FindingCode {
    public static let manifestMissing = FindingCode("manifest.missing")
    public static let manifestInvalid = FindingCode("manifest.invalid")
    public static let manifestUnsigned = FindingCode("manifest.unsigned")
    public static let signatureValid = FindingCode("signature.valid")
    public static let signatureMissing = FindingCode("signature.missing")
    public static let signatureTextMode = FindingCode("signature.text-mode")
    public static let evidenceDigestMismatch = FindingCode("evidence.digest-mismatch")
    public static let evidenceMissing = FindingCode("evidence.missing")
    public static let evidencePathRefused = FindingCode("evidence.path-refused")
    /// Two names (listed, or in the bundle) are the same text in different Unicode spellings.
    public static let evidencePathAmbiguous = FindingCode("evidence.path-ambiguous")
    public static let evidenceNotAFile = FindingCode("evidence.not-a-file")
    public static let evidenceTooLarge = FindingCode("evidence.too-large")
    public static let evidenceUnreadable = FindingCode("evidence.unreadable")
    public static let evidenceUnknownKind = FindingCode("evidence.unknown-kind")
    public static let evidenceUnlisted = FindingCode("evidence.unlisted")
}
