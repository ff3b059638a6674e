import Foundation

/// A report's JSON and its detached signature (`REPORT.json.p7s`), each read once, within a size
/// limit and only from a regular file, so the bytes verified are the bytes rendered.
public struct SignedReportFiles: Sendable {
    /// Reports are small: a few hundred findings at most. Anything larger is refused before reading.
    public static let maximumReportBytes = 64 << 20
    /// A DER CMS signature with its certificate chain is a few KiB.
    public static let maximumSignatureBytes = 1 << 20

    public let json: Data
    public let signature: Data

    /// Bytes already read within the limits (e.g. fetched from the intake service).
    public init(json: Data, signature: Data) {
        self.json = json
        self.signature = signature
    }

    /// Reads `reportPath` and `reportPath.p7s`; throws one `InputError` line naming the file at fault
    /// (missing, a folder, a FIFO or device, or over its limit).
    public init(reportPath: String) throws(InputError) {
        json = try Self.readReport(reportPath)
        let signaturePath = reportPath + ".p7s"
        do {
            signature = try InputFile.read(signaturePath, limit: Self.maximumSignatureBytes)
        } catch {
            throw InputError(error.subject, "\(error.problem) (the detached signature must sit beside the report)")
        }
    }

    /// The report JSON alone (for rendering without a signature check), under the same rules.
    public static func readReport(_ path: String) throws(InputError) -> Data {
        try InputFile.read(path, limit: maximumReportBytes)
    }
}
