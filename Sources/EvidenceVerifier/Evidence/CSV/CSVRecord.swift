/// One readable data row of a CSV evidence file, read by column.
struct CSVRecord<Column: CSVColumns> {
    let row: CSVRow
    let columns: CSVColumnPositions<Column>
    /// The row's bytes, valid while the record is handed to the reader's body (see `CSVField`).
    var bytes: UnsafeBufferPointer<UInt8> { row.bytes }

    /// The physical line the row starts on.
    var line: Int { row.line }

    /// Whether the file has `column`.
    func has(_ column: Column) -> Bool {
        columns.position(of: column) != nil
    }

    /// The trimmed value of `column`; empty when the column is absent or the cell is blank.
    subscript(column: Column) -> String {
        field(column).description
    }

    /// The trimmed bytes of `column`; empty when the column is absent or the cell is blank.
    func field(_ column: Column) -> CSVField {
        guard let position = columns.position(of: column) else { return CSVField(bytes: UnsafeBufferPointer(rebasing: bytes[0..<0])) }
        let range = row.trimmedRange(position)
        return CSVField(bytes: UnsafeBufferPointer(rebasing: bytes[range]))
    }
}
