/// Reads an ODS register file row by row into an `ODSRegister`: headerless and positional, as NHS
/// England publishes `epraccur.csv` (GP practices), `etr.csv` (trusts) and `ecarehomesite.csv`
/// (care-home sites): column 1 the code, 2 the name, 11 the open date and 12 the close date
/// (`YYYYMMDD`, empty while open), and in `epraccur.csv` column 13 a status (`A`, `C`, `D`, `P`).
struct ODSRegisterBuilder {
    /// Columns every row must reach: the close date is column 12.
    static let minimumFields = 12
    private(set) var rows = 0
    private var entries: [String: ODSRegisterEntry] = [:]

    /// Takes one row; returns why the file is not an ODS register, or nil.
    mutating func take(_ row: CSVRow) -> String? {
        guard row.count >= Self.minimumFields else {
            return "line \(row.line) has \(row.count) fields; an ODS register row has at least \(Self.minimumFields) (no header row)"
        }
        let code = row.trimmed(0)
        guard ODSCode.isValid(code) else {
            return "line \(row.line) has \"\(code.prefix(40))\" in column 1, which is not an ODS code (the file has no header row)"
        }
        let name = row.trimmed(1)
        guard !name.isEmpty else { return "line \(row.line) has no name in column 2" }
        guard let opened = Self.date(row.trimmed(10)), let closed = Self.date(row.trimmed(11)) else {
            return "line \(row.line) has an open or close date (columns 11 and 12) that is not YYYYMMDD"
        }
        let status = row.count > 12 ? ODSRegisterEntry.Status(rawValue: row.trimmed(12)) : nil
        rows += 1
        let key = code.uppercased()
        guard entries[key] == nil else { return "line \(row.line) lists \(code) a second time" }
        entries[key] = ODSRegisterEntry(code: code, name: name, opened: opened, closed: closed, status: status, line: row.line)
        return nil
    }

    var problem: String? {
        rows == 0 ? "it lists no organisation" : nil
    }

    func register(_ record: ReferenceRecord) -> ODSRegister {
        ODSRegister(record: record, entries: entries)
    }

    /// `.some(nil)` for a blank cell, `.some(date)` for `YYYYMMDD`, nil for anything else.
    private static func date(_ text: String) -> CivilDate?? {
        if text.isEmpty { return .some(nil) }
        let digits = text.utf8.compactMap { (0x30...0x39).contains($0) ? Int($0 - 0x30) : nil }
        guard text.utf8.count == 8, digits.count == 8 else { return nil }
        let number = digits.reduce(0) { $0 * 10 + $1 }
        guard let date = CivilDate(year: number / 10_000, month: number / 100 % 100, day: number % 100),
              EvidenceDateParser.years.contains(date.year) else { return nil }
        return .some(date)
    }
}
