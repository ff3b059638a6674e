import FuzzDriver
@testable import EvidenceVerifier

/// libFuzzer entry: the streaming CSV parser over arbitrary bytes, fed in two pieces split where the
/// first byte says, so records that straddle a chunk boundary are exercised too.
@_cdecl("fuzz_csv_main")
public func main(argc: Int32, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc: argc, argv: argv, fuzzCSV)
}

/// One input.
private let fuzzCSV: FuzzInput = { data, size in
    guard let data else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var limits = CSVLimits()
    limits.maximumFieldBytes = 256
    limits.maximumFields = 16
    var parser = CSVParser(limits: limits)
    let split = size == 0 ? 0 : Int(bytes[0]) % (size + 1)
    var records = 0
    let count: (CSVEvent) -> Void = { _ in records += 1 }
    parser.consume(UnsafeBufferPointer(rebasing: bytes[0..<split]), count)
    parser.consume(UnsafeBufferPointer(rebasing: bytes[split...]), count)
    parser.finish(count)
    return 0
}
