import FuzzDriver
import EvidenceVerifier
import Foundation

/// libFuzzer entry: CMS (PKCS#7) detached-signature parsing and verification, DER or PEM, over fixed
/// content with no anchors (so nothing may ever verify as valid).
@_cdecl("fuzz_cms_main")
public func main(argc: Int32, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc: argc, argv: argv, fuzzCMS)
}

/// One input.
private let fuzzCMS: FuzzInput = { data, size in
    guard let data else { return 0 }
    let verifier = DetachedSignatureVerifier(anchors: [])
    let verdict = verifier.verify(
        signature: Data(bytes: data, count: size), over: .data(Data("content".utf8)),
        at: Date(timeIntervalSince1970: 1_775_044_800), acceptingCanonicalText: true)
    if case .valid = verdict { fatalError("a signature verified with no trust anchors") }
    return 0
}
