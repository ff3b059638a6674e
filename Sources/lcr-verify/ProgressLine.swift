import Foundation

/// A progress count with an estimate of the time left, on stderr, rewritten in place: only when stderr
/// is a terminal, and only once the work has taken more than a second.
final class ProgressLine: @unchecked Sendable {
    private let total: Int
    private let noun: String
    private let started = Date()
    private let enabled = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var shown = false

    init(total: Int, noun: String) {
        self.total = total
        self.noun = noun
    }

    func update(_ done: Int) {
        guard enabled else { return }
        let elapsed = Date().timeIntervalSince(started)
        guard elapsed > 1, done > 0 else { return }
        let remaining = elapsed / Double(done) * Double(total - done)
        lock.withLock {
            shown = true
            FileHandle.standardError.write(Data("\r\(done)/\(total) \(noun), about \(Int(remaining.rounded())) s left   ".utf8))
        }
    }

    func finish() {
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }
}
