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
        for text in Self.randomTexts(count: 50_000, seed: 11) + ["\u{130}LKER@NHS.NET", "K\u{212A}@x", "STRASSE\u{df}", "@AZ[`az{ ALEX.PERSON@NHS.NET", "ABCDEFGHIJKLMNOPQRSTUVWXYZ@[\\]^_`\u{7f}", "ABCDEFGH\u{e9}"] {
            var copy = text
            copy.withUTF8 { ASCIICase.lowercase($0, into: &buffer) }
            #expect(buffer == Array(text.lowercased().utf8), "\(text.debugDescription)")
        }
    }

    /// Selection gives the element sorting would put at each index, with repeats, negatives, signed zeros,
    /// values that share their high bits, more equal values than it gathers (every pass taken), and in any order.
    @Test func selectionAgreesWithSorting() {
        var state: UInt64 = 3
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            return state
        }
        let spreads: [(Int) -> Double] = [
            { _ in Double(next() >> 54) },                                      // few distinct values, many repeats
            { _ in Double(Int64(bitPattern: next()) >> 20) },                    // negatives and positives
            { _ in 8e8 + Double(next() >> 40) },                                 // instants a few days apart
            { _ in 8e8 + Double(next() >> 60) / 1_024 },                         // differing only in low bits
            { index in index % 2 == 0 ? 0.0 : -Double(next() >> 62) },           // zeros, -0 included
            { index in index == 0 ? 8e8 + 1 : 8e8 },                             // more equal values than are gathered
        ]
        for spread in spreads {
            for size in [1, 2, 3, 10, 101, 5_000] {
                let values = (0..<size).map { spread($0) } + (size > 3 ? [-0.0] : [])
                let sorted = values.sorted()
                for k in Set([0, 1 % sorted.count, sorted.count / 3, sorted.count / 2, sorted.count - 1]) {
                    let selected = OrderStatistic.select(k) { take in values.forEach(take) }
                    #expect(selected == sorted[k], "k \(k) of \(sorted.count)")
                }
            }
        }
    }


    /// Taken with the reader before the fast path, under the rules the fast path was merged with (real exports,
    /// reference lists, bounded cells): that reader and this one conclude the same on every bundle here.
    static let examplePins: [String: String] = [
        "eligible": "4a05bdd5f8c06089e93de16636c455131877f937840fa900bba940a7c4a0356b",
        "lapsed-training": "500ad2f0cd63fbad1a047a2c3ab11defe0336862b069b7e2f920b4606e133576",
        "lookalike-domain": "84307d9e48f145ba6101a9a39ad7d01a22fc1d9259b3203951a7efe9d4006c8f",
        "no-direct-care": "4987fef368f326a4fc55b8e803eff875e27453c958e3c78c2c4aa68d8dc51f11",
        "tampered": "4f17d2af39f64592d5498234867915a4f51f0d902b3554e648c5e2abc47e8c45",
        "unsigned": "cb6931285ca477c60433f90e5832fd8dcf52d7891fab00380f692155826d51a1",
        "untrusted-signer": "e21b10e780fbc00812c0270e0b93341f17357f6b4457480e4de78b3bb26c1615",
    ]
    static let generatedPins: [UInt64: String] = [
        1: "4ab02aed2d4bcf3f22c924542951604c345ea328eaee9394a41ac30d0129d57e",
        2: "d9aead7e2d6733287d3c86adc0f33a8e55474d9d8da2238960cb1bdbae127bd5",
        3: "d1ed91c886af035af6c0c60ebbdb754bf55431b88b12b36ac4ef6ae3be59ddd3",
        4: "3ae3ef4ba75516779b25382d757c6352d1a6d8c528cf105701fb5fcd2b7916ea",
        5: "d16355f14ceb61fc155c033521e3041997b5be5402b99257240282c8683916e6",
        6: "70ecc2f48e62b1f1a42eb12e0694beb319b24ad23e64da8ce4db40ee93f2b0c5",
        7: "7f907a4197733cd6ac7acbecc7996117f410ea25c837fa980a96d71fec727649",
        8: "8c30fb7e153e163ae912bf097d35b100d9c118e0fad1817a655ed18f12c9e11c",
        9: "858a102bc416cdddb774df484c3ec2da71ca7c3891a4d43495d49ccbf7f4b6fc",
        10: "6d1c87968684c0c34fcfd7f6d754c36a96540a421156472da8d4c98b3a1bc283",
        11: "6a7a57028fe517ff5df75d0440d066947300e2bbdbe1837ce7582bb3da3f0458",
        12: "edc4e33f6c4b5bbfbc3b22366715925edb2bd43565698cd224c98f27e812b461",
    ]
}
