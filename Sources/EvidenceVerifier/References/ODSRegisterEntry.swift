/// One organisation in an ODS register file (`epraccur.csv`, `etr.csv`, `ecarehomesite.csv`).
public struct ODSRegisterEntry: Sendable, Equatable {
    public let code: String
    public let name: String
    public let opened: CivilDate?
    /// Nil while the organisation is open.
    public let closed: CivilDate?
    /// `epraccur.csv`'s column 13: `A` active, `C` closed, `D` dormant, `P` proposed; nil in files without it.
    public let status: Status?
    public let line: Int

    public enum Status: String, Sendable {
        case active = "A", closed = "C", dormant = "D", proposed = "P"
    }

    /// Why the organisation is not open on `day`, as the end of a sentence about it, or nil when it is open.
    public func notOpen(on day: CivilDate) -> String? {
        if let closed, closed <= day { return "closed on \(closed.spelledOut)" }
        switch status {
        case .closed: return "closed (status C)"
        case .dormant: return "dormant (status D)"
        case .proposed: return "only proposed, not yet open (status P)"
        case .active, nil: break
        }
        if let opened, day < opened { return "not open until \(opened.spelledOut)" }
        return nil
    }
}
