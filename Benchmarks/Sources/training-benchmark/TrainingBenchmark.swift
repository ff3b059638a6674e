import EvidenceVerifier
import Foundation

/// Times the `ig-training` check on generated training files of growing size (default 100,000 and
/// 1,000,000 rows), beside a baseline that only reads the same file in 64 KiB chunks and counts lines
/// (the I/O floor). Prints rows per second and the process's peak resident memory after each size, so
/// memory that grew with the row count would show.
@main
enum TrainingBenchmark {
    static func main() async throws {
        let sizes = CommandLine.arguments.dropFirst().compactMap { Int($0) }
        let rowCounts = sizes.isEmpty ? [100_000, 1_000_000] : sizes
        let asOf = Date(timeIntervalSince1970: 1_775_044_800)  // 2026-04-01T12:00:00Z
        print("training-benchmark: ig-training check vs a plain chunked read (baseline), as of 2026-04-01T12:00:00Z")
        print("rows       file MB  baseline s  check s  rows/s     peak RSS MB  verdict")
        for rows in rowCounts {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lcr-training-bench-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let bundle = try makeBundle(rows: rows, in: folder)
            let file = bundle.appendingPathComponent("training/ig-training.csv")
            let bytes = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0

            let baselineStart = ContinuousClock.now
            let lines = try countLines(file)
            let baseline = ContinuousClock.now - baselineStart

            let evidence = try EvidenceBundleReader().read(bundle)
            let verification = try BundleVerification(
                policy: .defaults, signerAnchors: [], hscnAnchors: [], probeEndpoints: false, checks: [TrainingCheck()])
            let start = ContinuousClock.now
            let report = await verification.verify(evidence, asOf: asOf, generatedAt: asOf)
            let elapsed = ContinuousClock.now - start
            guard let outcome = report.prerequisites.first else { fatalError("the ig-training check gave no result") }
            precondition(lines == rows + 1, "generated \(lines) lines for \(rows) rows")
            let staff = staffCount(rows: rows)
            precondition(
                outcome.summary.hasPrefix("\(staff * 95 / 100) of \(staff) staff (95%)"),
                "every row must be read and each member of staff counted once: \(outcome.summary)")

            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let baselineSeconds = Double(baseline.components.seconds) + Double(baseline.components.attoseconds) / 1e18
            print(String(
                format: "%-10d %-8.1f %-11.3f %-8.3f %-10.0f %-12.1f %@",
                rows, Double(bytes) / 1_048_576, baselineSeconds, seconds, Double(rows) / seconds,
                peakResidentMegabytes(), outcome.status.rawValue))
        }
    }

    /// A bundle whose training file has `rows` rows for `rows / 10` distinct staff, each with several courses
    /// (`TrainingFileGenerator`); 95% of them hold current Data Security Awareness training.
    static func makeBundle(rows: Int, in folder: URL) throws -> URL {
        let training = folder.appendingPathComponent("training")
        try FileManager.default.createDirectory(at: training, withIntermediateDirectories: true)
        let file = training.appendingPathComponent("ig-training.csv")
        try TrainingFileGenerator.write(rows: rows, staff: staffCount(rows: rows), to: file)
        let (sha256, _) = try SHA256Digest.ofFile(at: file, maximumBytes: .max)
        let manifest = """
            {"format":"lcr-evidence/1","organisation":{"odsCode":"RR8","name":"Benchmark Trust","staffCount":\(staffCount(rows: rows))},
             "evidence":[{"kind":"training-records","path":"training/ig-training.csv","sha256":"\(sha256)"}]}
            """
        try Data(manifest.utf8).write(to: folder.appendingPathComponent("manifest.json"))
        return folder
    }

    /// One member of staff per ten rows.
    static func staffCount(rows: Int) -> Int { max(rows / 10, 1) }

    /// The baseline: read the file 64 KiB at a time and count line feeds.
    static func countLines(_ url: URL) throws -> Int {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var lines = 0
        while let chunk = try handle.read(upToCount: 64 * 1024), !chunk.isEmpty {
            lines += chunk.reduce(0) { $0 + ($1 == 0x0a ? 1 : 0) }
        }
        return lines
    }

    /// VmHWM from /proc/self/status, in MiB.
    static func peakResidentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes / 1024
    }
}

/// Writes synthetic training records: `staff` people, each with several courses and completions,
/// 95% of them holding current Data Security Awareness training at 1 April 2026.
enum TrainingFileGenerator {
    static func write(rows: Int, staff: Int, to url: URL) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var text = "Email,Course,Completion Date,Expiry Date,Staff ID,Name\r\n"
        let courses = ["Fire Safety", "Manual Handling", "Safeguarding Adults Level 2", "Data Security Awareness - Level 1"]
        for row in 0..<rows {
            let person = row % staff
            let course = courses[(row / staff) % courses.count]
            let lapsed = person % 20 == 0
            let day = String(format: "%02d", person % 28 + 1)
            let completed = course.hasPrefix("Data") && !lapsed ? "\(day)/\(String(format: "%02d", person % 8 + 5))/2025" : "\(day)-Jan-2024"
            text += "Staff.\(person)@NHS.net,\(course),\(completed),,E\(person),\"Person, \(person)\"\r\n"
            if text.utf8.count > 1 << 20 {
                handle.write(Data(text.utf8))
                text = ""
            }
        }
        handle.write(Data(text.utf8))
    }
}
