/// The columns of `training-records` evidence (DESIGN §3) that the `ig-training` check reads.
enum TrainingColumn: CSVColumns {
    case email, course, completed, expires

    var name: String {
        switch self {
        case .email: "Email"
        case .course: "Course"
        case .completed: "Completion Date"
        case .expires: "Expiry Date"
        }
    }

    var aliases: [String] {
        switch self {
        case .email: ["Email Address", "Work Email"]
        case .course: ["Course Name", "Competence Name", "Module"]
        case .completed: ["Completed", "Date Completed", "Achievement Date"]
        case .expires: ["Expires"]
        }
    }

    var isRequired: Bool { self != .expires }
}
