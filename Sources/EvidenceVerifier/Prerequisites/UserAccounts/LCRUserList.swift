/// The bundle's `user-accounts` evidence read once, in file order: each distinct LCR user (by lower-cased
/// address, with a staff ID when the row gives one) and what the `user-accounts` rules found row by row.
/// The user-accounts check reports the findings; the training check judges each user's training.
///
/// Streamed with compact memory: per user, the address and staff ID as bytes in `CompactStringSet`s and
/// two small integers.
struct LCRUserList: Sendable {
    /// One user: the lower-cased address, and the lower-cased staff ID when the row gives a usable one.
    struct User {
        let email: String
        let staffID: String?
    }

    /// Whether any usable `user-accounts` file is listed.
    let hasEvidence: Bool
    /// Whether at least one of them could be read.
    let readable: Bool
    /// The first usable file's path, for findings about the list as a whole.
    let evidencePath: String?
    /// Rows read, rows refused (malformed, duplicate or disallowed address), rows that look shared.
    let rows: Int, refused: Int, shareLike: Int
    /// What the rules found, row by row (capped per code).
    let findings: [Finding]
    private let addresses: CompactStringSet
    private let staffIDs: CompactStringSet
    /// Per user, the number of its staff ID in `staffIDs`, or -1.
    private let staffIDOfUser: [Int32]

    /// Distinct users (by address).
    var count: Int { addresses.count }

    /// Hands each distinct user to `body`, in file order.
    func forEachUser(_ body: (User) -> Void) {
        for index in 0..<addresses.count {
            let staffID = staffIDOfUser[index]
            body(User(email: addresses[index], staffID: staffID < 0 ? nil : staffIDs[Int(staffID)]))
        }
    }

    /// What stands in for the list when a streamed `user-accounts` file turned out not to match the manifest:
    /// no users, and the error saying why (see `UnusableEvidence.setAside`).
    static func setAside(in bundle: EvidenceBundle) -> LCRUserList {
        let finding = UnusableEvidence.setAside(.userAccounts, code: .userAccountsMissing, in: bundle)
        return LCRUserList(
            hasEvidence: true, readable: false, evidencePath: finding.evidence, rows: 0, refused: 0, shareLike: 0,
            findings: [finding], addresses: CompactStringSet(), staffIDs: CompactStringSet(), staffIDOfUser: [])
    }

    /// Reads every usable `user-accounts` file of `bundle`, judging each row by `policy`.
    static func read(_ bundle: EvidenceBundle, policy: Policy.UserAccounts) -> LCRUserList {
        let files = bundle.usableFiles(.userAccounts)
        let domains = EmailDomainPolicy(policy)
        let shared = SharedMailboxRule(words: policy.sharedMailboxLocalParts)
        var findings = CappedFindings()
        var addresses = CompactStringSet(), staffIDs = CompactStringSet()
        var staffIDOfUser: [Int32] = []
        // Where each address was first seen: the file's index in `files` and the line.
        var firstSeen: [(file: Int32, line: Int32)] = []
        var rows = 0, refused = 0, shareLike = 0
        var readable = false
        // Each address (and staff ID) lower-cased into these buffers, so a row costs no allocation for its keys.
        var lowered: [UInt8] = [], loweredStaffID: [UInt8] = []
        // Room for as many users as the files could name, reserved but not touched (so not resident) until
        // used: the lists then never copy themselves to grow. Only the hash tables grow with what is seen.
        let fileBytes = files.totalBytes
        addresses.reserveStorage(members: fileBytes / 16, bytes: fileBytes / 2)
        staffIDs.reserveStorage(members: fileBytes / 16, bytes: fileBytes / 4)
        staffIDOfUser.reserveCapacity(fileBytes / 16)
        firstSeen.reserveCapacity(fileBytes / 16)
        // The domain policy's verdict on each ASCII domain met (a list repeats a handful of domains);
        // only ASCII ones are kept, since `String` keys compare by Unicode equivalence, not bytes.
        var verdicts: [String: EmailDomainPolicy.Refusal?] = [:]
        func verdict(on domain: String) -> EmailDomainPolicy.Refusal? {
            if let known = verdicts[domain] { return known }
            let refusal = domains.refusal(of: domain)
            if verdicts.count < 4_096, domain.utf8.allSatisfy({ $0 < 0x80 }) { verdicts.updateValue(refusal, forKey: domain) }
            return refusal
        }
        // The last ASCII domain met, as lower-cased bytes and as text (a list repeats a handful of domains).
        var lastDomain: [UInt8] = [], lastDomainText = ""
        /// The address's domain and the shared-mailbox word its local part matches: an ASCII address (already
        /// lower-cased into `lowered`) judged on its bytes, anything else by `EmailAddress.parse`'s full rules.
        func judge(_ field: CSVField) -> Result<(domain: String, sharedWord: String?), EmailAddressProblem> {
            if EmailAddress.isWellFormedASCII(field.bytes) {
                let decided = lowered.withUnsafeBufferPointer { address -> String?? in
                    // A well-formed address has its `@`.
                    let at = address.firstIndex(of: UInt8(ascii: "@")) ?? address.count - 1
                    let domain = UnsafeBufferPointer(rebasing: address[(at + 1)...])
                    if !domain.elementsEqual(lastDomain) {
                        lastDomain = Array(domain)
                        lastDomainText = String(decoding: domain, as: UTF8.self)
                    }
                    return shared.sharedWord(inLowercasedASCII: UnsafeBufferPointer(rebasing: address[..<at]))
                }
                if let sharedWord = decided { return .success((lastDomainText, sharedWord)) }
            }
            return EmailAddress.parse(field.description).map { ($0.domain, shared.sharedWord(in: $0.localPart)) }
        }
        for (fileIndex, file) in files.enumerated() {
            let reader = CSVEvidenceReader<UserAccountColumn>(file: file)
            let path = reader.path
            readable = reader.read(into: &findings) { record, findings in
                // Made only for a message: most rows need neither.
                var location: String { "line \(record.line)" }
                let field = record.field(.email)
                var text: String { field.description }
                rows += 1
                guard !field.isEmpty else {
                    findings.append(.error(.emailInvalid, "Line \(record.line) of \(path) has no email address.", evidence: path, location: location))
                    refused += 1
                    return
                }
                guard field.bytes.count <= EmailAddress.maximumLength else {
                    // Not kept: a 64 KiB "address" per row would make the list as large as the file.
                    findings.append(.error(.emailInvalid, "\(CellText.quoted(text)) is not a usable email address: it is longer than the \(EmailAddress.maximumLength) characters an address can have.", evidence: path, location: location))
                    refused += 1
                    return
                }
                var allowed = true
                ASCIICase.lowercase(field.bytes, into: &lowered)
                let hasStaffID = StaffID.normalise(record.field(.staffID).bytes, into: &loweredStaffID)
                // Both table slots are loaded first and the address judged while they arrive: in a million-user
                // table each is a cache miss, which the judging's independent work then overlaps.
                let hash = lowered.withUnsafeBufferPointer { CompactStringSet.hash($0) }
                let staffIDHash = hasStaffID ? loweredStaffID.withUnsafeBufferPointer { CompactStringSet.hash($0) } : 0
                addresses.prefetch(hash)
                if hasStaffID { staffIDs.prefetch(staffIDHash) }
                let judged = judge(field)
                let (inserted, index) = lowered.withUnsafeBufferPointer { addresses.insert(bytes: $0, hash: hash) }
                if inserted {
                    firstSeen.append((Int32(clamping: fileIndex), Int32(clamping: record.line)))
                    if hasStaffID {
                        staffIDOfUser.append(Int32(clamping: loweredStaffID.withUnsafeBufferPointer { staffIDs.insert(bytes: $0, hash: staffIDHash).index }))
                    } else {
                        staffIDOfUser.append(-1)
                    }
                } else {
                    let earlier = firstSeen[index]
                    let place = "\(files[Int(earlier.file)].entry.path) line \(earlier.line)"
                    findings.append(.error(.emailDuplicate, "\"\(text)\" is listed more than once (first at \(place)): each LCR user needs their own account.", evidence: path, location: location))
                    allowed = false
                }
                switch judged {
                case .failure(let problem):
                    findings.append(.error(.emailInvalid, "\"\(text)\" is not a usable email address: it \(problem).", evidence: path, location: location))
                    allowed = false
                case .success(let (domain, sharedWord)):
                    if let refusal = verdict(on: domain) {
                        findings.append(.error(refusal.code, "\"\(text)\" \(refusal.reason).", evidence: path, location: location))
                        allowed = false
                    } else if let word = sharedWord {
                        findings.append(.warning(.emailSharedMailbox, "\"\(text)\" looks like a shared mailbox (\"\(word)\"): LCR access needs an individual account.", evidence: path, location: location))
                        shareLike += 1
                    }
                }
                if !allowed { refused += 1 }
            } || readable
        }
        return LCRUserList(
            hasEvidence: !files.isEmpty, readable: readable, evidencePath: files.first?.entry.path,
            rows: rows, refused: refused, shareLike: shareLike, findings: findings.findings,
            addresses: addresses, staffIDs: staffIDs, staffIDOfUser: staffIDOfUser)
    }
}
