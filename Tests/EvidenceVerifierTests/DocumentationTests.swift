import Foundation
import Testing
@testable import EvidenceVerifier

/// The documentation under `docs/` says what the code does: every finding code with its next step as
/// `FindingGuidance` words it, every policy key `policy show` prints with its default and range, and
/// only links to files inside the repository that exist.
@Suite struct DocumentationTests {
    static let repository = ExampleBundleTests.repository
    static let docs = repository.appendingPathComponent("docs")

    /// The rows of a documentation table whose first cell is one `code span`, keyed by its text.
    private func rows(in page: String) throws -> [String: [String]] {
        let document = try MarkdownDocument(file: Self.docs.appendingPathComponent(page))
        var rows: [String: [String]] = [:]
        for cells in document.tableRows {
            guard let first = cells.first, first.count > 2, first.hasPrefix("`"), first.hasSuffix("`"),
                  !first.dropFirst().dropLast().contains("`") else { continue }
            rows[String(first.dropFirst().dropLast())] = cells
        }
        return rows
    }

    @Test func theFindingCodesPageExplainsEveryCodeWithItsNextStep() throws {
        let documented = try rows(in: "finding-codes.md")
        let emitted = try SourceFindingCodes.all()
        #expect(emitted.count > 70)
        for code in emitted.sorted() {
            #expect(documented[code] != nil, "docs/finding-codes.md has no row for \(code)")
        }
        #expect(FindingGuidance.actions.count > 70)
        for (code, action) in FindingGuidance.actions.sorted(by: { $0.key < $1.key }) {
            guard let cells = documented[code] else {
                Issue.record("docs/finding-codes.md has no row for \(code)")
                continue
            }
            #expect(cells.count == 4, "\(code): \(cells)")
            #expect(cells.last == action, "docs/finding-codes.md: the next step for \(code) is not FindingGuidance's")
            #expect(["error", "warning", "info", "error or warning"].contains(cells[1]), "\(code): severity \(cells[1])")
        }
    }

    /// Every key `policy show` prints, with its default as JSON and, where the range is `A to B`,
    /// that range as `PolicyLoader` enforces it: A and B accepted, one below and one above refused.
    @Test func thePolicyPageDocumentsEveryKeyWithItsDefaultAndRange() throws {
        let shown = try CLI.run(["policy", "show"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let effective = try JSONDecoder().decode(JSONValue.self, from: Data(shown.stdout.utf8))
        let keys = leaves(of: effective, at: [])
        #expect(keys.count > 30)
        let documented = try rows(in: "policy.md")
        for (path, value) in keys {
            let key = path.joined(separator: ".")
            guard let cells = documented[key] else {
                Issue.record("docs/policy.md has no row for \(key)")
                continue
            }
            #expect(cells.count == 4, "\(key): \(cells)")
            let defaultCell = cells[2]
            let json = defaultCell.hasPrefix("`") && defaultCell.hasSuffix("`") ? String(defaultCell.dropFirst().dropLast()) : defaultCell
            let documentedDefault = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
            #expect(documentedDefault.map { same($0, value) } == true, "docs/policy.md: the default of \(key) is \(defaultCell), policy show says \(value)")
            try expectRange(cells[3], of: path)
        }
    }

    @Test func theDocumentationLinksOnlyToFilesInsideTheRepositoryThatExist() throws {
        var pending = [Self.repository.appendingPathComponent("README.md")]
        let pages = try FileManager.default.contentsOfDirectory(atPath: Self.docs.path).filter { $0.hasSuffix(".md") }
        #expect(pages.count >= 7)
        pending += pages.map { Self.docs.appendingPathComponent($0) }
        var seen: Set<String> = []
        var problems: [String] = []
        // Every Markdown file reachable from the README and docs/ is read, as a new user would.
        while let file = pending.popLast() {
            guard seen.insert(file.standardizedFileURL.path).inserted else { continue }
            let document = try MarkdownDocument(file: file)
            problems += try document.linkProblems(repository: Self.repository)
            for link in document.links where link.range(of: "^[a-z+.-]+:", options: .regularExpression) == nil {
                let path = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                let target = file.deletingLastPathComponent().appendingPathComponent(String(path)).standardizedFileURL
                if target.pathExtension == "md", FileManager.default.fileExists(atPath: target.path),
                   target.path.hasPrefix(Self.repository.standardizedFileURL.path + "/") {
                    pending.append(target)
                }
            }
        }
        #expect(problems.isEmpty, "\(problems)")
        #expect(seen.count > pages.count)
    }

    @Test func theLinkCheckFindsALinkOutOfTheRepositoryAMissingFileAndAMissingAnchor() throws {
        let folder = TestFolder()
        let repository = folder.path("repo")
        try folder.write("# Title\n\n## A section\n", to: "repo/docs/other.md")
        try folder.write("outside", to: "shared/DESIGN.md")
        let page = try folder.write("""
            # Page
            [fine](other.md#a-section) [self](#page) ![image](other.md)
            [out](../../shared/DESIGN.md) [web](https://example.org/) [gone](missing.md) [anchor](other.md#nowhere)
            `[in code](../../shared/DESIGN.md)`
            ```
            [in a fence](../../shared/DESIGN.md)
            ```
            [ref]: ../../shared/DESIGN.md
            """, to: "repo/docs/page.md")
        let problems = try MarkdownDocument(file: page).linkProblems(repository: repository)
        #expect(problems == [
            "page.md: link ../../shared/DESIGN.md points outside the repository",
            "page.md: link https://example.org/ leaves the repository",
            "page.md: link missing.md points to a file that does not exist",
            "page.md: link other.md#nowhere names an anchor other.md does not have",
            "page.md: link ../../shared/DESIGN.md points outside the repository",
        ])
    }

    @Test func theREADMEKeepsItsTwoCommandsFirstAndLinksTheDocumentation() throws {
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.components(separatedBy: "\n")
        #expect(Array(lines.prefix(6)) == [
            "# lcr-verify", "", "```sh",
            "scripts/demo.sh   # set-up (apt packages when missing), build, verify the bundled examples",
            "scripts/test.sh   # the same set-up, then every test (CI runs this through .ci/run)",
            "```",
        ])
        let firstLink = try #require(readme.range(of: "](docs/README.md)"))
        #expect(readme.distance(from: readme.startIndex, to: firstLink.lowerBound) < 1_200)
    }

    /// The leaf values of `value` (lists are leaves) with their key paths.
    private func leaves(of value: JSONValue, at path: [String]) -> [([String], JSONValue)] {
        guard case .object(let members) = value else { return [(path, value)] }
        return members.sorted { $0.key < $1.key }.flatMap { leaves(of: $0.value, at: path + [$0.key]) }
    }

    private func same(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.integer(let whole), .number(let number)), (.number(let number), .integer(let whole)): Double(whole) == number
        default: lhs == rhs
        }
    }

    private func expectRange(_ cell: String, of path: [String]) throws {
        guard let match = cell.wholeMatch(of: /(\d+) to (\d+)(?: \(.*\))?/), let low = Int64(match.1), let high = Int64(match.2) else { return }
        let key = path.joined(separator: ".")
        func accepts(_ number: Int64) -> Bool {
            let json = "{\"\(path[0])\": {\"\(path[1])\": \(number)}}"
            return (try? PolicyLoader.parse(Data(json.utf8), source: "policy.json")) != nil
        }
        #expect(accepts(low) && accepts(high), "docs/policy.md: \(key) \(cell), but the policy refuses an end of it")
        #expect(!accepts(low - 1) && !accepts(high + 1), "docs/policy.md: \(key) \(cell), but the policy accepts more")
    }
}
