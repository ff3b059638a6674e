import EvidenceVerifier
import Foundation

/// The JSON the registry commands print: the reports' encoding (sorted keys, UTC ISO 8601 instants).
enum RegistryJSON {
    static var encoder: JSONEncoder { ReportCoding.encoder }
}
