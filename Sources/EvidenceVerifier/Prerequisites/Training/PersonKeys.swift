/// Which person keys the training records used (an `Email` column, else `Staff ID` as ESR exports
/// key people), so the `ig-training` summary can say how people were counted and matched.
struct PersonKeys: CustomStringConvertible {
    private var email = false
    private var staffID = false

    mutating func used(_ column: TrainingColumn) {
        if column == .email { email = true } else { staffID = true }
    }

    /// ` (people identified by email address)`, ` (people identified by staff ID, …)`, or empty when no row named anyone.
    var description: String {
        switch (email, staffID) {
        case (true, false): " (people identified by email address)"
        case (false, true): " (people identified by staff ID, matched to LCR users through the user list's Staff ID)"
        case (true, true): " (people identified by email address in some files and by staff ID in others)"
        case (false, false): ""
        }
    }
}
