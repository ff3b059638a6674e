import Foundation

/// What the training records say about one member of staff at the verification instant.
struct StaffTraining {
    /// The latest expiry among their current accepted completions.
    var currentUntil: Date?
    /// The latest expiry among their accepted completions that have already expired.
    var expiredOn: Date?

    /// Takes in one accepted completion (completed ≤ asOf is the caller's to check).
    mutating func add(expiry: Date, asOf: Date) {
        if asOf < expiry {
            currentUntil = max(currentUntil ?? expiry, expiry)
        } else {
            expiredOn = max(expiredOn ?? expiry, expiry)
        }
    }
}
