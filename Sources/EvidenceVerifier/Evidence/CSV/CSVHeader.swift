/// Where each expected column sits in a file, found from its header row.
struct CSVHeader<Column: CSVColumns> {
    /// Fields in the header; every record must have as many.
    let fieldCount: Int
    /// Expected columns that are present, by position.
    private let positions: [Column: Int]
    /// Columns that two or more header cells name (by name or alias), with the 1-based positions of those
    /// cells, in declaration order. Which cell counts is then a guess (Python's `DictReader` takes the last,
    /// a spreadsheet shows both), so such a file is not read.
    let repeated: [(column: Column, positions: [Int])]

    init(_ row: CSVRow) {
        fieldCount = row.count
        var cells: [Column: [Int]] = [:]
        for index in 0..<row.count {
            let cell = row[index]
            for column in Column.allCases where column.matches(cell) {
                cells[column, default: []].append(index)
            }
        }
        positions = cells.compactMapValues(\.first)
        repeated = Column.allCases.compactMap { column in
            guard let found = cells[column], found.count > 1 else { return nil }
            return (column, found.map { $0 + 1 })
        }
    }

    /// Required columns the header lacks, in declaration order.
    var missingRequired: [Column] {
        Column.allCases.filter { $0.isRequired && positions[$0] == nil }
    }

    func position(of column: Column) -> Int? { positions[column] }
}
