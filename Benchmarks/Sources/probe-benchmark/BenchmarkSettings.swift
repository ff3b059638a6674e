/// The benchmark's knobs, from `--name value` flags.
struct BenchmarkSettings {
    var live = 400
    var closed = 80
    var mute = 20
    var servers = 8
    var concurrency = 32
    /// The policy defaults (5 s / 10 s) for the first run and the first baseline.
    var connectTimeout = 5.0
    var timeout = 10.0
    /// Lower timeouts for the second run and second baseline.
    var fastConnectTimeout = 1.0
    var fastTimeout = 2.0
    /// Skip the sequential `curl` baselines.
    var skipBaseline = false

    var total: Int { live + closed + mute }

    static let usage = """
        probe-benchmark [--live N] [--closed N] [--mute N] [--servers N] [--concurrency N]
                        [--connect-timeout S] [--timeout S] [--fast-connect-timeout S] [--fast-timeout S] [--skip-baseline]
        Starts loopback endpoints (live TLS on a few openssl s_server processes, closed ports, mute listeners),
        probes them with EndpointProber at default and at fast timeouts, then probes the same list with a
        sequential curl loop as the baseline. Everything it starts, it stops.
        """

    init(arguments: [String]) throws {
        var remaining = arguments[...]
        while let flag = remaining.popFirst() {
            if flag == "--skip-baseline" { skipBaseline = true; continue }
            if flag == "--help" || flag == "-h" { throw BenchmarkUsage(message: nil) }
            guard let value = remaining.popFirst() else { throw BenchmarkUsage(message: "\(flag) needs a value") }
            switch flag {
            case "--live": live = try Self.count(flag, value)
            case "--closed": closed = try Self.count(flag, value)
            case "--mute": mute = try Self.count(flag, value)
            case "--servers": servers = max(1, try Self.count(flag, value))
            case "--concurrency": concurrency = max(1, try Self.count(flag, value))
            case "--connect-timeout": connectTimeout = try Self.seconds(flag, value)
            case "--timeout": timeout = try Self.seconds(flag, value)
            case "--fast-connect-timeout": fastConnectTimeout = try Self.seconds(flag, value)
            case "--fast-timeout": fastTimeout = try Self.seconds(flag, value)
            default: throw BenchmarkUsage(message: "unknown flag \(flag)")
            }
        }
    }

    private static func count(_ flag: String, _ value: String) throws -> Int {
        guard let number = Int(value), number >= 0 else { throw BenchmarkUsage(message: "\(flag) needs a whole number") }
        return number
    }

    private static func seconds(_ flag: String, _ value: String) throws -> Double {
        guard let number = Double(value), number > 0 else { throw BenchmarkUsage(message: "\(flag) needs a positive number of seconds") }
        return number
    }
}

/// Asked for help, or a flag was wrong.
struct BenchmarkUsage: Error {
    let message: String?
}
