import BenchmarkSupport
import EvidenceVerifier
import Foundation

/// Generates the benchmark's bundles: the eligible example's manifest, DSPT assessment and HSCN
/// files, with a generated training file and user list, the manifest re-signed by the DEMO applicant
/// key so `check` verifies signatures as it would for a real bundle.
///
/// The training rows mix what real exports hold: four date forms (`22/12/2025`, `2025-12-22`,
/// `22-Dec-2025`, ISO date-times with a zone), blank, stated and `No Expiry` expiries, quoted names
/// with commas, addresses in mixed case, a few non-ASCII addresses (refused as person keys), and 4%
/// of people whose training has lapsed at the benchmark's as-of (2026-04-01).
struct BundleGenerator {
    let repository: URL

    /// The accepted course and the other mandatory modules a 50-rows-per-person file repeats (those with a
    /// comma quoted, as exports write them).
    static let courses = [
        "Fire Safety - Level 1", "Manual Handling - Level 1", "Safeguarding Adults - Level 2",
        "\"Equality, Diversity and Human Rights - Level 1\"", "Infection Prevention and Control - Level 1",
        "Data Security Awareness - Level 1", "Conflict Resolution - Level 1", "\"Health, Safety and Welfare - Level 1\"",
        "Preventing Radicalisation - Basic Prevent Awareness", "Resuscitation - Level 1",
    ]
    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// A training file of `rows` rows for `staff` people (row `r` is person `r % staff`; none when
    /// `rows` is 0), and a user list of the first `userRows` of them (else the example's four users).
    func makeBundle(at folder: URL, trainingRows rows: Int, staff: Int, userRows: Int?) throws {
        let template = repository.appendingPathComponent("evidence/eligible")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for sub in ["dspt", "hscn", "training", "staff"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        for file in ["dspt/assessment.csv", "hscn/gateway.pem", "hscn/agreement.pdf", "hscn/agreement.pdf.p7s", "staff/lcr-users.csv"] {
            try FileManager.default.copyItem(at: template.appendingPathComponent(file), to: folder.appendingPathComponent(file))
        }
        var replaced: [String: String] = [:]
        if rows > 0 {
            let training = folder.appendingPathComponent("training/ig-training.csv")
            try writeTraining(rows: rows, staff: staff, to: training)
            replaced["training/ig-training.csv"] = try SHA256Digest.ofFile(at: training, maximumBytes: .max).0
        }
        if let userRows {
            let users = folder.appendingPathComponent("staff/lcr-users.csv")
            try writeUsers(rows: userRows, to: users)
            replaced["staff/lcr-users.csv"] = try SHA256Digest.ofFile(at: users, maximumBytes: .max).0
        }
        try writeManifest(from: template, to: folder, digests: replaced, staffCount: staff, keepTraining: rows > 0)
    }

    private func writeManifest(from template: URL, to folder: URL, digests: [String: String], staffCount: Int, keepTraining: Bool) throws {
        let data = try Data(contentsOf: template.appendingPathComponent("manifest.json"))
        guard var manifest = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              var organisation = manifest["organisation"] as? [String: Any],
              let evidence = manifest["evidence"] as? [[String: Any]] else { throw BenchmarkError("the eligible example's manifest has changed shape") }
        organisation["staffCount"] = staffCount
        manifest["organisation"] = organisation
        manifest["evidence"] = evidence.compactMap { entry -> [String: Any]? in
            guard let path = entry["path"] as? String else { return entry }
            if path == "training/ig-training.csv" && !keepTraining { return nil }
            guard let digest = digests[path] else { return entry }
            var entry = entry
            entry["sha256"] = digest
            return entry
        }
        let bytes = try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys, .prettyPrinted])
        try bytes.write(to: folder.appendingPathComponent("manifest.json"))
        let certs = repository.appendingPathComponent("certs/demo")
        let applicant = try SigningIdentity(
            keyFile: certs.appendingPathComponent("applicant-signer.key.pem"),
            certificateFile: certs.appendingPathComponent("applicant-signer.pem"))
        try applicant.signDetached(bytes).write(to: folder.appendingPathComponent("manifest.json.p7s"))
    }

    /// Days before 2026-04-01 at which person `person`'s `round`-th completion of a course falls.
    private static func daysAgo(person: Int, round: Int) -> Int {
        let lapsed = person % 25 == 7  // 4% hold only training older than a year
        return (lapsed ? 380 : 5) + (person * 7 + round * 53) % 330 + round * 365
    }

    func writeTraining(rows: Int, staff: Int, to url: URL) throws {
        var file = try EvidenceFileWriter(creating: url)
        file.append("Staff ID,Name,Email Address,Course Name,Completion Date,Expiry Date")
        try file.endRow()
        let asOfDay = 20_544  // 2026-04-01, days since 1970
        for row in 0..<rows {
            let person = row % staff
            let round = row / staff
            file.append("E")
            file.append(person, width: 7)
            file.append(",\"Person \(person), Alex\",")
            appendAddress(person, to: &file)
            file.append(",")
            // One row per person: the accepted course. Fifty: every course five times over five years.
            let courseIndex = rows == staff ? 5 : (round + person) % Self.courses.count
            let year = rows == staff ? 0 : round / Self.courses.count
            file.append(Self.courses[courseIndex])
            file.append(",")
            let day = CivilDate(daysSince1970: asOfDay - Self.daysAgo(person: person, round: year))
            switch person % 10 {
            case 0, 1, 2, 3, 4, 5:
                file.append(day.day, width: 2); file.append("/"); file.append(day.month, width: 2); file.append("/"); file.append(day.year)
            case 6, 7:
                file.append(day.year); file.append("-"); file.append(day.month, width: 2); file.append("-"); file.append(day.day, width: 2)
            case 8:
                file.append(day.day, width: 2); file.append("-"); file.append(Self.monthAbbreviations[day.month - 1]); file.append("-"); file.append(day.year)
            default:
                file.append(day.year); file.append("-"); file.append(day.month, width: 2); file.append("-"); file.append(day.day, width: 2)
                file.append("T09:30:00Z")
            }
            file.append(",")
            switch person % 7 {
            case 3:
                let expiry = day.adding(days: 3 * 365)
                file.append(expiry.day, width: 2); file.append("/"); file.append(expiry.month, width: 2); file.append("/"); file.append(expiry.year)
            case 5:
                file.append("No Expiry")
            default:
                break
            }
            try file.endRow()
        }
        try file.close()
    }

    /// `alex.person123@nhs.net`, a third of them in mixed case, one in 10,000 with a non-ASCII local part.
    private func appendAddress(_ person: Int, to file: inout EvidenceFileWriter) {
        if person % 10_000 == 9_999 {
            file.append("jos\u{e9}.person")
        } else {
            file.append(person % 3 == 0 ? "Alex.Person" : "alex.person")
        }
        file.append(person)
        file.append(person % 50 == 1 ? "@leeds.gov.uk" : (person % 3 == 0 ? "@NHS.net" : "@nhs.net"))
    }

    /// A user list naming every person of the training file once (with their staff ID).
    func writeUsers(rows: Int, to url: URL) throws {
        var file = try EvidenceFileWriter(creating: url)
        file.append("Email,Name,Role,Access,Staff ID")
        try file.endRow()
        for person in 0..<rows {
            appendAddress(person, to: &file)
            file.append(",\"Person \(person), Alex\",Staff Nurse,read-only,E")
            file.append(person, width: 7)
            try file.endRow()
        }
        try file.close()
    }
}
