import Foundation

/// The reference lists one verification consults: at most one national DSPT list, and any number of
/// ODS register files (a GP practice is in `epraccur.csv`, a trust in `etr.csv`). Empty by default,
/// and then the report has no `references` and the checks make no cross-check.
public struct ReferenceLists: Sendable {
    public let dspt: DSPTRegister?
    /// Newest import first (as given where two are as new), so an organisation listed in two files is
    /// judged by the newer one.
    public let ods: [ODSRegister]

    public static let none = ReferenceLists(dspt: nil, ods: [])

    public init(dspt: DSPTRegister?, ods: [ODSRegister]) {
        self.dspt = dspt
        self.ods = ods.enumerated().sorted { ($0.element.record.importedAt, $1.offset) > ($1.element.record.importedAt, $0.offset) }.map(\.element)
    }

    /// The lists read from files; more than one DSPT list is refused (there is one national list).
    public init(_ lists: [ReferenceList]) throws(InputError) {
        var dspt: DSPTRegister?
        var ods: [ODSRegister] = []
        for list in lists {
            switch list {
            case .dspt(let register):
                guard dspt == nil else { throw InputError("--dspt-register", "give one national DSPT list, not several") }
                dspt = register
            case .ods(let register):
                ods.append(register)
            }
        }
        self.init(dspt: dspt, ods: ods)
    }

    /// The report's `references`: nil when no list is used, so such reports stay as they were.
    public var records: [ReferenceRecord]? {
        let all = (dspt.map { [$0.record] } ?? []) + ods.map(\.record)
        return all.isEmpty ? nil : all
    }

    /// The first ODS register entry for `odsCode`, with the list it came from.
    public func odsEntry(for odsCode: String) -> ODSRegisterEntry? {
        ods.lazy.compactMap { $0.entry(for: odsCode) }.first
    }
}
