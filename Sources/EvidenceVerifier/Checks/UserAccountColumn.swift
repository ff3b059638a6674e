/// The columns of `user-accounts` evidence (DESIGN §3) that the checks read.
enum UserAccountColumn: CSVColumns {
    case email

    var name: String { "Email" }
    var aliases: [String] { [] }
    var isRequired: Bool { true }
}
