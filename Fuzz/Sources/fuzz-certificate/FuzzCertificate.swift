import FuzzDriver
import EvidenceVerifier
import Foundation

/// libFuzzer entry: PEM and DER certificate loading, and every fact read from a certificate that loads.
@_cdecl("fuzz_certificate_main")
public func main(argc: Int32, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc: argc, argv: argv, fuzzCertificate)
}

/// One input.
private let fuzzCertificate: FuzzInput = { data, size in
    guard let data else { return 0 }
    guard let certificates = try? Certificate.parseAll(Data(bytes: data, count: size)) else { return 0 }
    for certificate in certificates {
        _ = certificate.subject
        _ = certificate.issuer
        _ = certificate.notBefore
        _ = certificate.notAfter
        _ = certificate.subjectAlternativeNames
        _ = certificate.publicKey
        _ = certificate.signatureDigest
        _ = certificate.sha256Fingerprint
    }
    return 0
}
