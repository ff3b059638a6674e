import ArgumentParser
import EvidenceVerifier
import Foundation

/// `lcr-verify upload BUNDLE --server URL --token-file FILE [--cacert PEM] [--report-out DIR]`: sends a bundle
/// to the intake service and prints its decision; exits as `check` does.
struct UploadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upload",
        abstract: "Send a bundle (a folder, zipped on the fly, or a .zip) to the intake service and print its decision.",
        discussion: """
            The server is verified against --cacert PEM (else the system's anchors); verification is never turned off. \
            A connection refused or reset, or a 502/503 answer, is tried again (at most 3 tries). With --report-out DIR \
            the signed report and its signature are fetched, checked against --trust DIR's report-signing anchors and \
            written to DIR as <ODS>-<yyyyMMddTHHmmssZ>.json(.p7s). Exit 0 eligible, 1 not eligible (or a report whose \
            signature does not hold), 2 refused or could not upload (one line with the service's reason).
            """)

    @Argument(help: "The evidence bundle: a folder with manifest.json at its root, or a .zip of one.")
    var bundle: String

    @Option(help: ArgumentHelp("The intake service, e.g. https://intake.example.nhs.uk:8443.", valueName: "URL"))
    var server: String

    @Option(name: .customLong("token-file"), help: ArgumentHelp("A file holding the bearer token `tokens issue` printed.", valueName: "FILE"))
    var tokenFile: String

    @Option(help: ArgumentHelp("Trust only this PEM certificate (or bundle) for the server.", valueName: "PEM"))
    var cacert: String?

    @Option(name: .customLong("report-out"), help: ArgumentHelp("Fetch the signed report, check it and write it here.", valueName: "DIR"))
    var reportOut: String?

    @OptionGroup var trust: TrustOption

    @Option(name: .customLong("connect-timeout"), help: "Seconds to wait for a connection.") var connectTimeout: Double = 10
    @Option(help: "Seconds an upload (or fetch) may take in all.") var timeout: Double = 600

    /// Uploads at least this large show a progress line on a terminal.
    static let progressFromBytes: Int64 = 8 << 20

    func validate() throws {
        guard connectTimeout > 0, timeout > 0 else { throw ValidationError("timeouts must be more than 0 seconds") }
    }

    func run() async throws {
        let token = String(decoding: try InputFile.read(tokenFile, limit: 4096), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let uploader = try BundleUploader(
            server: server, token: token,
            options: HTTPSExchange.Options(caFile: cacert, connectSeconds: connectTimeout, totalSeconds: timeout))
        let anchors = try reportOut.map { _ in try trust.anchors(.reportSigning) }
        let progress = UploadProgress()
        let receipt = try uploader.upload(URL(fileURLWithPath: bundle)) { sent, total in progress.update(sent: sent, total: total) }
        progress.finish()
        try Console.output("""
            \(receipt.odsCode): submission \(receipt.id) \(receipt.isNew ? "recorded" : "already recorded (same bytes)"): \(receipt.decision)
            signed report: \(TerminalText.escaped(uploader.url(receipt.reportUrl)))

            """)
        if let reportOut, let anchors {
            let files = try uploader.signedReport(of: receipt)
            let report = try ReportCoding.decode(files.json, file: uploader.url(receipt.reportUrl))
            switch ReportSignatureVerifier(anchors: anchors).verify(files, at: Date()) {
            case .valid(let signer, _):
                let written = try SignedReportFolder().place(report, json: files.json, signature: files.signature, in: URL(fileURLWithPath: reportOut, isDirectory: true))
                try Console.output(TerminalText.escaped("report written to \(written.path) (signature valid: \(signer.subject))") + "\n")
            case .invalid(let failure, let reason, _):
                try Console.output(TerminalText.escaped("INVALID (\(failure.code)): the fetched report's signature \(reason); nothing written") + "\n")
                throw ExitCode(1)
            }
        }
        if receipt.decision != VerificationReport.Decision.eligible.rawValue { throw ExitCode(1) }
    }
}

/// The upload's progress on a terminal, for large uploads only (`ProgressLine` in KiB).
final class UploadProgress: @unchecked Sendable {
    private var line: ProgressLine?

    func update(sent: Int64, total: Int64) {
        guard total >= UploadCommand.progressFromBytes else { return }
        if line == nil { line = ProgressLine(total: Int(total >> 10), noun: "KiB sent") }
        line?.update(Int(sent >> 10))
    }

    func finish() { line?.finish() }
}
