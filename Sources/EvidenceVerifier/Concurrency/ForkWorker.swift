import Foundation
import Synchronization

/// A thread of its own that runs one piece of work at a time for `ForkJoin`, waiting between pieces on
/// a `SpinEvent` (so work handed over soon after the last starts at once). Made once, kept for the life
/// of the process.
final class ForkWorker: @unchecked Sendable {
    /// True while a caller holds this worker (it hands over one piece of work, then waits for it).
    private let held = Atomic<Bool>(false)
    private let started = SpinEvent(), finished = SpinEvent()
    /// Written by the holder before `started` is signalled, read and cleared by the thread after: the
    /// events order the two.
    private var work: (() -> Void)?

    init() {
        Thread.detachNewThread { [self] in run() }
    }

    /// Takes the worker for one piece of work when no one else holds it.
    func hold() -> Bool {
        held.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
    }

    /// Runs `work` on the worker's thread; only the holder calls this, then `waitUntilFinished`.
    func start(_ work: @escaping () -> Void) {
        self.work = work
        started.signal()
    }

    /// Returns once the work started has run, and lets the worker go.
    func waitUntilFinished() {
        finished.wait()
        held.store(false, ordering: .releasing)
    }

    private func run() {
        while true {
            started.wait()
            work?()
            // Let go of the work before signalling: the holder's non-escaping closure must not outlive its call.
            work = nil
            finished.signal()
        }
    }
}
