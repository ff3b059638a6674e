import FuzzDriver
import EvidenceVerifier
import Foundation

/// libFuzzer entry: the manifest parser (duplicate-key scan, decoding, field validation) over arbitrary bytes.
@_cdecl("fuzz_manifest_main")
public func main(argc: Int32, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc: argc, argv: argv, fuzzManifest)
}

/// One input.
private let fuzzManifest: FuzzInput = { data, size in
    guard let data else { return 0 }
    _ = ManifestParser.parse(Data(bytes: data, count: size))
    return 0
}
