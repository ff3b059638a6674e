import Foundation

/// Checks a report's detached signature (`REPORT.json.p7s`) against the report-signing anchors.
public struct ReportSignatureVerifier: Sendable {
    private let verifier: DetachedSignatureVerifier

    public init(anchors: [Certificate]) {
        verifier = DetachedSignatureVerifier(anchors: anchors)
    }

    /// The verdict on `reportURL` with its `.p7s` beside it, at `instant`. Throws `InputError` when the
    /// report or its signature cannot be read at all.
    public func verify(reportAt reportURL: URL, at instant: Date) throws -> SignatureVerification {
        let signatureURL = reportURL.appendingPathExtension("p7s")
        let report: Data
        let signature: Data
        do { report = try Data(contentsOf: reportURL) } catch {
            throw InputError(reportURL.path, "cannot be read")
        }
        do { signature = try Data(contentsOf: signatureURL) } catch {
            throw InputError(signatureURL.path, "cannot be read (the detached signature must sit beside the report)")
        }
        return verifier.verify(signature: signature, over: .data(report), at: instant)
    }
}
