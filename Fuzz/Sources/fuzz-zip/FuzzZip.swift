import FuzzDriver
import Foundation
@testable import EvidenceVerifier

/// libFuzzer entry: the zip reader (end record, central directory, local headers, bounded inflate, CRC)
/// over arbitrary archive bytes, unpacking into a private folder that is removed after each input.
@_cdecl("fuzz_zip_main")
public func main(argc: Int32, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc: argc, argv: argv, fuzzZip)
}

/// One input, held in an unlinked temporary file so the reader sees a real descriptor.
private let fuzzZip: FuzzInput = { data, size in
    guard let data else { return 0 }
    var template = Array((FileManager.default.temporaryDirectory.path + "/fuzz-zip-XXXXXX").utf8CString)
    let descriptor = mkstemp(&template)
    guard descriptor >= 0 else { fatalError("mkstemp failed") }
    unlink(template)
    defer { close(descriptor) }
    var offset = 0
    while offset < size {
        let written = write(descriptor, data + offset, size - offset)
        guard written > 0 else { fatalError("writing the input failed") }
        offset += written
    }
    var limits = Policy.defaults.evidence
    limits.maximumZipEntryBytes = 1 << 20
    limits.maximumZipTotalBytes = 4 << 20
    limits.maximumZipEntries = 256
    guard let storage = try? TemporaryDirectory(prefix: "fuzz-zip") else { fatalError("no temporary folder") }
    _ = try? ZipReader(limits: limits).extract(descriptor: descriptor, name: "input.zip", into: storage.url)
    return 0
}
