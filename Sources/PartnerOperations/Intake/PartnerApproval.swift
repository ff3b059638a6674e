import EvidenceVerifier
import Foundation
import PartnerRegistry

/// `partners approve`: keeps the signed ISA in the evidence store (by its SHA-256, hashed while copied)
/// and records the approval with its access level, who and why, in one transaction.
public struct PartnerApproval: Sendable {
    public let registry: PartnerRegistry

    public init(registry: PartnerRegistry) {
        self.registry = registry
    }

    public func approve(odsCode: String, access: AccessLevel, isa: URL, by person: String, reason: String, at instant: Date) throws -> Partner {
        guard try registry.partner(odsCode) != nil else { throw RegistryError.unknownPartner(odsCode: odsCode) }
        let descriptor = open(isa.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputError(isa.path, "cannot be opened (\(SystemError(errno)))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw InputError(isa.path, "is not a regular file; refused")
        }
        let stored = try registry.evidenceStore.store(
            from: descriptor, name: isa.path, digest: OpenSSLContentDigest(), fileExtension: Self.fileExtension(of: isa))
        return try registry.changeStatus(odsCode: odsCode, to: .approved, access: access, isa: stored, by: person, reason: reason, at: instant)
    }

    /// The ISA's extension when it is 1–8 letters and digits (`pdf`), else `bin`.
    static func fileExtension(of file: URL) -> String {
        let ext = file.pathExtension.lowercased()
        let plain = (1...8).contains(ext.utf8.count) && ext.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) }
        return plain ? ext : "bin"
    }
}
