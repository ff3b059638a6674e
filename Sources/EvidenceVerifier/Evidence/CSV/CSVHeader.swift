/// Where each expected column sits in a file, found from its header row.
struct CSVHeader<Column: CSVColumns> {
    /// Fields in the header; every record must have as many.
    let fieldCount: Int
    /// Expected columns that are present, by position (the first matching header cell wins).
    private let positions: [Column: Int]

    init(_ row: CSVRow) {
        fieldCount = row.count
        var positions: [Column: Int] = [:]
        for index in 0..<row.count {
            let cell = row[index]
            for column in Column.allCases where positions[column] == nil && column.matches(cell) {
                positions[column] = index
            }
        }
        self.positions = positions
    }

    /// Required columns the header lacks, in declaration order.
    var missingRequired: [Column] {
        Column.allCases.filter { $0.isRequired && positions[$0] == nil }
    }

    func position(of column: Column) -> Int? { positions[column] }
}
