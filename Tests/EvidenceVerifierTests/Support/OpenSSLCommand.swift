import Foundation
import PKIFixtures

/// Runs the `openssl` command-line tool, the independent second opinion our tests compare against.
enum OpenSSLCommand {
    /// Runs `openssl ARGUMENTS` with output discarded and returns its exit status.
    static func run(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A detached signature made by `openssl cms -sign OPTIONS` with `signer`'s certificate and key.
    static func sign(_ content: Data, by signer: IssuedCertificate, options: [String]) throws -> Data {
        let folder = TestFolder()
        let contentFile = try folder.write(content, to: "content")
        let certificate = try folder.write(signer.certificate.pemString, to: "signer.pem")
        let key = try folder.write(signer.key.pem, to: "signer.key")
        let output = folder.path("content.p7s")
        let status = try run(["cms", "-sign"] + options + [
            "-in", contentFile.path, "-out", output.path, "-signer", certificate.path, "-inkey", key.path,
        ])
        guard status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "openssl cms -sign exited \(status)"]) }
        return try Data(contentsOf: output)
    }
}
