import Foundation

/// The trust anchors under `--trust DIR`, one folder per purpose.
public enum TrustAnchors {
    /// What an anchor folder is trusted for.
    public enum Purpose: String, Sendable {
        /// Manifest and per-file evidence signatures (`DIR/signers`).
        case signers
        /// HSCN certificates and endpoint TLS (`DIR/hscn`).
        case hscn
        /// Verification-report signatures (`DIR/report-signing`).
        case reportSigning = "report-signing"
    }

    /// Every certificate in `DIR/<purpose>/*.pem`, in file-name order. A missing or empty folder, or an
    /// unreadable file, is an input error: verifying against no anchors would call everything untrusted.
    public static func load(_ purpose: Purpose, from directory: URL) throws -> [Certificate] {
        let folder = directory.appendingPathComponent(purpose.rawValue, isDirectory: true)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw InputError(folder.path, "is not a readable folder of trust anchors (see --trust)")
        }
        var anchors: [Certificate] = []
        for name in names.sorted() where name.hasSuffix(".pem") {
            let file = folder.appendingPathComponent(name)
            do {
                anchors += try Certificate.parseAll(try Data(contentsOf: file))
            } catch {
                throw InputError(file.path, "is not a PEM certificate (\(error))")
            }
        }
        if anchors.isEmpty { throw InputError(folder.path, "holds no *.pem trust anchors") }
        return anchors
    }
}
