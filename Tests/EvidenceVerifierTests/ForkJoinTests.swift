import Dispatch
import Foundation
import Synchronization
import Testing
@testable import EvidenceVerifier

/// `ForkJoin` runs both pieces and returns only once both are done, with what each did visible after it,
/// whether a kept worker takes the other piece or (all being held) it runs here; `SpinEvent` wakes its
/// waiter whether the signal comes during the spin or after the waiter went to sleep.
@Suite struct ForkJoinTests {
    @Test func bothPiecesRunAndTheirWritesAreSeenAfter() {
        var elsewhere = [Int](), here = [Int]()
        for step in 0..<2_000 {
            ForkJoin.run {
                elsewhere.append(step)
            } whileDoing: {
                here.append(step)
            }
        }
        #expect(elsewhere == Array(0..<2_000))
        #expect(here == Array(0..<2_000))
    }

    /// Nested deeper than there are workers: the innermost pieces find every worker held and run here.
    @Test func nestingBeyondTheWorkersRunsThePiecesHere() {
        let depth = 6
        let ran = PieceCount()
        func nest(_ level: Int) {
            guard level < depth else { return }
            ForkJoin.run {
                ran.add(1 << (2 * level))
            } whileDoing: {
                ran.add(1 << (2 * level + 1))
                nest(level + 1)
            }
        }
        nest(0)
        #expect(ran.total == (1 << (2 * depth)) - 1, "every piece of every level ran once")
    }

    /// Many callers at once share the workers; each caller's pieces still all run, once.
    @Test func concurrentCallersEachGetBothPiecesRun() async {
        let totals = await withTaskGroup(of: (Int, Int).self) { group in
            for caller in 0..<8 {
                group.addTask {
                    var elsewhere = 0, here = 0
                    for step in 0..<500 {
                        ForkJoin.run { elsewhere += step + caller } whileDoing: { here += step }
                    }
                    return (elsewhere - 500 * caller, here)
                }
            }
            var all: [(Int, Int)] = []
            for await total in group { all.append(total) }
            return all
        }
        let expected = (0..<500).reduce(0, +)
        #expect(totals.count == 8)
        #expect(totals.allSatisfy { $0.0 == expected && $0.1 == expected })
    }

    @Test func aSignalBeforeTheWaitIsNotLost() {
        let event = SpinEvent()
        event.signal()
        event.wait()
        // Consumed: a second waiter waits for a second signal.
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            event.wait()
            done.signal()
        }
        Thread.sleep(forTimeInterval: 0.01)
        #expect(done.wait(timeout: .now()) == .timedOut, "the first signal was consumed")
        event.signal()
        done.wait()
    }

    /// A signal that comes long after the spin ended reaches a waiter that went to sleep.
    @Test func aSleepingWaiterIsWoken() {
        let event = SpinEvent()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            event.wait(spinningFor: .microseconds(1))
            done.signal()
        }
        // The waiter has stopped spinning long before this (it sleeps on the semaphore); no result is
        // asserted from the delay itself, only that the signal then wakes it.
        Thread.sleep(forTimeInterval: 0.05)
        #expect(done.wait(timeout: .now()) == .timedOut, "the waiter does not return before the signal")
        event.signal()
        done.wait()
    }
}

/// A sum pieces running on different threads add to.
private final class PieceCount: Sendable {
    private let sum = Atomic<Int>(0)
    func add(_ value: Int) { sum.add(value, ordering: .relaxed) }
    var total: Int { sum.load(ordering: .relaxed) }
}
