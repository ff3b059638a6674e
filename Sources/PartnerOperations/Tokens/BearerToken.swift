import EvidenceVerifier
import Foundation
import PartnerRegistry

/// The text of a bearer token, `lcr-<id>-<64 hex digits>`: the id names the registry row, the 32 random
/// bytes after it are the secret. Only `SHA-256(salt ‖ secret)` is kept, so the text is shown once.
public struct BearerToken: Sendable, Equatable {
    public let id: Int64
    /// The secret's 32 bytes.
    let secret: [UInt8]

    static let prefix = "lcr-"
    static let secretBytes = 32

    public var text: String { "\(Self.prefix)\(id)-\(Self.hex(secret))" }

    init(id: Int64, secret: [UInt8]) {
        self.id = id
        self.secret = secret
    }

    /// Reads the token text a client presented; anything that is not exactly the format is nil.
    public init?(_ text: some StringProtocol) {
        guard text.hasPrefix(Self.prefix) else { return nil }
        let parts = text.dropFirst(Self.prefix.count).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count <= 18, parts[0].utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              let id = Int64(parts[0]), let secret = Self.bytes(ofHex: parts[1]), secret.count == Self.secretBytes
        else { return nil }
        self.init(id: id, secret: secret)
    }

    /// The hash the registry keeps for this secret under `salt` (raw bytes).
    func hash(salt: [UInt8]) -> String {
        SHA256Digest.hex(of: Data(salt + secret))
    }

    static func random(count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()  // getrandom(2): cryptographically secure
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    static func bytes(ofHex text: some StringProtocol) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
