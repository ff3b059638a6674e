import Foundation
import Testing
@testable import EvidenceVerifier

@Suite struct PolicyLoaderTests {
    private func parse(_ json: String) throws(InputError) -> Policy {
        try PolicyLoader.parse(Data(json.utf8), source: "policy.json")
    }

    private func problem(_ json: String) -> String? {
        do {
            _ = try parse(json)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func anEmptyObjectIsTheDefaults() throws {
        #expect(try parse("{}") == Policy.defaults)
        #expect(try parse("{}").sha256 == Policy.defaults.sha256)
    }

    @Test func keysMergeOverTheDefaultsObjectByObject() throws {
        let policy = try parse("""
        {"training": {"minimumCompletionPercent": 90, "validityDays": 730},
         "intake": {"acceptingNewApplications": false},
         "userAccounts": {"exactDomains": ["nhs.net", "nhs.scot"]},
         "probe": {"allowedNetworks": ["127.0.0.0/8", "fd00::/8"], "connectTimeoutSeconds": 2.5}}
        """)
        var expected = Policy.defaults
        expected.training.minimumCompletionPercent = 90
        expected.training.validityDays = 730
        expected.intake.acceptingNewApplications = false
        expected.userAccounts.exactDomains = ["nhs.net", "nhs.scot"]
        expected.probe.allowedNetworks = ["127.0.0.0/8", "fd00::/8"]
        expected.probe.connectTimeoutSeconds = 2.5
        #expect(policy == expected)
    }

    @Test func theDefaultsRoundTripThroughTheLoader() throws {
        let policy = try PolicyLoader.parse(Policy.defaults.canonicalJSON(), source: "policy.json")
        #expect(policy == Policy.defaults)
    }

    @Test(arguments: [
        (#"{"training": {"minimumPercent": 90}}"#, "policy.json: unknown key training.minimumPercent"),
        (#"{"trainning": {}}"#, "policy.json: unknown key trainning"),
        (#"{"training": {"validityDays": "365"}}"#, "policy.json: training.validityDays must be a whole number"),
        (#"{"training": {"validityDays": 365.5}}"#, "policy.json: training.validityDays must be a whole number"),
        (#"{"evidence": {"maximumFileBytes": 1.5}}"#, "policy.json: evidence.maximumFileBytes must be a whole number"),
        (#"{"training": {"validityDays": null}}"#, "policy.json: training.validityDays must be a whole number, not null"),
        (#"{"training": {"minimumCompletionPercent": "95%"}}"#, "policy.json: training.minimumCompletionPercent must be a number"),
        (#"{"intake": {"acceptingNewApplications": 0}}"#, "policy.json: intake.acceptingNewApplications must be true or false"),
        (#"{"training": {"acceptedCourses": "Data Security Awareness"}}"#, "policy.json: training.acceptedCourses must be a list"),
        (#"{"training": {"acceptedCourses": ["A", 7]}}"#, "policy.json: training.acceptedCourses[1] must be a string"),
        (#"{"training": 95}"#, "policy.json: training must be an object"),
        (#"[]"#, "policy.json: must be a JSON object"),
        (#"{"training": "#, "policy.json: is not valid JSON"),
    ])
    func namesTheKeyPathOfUnknownKeysAndWrongTypes(_ json: String, _ expected: String) {
        #expect(problem(json) == expected)
    }

    @Test(arguments: [
        (#"{"training": {"minimumCompletionPercent": 101}}"#, "training.minimumCompletionPercent must be from 0 to 100"),
        (#"{"training": {"minimumCompletionPercent": -1}}"#, "training.minimumCompletionPercent must be from 0 to 100"),
        (#"{"training": {"validityDays": 0}}"#, "training.validityDays must be at least 1"),
        (#"{"training": {"expiryWarningDays": -1}}"#, "training.expiryWarningDays must be 0 or more"),
        (#"{"dspt": {"lapseWarningDays": -5}}"#, "dspt.lapseWarningDays must be 0 or more"),
        (#"{"dspt": {"deadlineMonth": 13}}"#, "dspt.deadlineMonth must be a month from 1 to 12"),
        (#"{"dspt": {"deadlineDay": 31}}"#, "dspt.deadlineDay must be a day that month has every year"),
        (#"{"dspt": {"deadlineMonth": 2, "deadlineDay": 29}}"#, "dspt.deadlineDay must be a day that month has every year"),
        (#"{"dspt": {"acceptedStatuses": []}}"#, "dspt.acceptedStatuses must not be empty"),
        (#"{"probe": {"concurrency": 0}}"#, "probe.concurrency must be at least 1"),
        (#"{"probe": {"connectTimeoutSeconds": 0}}"#, "probe.connectTimeoutSeconds must be more than 0"),
        (#"{"probe": {"totalTimeoutSeconds": -1}}"#, "probe.totalTimeoutSeconds must be more than 0"),
        (#"{"probe": {"maximumEndpoints": 0}}"#, "probe.maximumEndpoints must be from 1 to 1000"),
        (#"{"probe": {"maximumEndpoints": 1001}}"#, "probe.maximumEndpoints must be from 1 to 1000"),
        (#"{"probe": {"allowedNetworks": ["10.0.0.0/33"]}}"#, "probe.allowedNetworks[0] must be a network in CIDR notation such as 127.0.0.0/8 (found \"10.0.0.0/33\")"),
        (#"{"probe": {"allowedNetworks": ["127.0.0.0/8", "localhost"]}}"#, "probe.allowedNetworks[1] must be a network in CIDR notation such as 127.0.0.0/8 (found \"localhost\")"),
        (#"{"probe": {"allowedNetworks": ["::1/129"]}}"#, "probe.allowedNetworks[0] must be a network in CIDR notation such as 127.0.0.0/8 (found \"::1/129\")"),
        (#"{"userAccounts": {"exactDomains": ["@nhs.net"]}}"#, "userAccounts.exactDomains[0] must be a domain name such as nhs.net (found \"@nhs.net\")"),
        (#"{"hscn": {"minimumTLSVersion": "1.4"}}"#, "hscn.minimumTLSVersion must be one of 1.0, 1.1, 1.2, 1.3"),
        (#"{"evidence": {"maximumZipEntries": 0}}"#, "evidence.maximumZipEntries must be at least 1"),
        // Absurdly large values are refused too, so no rule computes with them.
        (#"{"training": {"validityDays": 1000000000000000}}"#, "training.validityDays must be at most 3660"),
        (#"{"training": {"validityDays": 3661}}"#, "training.validityDays must be at most 3660"),
        (#"{"training": {"expiryWarningDays": 9223372036854775807}}"#, "training.expiryWarningDays must be at most 366"),
        (#"{"dspt": {"lapseWarningDays": 100000}}"#, "dspt.lapseWarningDays must be at most 366"),
        (#"{"hscn": {"expiryWarningDays": 367}}"#, "hscn.expiryWarningDays must be at most 366"),
        (#"{"hscn": {"minimumRSABits": 1000000}}"#, "hscn.minimumRSABits must be at most 16384"),
        (#"{"hscn": {"minimumECBits": 0}}"#, "hscn.minimumECBits must be at least 1"),
        (#"{"probe": {"concurrency": 1000000}}"#, "probe.concurrency must be at most 1024"),
        (#"{"probe": {"connectTimeoutSeconds": 1e300}}"#, "probe.connectTimeoutSeconds must be at most 600"),
        (#"{"probe": {"totalTimeoutSeconds": 86400}}"#, "probe.totalTimeoutSeconds must be at most 3600"),
        (#"{"evidence": {"maximumFileBytes": 9223372036854775807}}"#, "evidence.maximumFileBytes must be at most 68719476736"),
        (#"{"evidence": {"maximumZipTotalBytes": 0}}"#, "evidence.maximumZipTotalBytes must be at least 1"),
        (#"{"evidence": {"maximumCompressionRatio": 9223372036854775807}}"#, "evidence.maximumCompressionRatio must be at most 100000"),
    ])
    func refusesValuesOutOfRange(_ json: String, _ expected: String) {
        #expect(problem(json) == "policy.json: \(expected)")
    }

    /// Decoders disagree on which of two equal keys wins, so a policy naming one twice is refused.
    @Test(arguments: [
        (#"{"training": {"validityDays": 365, "validityDays": 730}}"#, "policy.json: has the key training.validityDays twice"),
        (#"{"training": {}, "training": {"validityDays": 730}}"#, "policy.json: has the key training twice"),
        (#"{"intake": {"acceptingNewApplications": true, "accepting\u004eewApplications": false}}"#, "policy.json: has the key intake.acceptingNewApplications twice"),
    ])
    func refusesADuplicateKey(_ json: String, _ expected: String) {
        #expect(problem(json) == expected)
    }

    @Test(arguments: ["::1/128", "fe80::/10", "192.168.0.0/16", "0.0.0.0/0", "127.0.0.1/32"])
    func acceptsCIDRNetworks(_ network: String) {
        #expect(IPNetwork(cidr: network) != nil)
    }

    @Test func loadsAFileAndNamesItInErrors() throws {
        let storage = try TemporaryDirectory(prefix: "policy-test")
        let path = storage.url.appendingPathComponent("policy.json").path
        try Data(#"{"dspt": {"lapseWarningDays": 90}}"#.utf8).write(to: URL(fileURLWithPath: path))
        #expect(try PolicyLoader.load(path: path).dspt.lapseWarningDays == 90)
        try Data(#"{"dspt": {"lapse": 90}}"#.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: InputError(path, "unknown key dspt.lapse")) { try PolicyLoader.load(path: path) }
        let missing = storage.url.appendingPathComponent("absent.json").path
        #expect(throws: InputError(missing, "does not exist")) { try PolicyLoader.load(path: missing) }
    }

    /// The file is read through `InputFile`: a FIFO is refused without blocking, a folder by name,
    /// and a file over the limit before it is read.
    @Test func refusesWhatIsNotASmallRegularFile() throws {
        let storage = try TemporaryDirectory(prefix: "policy-test")
        let fifo = storage.url.appendingPathComponent("fifo.json").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: InputError(fifo, "is not a regular file (a FIFO, socket or device); refused")) { try PolicyLoader.load(path: fifo) }
        #expect(throws: InputError(storage.url.path, "is a folder, not a file")) { try PolicyLoader.load(path: storage.url.path) }
        let large = storage.url.appendingPathComponent("large.json").path
        try Data(count: PolicyLoader.maximumBytes + 1).write(to: URL(fileURLWithPath: large))
        #expect(throws: InputError(large, "is \(PolicyLoader.maximumBytes + 1) bytes, more than the \(PolicyLoader.maximumBytes) allowed")) { try PolicyLoader.load(path: large) }
    }
}
