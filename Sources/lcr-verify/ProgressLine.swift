import Foundation
import EvidenceVerifier

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
            write("\r\(done)/\(total) \(noun), about \(Int(remaining.rounded())) s left   ")
        }
    }

    /// A stderr that cannot be written (closed, full) loses the progress, never the run (FileHandle would trap).
    private func write(_ text: String) {
        try? DescriptorWriter.writeAll(Data(text.utf8), to: STDERR_FILENO)
    }

    func finish() {
        lock.withLock {
            if shown { write("\r\u{1B}[K") }
        }
    }
}
