import Foundation
@testable import EvidenceVerifier

/// Acceptance-style CSV evidence made from a seed, the same bytes for the same seed: training records,
/// user lists and DSPT exports mixing every shape the readers meet (BOM or none, CRLF, LF and lone CR,
/// quoted fields with commas, doubled quotes and line breaks, spaces around cells, every accepted date
/// form and some that are not, `No Expiry`, mixed-case and non-ASCII addresses, staff-ID keys, blank
/// and broken rows, wrong field counts, invalid UTF-8), for tests that pin what the checks make of them.
struct MixedEvidenceGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    /// SplitMix64.
    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    private mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    private mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    private mutating func lineBreak() -> String { pick(["\r\n", "\r\n", "\n", "\r"]) }

    /// A date near 2026-04-01 in one of the accepted forms, or (rarely) one that is refused.
    mutating func date() -> String {
        let day = CivilDate(daysSince1970: 20_544 - 800 + below(1_000))
        let dd = String(format: "%02d", day.day), mm = String(format: "%02d", day.month), yyyy = String(day.year)
        let months = ["Jan", "feb", "MAR", "Apr", "May", "Jun", "jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        switch below(20) {
        case 0...6: return "\(dd)/\(mm)/\(yyyy)"
        case 7: return "\(day.day)/\(day.month)/\(yyyy)"
        case 8...10: return "\(yyyy)-\(mm)-\(dd)"
        case 11: return "\(yyyy)/\(mm)/\(dd)"
        case 12: return "\(dd)-\(months[day.month - 1])-\(yyyy)"
        case 13: return "\(yyyy)-\(mm)-\(dd)T\(String(format: "%02d", below(24))):30:00Z"
        case 14: return "\(yyyy)-\(mm)-\(dd) 09:15:00.5+01:00"
        case 15: return "\(yyyy)/\(mm)/\(dd) 00:00:00"
        case 16: return "\(yyyy)-\(mm)-\(dd)T23:59:59-0500"
        default: return pick(["31/04/2025", "04/13/2025", "2025-4-3", "0225-01-01", "yesterday", "29/02/2025", "03-Sept-2025", "2025-13-01"])
        }
    }

    /// An address as exports write them: mostly well-formed, some in capitals, some not addresses at all.
    mutating func address(_ person: Int) -> String {
        switch below(40) {
        case 0: return "Jos\u{e9}.\(person)@nhs.net"
        case 1: return "staff\(person)@B\u{fc}cher.gov.uk"
        case 2: return "\u{130}LKER\(person)@nhs.net"
        case 3: return "k\(person)@\u{212A}.gov.uk"
        case 4: return "staff\(person)@nhs.net.example.com"
        case 5: return "staff..\(person)@nhs.net"
        case 6: return "no-at-sign-\(person)"
        case 7: return "reception\(person % 3 == 0 ? "" : ".leeds")@nhs.net"
        case 8: return "staff\(person)@xn--nhs-abc.net"
        case 9...16: return "Staff.\(person)@NHS.NET"
        case 17...20: return "staff.\(person)@leeds.gov.uk"
        default: return "staff.\(person)@nhs.net"
        }
    }

    /// A cell as a spreadsheet might write it: sometimes quoted, sometimes padded with spaces or tabs.
    mutating func cell(_ text: String) -> String {
        switch below(12) {
        case 0: return "\"\(text.replacingOccurrences(of: "\"", with: "\"\""))\""
        case 1: return "  \(text)\t"
        default: return text.contains(",") || text.contains("\"") ? "\"\(text.replacingOccurrences(of: "\"", with: "\"\""))\"" : text
        }
    }

    /// Training records for `people` people over `rows` rows, keyed by Email (or by Staff ID only); with
    /// `invalidUTF8`, one row holds a byte that is not UTF-8.
    mutating func training(rows: Int, people: Int, keyedByStaffID: Bool = false, invalidUTF8: Bool = false) -> Data {
        var text = chance(50) ? "\u{FEFF}" : ""
        text += keyedByStaffID
            ? "Employee Number,Competence Name, Date Last Awarded ,Expiry Date"
            : pick(["Staff ID,Name,Email Address,Course Name,Completion Date,Expiry Date", "Email,Course,Completed,Expires,Staff ID,Name"])
        text += lineBreak()
        let courses = [
            "Data Security Awareness - Level 1", "DATA SECURITY AWARENESS", "Data Security Awareness", "Fire Safety",
            "Equality, Diversity and Human Rights", "Safeguarding \"Adults\" Level 2", "data security awareness (refresher)",
            "Manual Handling",
        ]
        for _ in 0..<rows {
            let person = below(people)
            let staffID = pick(["E\(person)", "\(10_000_000 + person)", "\(10_000_000 + person)-2", "e\(person)", "bad id \(person)", ""])
            let course = pick(courses)
            let completed = chance(3) ? "" : date()
            let expiry = pick(["", "", "", "No Expiry", "no expiry", "NO EXPIRY ", date(), date()])
            var fields: [String]
            if keyedByStaffID {
                fields = [staffID, course, completed, expiry]
            } else if text.hasPrefix("Email") || text.hasPrefix("\u{FEFF}Email") {
                fields = [chance(2) ? "" : address(person), course, completed, expiry, staffID, "Person \(person), A"]
            } else {
                fields = [staffID, "Person \(person), A", chance(2) ? "" : address(person), course, completed, expiry]
            }
            var line = fields.map { cell($0) }.joined(separator: ",")
            switch below(100) {
            case 0: line += ",extra"
            case 1: line = "\"quoted\nline break\"," + line.split(separator: ",").dropFirst().joined(separator: ",")
            case 2: line = "\"unclosed\"x," + line
            case 3: line = ""
            default: break
            }
            text += line + lineBreak()
        }
        guard invalidUTF8 else { return Data(text.utf8) }
        return Data(text.utf8) + Data([0x45, 0x39, 0x2C, 0xFF, 0xFE, 0x2C, 0x31]) + Data(lineBreak().utf8)
    }

    /// A user list of `rows` rows for about `people` people (so some addresses repeat, in other cases).
    mutating func users(rows: Int, people: Int) -> Data {
        var text = (chance(50) ? "\u{FEFF}" : "") + pick(["Email,Name,Role,Staff ID", "Work Email,Name,Role,Assignment Number"]) + lineBreak()
        for _ in 0..<rows {
            let person = below(people)
            let address = chance(5) ? "" : address(person)
            text += [cell(address), cell("Person \(person), A"), "Nurse", pick(["E\(person)", "", "bad id"])].joined(separator: ",") + lineBreak()
        }
        return Data(text.utf8)
    }

    /// A DSPT export with the applicant's rows among other organisations'.
    mutating func dspt(odsCode: String) -> Data {
        var text = "Organisation Code,Organisation Name,Status,Date Published,Financial Year" + lineBreak()
        for index in 0..<30 {
            let code = chance(30) ? pick([odsCode, odsCode.lowercased()]) : "RR\(index)"
            let status = pick(["2024-25 Standards Met", "Standards Met", "Standards Exceeded", "Approaching Standards", "23-24 Standards Not Met", ""])
            let year = pick(["2024-25", "2025-26", "", "2023-24", "not a year"])
            text += [code, cell("Organisation \(index), Leeds"), status, chance(10) ? "" : date(), year].joined(separator: ",") + lineBreak()
        }
        return Data(text.utf8)
    }
}
