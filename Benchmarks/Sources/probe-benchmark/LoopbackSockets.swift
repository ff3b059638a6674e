import Foundation

/// A TCP socket bound to 127.0.0.1 on a port the kernel picks, closed on release. Without `listen()` it is a
/// closed port that stays closed while it lives (connections are refused and no other process can take the
/// port); with `listen()` and no `accept()` it is a mute peer that completes TCP handshakes and never answers.
final class BoundLoopbackSocket {
    let port: Int
    private let descriptor: Int32

    init(listening: Bool) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw BenchmarkUsage(message: "socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7f00_0001).bigEndian)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ready = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
                    && (!listening || listen(descriptor, 128) == 0)
            }
        }
        guard ready else {
            close(descriptor)
            throw BenchmarkUsage(message: "binding a loopback socket failed: errno \(errno)")
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }
}
