/// Two pieces of work at once: one on another thread, one on this one, returning when both are done.
/// The caller promises that, until `run` returns, neither touches what the other changes; `run` itself
/// orders everything either did before it returns before everything the caller does after.
///
/// The other thread is one of a few `ForkWorker`s made once (a file's hashing, its records' judging and
/// the entering of what they made can all be handed off at a time); when all are held, both pieces run
/// here, one after the other.
enum ForkJoin {
    private static let workers = [ForkWorker(), ForkWorker(), ForkWorker()]

    /// Runs `elsewhere` on another thread while `here` runs on this one.
    static func run(_ elsewhere: () -> Void, whileDoing here: () -> Void) {
        guard let worker = workers.first(where: { $0.hold() }) else {
            elsewhere()
            here()
            return
        }
        withoutActuallyEscaping(elsewhere) { escapable in
            worker.start(escapable)
            here()
            worker.waitUntilFinished()
        }
    }
}
