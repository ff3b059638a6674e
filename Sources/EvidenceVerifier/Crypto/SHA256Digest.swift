import COpenSSL
import Foundation

/// SHA-256 through OpenSSL's EVP interface, over bytes in memory or a file read in chunks.
public enum SHA256Digest {
    /// Lower-case hex of the SHA-256 of `data`, or OpenSSL's reason when it cannot hash (no memory, or no
    /// SHA-256 provider under a broken `OPENSSL_CONF`). Use it wherever the digest decides anything.
    public static func checkedHex(of data: Data) throws(OpenSSLError) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        OpenSSLError.clearQueue()
        let status = data.withUnsafeBytes { raw in
            EVP_Digest(raw.baseAddress, raw.count, &digest, &length, EVP_sha256(), nil)
        }
        guard status == 1, length == 32 else { throw OpenSSLError.drain("computing SHA-256") }
        return hexString(digest)
    }

    /// Lower-case hex of the SHA-256 of `data`. OpenSSL fails to hash memory only when it cannot work at all
    /// (see `checkedHex(of:)`); since any value returned then could make two digests compare equal, this
    /// stops the program instead of answering.
    public static func hex(of data: Data) -> String {
        do {
            return try checkedHex(of: data)
        } catch {
            preconditionFailure("OpenSSL cannot compute SHA-256 (\(error)); nothing can be verified")
        }
    }

    /// The SHA-256 and size of a file, read 1 MiB at a time; throws when the file passes `maximumBytes`.
    public static func ofFile(at url: URL, maximumBytes: Int64) throws -> (sha256: String, bytes: Int64) {
        guard let context = EVP_MD_CTX_new() else { throw OpenSSLError.drain("creating a digest context") }
        defer { EVP_MD_CTX_free(context) }
        OpenSSLError.clearQueue()
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else { throw OpenSSLError.drain("starting SHA-256") }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var total: Int64 = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            total += Int64(chunk.count)
            if total > maximumBytes { throw FileTooLarge(limit: maximumBytes) }
            let updated = chunk.withUnsafeBytes { raw in EVP_DigestUpdate(context, raw.baseAddress, raw.count) }
            guard updated == 1 else { throw OpenSSLError.drain("computing SHA-256") }
        }
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &digest, &length) == 1, length == 32 else { throw OpenSSLError.drain("finishing SHA-256") }
        return (hexString(digest), total)
    }

    /// True for exactly 64 hexadecimal digits (either case).
    public static func isHex(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        }
    }

    static func hexString(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A file grew past the size allowed for it.
    public struct FileTooLarge: Error, Sendable {
        public let limit: Int64
    }
}
