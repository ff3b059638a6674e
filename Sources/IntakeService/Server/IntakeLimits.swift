import Foundation

/// How long the service waits for a client (DESIGN §7): a request's head within `headSeconds` of the
/// connection opening or of the previous answer (the same bound closes idle keep-alive connections and a
/// body that stalls that long), and then a body that keeps moving, at least `minimumBodyBytes` in every
/// `bodyWindowSeconds`. Slower clients are cut off with nothing kept.
public struct IntakeLimits: Sendable, Equatable {
    public var headSeconds: Double
    public var bodyWindowSeconds: Double
    public var minimumBodyBytes: Int

    public init(headSeconds: Double = 10, bodyWindowSeconds: Double = 30, minimumBodyBytes: Int = 16 << 10) {
        self.headSeconds = headSeconds
        self.bodyWindowSeconds = bodyWindowSeconds
        self.minimumBodyBytes = minimumBodyBytes
    }

    public static let standard = IntakeLimits()
}
