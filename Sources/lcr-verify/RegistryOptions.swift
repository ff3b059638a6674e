import ArgumentParser
import EvidenceVerifier
import Foundation
import PartnerOperations
import PartnerRegistry

/// `--data-dir DIR`: where the registry, the evidence store and the signed reports live (DESIGN §7).
struct DataDirectoryOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "The registry, evidence store and reports (default: ./lcr-data).")
    var dataDir: String = "lcr-data"

    var dataDirectory: DataDirectory { DataDirectory(URL(fileURLWithPath: dataDir, isDirectory: true)) }

    /// The registry, created when the folder is new; a foreign, corrupt or read-only one is exit 2.
    func openRegistry() throws -> PartnerRegistry {
        try RegistryFailure.mapped { try PartnerRegistry.open(dataDirectory) }
    }
}

/// The key that signs every report the registry files; required, there is no default key.
struct ReportSigningOptions: ParsableArguments {
    @Option(name: .customLong("signing-key"), help: "PEM private key that signs reports.")
    var signingKey: String?

    @Option(name: .customLong("signing-cert"), help: "PEM certificate of the signing key, intermediates appended.")
    var signingCert: String?

    func identity() throws -> SigningIdentity {
        guard let signingKey, let signingCert else {
            throw InputError("--signing-key", "every report the registry files is signed: pass --signing-key and --signing-cert (there is no default key)")
        }
        return try SigningIdentity(keyFile: URL(fileURLWithPath: signingKey), certificateFile: URL(fileURLWithPath: signingCert))
    }
}

extension VerificationOptions {
    /// What a registry verification needs, from these options and the signing key.
    func settings(signing: ReportSigningOptions, policy: Policy) throws -> VerificationSettings {
        VerificationSettings(verification: try bundleVerification(policy: policy), signingIdentity: try signing.identity())
    }
}

/// Turns a registry failure into the one-line exit 2 every command gives (`InputError`).
enum RegistryFailure {
    static func mapped<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as RegistryError {
            throw InputError(error.subject, error.problem)
        }
    }

    static func mapped<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as RegistryError {
            throw InputError(error.subject, error.problem)
        }
    }
}
