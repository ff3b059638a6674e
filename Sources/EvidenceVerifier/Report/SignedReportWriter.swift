import Foundation

/// Writes a report as `<ODS>-<yyyyMMddTHHmmssZ>.json` plus its detached DER CMS signature `.p7s`,
/// both complete or neither: each is written to a temporary name and renamed into place.
public struct SignedReportWriter: Sendable {
    public let identity: SigningIdentity

    public init(identity: SigningIdentity) {
        self.identity = identity
    }

    /// The report's file name for its organisation and as-of instant.
    public static func fileName(for report: VerificationReport) -> String {
        "\(report.organisation.odsCode)-\(ISOInstant.fileStamp(report.asOf)).json"
    }

    /// Signs `json` (the report's exact bytes) and writes both files into `directory`; returns the JSON path.
    @discardableResult
    public func write(_ report: VerificationReport, json: Data, to directory: URL) throws -> URL {
        let signature: Data
        do {
            signature = try identity.signDetached(json)
        } catch {
            throw InputError("--signing-key", "cannot sign the report (\(error))")
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw InputError(directory.path, "cannot create the report folder")
        }
        let reportURL = directory.appendingPathComponent(Self.fileName(for: report))
        let signatureURL = reportURL.appendingPathExtension("p7s")
        let staging = [(reportURL, json), (signatureURL, signature)].map { target, bytes in
            (target, target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp"), bytes)
        }
        do {
            for (_, temporary, bytes) in staging { try bytes.write(to: temporary) }
            // The signature lands first: a reader never sees a new report beside an old signature it does not match.
            for (target, temporary, _) in staging.reversed() where rename(temporary.path, target.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
            }
        } catch {
            for (_, temporary, _) in staging { try? FileManager.default.removeItem(at: temporary) }
            throw InputError(reportURL.path, "cannot be written (\(error.localizedDescription))")
        }
        return reportURL
    }
}
