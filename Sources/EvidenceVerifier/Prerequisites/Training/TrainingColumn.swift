/// The columns of `training-records` evidence (DESIGN §3) that the `ig-training` check reads.
/// The person is keyed by `Email` when the file has that column, else by `Staff ID` (ESR
/// exports often have no email); a file with neither names no one.
enum TrainingColumn: CSVColumns {
    case email, staffID, course, completed, expires

    var name: String {
        switch self {
        case .email: "Email"
        case .staffID: "Staff ID"
        case .course: "Course"
        case .completed: "Completion Date"
        case .expires: "Expiry Date"
        }
    }

    var aliases: [String] {
        switch self {
        case .email: ["Email Address", "Work Email"]
        case .staffID: ["Employee Number", "Assignment Number"]
        case .course: ["Course Name", "Competence Name", "Competency Name", "Module"]
        case .completed: ["Completed", "Date Completed", "Achievement Date", "Date Last Awarded"]
        case .expires: ["Expires"]
        }
    }

    var isRequired: Bool {
        switch self {
        case .course, .completed: true
        case .email, .staffID, .expires: false
        }
    }
}
