/// A streaming SHA-256 the caller provides (the registry computes no digests itself: the verifier's
/// crypto layer does): the evidence store feeds it every byte it copies and names the file by the result.
public protocol ContentDigest {
    mutating func update(_ bytes: UnsafeRawBufferPointer)
    /// The SHA-256 of everything fed so far, as 64 lower-case hex digits.
    mutating func finish() -> String
}
