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

    /// Largest anchor file read (a whole public CA bundle is about 200 KB).
    static let maximumFileBytes = 1 << 20

    /// Every certificate in `DIR/<purpose>/*.pem`, in file-name order. A missing or empty folder, a path
    /// that is not a folder, or an anchor file that is not a readable regular file of PEM certificates (a
    /// FIFO, a folder, a damaged block) is an input error: verifying against no anchors, or fewer than
    /// the operator put there, would call things untrusted for the wrong reason.
    public static func load(_ purpose: Purpose, from directory: URL) throws(InputError) -> [Certificate] {
        let folder = directory.appendingPathComponent(purpose.rawValue, isDirectory: true)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue,
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw InputError(folder.path, "is not a readable folder of trust anchors (see --trust)")
        }
        var anchors: [Certificate] = []
        for name in names.sorted() where name.hasSuffix(".pem") {
            let path = folder.appendingPathComponent(name).path
            let data = try InputFile.read(path, limit: maximumFileBytes)
            do {
                anchors += try Certificate.parseAll(data)
            } catch {
                throw InputError(path, "is not a PEM certificate (\(error))")
            }
        }
        if anchors.isEmpty { throw InputError(folder.path, "holds no *.pem trust anchors") }
        return anchors
    }
}
