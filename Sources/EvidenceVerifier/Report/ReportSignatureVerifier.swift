import Foundation

/// Checks a report's detached signature (`REPORT.json.p7s`) against the report-signing anchors.
public struct ReportSignatureVerifier: Sendable {
    private let verifier: DetachedSignatureVerifier

    public init(anchors: [Certificate]) {
        verifier = DetachedSignatureVerifier(anchors: anchors)
    }

    /// The verdict on the report's exact bytes at `instant`.
    public func verify(_ files: SignedReportFiles, at instant: Date) -> SignatureVerification {
        verifier.verify(signature: files.signature, over: .data(files.json), at: instant)
    }

    /// The verdict on `reportURL` with its `.p7s` beside it, at `instant`. Throws `InputError` when the
    /// report or its signature cannot be read at all.
    public func verify(reportAt reportURL: URL, at instant: Date) throws(InputError) -> SignatureVerification {
        verify(try SignedReportFiles(reportPath: reportURL.path), at: instant)
    }
}
