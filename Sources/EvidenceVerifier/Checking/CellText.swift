/// A CSV cell as a finding quotes it: whole when short, else its start and its size, so a 64 KiB cell
/// repeated on every row neither bloats the report nor costs a 64 KiB message per row.
enum CellText {
    /// Most characters (Unicode scalars) of a value quoted.
    static let shownLength = 200

    /// `"value"`, or `"first 200 characters…" (N bytes)`.
    static func quoted(_ text: String) -> String {
        guard text.utf8.count > shownLength else { return "\"\(text)\"" }
        return "\"\(String(text.unicodeScalars.prefix(shownLength)))…\" (\(text.utf8.count) bytes)"
    }
}
