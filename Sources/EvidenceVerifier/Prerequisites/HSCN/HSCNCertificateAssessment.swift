import Foundation

/// What the certificate rules concluded about one `hscn-certificate` file.
struct HSCNCertificateAssessment: Sendable {
    var findings: [Finding] = []
    /// When the file's trusted chain stops being valid (the earliest notAfter in it), if it is valid now.
    var lapse: Date?
    /// SHA-256 of the file's leaf: an endpoint presenting it presents a declared certificate.
    var leafSha256: String?

    /// True when no finding is an error.
    var isAcceptable: Bool { !findings.contains { $0.severity == .error } }
}
