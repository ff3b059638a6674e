/// Names that are different bytes but equal as Unicode text (NFC and NFD spellings of one name):
/// a file system keeps them apart while people, and Swift `String`, see one name, so neither can be
/// trusted to be the file a signature or a reviewer meant.
struct NameAmbiguity: Sendable {
    /// Each group of distinct byte spellings that read as one name, as text.
    let groups: [[String]]
    private let twins: [[UInt8]: String]

    init(_ names: [[UInt8]]) {
        var byText: [String: Set<[UInt8]>] = [:]
        for name in names { byText[String(decoding: name, as: UTF8.self), default: []].insert(name) }
        var groups: [[String]] = []
        var twins: [[UInt8]: String] = [:]
        for spellings in byText.values where spellings.count > 1 {
            let sorted = spellings.sorted { $0.lexicographicallyPrecedes($1) }
            groups.append(sorted.map { String(decoding: $0, as: UTF8.self).unicodeScalars.map(Self.visible).joined() })
            for name in sorted {
                twins[name] = sorted.first { $0 != name }.map { String(decoding: $0, as: UTF8.self).unicodeScalars.map(Self.visible).joined() }
            }
        }
        self.groups = groups.sorted { $0.lexicographicallyPrecedes($1) }
        self.twins = twins
    }

    /// Another spelling of `name` that reads the same, when there is one (escaped so the difference shows).
    func twin(of name: [UInt8]) -> String? { twins[name] }

    /// A scalar as is when printable ASCII, else as `\u{…}`, so two spellings can be told apart on screen.
    private static func visible(_ scalar: Unicode.Scalar) -> String {
        (0x20..<0x7f).contains(scalar.value) ? String(scalar) : "\\u{\(String(scalar.value, radix: 16))}"
    }
}
