/// Whether the bundle has a usable manifest.
public enum ManifestState: Sendable {
    case missing
    case invalid(ManifestProblem)
    case parsed(Manifest)

    public var manifest: Manifest? {
        if case .parsed(let manifest) = self { return manifest }
        return nil
    }
}
