import Foundation

/// A TCP socket bound to 127.0.0.1 on a port the kernel picks; owns the descriptor and closes it on release.
/// Bound without `listen()` it is a closed port that stays closed while it lives: connections are refused,
/// and no other process can take the port. `listen()` turns it into a mute peer: the kernel completes TCP
/// handshakes into its backlog, and nobody ever accepts or reads, so a client hangs until its own timeout.
public final class LoopbackSocket: @unchecked Sendable {
    public let port: Int
    private let descriptor: Int32

    public init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw LoopbackSocketError("socket() failed: errno \(errno)") }
        var address = Self.address(port: 0)
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            close(descriptor)
            throw LoopbackSocketError("bind() failed: errno \(errno)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: actual.sin_port))
    }

    /// A bound socket that never listens: a port where connections are refused for as long as it lives.
    public static func refusing() throws -> LoopbackSocket {
        try LoopbackSocket()
    }

    /// A listening socket that never accepts: a mute TLS peer.
    public static func muteListener(backlog: Int32 = 128) throws -> LoopbackSocket {
        let socket = try LoopbackSocket()
        guard listen(socket.descriptor, backlog) == 0 else { throw LoopbackSocketError("listen() failed: errno \(errno)") }
        return socket
    }

    deinit { close(descriptor) }

    /// True when a client has connected and waits in the listen backlog (checked without blocking).
    public var hasPendingConnection: Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) == 1 && entry.revents & Int16(POLLIN) != 0
    }

    private static func address(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7f00_0001).bigEndian)
        return address
    }
}

/// A socket call that failed while setting up a loopback fixture.
public struct LoopbackSocketError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
