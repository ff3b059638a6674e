import EvidenceVerifier
import Foundation

/// The JSON the registry commands print: sorted keys, UTC ISO 8601 instants, as in reports.
enum RegistryJSON {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISOInstant.string(date))
        }
        return encoder
    }
}
