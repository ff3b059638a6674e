import Foundation

/// Runs blocking work (DNS look-ups, the libcurl multi loop) on a thread of its own, so it never
/// occupies a thread of Swift's cooperative pool, and resumes the caller when it is done.
enum ProbeThread {
    static func run<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: work()) }
            thread.name = "lcr-endpoint-probe"
            thread.start()
        }
    }
}
