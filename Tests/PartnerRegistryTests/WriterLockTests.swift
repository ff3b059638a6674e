import Foundation
import Testing

@testable import PartnerRegistry

@Suite("Writer lock")
struct WriterLockTests {
    @Test("A second holder is refused while the first holds the lock, and may take it once released")
    func excludesSecondHolder() throws {
        let scratch = try Scratch()
        try scratch.dataDirectory.prepare()
        var first: WriterLock? = try WriterLock.acquire(in: scratch.dataDirectory)
        #expect(throws: RegistryError.busy(path: scratch.dataDirectory.writerLockFile.path, waitedSeconds: 0)) {
            try WriterLock.acquire(in: scratch.dataDirectory)
        }
        #expect(throws: RegistryError.busy(path: scratch.dataDirectory.writerLockFile.path, waitedSeconds: 1)) {
            try WriterLock.acquire(in: scratch.dataDirectory, waitSeconds: 1)
        }
        #expect(first != nil)
        first = nil
        // A child another test forks at this moment holds a copy of the descriptor until its exec closes it
        // (O_CLOEXEC), keeping the lock a moment longer: the new holder may wait for that.
        _ = try WriterLock.acquire(in: scratch.dataDirectory, waitSeconds: 5)
    }

    @Test("The busy message says another run holds the lock")
    func busyMessage() {
        #expect(RegistryError.busy(path: "d/writer.lock", waitedSeconds: 0).description
            == "d/writer.lock: another lcr-verify run holds the registry's writer lock; try again later or pass --wait SECONDS")
    }
}
