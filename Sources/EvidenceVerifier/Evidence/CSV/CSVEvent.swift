/// What reading a CSV file yields, record by record, in file order (a record is a view valid only while handed over).
public enum CSVEvent {
    /// A well-formed record (the header is the first one).
    case record(CSVRow)
    /// A record that cannot be read, at the physical line where it starts.
    case unreadable(line: Int, problem: CSVRowProblem)
}
