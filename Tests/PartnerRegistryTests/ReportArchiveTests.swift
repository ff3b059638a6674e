import Foundation
import Testing

@testable import PartnerRegistry

@Suite("Report archive")
struct ReportArchiveTests {
    @Test("Reports are kept as reports/<ODS>/<ODS>-<stamp>.json(.p7s); a taken name gets -2, -3 and nothing is overwritten")
    func publishesWithSuffixes() throws {
        let scratch = try Scratch()
        let archive = ReportArchive(dataDirectory: scratch.dataDirectory)
        let stamp = "20260401T090000Z"
        let first = try archive.publish(json: Data("{\"n\":1}".utf8), signature: Data([1]), odsCode: "B86001", stamp: stamp)
        let second = try archive.publish(json: Data("{\"n\":2}".utf8), signature: Data([2]), odsCode: "B86001", stamp: stamp)
        #expect(first.relativePath == "reports/B86001/B86001-20260401T090000Z.json")
        #expect(second.relativePath == "reports/B86001/B86001-20260401T090000Z-2.json")
        // A stray signature alone also takes its name.
        let folder = try archive.folder(odsCode: "B86001")
        try Data([9]).write(to: folder.appendingPathComponent("B86001-20260401T090000Z-3.json.p7s"))
        let third = try archive.publish(json: Data("{\"n\":3}".utf8), signature: Data([3]), odsCode: "B86001", stamp: stamp)
        #expect(third.relativePath == "reports/B86001/B86001-20260401T090000Z-4.json")
        #expect(try Data(contentsOf: first.url) == Data("{\"n\":1}".utf8))
        #expect(try Data(contentsOf: first.url.appendingPathExtension("p7s")) == Data([1]))
        #expect(try Data(contentsOf: folder.appendingPathComponent("B86001-20260401T090000Z-3.json.p7s")) == Data([9]))
        #expect(scratch.listing(folder) == [
            "B86001-20260401T090000Z-2.json", "B86001-20260401T090000Z-2.json.p7s", "B86001-20260401T090000Z-3.json.p7s",
            "B86001-20260401T090000Z-4.json", "B86001-20260401T090000Z-4.json.p7s",
            "B86001-20260401T090000Z.json", "B86001-20260401T090000Z.json.p7s",
        ])
    }

    @Test("An ODS code or stamp that could leave the folder is refused")
    func refusesPathTricks() throws {
        let scratch = try Scratch()
        let archive = ReportArchive(dataDirectory: scratch.dataDirectory)
        for (ods, stamp) in [("../x", "20260401T090000Z"), ("B86001", "../../20260401Z"), ("", "20260401T090000Z")] {
            #expect(throws: RegistryError.self) { try archive.publish(json: Data(), signature: Data(), odsCode: ods, stamp: stamp) }
        }
        #expect(scratch.listing(scratch.url).isEmpty)
    }
}
