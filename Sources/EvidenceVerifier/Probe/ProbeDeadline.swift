import Dispatch

/// The one instant by which a whole probe run is over: name look-ups, connections and handshakes that have
/// not finished by then are abandoned and reported as timeouts, however many endpoints there are.
struct ProbeDeadline: Sendable {
    let instant: DispatchTime

    private init(instant: DispatchTime) { self.instant = instant }

    /// The deadline `limit` from now.
    init(after limit: Duration) {
        let (seconds, attoseconds) = limit.components
        // Seconds capped at 2^32 (136 years) so the nanoseconds cannot overflow.
        let nanoseconds = min(max(seconds, 0), 1 << 32) * 1_000_000_000 + max(attoseconds, 0) / 1_000_000_000
        instant = .now() + .nanoseconds(Int(nanoseconds))
    }

    /// The earlier of this deadline and `limit` from now.
    func capped(after limit: Duration) -> ProbeDeadline {
        let other = ProbeDeadline(after: limit)
        return other.instant < instant ? other : self
    }

    /// This deadline moved `grace` later.
    func extended(by grace: Duration) -> ProbeDeadline {
        ProbeDeadline(instant: instant + .nanoseconds(max(0, grace.wholeMilliseconds) * 1_000_000))
    }

    /// Time left, zero once passed.
    var remaining: Duration {
        let now = DispatchTime.now()
        guard now < instant else { return .zero }
        return .nanoseconds(Int64(clamping: instant.uptimeNanoseconds - now.uptimeNanoseconds))
    }

    var hasPassed: Bool { DispatchTime.now() >= instant }
}

extension Duration {
    /// Whole milliseconds, rounded down, from 0 to about 35 years (libcurl's timeouts and people's messages).
    var wholeMilliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(min(max(seconds, 0), 1 << 40)) * 1000 + Int(max(attoseconds, 0) / 1_000_000_000_000_000)
    }
}
