/// An endpoint that passed the URL and address checks: what the transfer may connect to.
struct ReadyProbe: Sendable {
    /// Position in the caller's list of URLs.
    let index: Int
    let target: ProbeTarget
    /// The resolved addresses the address policy allows; the transfer is pinned to these.
    let addresses: [IPAddress]
}
