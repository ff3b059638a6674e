/// What `BundlePacker` wrote: how many files and the zip's size.
public struct PackedBundle: Sendable, Equatable {
    public let entries: Int
    public let bytes: Int64
}
