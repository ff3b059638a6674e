import Foundation
import PKIFixtures
import Testing
@testable import EvidenceVerifier

/// Certificates and trust anchors that OpenSSL can only partly read are refused, never half-read.
@Suite struct CertificateParsingTests {
    let good = sharedPKI.signer.certificate

    private func problem(_ data: Data) -> String? {
        do {
            _ = try Certificate.parseAll(data)
            return nil
        } catch {
            return error.problem
        }
    }

    @Test func aDamagedSecondPEMBlockRefusesTheFile() {
        let damaged = [
            "-----BEGIN CERTIFICATE-----\n!!!! not base64 !!!!\n-----END CERTIFICATE-----\n",
            "-----BEGIN CERTIFICATE-----\nMIIBAAAAAAAA\n-----END CERTIFICATE-----\n",
        ]
        for block in damaged {
            let text = good.pemString + block
            #expect(problem(Data(text.utf8))?.contains("damaged PEM certificate block after 1 good one") == true, "\(block)")
        }
    }

    @Test func textAroundTheBlocksIsNotAnError() throws {
        let text = "Issued to A Manager\n" + good.pemString + "\ntrailing notes\n" + sharedPKI.root.certificate.pemString + "end\n"
        let certificates = try Certificate.parseAll(Data(text.utf8))
        #expect(certificates.map(\.sha256Fingerprint) == [good.sha256Fingerprint, sharedPKI.root.certificate.sha256Fingerprint])
    }

    /// OpenSSL decodes a UTCTime of month 13 but cannot turn it into a date; such a certificate is malformed,
    /// not "valid since 1970".
    @Test func aValidityDateOpenSSLCannotReadIsMalformed() throws {
        var der = [UInt8](good.derBytes)
        let notBefore = Array("\u{17}\u{0d}250101000000Z".utf8)
        let start = try #require((0...(der.count - notBefore.count)).first { Array(der[$0..<$0 + notBefore.count]) == notBefore })
        der.replaceSubrange((start + 4)..<(start + 6), with: Array("13".utf8))
        #expect(problem(Data(der)) == "has a notBefore date that is not a valid time")
        let pem = "-----BEGIN CERTIFICATE-----\n\(Data(der).base64EncodedString(options: .lineLength64Characters))\n-----END CERTIFICATE-----\n"
        #expect(problem(Data(pem.utf8)) == "certificate 1 has a notBefore date that is not a valid time")
    }

    @Test func anUndecodableExtensionIsMalformed() throws {
        let folder = TestFolder()
        let output = folder.path("bad-san.pem")
        let status = try OpenSSLCommand.run([
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", folder.path("key.pem").path,
            "-out", output.path, "-subj", "/CN=bad", "-days", "1", "-addext", "subjectAltName=DER:30:03:82:01",
        ])
        #expect(status == 0)
        #expect(problem(try Data(contentsOf: output))?.hasPrefix("certificate 1 has an extension OpenSSL cannot decode") == true)
    }

    @Test(.timeLimit(.minutes(1))) func aFIFOTrustAnchorIsOneInputError() throws {
        let folder = TestFolder()
        let trust = try sharedPKI.writeTrustDirectory(in: folder.url)
        let fifo = trust.appendingPathComponent("signers/zz-fifo.pem").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: InputError(fifo, "is not a regular file (a FIFO, socket or device); refused")) {
            try TrustAnchors.load(.signers, from: trust)
        }
    }

    @Test(.timeLimit(.minutes(1))) func aTrustFolderThatIsAFileOrFIFOIsOneInputError() throws {
        let folder = TestFolder()
        try folder.write("not a folder", to: "trust/signers")
        #expect(mkfifo(folder.path("trust/hscn").path, 0o600) == 0)
        for purpose in [TrustAnchors.Purpose.signers, .hscn] {
            let subject = folder.path("trust/\(purpose.rawValue)").path
            #expect(throws: InputError(subject, "is not a readable folder of trust anchors (see --trust)")) {
                try TrustAnchors.load(purpose, from: folder.path("trust"))
            }
        }
    }

    @Test(.timeLimit(.minutes(1))) func aFIFOSigningKeyIsOneInputError() throws {
        let folder = TestFolder()
        let key = folder.path("key.pem").path
        #expect(mkfifo(key, 0o600) == 0)
        let certificate = try folder.write(sharedPKI.signer.certificate.pemString, to: "signer.pem")
        #expect(throws: InputError(key, "is not a regular file (a FIFO, socket or device); refused (--signing-key)")) {
            try SigningIdentity(keyFile: URL(fileURLWithPath: key), certificateFile: certificate)
        }
    }
}
