import EvidenceVerifier
import Foundation
import PartnerRegistry

/// `reference import dspt|ods FILE`: reads the list (refusing, with one line, anything that is not
/// the list it claims to be), copies the very bytes it read into the data folder as
/// `references/<kind>-<sha256>.csv` (staged under a private name, flushed, then linked to its name
/// without overwriting), and records the import with its digest, row count and time. Identical bytes
/// imported again keep the one stored file and record a new import, which refreshes the list's age.
public struct ReferenceImport: Sendable {
    public let registry: PartnerRegistry

    public init(registry: PartnerRegistry) {
        self.registry = registry
    }

    /// What an import gave: the recorded row and whether the file was new to the folder.
    public struct Outcome: Sendable {
        public let reference: ImportedReference
        public let isNewFile: Bool
    }

    /// Imports the list at `path` as a list of `kind`; `name` (ODS only) says which list it is, by
    /// default the file's name up to its first character that is not a letter or digit (`epraccur`).
    public func importList(_ kind: ReferenceKind, path: String, name: String? = nil, at importedAt: Date) throws -> Outcome {
        let listName = try Self.listName(kind, path: path, given: name)
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputError(path, InputFile.openProblem(errno)) }
        defer { close(descriptor) }
        let list = try ReferenceListReader.read(kind, descriptor: descriptor, name: path, importedAt: importedAt)
        let evidenceStore = EvidenceStore(dataDirectory: registry.dataDirectory, maximumBytes: ReferenceListReader.maximumBytes)
        evidenceStore.removeAbandonedStaging(now: importedAt)
        // The copy must hash to what was parsed: a file that changed in between is refused.
        let staged = try evidenceStore.stage(
            from: descriptor, name: path, digest: OpenSSLContentDigest(), expectedSha256: list.record.sha256)
        let stored = try registry.referenceStore.keep(staged, kind: kind.shortName)
        let reference = try registry.recordReference(ImportedReference(
            kind: kind.rawValue, name: listName, sha256: stored.sha256, rows: list.record.rows, bytes: stored.bytes,
            importedAt: importedAt, storedPath: stored.relativePath))
        return Outcome(reference: reference, isNewFile: stored.isNew)
    }

    /// `national` for the DSPT list; for an ODS file, `name` or the file name's leading letters and digits.
    static func listName(_ kind: ReferenceKind, path: String, given: String?) throws(InputError) -> String {
        guard kind == .odsRegister else {
            if given != nil { throw InputError("--name", "only ODS register files have names; there is one national DSPT list") }
            return "national"
        }
        let text = given ?? String(URL(fileURLWithPath: path).lastPathComponent.lowercased().prefix { $0.isASCII && ($0.isLetter || $0.isNumber) })
        guard (1...32).contains(text.utf8.count),
              text.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-") }) else {
            throw InputError(given == nil ? path : "--name", "needs a list name of 1 to 32 lower-case letters, digits or hyphens (such as epraccur); pass --name")
        }
        return text
    }
}
