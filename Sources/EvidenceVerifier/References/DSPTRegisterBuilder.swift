/// Reads the national DSPT published-status list (`Code, Organisation Name, Status` or, before 2023,
/// `Latest Status`, `Date Of Publication, Primary Sector, …`) row by row into a `DSPTRegister`. Where a
/// code appears more than once, its most recently published row counts (an undated row never beats a
/// dated one).
struct DSPTRegisterBuilder {
    private(set) var rows = 0
    private var header: CSVHeader<DSPTColumn>?
    private var entries: [String: DSPTRegisterEntry] = [:]
    private var dates = EvidenceDateParser()

    /// Takes one record (the first is the header); returns why the file is not the list, or nil.
    mutating func take(_ row: CSVRow) -> String? {
        guard let header else {
            let found = CSVHeader<DSPTColumn>(row)
            if let missing = found.missingRequired.first {
                return "its header row has no \(missing.namesForMessage) column, so it is not the national DSPT published-status list"
            }
            if let repeated = found.repeated.first {
                return "its header row names the \(repeated.column.name) column more than once, so which one counts is ambiguous"
            }
            header = found
            return nil
        }
        guard row.count == header.fieldCount else {
            return "line \(row.line) has \(row.count) fields where the header has \(header.fieldCount)"
        }
        let record = CSVRecord(row: row, columns: header.columns)
        let code = record[.code]
        guard ODSCode.isValid(code) else {
            return "line \(row.line) has \"\(code.prefix(40))\" as its code, which is not an ODS code"
        }
        let text = record[.published]
        let published = text.isEmpty ? nil : dates.parse(text)
        if !text.isEmpty && published == nil {
            return "line \(row.line) has \"\(text.prefix(40))\" as its publication date, which is not a date"
        }
        rows += 1
        let entry = DSPTRegisterEntry(code: code, status: DSPTStatus(record[.status]), published: published, line: row.line)
        let key = code.uppercased()
        if let existing = entries[key], !Self.isLater(entry, than: existing) { return nil }
        entries[key] = entry
        return nil
    }

    /// Why the file, once read whole, is not a usable list, or nil.
    var problem: String? {
        header == nil ? "it is empty (the national DSPT list starts with a header row)" : nil
    }

    func register(_ record: ReferenceRecord) -> DSPTRegister {
        DSPTRegister(record: record, entries: entries)
    }

    private static func isLater(_ entry: DSPTRegisterEntry, than other: DSPTRegisterEntry) -> Bool {
        guard let mine = entry.published?.instant else { return false }
        guard let theirs = other.published?.instant else { return true }
        return mine > theirs
    }
}
