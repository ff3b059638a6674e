/// Decides whether a course name is accepted IG training: its title (`CourseTitle`: the name without
/// an ESR prefix, ` - N Year(s)` suffix or trailing `|`) contains one of the policy's accepted names,
/// case-insensitively. Answers are cached by the name's bytes, since a file repeats few course names,
/// and the last name asked is compared first, since rows often repeat it.
struct CourseMatcher {
    /// Distinct course names remembered; past this, answers are worked out each time.
    private static let cacheLimit = 1_024
    /// Up to this many remembered names are compared one by one instead of looked up by hash.
    private static let scannedNames = 16

    private let accepted: [String]
    private var names = CompactStringSet()
    private var answers: [Bool] = []
    /// The number in `names` of the last name asked, if it was remembered.
    private var last: Int?

    init(acceptedCourses: [String]) {
        accepted = acceptedCourses.map { $0.lowercased() }
    }

    mutating func accepts(_ course: CSVField) -> Bool {
        if let last, names.member(last, is: course.bytes) { return answers[last] }
        // A handful of names is searched faster by comparing bytes than by hashing them.
        if names.count <= Self.scannedNames, let index = (0..<names.count).first(where: { names.member($0, is: course.bytes) }) {
            last = index
            return answers[index]
        }
        if names.count > Self.scannedNames, let index = names.index(ofBytes: course.bytes) {
            last = index
            return answers[index]
        }
        let lowered = CourseTitle.of(course.description).lowercased()
        let answer = accepted.contains { lowered.contains($0) }
        if names.count < Self.cacheLimit {
            last = names.insert(bytes: course.bytes).index
            answers.append(answer)
        }
        return answer
    }
}
