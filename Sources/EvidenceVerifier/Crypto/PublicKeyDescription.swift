/// What a certificate's public key is: its algorithm, its size in bits and, for EC keys, the curve.
public struct PublicKeyDescription: Sendable, Equatable, CustomStringConvertible {
    /// The key algorithms the strength rules distinguish.
    public enum Algorithm: String, Sendable, Equatable {
        case rsa = "RSA"
        case rsaPSS = "RSA-PSS"
        case ec = "EC"
        case ed25519 = "Ed25519"
        case ed448 = "Ed448"
        case other = "other"
    }

    public let algorithm: Algorithm
    /// The key size OpenSSL reports (modulus bits for RSA, group order bits for EC).
    public let bits: Int
    /// The EC group name (`prime256v1`, `secp384r1`), when the key is EC.
    public let curve: String?

    public init(algorithm: Algorithm, bits: Int, curve: String? = nil) {
        self.algorithm = algorithm
        self.bits = bits
        self.curve = curve
    }

    /// `RSA 2048 bits`, `EC 256 bits (prime256v1)`.
    public var description: String {
        let base = "\(algorithm.rawValue) \(bits) bits"
        return curve.map { "\(base) (\($0))" } ?? base
    }
}
