import Foundation

/// Ports on 127.0.0.1 for test servers: a free one to hand to a server, and whether something listens on one.
public enum LoopbackPort {
    /// A port that was free a moment ago: bound to port 0, read back, and closed again, for a server
    /// process to bind next (another process may take it first, so callers retry). Never use it as a
    /// closed port: `LoopbackSocket.refusing()` is one that stays closed.
    public static func free() throws -> Int {
        let socket = try LoopbackSocket()
        return socket.port
    }

    /// True when a TCP connection to 127.0.0.1:`port` is accepted (it is closed at once).
    public static func canConnect(_ port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = LoopbackSocket.address(port: port)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
