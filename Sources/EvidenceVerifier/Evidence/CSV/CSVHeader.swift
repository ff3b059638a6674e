/// Where each expected column sits in a file, found from its header row.
struct CSVHeader<Column: CSVColumns> {
    /// Fields in the header; every record must have as many.
    let fieldCount: Int
    /// Expected columns that are present, with their position (the first matching header cell).
    let columns: CSVColumnPositions<Column>
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
        var columns = CSVColumnPositions<Column>()
        for (column, positions) in cells {
            if let first = positions.first { columns.place(column, at: first) }
        }
        self.columns = columns
        repeated = cells.filter { $0.positions.count > 1 }.map { ($0.column, $0.positions.map { $0 + 1 }) }
    }

    /// Required columns the header lacks, in declaration order.
    var missingRequired: [Column] {
        Column.allCases.filter { $0.isRequired && columns.position(of: $0) == nil }
    }
}

/// Each expected column's position in a file's records, kept inline by the column's raw value: a plain
/// value that every record carries without reference counting or a search.
struct CSVColumnPositions<Column: CSVColumns> {
    /// Most columns a kind of evidence may have.
    static var capacity: Int { 16 }
    /// Position by raw value; -1 for a column the header lacks.
    private var slots = SIMD16<Int32>(repeating: -1)

    init() {
        precondition(Column.allCases.allSatisfy { (0..<Self.capacity).contains($0.rawValue) }, "\(Column.self) has a raw value outside 0..<\(Self.capacity)")
    }

    fileprivate mutating func place(_ column: Column, at position: Int) {
        slots[column.rawValue] = Int32(clamping: position)
    }

    func position(of column: Column) -> Int? {
        let position = slots[column.rawValue]
        return position < 0 ? nil : Int(position)
    }
}
