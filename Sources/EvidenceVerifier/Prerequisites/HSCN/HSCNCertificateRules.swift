import Foundation

/// The HSCN certificate rules for one evidence file (leaf first, then any intermediates): a chain to an
/// HSCN anchor at the as-of instant, validity dates, key strength, signature digest, and a leaf that is
/// not a CA. Each broken rule is its own finding, so an applicant sees everything to fix at once.
struct HSCNCertificateRules {
    let policy: Policy.HSCN
    /// HSCN anchors; nil when they could not be loaded (the chain rule is then reported once, by the check).
    let anchors: [Certificate]?
    let asOf: Date

    func assess(_ certificates: [Certificate], evidence path: String) -> HSCNCertificateAssessment {
        var result = HSCNCertificateAssessment()
        guard let leaf = certificates.first else { return result }
        result.leafSha256 = leaf.sha256Fingerprint

        for (position, certificate) in certificates.enumerated() {
            let role = position == 0 ? "leaf" : "intermediate \(position)"
            let location = "certificate \(position + 1) (\(role))"
            result.findings.append(.info(.certificateDetails, describe(certificate, role: role), evidence: path, location: location))
            result.findings += dateFindings(certificate, evidence: path, location: location)
            result.findings += strengthFindings(certificate, evidence: path, location: location)
        }
        if leaf.isCA {
            result.findings.append(.error(
                .certificateCAAsLeaf,
                "\(leaf.subject) is a CA certificate; an HSCN endpoint must present an end-entity certificate.",
                evidence: path, location: "certificate 1 (leaf)"))
        }

        let hasDateError = result.findings.contains { [.certificateExpired, .certificateNotYetValid].contains($0.code) }
        guard let anchors else { return result }
        let chain = ChainVerifier(anchors: anchors)
            .verify(leaf, intermediates: Array(certificates.dropFirst()), at: asOf, purpose: .tlsServer)
        switch chain {
        case .trusted(let chain):
            result.lapse = chain.map(\.notAfter).min()
        case .failed(.expired, let reason) where !hasDateError:
            result.findings.append(.error(.certificateExpired, "The chain of \(leaf.subject) has expired as of \(ISOInstant.string(asOf)): \(reason).", evidence: path))
        case .failed(.notYetValid, let reason) where !hasDateError:
            result.findings.append(.error(.certificateNotYetValid, "The chain of \(leaf.subject) is not yet valid at \(ISOInstant.string(asOf)): \(reason).", evidence: path))
        case .failed(.expired, _), .failed(.notYetValid, _):
            break  // already reported per certificate
        case .failed(.wrongPurpose, _) where leaf.isCA:
            break  // already reported as a CA presented as the leaf
        case .failed(.wrongPurpose, let reason):
            result.findings.append(.error(
                .certificateUntrusted,
                "\(leaf.subject) is not meant for a TLS server (its key usage or extended key usage excludes serverAuth): \(reason).",
                evidence: path))
        case .failed(_, let reason):
            result.findings.append(.error(
                .certificateUntrusted,
                "\(leaf.subject) does not chain to an HSCN trust anchor (--trust DIR/hscn): \(reason).", evidence: path))
        }
        return result
    }

    private func dateFindings(_ certificate: Certificate, evidence: String, location: String) -> [Finding] {
        if asOf < certificate.notBefore {
            return [.error(
                .certificateNotYetValid,
                "\(certificate.subject) is not valid until \(ISOInstant.string(certificate.notBefore)) (as of \(ISOInstant.string(asOf))).",
                evidence: evidence, location: location)]
        }
        if asOf > certificate.notAfter {
            return [.error(
                .certificateExpired,
                "\(certificate.subject) expired on \(ISOInstant.string(certificate.notAfter)) (as of \(ISOInstant.string(asOf))).",
                evidence: evidence, location: location)]
        }
        let daysLeft = certificate.notAfter.timeIntervalSince(asOf) / 86_400
        if daysLeft <= Double(policy.expiryWarningDays) {
            return [.warning(
                .certificateExpiringSoon,
                "\(certificate.subject) expires on \(ISOInstant.string(certificate.notAfter)), within \(policy.expiryWarningDays) days; renew it and update the bundle.",
                evidence: evidence, location: location)]
        }
        return []
    }

    private func strengthFindings(_ certificate: Certificate, evidence: String, location: String) -> [Finding] {
        var findings: [Finding] = []
        let key = certificate.publicKey
        let weakness: String? = switch key.algorithm {
        case .rsa, .rsaPSS: key.bits < policy.minimumRSABits ? "an RSA key of \(key.bits) bits (minimum \(policy.minimumRSABits))" : nil
        case .ec: key.bits < policy.minimumECBits ? "an EC key of \(key.bits) bits (minimum \(policy.minimumECBits))" : nil
        case .ed25519, .ed448: nil
        case .other: "a key type the policy does not accept (only RSA, EC, Ed25519 and Ed448)"
        }
        if let weakness {
            findings.append(.error(.certificateWeakKey, "\(certificate.subject) has \(weakness).", evidence: evidence, location: location))
        }
        // A self-signed certificate's own signature proves nothing, so its digest does not matter.
        let refused = Set(policy.refusedSignatureDigests.map { $0.lowercased() })
        if !certificate.isSelfIssued, let digest = certificate.signatureDigest, refused.contains(digest) {
            findings.append(.error(
                .certificateWeakSignature,
                "\(certificate.subject) is signed with \(certificate.signatureAlgorithm); \(digest.uppercased()) signatures are refused.",
                evidence: evidence, location: location))
        }
        return findings
    }

    private func describe(_ certificate: Certificate, role: String) -> String {
        let names = certificate.subjectAlternativeNames.map { name -> String in
            switch name {
            case .dns(let value): "DNS:\(value)"
            case .email(let value): "email:\(value)"
            case .ipAddress(let value): "IP:\(value)"
            }
        }
        return "\(role.prefix(1).uppercased() + role.dropFirst()): \(certificate.subject); issuer \(certificate.issuer); "
            + "names \(names.isEmpty ? "none" : names.joined(separator: ", ")); key \(certificate.publicKey); "
            + "signature \(certificate.signatureAlgorithm); valid \(ISOInstant.string(certificate.notBefore)) to "
            + "\(ISOInstant.string(certificate.notAfter)); SHA-256 \(certificate.sha256Fingerprint)."
    }
}
