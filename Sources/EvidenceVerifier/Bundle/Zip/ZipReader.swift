import Foundation

/// Reads a zip archive as hostile input and unpacks it into a folder, or throws one `InputError` line naming
/// the archive. Everything is checked before anything is written: the end record, every central directory
/// record and local header, names (UTF-8, plain relative paths, none twice, none both file and folder),
/// overlapping entries and the declared sizes against the limits. Then each entry is unpacked through
/// `ZipEntryUnpacker`, whose CRC-32, size and ratio checks stop at the first lie. Only stored and deflate
/// entries are read; nothing is ever silently skipped. No global state: safe for a fuzz target to call.
public struct ZipReader: Sendable {
    public let limits: Policy.Evidence

    public init(limits: Policy.Evidence) {
        self.limits = limits
    }

    /// Unpacks the archive at `path` into `destination`, an existing folder the caller owns and removes on failure.
    public func extract(_ path: String, into destination: URL) throws(InputError) {
        do throws(ZipRefusal) {
            try unpack(ZipArchiveFile(path: path), into: destination)
        } catch {
            throw InputError(path, error.problem)
        }
    }

    /// Unpacks the archive open at `descriptor` (left open), naming it `name` in errors.
    public func extract(descriptor: Int32, name: String, into destination: URL) throws(InputError) {
        do throws(ZipRefusal) {
            try unpack(ZipArchiveFile(descriptor: descriptor, owned: false), into: destination)
        } catch {
            throw InputError(name, error.problem)
        }
    }

    private func unpack(_ file: ZipArchiveFile, into destination: URL) throws(ZipRefusal) {
        let entries = try checkedEntries(of: file)
        let target = try ZipDestination(folder: destination)
        let unpacker = ZipEntryUnpacker(maximumCompressionRatio: limits.maximumCompressionRatio)
        for entry in entries {
            if entry.name.isFolder {
                try target.makeFolder(entry.name)
            } else {
                try unpacker.unpack(entry, from: file, to: target.createFile(entry.name))
            }
        }
    }

    /// Every entry, in central directory order, once the whole archive has passed the checks that need no unpacking.
    private func checkedEntries(of file: ZipArchiveFile) throws(ZipRefusal) -> [ZipEntry] {
        let end = try ZipEndRecord.find(in: file)
        guard end.entryCount <= limits.maximumZipEntries else {
            throw ZipRefusal("has more than \(limits.maximumZipEntries) entries")
        }
        let directoryEnd = end.directoryOffset + end.directorySize
        var names = ZipNameSet()
        var entries: [ZipEntry] = []
        entries.reserveCapacity(end.entryCount)
        var offset = end.directoryOffset
        var declaredTotal: Int64 = 0
        for _ in 0..<end.entryCount {
            let record = try ZipCentralEntry(at: offset, before: directoryEnd, in: file)
            offset += Int64(record.recordLength)
            names.insert(record.name)
            guard record.uncompressedSize <= limits.maximumZipEntryBytes else {
                throw ZipRefusal("entry \(record.name.quoted) would unpack to \(record.uncompressedSize) bytes, more than the \(limits.maximumZipEntryBytes) allowed")
            }
            declaredTotal += record.uncompressedSize
            guard declaredTotal <= limits.maximumZipTotalBytes else {
                throw ZipRefusal("would unpack to more than \(limits.maximumZipTotalBytes) bytes in total")
            }
            entries.append(try ZipLocalHeader.locate(record, before: end.directoryOffset, in: file))
        }
        guard offset == directoryEnd else {
            throw ZipRefusal("has a central directory larger than the entries it lists")
        }
        guard end.entryCount + (try names.check()) <= limits.maximumZipEntries else {
            throw ZipRefusal("has more than \(limits.maximumZipEntries) entries (counting the folders its names imply)")
        }
        try Self.checkNoOverlap(entries)
        return entries
    }

    /// No two entries may share bytes (the trick of zip bombs that reuse one compressed stream).
    private static func checkNoOverlap(_ entries: [ZipEntry]) throws(ZipRefusal) {
        let ordered = entries.sorted { $0.span.lowerBound < $1.span.lowerBound }
        for (first, second) in zip(ordered, ordered.dropFirst()) where second.span.lowerBound < first.span.upperBound {
            throw ZipRefusal("entries \(first.name.quoted) and \(second.name.quoted) overlap")
        }
    }
}
