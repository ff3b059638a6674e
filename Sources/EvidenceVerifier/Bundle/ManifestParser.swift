import Foundation

/// Turns manifest bytes into a `Manifest`, or a one-line reason naming the field that is wrong.
public enum ManifestParser {
    /// The largest manifest accepted; a real one is a few kilobytes.
    public static let maximumBytes = 1 << 20
    /// The most staff an organisation may declare (the whole NHS in England employs about 1.5 million).
    public static let maximumStaffCount = 10_000_000

    public static func parse(_ bytes: Data) -> Result<Manifest, ManifestProblem> {
        guard bytes.count <= maximumBytes else {
            return .failure(ManifestProblem("is \(bytes.count) bytes, more than the \(maximumBytes) allowed"))
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return .failure(ManifestProblem("is not valid UTF-8"))
        }
        if let problem = JSONKeyScanner.firstProblem(in: bytes) {
            return .failure(ManifestProblem("\(problem): decoders disagree on which value counts"))
        }
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: bytes)
        } catch let error as DecodingError {
            let problem = DecodingProblem.describe(error)
            return .failure(ManifestProblem(problem.hasPrefix("field ") ? problem : "is \(problem)"))
        } catch {
            return .failure(ManifestProblem("is not valid JSON"))
        }
        if let problem = validate(manifest) { return .failure(problem) }
        return .success(manifest)
    }

    private static func validate(_ manifest: Manifest) -> ManifestProblem? {
        if manifest.format != Manifest.format {
            return ManifestProblem("field format: expected \"\(Manifest.format)\", found \"\(manifest.format.prefix(64))\"")
        }
        if !ODSCode.isValid(manifest.organisation.odsCode) {
            return ManifestProblem("field organisation.odsCode: \"\(manifest.organisation.odsCode.prefix(64))\" is not an ODS code (1-9 letters and digits)")
        }
        if manifest.organisation.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return ManifestProblem("field organisation.name: is empty")
        }
        if let staff = manifest.organisation.staffCount, staff <= 0 {
            return ManifestProblem("field organisation.staffCount: must be a positive number, found \(staff)")
        }
        if let staff = manifest.organisation.staffCount, staff > maximumStaffCount {
            return ManifestProblem("field organisation.staffCount: must be at most \(maximumStaffCount), found \(staff)")
        }
        for (index, entry) in manifest.evidence.enumerated() where !SHA256Digest.isHex(entry.sha256) {
            return ManifestProblem("field evidence[\(index)].sha256: \"\(entry.sha256.prefix(80))\" is not 64 hexadecimal digits")
        }
        return nil
    }
}
