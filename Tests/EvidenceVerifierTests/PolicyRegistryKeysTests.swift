import Foundation
import Testing

@testable import EvidenceVerifier

/// The policy keys the registry commands and the intake service read: `intake.pausedMessage`,
/// `intake.maximumUploadBytes` and `reverify.noticeDays`.
@Suite struct PolicyRegistryKeysTests {
    @Test func defaultsAndOverrides() throws {
        #expect(Policy.defaults.reverify.noticeDays == 30)
        #expect(!Policy.defaults.intake.pausedMessage.isEmpty)
        #expect(Policy.defaults.intake.maximumUploadBytes == 256 << 20)
        let policy = try PolicyLoader.parse(
            Data(#"{"intake": {"pausedMessage": "Paused until April.", "maximumUploadBytes": 4096}, "reverify": {"noticeDays": 45}}"#.utf8),
            source: "policy.json")
        #expect(policy.intake.pausedMessage == "Paused until April.")
        #expect(policy.intake.maximumUploadBytes == 4096)
        #expect(policy.reverify.noticeDays == 45)
    }

    @Test(arguments: [
        (#"{"reverify": {"noticeDays": -1}}"#, "policy.json: reverify.noticeDays must be from 0 to 3650"),
        (#"{"intake": {"pausedMessage": "  "}}"#, "policy.json: intake.pausedMessage must not be blank"),
        (#"{"intake": {"maximumUploadBytes": 10}}"#, "policy.json: intake.maximumUploadBytes must be at least 1024"),
        (#"{"intake": {"maximumUploadBytes": 100000000000}}"#, "policy.json: intake.maximumUploadBytes must be at most 68719476736"),
        (#"{"reverify": {"noticeDay": 10}}"#, "policy.json: unknown key reverify.noticeDay"),
    ])
    func refusesBadValues(_ json: String, _ expected: String) {
        #expect(throws: InputError.self) { try PolicyLoader.parse(Data(json.utf8), source: "policy.json") }
        do {
            _ = try PolicyLoader.parse(Data(json.utf8), source: "policy.json")
        } catch {
            #expect(error.description == expected)
        }
    }
}
