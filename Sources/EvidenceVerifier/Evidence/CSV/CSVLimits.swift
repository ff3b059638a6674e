/// Bounds that keep a hostile or broken CSV file from exhausting memory or flooding a report.
public struct CSVLimits: Sendable, Equatable {
    /// Longest field kept, in bytes; a longer one makes its row unreadable.
    public var maximumFieldBytes: Int
    /// Most fields in one record; more makes the row unreadable.
    public var maximumFields: Int

    public init(maximumFieldBytes: Int = 64 * 1024, maximumFields: Int = 1_024) {
        self.maximumFieldBytes = maximumFieldBytes
        self.maximumFields = maximumFields
    }
}
