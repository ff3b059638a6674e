import EvidenceVerifier
import Foundation

/// Where a run's transitions go: a webhook URL, and/or a mail through an SMTP server to one or more
/// addresses. Sending never touches what was recorded; each failure comes back as one line.
public struct NotificationTargets: Sendable {
    public var webhook: String?
    public var smtpServer: String?
    public var mailFrom: String
    public var mailTo: [String]
    public var timeoutSeconds: Double

    public init(webhook: String?, smtpServer: String?, mailFrom: String, mailTo: [String], timeoutSeconds: Double = 10) {
        self.webhook = webhook
        self.smtpServer = smtpServer
        self.mailFrom = mailFrom
        self.mailTo = mailTo
        self.timeoutSeconds = timeoutSeconds
    }

    /// Sends `notice` to every target when it has something to tell; returns one line per failure.
    public func send(_ notice: TransitionNotice) -> [String] {
        guard !notice.isEmpty else { return [] }
        var failures: [String] = []
        if let webhook {
            do {
                if let problem = NotificationTransfer.postJSON(try notice.json(), to: webhook, timeoutSeconds: timeoutSeconds) {
                    failures.append("--notify-url \(webhook): \(problem)")
                }
            } catch {
                failures.append("--notify-url \(webhook): the notice could not be encoded (\(error))")
            }
        }
        if let smtpServer, !mailTo.isEmpty,
            let problem = NotificationTransfer.sendMail(
                server: smtpServer, from: mailFrom, to: mailTo, subject: notice.subject, body: notice.text, timeoutSeconds: timeoutSeconds)
        {
            failures.append("--notify-smtp \(smtpServer): \(problem)")
        }
        return failures
    }
}
