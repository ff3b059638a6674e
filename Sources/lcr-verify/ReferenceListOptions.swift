import ArgumentParser
import EvidenceVerifier

/// `--dspt-register FILE` and `--ods-register FILE` (repeatable): independent reference lists for one
/// `check`, read once, each with the file's modification time as its age (DESIGN §2).
struct ReferenceListOptions: ParsableArguments {
    @Option(name: .customLong("dspt-register"), help: ArgumentHelp(
        "The national DSPT published-status CSV to cross-check the DSPT evidence against.", valueName: "FILE"))
    var dsptRegister: String?

    @Option(name: .customLong("ods-register"), help: ArgumentHelp(
        "An ODS register file (epraccur.csv, etr.csv, ecarehomesite.csv) to confirm the organisation against (repeatable).",
        valueName: "FILE"))
    var odsRegister: [String] = []

    /// The lists named, read; a file that is not the list it should be is exit 2.
    func lists() throws -> ReferenceLists {
        var lists: [ReferenceList] = []
        if let dsptRegister { lists.append(try ReferenceListReader.read(.dsptRegister, path: dsptRegister)) }
        for path in odsRegister { lists.append(try ReferenceListReader.read(.odsRegister, path: path)) }
        return try ReferenceLists(lists)
    }
}
