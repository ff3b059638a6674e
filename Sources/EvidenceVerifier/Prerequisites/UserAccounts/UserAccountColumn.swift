/// The columns of `user-accounts` evidence (DESIGN §3) that the checks read: the address, and
/// the staff ID that matches a user to training records keyed by staff ID.
enum UserAccountColumn: Int, CSVColumns {
    case email, staffID

    var name: String {
        switch self {
        case .email: "Email"
        case .staffID: "Staff ID"
        }
    }

    var aliases: [String] {
        switch self {
        case .email: ["Email Address", "Work Email"]
        case .staffID: ["Employee Number", "Assignment Number"]
        }
    }

    var isRequired: Bool { self == .email }
}
