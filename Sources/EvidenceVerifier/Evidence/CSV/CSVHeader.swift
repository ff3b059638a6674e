/// Where each expected column sits in a file, found from its header row.
struct CSVHeader<Column: CSVColumns> {
    /// Fields in the header; every record must have as many.
    let fieldCount: Int
    /// Expected columns that are present, with their position (the first matching header cell wins):
    /// a few pairs searched in order, cheaper per field than hashing the column.
    private let positions: [(column: Column, position: Int)]

    init(_ row: CSVRow) {
        fieldCount = row.count
        var positions: [(column: Column, position: Int)] = []
        for index in 0..<row.count {
            let cell = row[index]
            for column in Column.allCases where !positions.contains(where: { $0.column == column }) && column.matches(cell) {
                positions.append((column, index))
            }
        }
        self.positions = positions
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
