import Dispatch

/// Two pieces of work at once: one on another thread, one on this one, returning when both are done.
/// The caller promises that, until `run` returns, neither touches what the other changes; `run` itself
/// orders everything either did before it returns before everything the caller does after.
enum ForkJoin {
    /// Runs `elsewhere` on another thread while `here` runs on this one.
    static func run(_ elsewhere: () -> Void, whileDoing here: () -> Void) {
        withoutActuallyEscaping(elsewhere) { escapable in
            let job = Job(escapable)
            DispatchQueue.global(qos: .userInitiated).async { job.run() }
            here()
            job.done.wait()
        }
    }
}

/// The work handed to another thread: it lets go of the work before it signals, so the work has not
/// escaped when `run` returns.
private final class Job: @unchecked Sendable {
    private var work: (() -> Void)?
    let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping () -> Void) {
        self.work = work
    }

    func run() {
        work?()
        work = nil
        done.signal()
    }
}
