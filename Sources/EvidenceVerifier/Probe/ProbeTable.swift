import Foundation

/// Renders probe records as a plain-text table for people (`lcr-verify probe`), one row per endpoint,
/// each failure's reason on the line below it, and a closing count. URLs, addresses and errors come from
/// bundles and peers, so each cell and error is shown through `TerminalText`.
public enum ProbeTable {
    public static func render(_ records: [EndpointRecord]) -> String {
        let header = ["URL", "ADDRESS", "STATUS", "TLS", "CONNECT", "HANDSHAKE", "CERTIFICATE SHA-256"]
        let rows = records.map { row($0).map(TerminalText.escaped) }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { cell, width in cell.padding(toLength: width, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingTrailingSpaces()
        }
        var lines = [line(header)]
        for (record, row) in zip(records, rows) {
            lines.append(line(row))
            if let error = record.error { lines.append("    \(TerminalText.escaped(error))") }
        }
        let passed = records.filter { $0.status == .ok }.count
        lines.append("\(records.count) endpoint\(records.count == 1 ? "" : "s"): \(passed) ok, \(records.count - passed) failed")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func row(_ record: EndpointRecord) -> [String] {
        let connect: String = record.connectMs.map { "\($0) ms" } ?? "-"
        let handshake: String = record.handshakeMs.map { "\($0) ms" } ?? "-"
        let certificate: String = record.certificateSha256.map { String($0.prefix(16)) + "…" } ?? "-"
        return [record.url, record.address ?? "-", record.status.rawValue, record.tlsVersion ?? "-", connect, handshake, certificate]
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
