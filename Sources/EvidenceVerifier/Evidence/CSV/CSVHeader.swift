/// Where each expected column sits in a file, found from its header row.
struct CSVHeader<Column: CSVColumns> {
    /// Fields in the header; every record must have as many.
    let fieldCount: Int
    /// Expected columns that are present, with their position (the first matching header cell):
    /// a few pairs searched in order, cheaper per field than hashing the column.
    private let positions: [(column: Column, position: Int)]
    /// Columns that two or more header cells name (by name or alias), with the 1-based positions of those
    /// cells, in declaration order. Which cell counts is then a guess (Python's `DictReader` takes the last,
    /// a spreadsheet shows both), so such a file is not read.
    let repeated: [(column: Column, positions: [Int])]

    init(_ row: CSVRow) {
        fieldCount = row.count
        var cells: [(column: Column, positions: [Int])] = Column.allCases.map { ($0, []) }
        for index in 0..<row.count {
            let cell = row[index]
            for slot in cells.indices where cells[slot].column.matches(cell) {
                cells[slot].positions.append(index)
            }
        }
        positions = cells.compactMap { entry in entry.positions.first.map { (entry.column, $0) } }
        repeated = cells.filter { $0.positions.count > 1 }.map { ($0.column, $0.positions.map { $0 + 1 }) }
    }

    /// Required columns the header lacks, in declaration order.
    var missingRequired: [Column] {
        Column.allCases.filter { $0.isRequired && position(of: $0) == nil }
    }

    func position(of column: Column) -> Int? {
        for entry in positions where entry.column == column { return entry.position }
        return nil
    }
}
