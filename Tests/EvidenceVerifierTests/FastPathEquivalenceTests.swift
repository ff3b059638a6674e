import Foundation
import Testing
@testable import EvidenceVerifier

/// The CSV fast path (fields as bytes, dates from bytes, keys lower-cased into a reused buffer and
/// kept in pre-sized tables, the lapse found by selection) must change how fast the evidence is read,
/// never what is found: every prerequisite's summary and findings, the decision and `reverifyBy` of the
/// committed examples and of generated acceptance-style bundles are pinned here by SHA-256, as the
/// reader before the fast path produced them.
@Suite struct FastPathEquivalenceTests {
    static let asOf = IGFixtures.instant("2026-04-01T12:00:00Z")

    /// The policy the pins were taken under: today's defaults, with the accepted course named, so a
    /// change to the default course list does not move the pins.
    static var policy: Policy {
        var policy = Policy.defaults
        policy.training.acceptedCourses = ["Data Security Awareness"]
        return policy
    }

    /// SHA-256 of what the checks concluded (summaries, findings, decision, reverifyBy) in canonical JSON.
    static func conclusions(_ bundle: EvidenceBundle) async throws -> String {
        let verification = try BundleVerification(policy: policy, signerAnchors: [], hscnAnchors: [], probeEndpoints: false)
        let report = await verification.verify(bundle, asOf: asOf, generatedAt: asOf)
        struct Conclusions: Encodable {
            let prerequisites: [PrerequisiteResult]
            let decision: VerificationReport.Decision
            let reverifyBy: Date?
        }
        let bytes = try ReportCoding.encoder.encode(
            Conclusions(prerequisites: report.prerequisites, decision: report.decision, reverifyBy: report.reverifyBy))
        return SHA256Digest.hex(of: bytes)
    }

    static let examples = [
        "eligible", "lapsed-training", "lookalike-domain", "no-direct-care", "tampered", "unsigned", "untrusted-signer",
    ]

    @Test(arguments: examples)
    func committedExample(_ name: String) async throws {
        let bundle = try EvidenceBundleReader().read(ExampleBundleTests.repository.appendingPathComponent("evidence/\(name)"))
        let digest = try await Self.conclusions(bundle)
        #expect(digest == Self.examplePins[name], "\(name): \(digest)")
    }

    /// Seeds of generated bundles: sizes from a few rows to tens of thousands (so fields and quoted line
    /// breaks straddle the reader's 64 KiB chunks), keyed by address or by staff ID.
    static let seeds: [UInt64] = Array(1...12)

    @Test(arguments: seeds)
    func generatedBundle(_ seed: UInt64) async throws {
        var generator = MixedEvidenceGenerator(seed: seed)
        let rows = [5, 40, 300, 2_000, 30_000][Int(seed % 5)]
        let people = max(rows / Int(1 + seed % 4), 1)
        let folder = TestFolder()
        let bundle = try IGFixtures.bundle(
            in: folder, staffCount: seed % 3 == 0 ? nil : people,
            files: [
                .dspt(String(decoding: generator.dspt(odsCode: "B86001"), as: UTF8.self)),
                IGFixtures.File(.trainingRecords, "training/ig-training.csv",
                    bytes: generator.training(rows: rows, people: people, keyedByStaffID: seed % 4 == 1, invalidUTF8: seed % 4 == 3)),
                IGFixtures.File(.userAccounts, "staff/lcr-users.csv", bytes: generator.users(rows: max(rows / 5, 3), people: people)),
            ])
        let digest = try await Self.conclusions(bundle)
        #expect(digest == Self.generatedPins[seed], "seed \(seed): \(digest)")
    }

    /// Random text over an alphabet weighted towards what addresses are made of, with some non-ASCII.
    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let alphabet: [String] = Array("aZz09.@-_+'!#`~.@.-".map(String.init)) + [" ", "\t", "..", "@nhs.net", "xn--", "\u{e9}", "\u{130}", "\u{212A}", "\u{301}", "\r\n"]
        return (0..<count).map { _ in (0..<(1 + next() % 24)).map { _ in alphabet[next() % alphabet.count] }.joined() }
    }

    /// The byte-wise acceptance of a row's address agrees with `EmailAddress.parse` on every text it accepts,
    /// and accepts every ASCII address `parse` accepts (so the fast path is taken whenever it can be).
    @Test func emailFastAcceptanceAgreesWithParse() {
        var accepted = 0
        for text in Self.randomTexts(count: 200_000, seed: 7) + ["a@nhs.net", "a.b@x-y.gov.uk", "a@-x.net", "a@x-.net", ".a@nhs.net", String(repeating: "a", count: 65) + "@nhs.net"] {
            var copy = text
            let fast = copy.withUTF8 { EmailAddress.isWellFormedASCII($0) }
            let parsed: Bool = if case .success = EmailAddress.parse(text) { true } else { false }
            let ascii = text.utf8.allSatisfy { $0 < 0x80 }
            #expect(fast == (parsed && ascii), "\(text.debugDescription): fast \(fast), parse \(parsed)")
            if fast { accepted += 1 }
        }
        #expect(accepted > 100)
    }

    /// Lower-casing into a reused buffer gives `String.lowercased()`'s bytes, ASCII or not.
    @Test func bufferLowercasingAgreesWithString() {
        var buffer: [UInt8] = []
        for text in Self.randomTexts(count: 50_000, seed: 11) + ["\u{130}LKER@NHS.NET", "K\u{212A}@x", "STRASSE\u{df}"] {
            var copy = text
            copy.withUTF8 { ASCIICase.lowercase($0, into: &buffer) }
            #expect(buffer == Array(text.lowercased().utf8), "\(text.debugDescription)")
        }
    }

    /// Selection gives the element sorting would put at each index, with repeats and in any order.
    @Test func selectionAgreesWithSorting() {
        var state: UInt64 = 3
        for size in [1, 2, 3, 10, 101, 5_000] {
            let values = (0..<size).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1
                return Double(state >> 54)
            }
            let sorted = values.sorted()
            for k in Set([0, size / 3, size / 2, size - 1]) {
                var scratch = values
                #expect(OrderStatistic.select(k, in: &scratch) == sorted[k])
            }
            var ascending = sorted
            #expect(OrderStatistic.select(size - 1, in: &ascending) == sorted[size - 1])
        }
    }

    static let examplePins: [String: String] = [
        "eligible": "05923b6f3ea703d4fd9b4c5d7e000a37eaf49d2ed26c509e5930312ff5b0a4a5",
        "lapsed-training": "408ffa79a2f11c33e9a1b5245b9c81b7bcba063759e9f22ccb902889b271bd6d",
        "lookalike-domain": "1c45675cbaa93c8b3239cef8310ed2df29ef0b0bd2baed7f279e5f577d295bab",
        "no-direct-care": "dc17e0e5c27903774a85bca5e1bc484eb5e4a947084b0508dd699f2a6b8bfced",
        "tampered": "4f17d2af39f64592d5498234867915a4f51f0d902b3554e648c5e2abc47e8c45",
        "unsigned": "323022ace243eac0de8cdfc960b54337c973455b5122d129a0020a9f25213b6e",
        "untrusted-signer": "1341432edf7ec3054d51532e83eb588ae7620dd1f87a0130fcc82452ce290783",
    ]
    static let generatedPins: [UInt64: String] = [
        1: "290222cfac194af754194f05ff59a03762bf19de083fe2b54b94cb9467d88c82",
        2: "f224e09786a5a75baa2c124192f7be8638fc82f23133e7968d46d7a78cd0abd7",
        3: "e6fbed1d5a01224a11cc01b203c0ac9bdd05b0b8d5e61aba1657bdefcad2f912",
        4: "00646f58c345594d83de7fef9f2592df0d23ce1df0723e9fa7e7ddd4249f7e96",
        5: "7b25b0578656d9ae686bb4f2ca68b944beb7c9c9e7080e4327757ddf7b06b846",
        6: "633607077cf5ee9c7e06deac3b633522edcdd49de4a2cbd588f8fab08ab332c0",
        7: "7ff1e51281e1ed34682ce6e754d874983713450fdb5b57b1802bb8b52c577414",
        8: "8561faa9a14c131510684d8e3058e3d0170e1fc5d61219863e34cd7c99cd79fc",
        9: "2f065a467e0cb6395cc971570c5dbf136b5318fea2e6b5344698c72acdb6f180",
        10: "0b9d55b641aa4be95ca3fec4503e7c110272308c7219e2479f61c12a94ce9bc4",
        11: "a175fe908e78585a3db5794ee2d2e7730bb111588d1c417ca97b0df08545c15c",
        12: "065f50455a6f3cdd45d7680b6ee18f7f294a1073e2fb921ea7ee423df6cae22f",
    ]
}
