import Foundation

/// Every finding code the project declares, found by reading its sources for `FindingCode("…")`, so a
/// code added anywhere under `Sources/` is seen by the tests that need each code explained.
enum SourceFindingCodes {
    static func all() throws -> Set<String> {
        let sources = ExampleBundleTests.repository.appendingPathComponent("Sources")
        let pattern = try NSRegularExpression(pattern: #"FindingCode\("([^"]+)"\)"#)
        var codes: Set<String> = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { codes.insert(String(text[range])) }
            }
        }
        return codes
    }
}
