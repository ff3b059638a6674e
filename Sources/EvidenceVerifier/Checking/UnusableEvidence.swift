/// The finding a check gives when none of the evidence it needs is usable, saying why.
enum UnusableEvidence {
    /// `code` with a message naming each listed file of `kind` and what is wrong with it, or
    /// saying the manifest lists none (or that there is no usable manifest to list any).
    static func finding(_ kind: EvidenceKind, code: FindingCode, in bundle: EvidenceBundle) -> Finding {
        let listed = bundle.listedFiles(kind)
        guard !listed.isEmpty else {
            guard bundle.manifest.manifest != nil else {
                return .error(code, "There is no usable manifest (see evidence integrity), so no \(kind.rawValue) evidence can be read.")
            }
            return .error(code, "The manifest lists no \(kind.rawValue) evidence.")
        }
        let reasons = listed.map { "\($0.entry.path): \(reason($0.state))" }
        return .error(code, "No usable \(kind.rawValue) evidence: \(reasons.joined(separator: "; ")).", evidence: listed.first?.entry.path)
    }

    /// `code` saying that everything read from the `kind` evidence was set aside because a large file of it,
    /// parsed as it was hashed, turned out not to match the manifest (`bundle` is settled).
    static func setAside(_ kind: EvidenceKind, code: FindingCode, in bundle: EvidenceBundle) -> Finding {
        let failed = bundle.listedFiles(kind).filter { !$0.isIntact }
        let reasons = failed.map { "\($0.entry.path): \(reason($0.state))" }
        return .error(code, "The \(kind.rawValue) evidence was set aside: \(reasons.joined(separator: "; ")), and it was read together with the rest of that evidence, so none of it counts.", evidence: failed.first?.entry.path)
    }

    private static func reason(_ state: EvidenceFile.State) -> String {
        switch state {
        case .intact: "usable"
        case .digestMismatch: "its SHA-256 differs from the manifest"
        case .unread: "it was not read"
        case .missing: "it is not in the bundle"
        case .outsideBundle(let why): "its path is refused (it \(why))"
        case .ambiguous(let twin): "its name reads the same as \(twin) (another Unicode spelling)"
        case .notARegularFile: "it is not a regular file"
        case .tooLarge(let limit): "it is larger than the \(limit) bytes allowed"
        case .unreadable(let why): "it cannot be read (\(why))"
        }
    }
}
