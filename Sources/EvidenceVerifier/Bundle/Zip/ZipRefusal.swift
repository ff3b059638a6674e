/// Why an archive cannot be unpacked, as the problem half of one stderr line; `ZipReader` adds the archive's name.
struct ZipRefusal: Error {
    let problem: String

    /// A damaged or hostile archive: `reason` followed by "; refused".
    init(_ reason: String) {
        problem = "\(reason); refused"
    }

    /// A problem that is not the archive's content (it cannot be opened or read, the disk is full): said as is.
    init(unreadable problem: String) {
        self.problem = problem
    }
}
