import Foundation

/// The rules the steering group can tune: every default of DESIGN §4, overridable by a JSON file
/// (`--policy`) whose keys merge over these defaults.
public struct Policy: Codable, Sendable, Equatable {
    public var evidence = Evidence()
    public var dspt = DSPT()
    public var training = Training()
    public var userAccounts = UserAccounts()
    public var hscn = HSCN()
    public var probe = Probe()
    public var intake = Intake()
    public var reverify = Reverify()
    public var references = References()

    public init() {}

    /// Bundle integrity and the limits applied while reading a bundle.
    public struct Evidence: Codable, Sendable, Equatable {
        /// Fail `evidence-integrity` when `manifest.json.p7s` is absent.
        public var requireManifestSignature = true
        /// Largest evidence file read (bytes).
        public var maximumFileBytes: Int64 = 1 << 30
        /// Zip bundles: most entries, largest entry and total once uncompressed, and the highest compression ratio.
        public var maximumZipEntries = 10_000
        public var maximumZipEntryBytes: Int64 = 1 << 30
        public var maximumZipTotalBytes: Int64 = 2 << 30
        public var maximumCompressionRatio = 200
    }

    /// The DSPT assessment rules.
    public struct DSPT: Codable, Sendable, Equatable {
        /// Statuses that meet the prerequisite (compared case-insensitively, without the year prefix).
        public var acceptedStatuses = ["Standards Met", "Standards Exceeded"]
        /// The publication deadline after an assessment year ends (30 June).
        public var deadlineMonth = 6
        public var deadlineDay = 30
        /// Warn when the current assessment lapses within this many days.
        public var lapseWarningDays = 60
    }

    /// The information-governance training rules.
    public struct Training: Codable, Sendable, Equatable {
        /// A course is accepted when its title contains one of these (case-insensitive): e-LfH's
        /// `Data Security Awareness - Level 1`, ESR's CSTF `Information Governance and Data Security`,
        /// social care's `Data Security and Protection`.
        public var acceptedCourses = ["Data Security Awareness", "Information Governance and Data Security", "Data Security and Protection"]
        /// Share of staff with current training required, in percent.
        public var minimumCompletionPercent: Double = 95
        /// How long a completion lasts when the record has no expiry date.
        public var validityDays = 365
        /// Warn when an LCR user's training expires within this many days.
        public var expiryWarningDays = 30
    }

    /// The individual-account rules.
    public struct UserAccounts: Codable, Sendable, Equatable {
        /// Domains accepted exactly (`nhs.net`).
        public var exactDomains = ["nhs.net"]
        /// Domains accepted with any subdomain, matched by whole labels (`gov.uk`, `leeds.gov.uk`).
        public var domainsWithSubdomains = ["gov.uk"]
        /// Domains refused with all their subdomains even where the above would accept them.
        public var refusedDomains = ["gsi.gov.uk", "gsx.gov.uk", "gcsx.gov.uk"]
        /// Domains, with all their subdomains, whose addresses are not NHSmail accounts: trust and
        /// practice addresses such as `name@leedsth.nhs.uk` (refused as `email.not-nhsmail`).
        public var notNHSmailDomains = ["nhs.uk"]
        /// Local parts that suggest a shared mailbox (a warning, since an address alone cannot prove it).
        public var sharedMailboxLocalParts = [
            "admin", "reception", "info", "enquiries", "office", "team", "contact", "mailbox",
            "shared", "general", "accounts", "secretary", "nurses", "doctors", "practice", "generic",
        ]
    }

    /// HSCN certificate rules.
    public struct HSCN: Codable, Sendable, Equatable {
        public var minimumRSABits = 2048
        public var minimumECBits = 256
        /// Signature digests refused in a certificate (OpenSSL short names).
        public var refusedSignatureDigests = ["md5", "sha1"]
        /// Warn when a certificate expires within this many days.
        public var expiryWarningDays = 30
        /// Lowest TLS version an endpoint may negotiate.
        public var minimumTLSVersion = "1.2"
    }

    /// Live endpoint probes.
    public struct Probe: Codable, Sendable, Equatable {
        public var connectTimeoutSeconds: Double = 5
        public var totalTimeoutSeconds: Double = 10
        public var concurrency = 32
        /// Most endpoints one bundle may declare; more fail the `hscn` check without any being probed.
        public var maximumEndpoints = 64
        /// Networks (CIDR) that probes may reach in addition to public addresses; loopback,
        /// link-local, private and metadata ranges are refused unless listed here or via `--allow-network`.
        public var allowedNetworks: [String] = []
    }

    /// Whether new applications are taken.
    public struct Intake: Codable, Sendable, Equatable {
        /// When false, `submit` refuses organisations that are not already partners; re-verification goes on.
        public var acceptingNewApplications = true
        /// What a refused new organisation is told while intake is paused.
        public var pausedMessage = "The Leeds Care Record is not accepting new applications at present; existing partners may resubmit."
        /// The largest upload body `serve` takes (256 MiB); a larger declared or sent body is refused with 413.
        public var maximumUploadBytes: Int64 = 268_435_456
    }

    /// Scheduled re-verification.
    public struct Reverify: Codable, Sendable, Equatable {
        /// `reverify --due` takes partners whose `reverifyBy` falls within this many days, and each line
        /// names facts lapsing within it.
        public var noticeDays = 30
    }

    /// The independent reference lists (national DSPT list, ODS registers).
    public struct References: Codable, Sendable, Equatable {
        /// A list imported more than this many days before the as-of instant gives a `reference.stale` warning.
        public var maximumAgeDays = 31
    }
}

extension Policy {
    /// The built-in defaults.
    public static let defaults = Policy()

    /// The policy as canonical JSON (sorted keys, compact): what `policySha256` hashes.
    public func canonicalJSON() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // A struct of plain values always encodes.
        return (try? encoder.encode(self)) ?? Data()
    }

    /// SHA-256 of `canonicalJSON()`, recorded in every report.
    public var sha256: String { SHA256Digest.hex(of: canonicalJSON()) }

    /// `sha256`, or OpenSSL's reason when it cannot hash (a broken `OPENSSL_CONF`), for a command to refuse with.
    public func checkedSha256() throws(OpenSSLError) -> String {
        try SHA256Digest.checkedHex(of: canonicalJSON())
    }
}
