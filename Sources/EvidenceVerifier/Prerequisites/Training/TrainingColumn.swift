/// The columns of `training-records` evidence (DESIGN §3) that the `ig-training` check reads.
/// The person is keyed by `Email` when the file has that column, else by `Staff ID` (ESR
/// exports often have no email: `Employee Number`), else by `Assignment Number`; a file with none names
/// no one. An ESR export with both `Employee Number` and `Assignment Number` is keyed by the employee
/// number, and the assignment number then also finds the person, since a user list may give either. The
/// two are distinct columns (not aliases of one), so a file with both is not a column named twice.
enum TrainingColumn: Int, CSVColumns {
    case email, staffID, assignment, course, completed, expires

    var name: String {
        switch self {
        case .email: "Email"
        case .staffID: "Staff ID"
        case .assignment: "Assignment Number"
        case .course: "Course"
        case .completed: "Completion Date"
        case .expires: "Expiry Date"
        }
    }

    var aliases: [String] {
        switch self {
        case .email: ["Email Address", "Work Email"]
        case .staffID: ["Employee Number"]
        case .assignment: []
        case .course: ["Course Name", "Competence Name", "Competency Name", "Module"]
        case .completed: ["Completed", "Date Completed", "Achievement Date", "Date Last Awarded"]
        case .expires: ["Expires"]
        }
    }

    var isRequired: Bool {
        switch self {
        case .course, .completed: true
        case .email, .staffID, .assignment, .expires: false
        }
    }
}
