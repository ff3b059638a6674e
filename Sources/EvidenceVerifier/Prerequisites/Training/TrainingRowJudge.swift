import Foundation

/// The rules one training row is judged by, with what they keep from row to row (the rows noted for the
/// ledger, the person keys used, the date parser's and course matcher's caches): one value the reader's
/// closure mutates, so a row costs one access to it rather than one to each.
struct TrainingRowJudge {
    let asOf: Date
    let validityDays: Int
    var dates = EvidenceDateParser()
    var courses: CourseMatcher
    var keys = PersonKeys()
    /// The rows judged since the ledger last took them.
    var noted = LedgerBatch()

    init(rules: Policy.Training, asOf: Date) {
        self.asOf = asOf
        validityDays = rules.validityDays
        courses = CourseMatcher(acceptedCourses: rules.acceptedCourses)
    }

    /// Judges one row of the file at `path` (`namesNoOne` says whether that file's missing key columns were
    /// already reported), noting its person for the ledger and its problems in `findings`.
    mutating func take(_ record: CSVRecord<TrainingColumn>, path: String, namesNoOne: inout Bool, findings: inout CappedFindings) {
        func date(_ column: TrainingColumn) -> EvidenceDate? {
            let field = record.field(column)
            if let date = dates.parse(field) { return date }
            let text = field.description
            let problem = text.isEmpty ? "has no \(column.name)" : "has \(CellText.quoted(text)) as \(column.name), which is not a date (use \(EvidenceDateParser.acceptedForms))"
            findings.append(.error(text.isEmpty ? .csvMissingValue : .dateInvalid, "Line \(record.line) of \(path) \(problem).", evidence: path, location: "line \(record.line), column \(column.name)"))
            return nil
        }
        let keyColumn: TrainingColumn
        if record.has(.email) {
            keyColumn = .email
        } else if record.has(.staffID) {
            keyColumn = .staffID
        } else if record.has(.assignment) {
            keyColumn = .assignment
        } else {
            if !namesNoOne {
                namesNoOne = true
                findings.append(.error(.csvMissingColumn, "\(path) has no \(TrainingColumn.email.namesForMessage), \(TrainingColumn.staffID.namesForMessage) or \(TrainingColumn.assignment.name) column, so its rows name no one", evidence: path, location: "column Email"))
            }
            return
        }
        keys.used(keyColumn)
        let text = record.field(keyColumn)
        guard !text.isEmpty else {
            findings.append(.error(.csvMissingValue, "Line \(record.line) of \(path) has no \(keyColumn.name).", evidence: path, location: "line \(record.line), column \(keyColumn.name)"))
            return
        }
        if let problem = Self.personKeyProblem(text, in: keyColumn) {
            // Counted among the staff (it can only lower the share), never as trained; a key longer than
            // any address is not kept (its error fails the check anyway), so memory stays small per row.
            if text.bytes.count <= EmailAddress.maximumLength { noted.note(text) }
            findings.append(.error(.trainingPersonInvalid, "Line \(record.line) of \(path) names \(CellText.quoted(text.description)) as the person, which \(problem). Its training does not count.", evidence: path, location: "line \(record.line), column \(keyColumn.name)"))
            return
        }
        var alias: String?
        if keyColumn == .staffID, let assignment = StaffID.normalised(record[.assignment]), assignment != text.description.lowercased() {
            alias = assignment
        }
        /// The row's accepted completion's expiry, or nil when it has none (or its dates cannot be read).
        func acceptedExpiry() -> Date? {
            let course = record.field(.course)
            guard courses.accepts(course), let completed = date(.completed) else { return nil }
            guard completed.instant <= asOf else {
                findings.append(.error(.trainingCompletedInFuture, "\(text) is recorded as completing \(CellText.quoted(course.description)) on \(record[.completed]), after the verification instant \(ISOInstant.string(asOf)).", evidence: path, location: "line \(record.line), column Completion Date"))
                return nil
            }
            // The earlier of the stated expiry and the policy's validity: a far-off `Expiry Date`
            // cannot stretch a completion past `validityDays`.
            let expiry = dates.adding(days: validityDays, to: completed)
            if Self.statesNoExpiry(record.field(.expires)) { return expiry }
            return date(.expires).map { min(expiry, $0.instant) }
        }
        noted.note(text, expiry: acceptedExpiry(), alias: alias)
    }

    /// Whether an `Expiry Date` cell gives no expiry: blank, or ESR's `No expiry` (any case).
    /// The validity period then decides.
    private static func statesNoExpiry(_ field: CSVField) -> Bool {
        // Only ASCII text lower-cases to "no expiry", so comparing the bytes in any case is the same test.
        field.isEmpty || field.equalsIgnoringCase("no expiry")
    }

    /// Why `key` cannot identify a person in `column`, or nil when it can: an Email key must be an
    /// address, a Staff ID key a staff identifier.
    private static func personKeyProblem(_ key: CSVField, in column: TrainingColumn) -> String? {
        if column != .email {
            return StaffID.isStaffID(key.bytes)
                ? nil : "is not a staff ID (1 to \(StaffID.maximumLength) letters, digits, -, /, . or _)"
        }
        if EmailAddress.isWellFormedASCII(key.bytes) { return nil }
        if case .failure(let problem) = EmailAddress.parse(key.description) { return "is not an email address: it \(problem)" }
        return nil
    }
}
