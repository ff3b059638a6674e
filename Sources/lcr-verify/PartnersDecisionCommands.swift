import ArgumentParser
import EvidenceVerifier
import Foundation
import PartnerOperations
import PartnerRegistry

extension PartnersCommand {
    /// `partners approve ODS --access read-only|write --isa FILE --by NAME`.
    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve an applicant (or reinstate a suspended partner) with an access level and its signed ISA.")

        @Argument(help: "The partner's ODS code.") var odsCode: String
        @Option(help: "read-only or write.") var access: AccessLevel
        @Option(help: "The signed Information Sharing Agreement; kept in the evidence store by its SHA-256.") var isa: String
        @Option(help: "Who decided (a person or the steering group).") var by: String
        @Option(help: "Why, e.g. the meeting and minute.") var reason: String = "approved by the steering group"
        @OptionGroup var time: DecisionTime
        @OptionGroup var data: DataDirectoryOptions

        func run() async throws {
            let registry = try data.openRegistry()
            let partner = try RegistryFailure.mapped {
                try PartnerApproval(registry: registry).approve(
                    odsCode: odsCode.uppercased(), access: access, isa: URL(fileURLWithPath: isa), by: by, reason: reason, at: time.instant())
            }
            try Console.output("\(partner.odsCode) approved for \(access.rawValue) access by \(by); ISA stored as \(partner.isaPath ?? "")\n")
        }
    }

    /// `partners suspend ODS --reason TEXT --by NAME`.
    struct Suspend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Suspend an approved partner's access.")

        @OptionGroup var decision: DecisionOptions
        @OptionGroup var time: DecisionTime
        @OptionGroup var data: DataDirectoryOptions

        func run() async throws {
            try StatusChange.apply(.suspended, decision, at: time.instant(), data: data)
        }
    }

    /// `partners withdraw ODS --reason TEXT --by NAME`.
    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Withdraw an applicant or partner (re-verification stops).")

        @OptionGroup var decision: DecisionOptions
        @OptionGroup var time: DecisionTime
        @OptionGroup var data: DataDirectoryOptions

        func run() async throws {
            try StatusChange.apply(.withdrawn, decision, at: time.instant(), data: data)
        }
    }

    /// `partners waive ODS --code CODE --until DATE --reason TEXT --by NAME`.
    struct Waive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Accept one finding for a partner until the end of a day (Europe/London): it becomes a warning carrying the waiver.")

        @Argument(help: "The partner's ODS code.") var odsCode: String
        @Option(help: "The finding code, e.g. dspt.status-not-met.") var code: String
        @Option(help: "The last day the waiver applies, yyyy-MM-dd (through the end of that day in Europe/London).") var until: String
        @Option(help: "Why, e.g. the agreed improvement plan.") var reason: String
        @Option(help: "Who approved it.") var by: String
        @OptionGroup var time: DecisionTime
        @OptionGroup var data: DataDirectoryOptions

        func validate() throws {
            guard WaiverDeadline.endOfDay(until) != nil else { throw ValidationError("--until: \"\(until)\" is not a date such as 2026-12-31") }
            guard !code.isEmpty, code.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
                throw ValidationError("--code: \"\(code)\" is not a finding code such as dspt.status-not-met")
            }
        }

        func run() async throws {
            let registry = try data.openRegistry()
            let deadline = WaiverDeadline.endOfDay(until)!
            let waiver = try RegistryFailure.mapped {
                try registry.grant(Waiver(
                    odsCode: odsCode.uppercased(), findingCode: code, until: deadline, reason: reason, approvedBy: by, approvedAt: time.instant()))
            }
            try Console.output("\(waiver.odsCode): \(code) waived until \(until) (ends \(ISOInstant.string(deadline))), approved by \(by)\n")
        }
    }

    /// `partners revoke-waiver ODS --code CODE --reason TEXT --by NAME`: the waiver stops applying at once.
    struct RevokeWaiver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke-waiver", abstract: "Revoke a partner's waivers of one finding code before they lapse.")

        @Argument(help: "The partner's ODS code.") var odsCode: String
        @Option(help: "The waived finding code.") var code: String
        @Option(help: "Why.") var reason: String
        @Option(help: "Who decided.") var by: String
        @OptionGroup var time: DecisionTime
        @OptionGroup var data: DataDirectoryOptions

        func run() async throws {
            let registry = try data.openRegistry()
            let now = time.instant()
            let revoked = try RegistryFailure.mapped {
                try registry.waivers(odsCode: odsCode.uppercased()).filter { $0.findingCode == code && $0.revokedAt == nil }.map { waiver in
                    try registry.revokeWaiver(id: waiver.id ?? 0, by: by, reason: reason, at: now)
                }
            }
            guard !revoked.isEmpty else { throw InputError(odsCode.uppercased(), "has no unrevoked waiver of \(code)") }
            try Console.output("\(odsCode.uppercased()): \(revoked.count) waiver(s) of \(code) revoked by \(by)\n")
        }
    }

    /// A suspension or withdrawal, recorded with who and why.
    enum StatusChange {
        static func apply(_ status: PartnerStatus, _ decision: DecisionOptions, at instant: Date, data: DataDirectoryOptions) throws {
            let registry = try data.openRegistry()
            let partner = try RegistryFailure.mapped {
                try registry.changeStatus(
                    odsCode: decision.odsCode.uppercased(), to: status, by: decision.by, reason: decision.reason, at: instant)
            }
            try Console.output("\(partner.odsCode) \(status.rawValue) by \(decision.by): \(decision.reason)\n")
        }
    }
}

/// Which partner a steering-group decision is about, why, and who decided.
struct DecisionOptions: ParsableArguments {
    @Argument(help: "The partner's ODS code.") var odsCode: String
    @Option(help: "Why.") var reason: String
    @Option(help: "Who decided.") var by: String
}

/// `--at`: when the steering group took a decision (default now), e.g. the meeting it was minuted at.
struct DecisionTime: ParsableArguments {
    @Option(name: .customLong("at"), help: "When the decision was taken, ISO 8601 with a zone (default: now).", transform: AsOfArgument.parse)
    var at: Date?

    func instant() -> Date { at ?? Date() }
}

extension AccessLevel: ExpressibleByArgument {}
