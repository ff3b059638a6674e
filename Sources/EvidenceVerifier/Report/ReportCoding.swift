import Foundation

/// The report's one JSON form: canonical (sorted keys, no insignificant whitespace, UTC instants
/// without fractions), so the same inputs give the same bytes.
public enum ReportCoding {
    public static func encode(_ report: VerificationReport) throws -> Data {
        try encoder.encode(report)
    }

    /// Decodes a report, or says which field is wrong.
    public static func decode(_ data: Data, file: String) throws -> VerificationReport {
        do {
            return try decoder.decode(VerificationReport.self, from: data)
        } catch {
            throw InputError(file, "is not a \(VerificationReport.format) report (\(error.localizedDescription))")
        }
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISOInstant.string(date))
        }
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ISOInstant.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(text) is not an ISO 8601 instant")
            }
            return date
        }
        return decoder
    }
}
