import Foundation

/// The trust anchors under `--trust DIR`: `signers/` for manifest and evidence signatures,
/// `hscn/` for HSCN certificates and endpoint TLS, `report-signing/` for reports.
public struct TrustAnchors: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// Anchors for manifest and per-file evidence signatures.
    public func signers() throws -> [Certificate] { try load("signers") }
    /// Anchors for HSCN certificates and endpoint TLS.
    public func hscn() throws -> [Certificate] { try load("hscn") }
    /// Anchors for verification-report signatures.
    public func reportSigning() throws -> [Certificate] { try load("report-signing") }

    /// Every certificate in `DIR/<purpose>/*.pem`, in file-name order. A missing or empty folder,
    /// or an unreadable file, is an input error: verifying against no anchors would call everything untrusted.
    private func load(_ purpose: String) throws -> [Certificate] {
        let folder = directory.appendingPathComponent(purpose, isDirectory: true)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw InputError(folder.path, "is not a readable folder of trust anchors (--trust)")
        }
        var anchors: [Certificate] = []
        for name in names.sorted() where name.hasSuffix(".pem") {
            let file = folder.appendingPathComponent(name)
            do {
                anchors += try Certificate.parseAll(try Data(contentsOf: file))
            } catch {
                throw InputError(file.path, "is not a PEM certificate: \(error)")
            }
        }
        if anchors.isEmpty { throw InputError(folder.path, "holds no *.pem trust anchors") }
        return anchors
    }
}
