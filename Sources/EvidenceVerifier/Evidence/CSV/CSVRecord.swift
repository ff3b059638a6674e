/// One readable data row of a CSV evidence file, read by column.
struct CSVRecord<Column: CSVColumns> {
    let row: CSVRow
    let header: CSVHeader<Column>

    /// The physical line the row starts on.
    var line: Int { row.line }

    /// The trimmed value of `column`; empty when the column is absent or the cell is blank.
    subscript(column: Column) -> String {
        guard let position = header.position(of: column) else { return "" }
        return row.trimmed(position)
    }
}
