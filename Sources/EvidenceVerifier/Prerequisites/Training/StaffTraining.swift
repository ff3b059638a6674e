import Foundation

/// What the training records say about one member of staff at the verification instant.
struct StaffTraining {
    /// The latest expiry among their current accepted completions.
    var currentUntil: Date?
    /// The latest expiry among their accepted completions that have already expired.
    var expiredOn: Date?

    /// What `self` and `other` say together: the latest expiry of each kind (for an LCR user
    /// found in the training records both by address and by staff ID).
    func merged(with other: StaffTraining) -> StaffTraining {
        var merged = self
        if let until = other.currentUntil { merged.currentUntil = max(merged.currentUntil ?? until, until) }
        if let expired = other.expiredOn { merged.expiredOn = max(merged.expiredOn ?? expired, expired) }
        return merged
    }
}
