import Foundation
import Testing

/// Under an `OPENSSL_CONF` that leaves OpenSSL no algorithms (only the null provider), nothing can be hashed
/// or verified: every command that needs OpenSSL exits 2 with one line giving its reason, and never crashes
/// or prints a digest it could not compute.
@Suite struct BrokenOpenSSLConfigurationTests {
    let folder = TestFolder()

    func nullProviderConfiguration() throws -> [String: String] {
        let configuration = try folder.write("""
            openssl_conf = openssl_init
            [openssl_init]
            providers = provider_sect
            [provider_sect]
            null = null_sect
            [null_sect]
            activate = 1

            """, to: "null-provider.cnf")
        return ["OPENSSL_CONF": configuration.path]
    }

    @Test func policyShowExitsTwoWithOpenSSLsReason() throws {
        let result = try CLI.run(["policy", "show"], environment: try nullProviderConfiguration())
        #expect(result.reason == .exit)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("SHA-256"), "\(result.stderr)")
    }

    @Test func checkExitsTwoNamingTheAnchorItCannotRead() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let result = try CLI.run(
            ["check", repository.appendingPathComponent("evidence/eligible").path, "--no-probe",
             "--trust", repository.appendingPathComponent("certs").path],
            environment: try nullProviderConfiguration())
        #expect(result.reason == .exit)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains("demo-evidence-root.pem"), "\(result.stderr)")
    }
}
