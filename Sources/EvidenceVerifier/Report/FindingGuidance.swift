/// What the applicant must do next about a finding, in one short sentence per finding code, for the
/// people reading a rendered report. This is the one place that wording lives.
///
/// Guidance only explains: it never changes a finding's severity, a prerequisite's status or the
/// decision, which come from the report as it was signed.
public enum FindingGuidance {
    /// The sentence for a code no entry names (a newer verifier's code, or a forged report's).
    public static let unknownCode =
        "Read the message above and ask the steering group's verification team what this finding needs."

    /// The next step for `code`, or `unknownCode` when the code has no entry.
    public static func action(for code: FindingCode) -> String {
        actions[code.rawValue] ?? unknownCode
    }

    /// True when `code` has its own sentence.
    public static func covers(_ code: FindingCode) -> Bool {
        actions[code.rawValue] != nil
    }

    /// Every code the project emits (and the ones DESIGN §4 reserves for reference lists), by prerequisite.
    static let actions: [String: String] = [
        // Evidence integrity: the manifest, its signature and the files it pins.
        "manifest.missing": "Add manifest.json at the root of the bundle (lcr-verify bundle init and bundle seal write it), sign it and resubmit.",
        "manifest.invalid": "Correct manifest.json so it is a valid lcr-evidence/1 manifest (bundle seal rewrites it), sign it again and resubmit.",
        "manifest.unsigned": "Have your responsible officer sign manifest.json (bundle seal with their signing key and certificate) and include manifest.json.p7s.",
        "signature.valid": "No action needed: the signature was checked and is valid.",
        "signature.missing": "Include the signature file the manifest names for this evidence, then resubmit.",
        "signature.text-mode": "Sign the file again in binary mode (openssl cms -sign -binary) so the signature covers its exact bytes.",
        "signature.malformed": "Create the signature again as a detached CMS (PKCS#7) file, DER or PEM, and resubmit.",
        "signature.invalid": "The file changed after it was signed, or the signature is for another file: sign the final file again and resubmit.",
        "signature.signer-missing": "Sign again with the signer's certificate included in the signature, and resubmit.",
        "signature.untrusted": "Sign with a certificate issued by an authority the steering group trusts, or ask the steering group to accept your issuing authority.",
        "signature.signer-expired": "Sign again with a signing certificate that is valid today, and resubmit.",
        "signature.signer-not-yet-valid": "Sign again with a certificate that is already valid (check its start date and the signing computer's clock).",
        "signature.key-usage": "Sign with a certificate issued for digital signatures, not one issued for another purpose.",
        "signature.weak-digest": "Sign again using SHA-256 or stronger: MD5 and SHA-1 signatures are refused.",
        "signature.signer-is-ca": "Sign with a personal or organisational signing certificate, not a certificate authority's own certificate.",
        "evidence.digest-mismatch": "This file is not the one the signed manifest lists: restore the original, or re-seal and re-sign the bundle.",
        "evidence.missing": "Add the missing file to the bundle, or remove it from the manifest, then re-seal and re-sign.",
        "evidence.path-refused": "Keep every evidence file inside the bundle under a plain relative path (no '..', absolute paths or links out).",
        "evidence.path-ambiguous": "Rename the files so that no two names differ only in accents or Unicode spelling, then re-seal.",
        "evidence.not-a-file": "Replace this entry with an ordinary file (not a folder, link or device), then re-seal.",
        "evidence.too-large": "Provide a smaller export holding only the rows this evidence needs, or ask the steering group about the size limit.",
        "evidence.unreadable": "Replace the file with a copy that opens and reads normally, then re-seal.",
        "evidence.unknown-kind": "Use a known evidence kind: dspt-assessment, training-records, user-accounts, hscn-certificate, hscn-agreement, isa or other.",
        "evidence.unlisted": "Remove this file from the bundle, or list it in the manifest (bundle add), then re-seal.",
        // Direct care, and the organisation as an ODS register knows it.
        "direct-care.undeclared": "Declare the direct-care services you provide in the manifest (organisation.directCare).",
        "direct-care.not-provided": "Only organisations that give direct care to patients may use the LCR: if you do, declare it with your services.",
        "direct-care.no-services": "List the direct-care services your organisation provides (organisation.directCare.services).",
        "direct-care.no-basis": "State the lawful basis for the processing, such as GDPR Article 9(2)(h) (organisation.directCare.basis).",
        "organisation.closed": "The ODS register lists this organisation as closed, dormant or not yet open: check the ODS code, or apply under the organisation that replaced it.",
        "organisation.unknown": "The ODS register does not list this code: check the ODS code in the manifest against your organisation's record.",
        "organisation.name-differs": "Check the organisation's name in the manifest: use the name your ODS record gives, or have the ODS record corrected.",
        // The verifier's own reference lists.
        "reference.stale": "Not the applicant's fault: the operator should import a current copy of the reference list (lcr-verify reference import) and re-verify.",
        // DSPT.
        "dspt.missing": "Add your Data Security and Protection Toolkit assessment export (dspt-assessment) to the bundle.",
        "dspt.ods-mismatch": "Provide the DSPT assessment published for your own ODS code, the one in the manifest.",
        "dspt.status-not-met": "Reach Standards Met or Exceeded and provide the new DSPT export, or ask the steering group for a waiver while an agreed improvement plan runs.",
        "dspt.not-current": "Publish this year's DSPT assessment and provide the up-to-date export.",
        "dspt.published-in-future": "Check the publication date in the DSPT export: it is later than the date of this verification.",
        "dspt.lapsing-soon": "Publish your next DSPT assessment before the date shown so that access does not lapse.",
        "dspt.year-invalid": "Correct the Financial Year to an assessment year such as 2025-26.",
        "dspt.year-inferred": "No action needed; adding the Financial Year column makes the assessment year explicit.",
        "dspt.year-not-started": "Check the assessment year: it has not started yet, so the row cannot be the current assessment.",
        "dspt.year-conflict": "Correct the row so its Financial Year, its status's year and its publication date agree.",
        "dspt.row-conflict": "Provide an export whose rows for your organisation do not contradict each other, latest assessment included.",
        "dspt.register-mismatch": "The national DSPT list, which takes precedence, says otherwise: check your published status and provide a current export.",
        "dspt.register-missing": "Your ODS code is not on the national DSPT list: publish your assessment, or check the code.",
        // Information-governance training.
        "training.missing": "Add your staff training records export (training-records) to the bundle.",
        "training.below-threshold": "Have enough staff complete Data Security Awareness training (95% under the default policy), then provide an updated training export.",
        "training.expired": "No immediate action: these staff need to refresh their data security training.",
        "training.user-untrained": "This LCR user must complete Data Security Awareness training, or be removed from the user list, before access.",
        "training.expiring-soon": "Book refresher training for this user before the expiry date shown.",
        "training.completed-in-future": "Correct the completion date in the training export: it is later than the date of this verification.",
        "training.person-invalid": "Correct this person's email address or staff ID in the training export.",
        // HSCN certificates and endpoints.
        "certificate.missing": "Add your HSCN endpoint certificate (hscn-certificate, PEM or DER) to the bundle.",
        "certificate.malformed": "Provide the certificate as a PEM or DER X.509 certificate file.",
        "certificate.untrusted": "Provide a certificate issued under an HSCN authority the steering group trusts, with any intermediate certificates.",
        "certificate.expired": "Renew the HSCN certificate and provide the new one.",
        "certificate.not-yet-valid": "Provide a certificate that is already valid, or resubmit after its start date.",
        "certificate.weak-key": "Have the certificate re-issued with at least a 2048-bit RSA or a 256-bit EC key.",
        "certificate.weak-signature": "Have the certificate re-issued with a SHA-256 (or stronger) signature.",
        "certificate.ca-as-leaf": "Put the endpoint's own certificate first in the file, not the issuing authority's certificate.",
        "certificate.expiring-soon": "Renew the HSCN certificate before the expiry date shown.",
        "certificate.details": "No action needed: this records the certificate that was checked.",
        "hscn.trust-anchors-unavailable": "Not the applicant's fault: the verifier's HSCN trust anchors could not be read; the operator must fix this and re-verify.",
        "endpoint.ok": "No action needed: the endpoint answered securely with a declared certificate.",
        "endpoint.invalid-url": "Declare the endpoint as an https:// address with a host name, for example https://gateway.example.nhs.uk/.",
        "endpoint.address-not-allowed": "Declare an endpoint reachable over HSCN: private and local addresses are refused unless the steering group allows that network.",
        "endpoint.unreachable": "Make sure the endpoint is running and reachable over HSCN, then ask for re-verification.",
        "endpoint.timeout": "The endpoint did not answer in time: make sure it is running and reachable over HSCN, then ask for re-verification.",
        "endpoint.tls-failed": "Fix the endpoint's TLS set-up (certificate, key and protocols) so that a secure connection can be made.",
        "endpoint.tls-version": "Enable TLS 1.2 or later on the endpoint.",
        "endpoint.certificate-untrusted": "Install on the endpoint a certificate, with its chain, issued under an HSCN authority the steering group trusts.",
        "endpoint.hostname-mismatch": "Install on the endpoint a certificate whose names include the endpoint's host name.",
        "endpoint.certificate-not-declared": "Add the certificate the endpoint presents to the bundle as hscn-certificate evidence, or install the declared one.",
        "endpoints.not-probed": "No action for the applicant: this run did not contact the endpoints; a live verification will.",
        "endpoints.none-declared": "Declare your HSCN endpoint addresses in the manifest (hscn.endpoints).",
        "endpoints.too-many": "Declare only the HSCN endpoints that serve the LCR, within the policy's limit.",
        "endpoints.allowed-network-invalid": "Not the applicant's fault: the operator must correct the allowed-network setting, which was ignored.",
        // Individual user accounts.
        "user-accounts.missing": "Add the list of LCR users (user-accounts), one row per person.",
        "email.invalid": "Correct this address: every LCR user needs a valid individual email address.",
        "email.domain-not-allowed": "Give this user an individual @nhs.net or @gov.uk address: other domains are refused.",
        "email.not-nhsmail": "A trust or practice address (name@….nhs.uk) is not an NHSmail account: give this user their individual @nhs.net address.",
        "email.duplicate": "List each person once: remove the repeated row, or give each person their own address.",
        "email.shared-mailbox": "Confirm this address belongs to one named person; replace shared or team mailboxes with individual accounts.",
        // CSV evidence as a whole.
        "csv.empty": "Provide the export with its header row and its data.",
        "csv.invalid-encoding": "Save the export as UTF-8 CSV, then re-seal.",
        "csv.missing-column": "Add the missing column named above to the export (headers are matched ignoring case).",
        "csv.duplicate-column": "Keep one column of each kind named above (remove or rename the repeat), then re-seal.",
        "csv.unreadable": "Provide a CSV export that opens and reads normally.",
        "csv.unreadable-row": "Fix the row shown (often a quote that is not closed) in the export.",
        "csv.missing-value": "Fill in the blank value in the row shown.",
        "date.invalid": "Write the date as 2025-04-03, 03/04/2025 (day first) or 03-Apr-2025.",
    ]
}
