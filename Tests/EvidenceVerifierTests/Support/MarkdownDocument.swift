import Foundation

/// A Markdown file as the documentation tests read it: its links (outside code), its heading anchors
/// (GitHub's spelling) and its table rows.
struct MarkdownDocument {
    let file: URL
    let text: String
    /// The text without fenced code blocks and inline code spans, where nothing is a link.
    let prose: String
    /// The heading lines (`# …`) outside fenced code blocks, as written.
    let headings: [String]

    init(file: URL) throws {
        self.file = file
        text = try String(contentsOf: file, encoding: .utf8)
        var lines: [String] = []
        var headings: [String] = []
        var inFence = false
        for line in text.components(separatedBy: "\n") {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                inFence.toggle()
                continue
            }
            guard !inFence else { continue }
            if line.hasPrefix("#") { headings.append(line) }
            lines.append(line.replacingOccurrences(of: "`[^`]*`", with: "", options: .regularExpression))
        }
        prose = lines.joined(separator: "\n")
        self.headings = headings
    }

    /// Every link and image target, inline (`[text](target)`) or as a reference definition (`[name]: target`).
    var links: [String] {
        let inline = #"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)"#
        let reference = #"(?m)^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)"#
        return [inline, reference].flatMap { pattern -> [String] in
            guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
            return expression.matches(in: prose, range: NSRange(prose.startIndex..., in: prose)).compactMap { match in
                Range(match.range(at: 1), in: prose).map { String(prose[$0]) }
            }
        }
    }

    /// The anchors GitHub gives this file's headings: lower case, punctuation dropped, spaces as
    /// hyphens, `-1`, `-2`, … for repeats.
    var anchors: Set<String> {
        var seen: [String: Int] = [:]
        var anchors: Set<String> = []
        for heading in headings {
            let spelled = heading.drop { $0 == "#" }.lowercased().unicodeScalars.filter { scalar in
                CharacterSet.alphanumerics.contains(scalar) || scalar == " " || scalar == "-" || scalar == "_"
            }
            let slug = String(String.UnicodeScalarView(spelled)).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "-")
            let count = seen[slug, default: 0]
            anchors.insert(count == 0 ? slug : "\(slug)-\(count)")
            seen[slug] = count + 1
        }
        return anchors
    }

    /// The cells of every table row (separator rows left out), trimmed.
    var tableRows: [[String]] {
        text.components(separatedBy: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("|"), trimmed.hasSuffix("|"), trimmed.count > 1 else { return nil }
            let cells = trimmed.dropFirst().dropLast().components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) { return nil }
            return cells
        }
    }

    /// What is wrong with each link: a scheme (it leaves the repository), a path outside `repository`,
    /// a file that does not exist, or an anchor no heading of the target has.
    func linkProblems(repository: URL) throws -> [String] {
        let root = repository.standardizedFileURL.path
        var problems: [String] = []
        for link in links {
            let name = "\(file.lastPathComponent): link \(link)"
            if link.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) != nil || link.hasPrefix("//") {
                problems.append("\(name) leaves the repository")
                continue
            }
            let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let path = parts[0].removingPercentEncoding ?? parts[0]
            let target = path.isEmpty ? file : file.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL
            guard target.path == root || target.path.hasPrefix(root + "/") else {
                problems.append("\(name) points outside the repository")
                continue
            }
            guard FileManager.default.fileExists(atPath: target.path) else {
                problems.append("\(name) points to a file that does not exist")
                continue
            }
            if parts.count == 2, target.pathExtension == "md", !(try MarkdownDocument(file: target).anchors.contains(parts[1])) {
                problems.append("\(name) names an anchor \(target.lastPathComponent) does not have")
            }
        }
        return problems
    }
}
