/// An entry whose central directory record and local header agree: where its compressed bytes lie, and the
/// whole span it occupies in the archive (local header, data and any data descriptor).
struct ZipEntry {
    let record: ZipCentralEntry
    /// The entry's compressed bytes, as the central directory sizes them.
    let data: Range<Int64>
    /// Everything the entry occupies, from its local header to the end of its data descriptor.
    let span: Range<Int64>

    var name: ZipEntryName { record.name }
}
