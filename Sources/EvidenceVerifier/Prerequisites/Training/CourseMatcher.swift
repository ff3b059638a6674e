/// Decides whether a course name is accepted IG training: its title (`CourseTitle`: the name without
/// an ESR prefix, ` - N Year(s)` suffix or trailing `|`) contains one of the policy's accepted names,
/// case-insensitively. Answers are cached, since a file repeats few course names.
struct CourseMatcher {
    /// Distinct course names remembered; past this, answers are worked out each time.
    private static let cacheLimit = 1_024

    private let accepted: [String]
    private var answers: [String: Bool] = [:]

    init(acceptedCourses: [String]) {
        accepted = acceptedCourses.map { $0.lowercased() }
    }

    mutating func accepts(_ course: String) -> Bool {
        if let answer = answers[course] { return answer }
        let lowered = CourseTitle.of(course).lowercased()
        let answer = accepted.contains { lowered.contains($0) }
        if answers.count < Self.cacheLimit { answers[course] = answer }
        return answer
    }
}
