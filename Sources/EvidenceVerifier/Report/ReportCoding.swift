import Foundation

/// The report's one JSON form: canonical (sorted keys, no insignificant whitespace, UTC instants
/// without fractions), so the same inputs give the same bytes.
public enum ReportCoding {
    public static func encode(_ report: VerificationReport) throws -> Data {
        try encoder.encode(report)
    }

    /// Decodes a report, or says in one line what is wrong: not JSON, a duplicate key (readers would
    /// disagree on which value counts), nesting too deep, a field missing or of the wrong type, another format.
    public static func decode(_ data: Data, file: String) throws(InputError) -> VerificationReport {
        let expected = VerificationReport.format
        if let problem = JSONKeyScanner.firstProblem(in: data) {
            throw InputError(file, "is not a usable \(expected) report: it \(problem)")
        }
        let report: VerificationReport
        do {
            report = try decoder.decode(VerificationReport.self, from: data)
        } catch let error as DecodingError {
            throw InputError(file, "is not a \(expected) report (\(DecodingProblem.describe(error)))")
        } catch {
            throw InputError(file, "is not a \(expected) report (not valid JSON)")
        }
        guard report.format == expected else {
            throw InputError(file, "is not a \(expected) report (field format: found \"\(report.format.prefix(64))\")")
        }
        return report
    }

    /// The encoder behind every JSON we print: sorted keys, unescaped slashes, UTC ISO 8601 instants.
    public static var encoder: JSONEncoder {
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
