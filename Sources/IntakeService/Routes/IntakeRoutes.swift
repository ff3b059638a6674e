import EvidenceVerifier
import Foundation
import Hummingbird
import PartnerOperations
import PartnerRegistry

/// The routes of DESIGN §7 over one data folder. Every route but `/healthz` needs a bearer token
/// (401 without a valid one); an organisation's token reaches only that organisation's submissions
/// (someone else's is 404, as if it did not exist); partners and the dashboard are the steering group's.
struct IntakeRoutes: Sendable {
    let registry: PartnerRegistry
    let settings: VerificationSettings
    let reportAnchors: [Certificate]?
    /// The instant every upload is verified as of; nil (the service's normal state) is the moment it arrives.
    let fixedAsOf: Date?

    var policy: Policy { settings.policy }

    func add(to router: Router<IntakeRequestContext>) {
        router.get("/healthz") { _, _ in JSONResponse.make(.ok, ["status": "ok"]) }
        router.post("/v1/submissions") { request, context in try await submit(request, context) }
        router.get("/v1/submissions/:id") { request, context in try submission(request, context) }
        router.get("/v1/submissions/:id/report.json") { request, context in try report(request, context, signature: false) }
        router.get("/v1/submissions/:id/report.json.p7s") { request, context in try report(request, context, signature: true) }
        router.get("/v1/partners") { request, context in try partners(request, context) }
        router.get("/") { request, context in try dashboard(request, context) }
    }

    // MARK: Submitting

    /// `POST /v1/submissions`: the token first, then the declared size (413 before any body byte is read),
    /// then the body streamed to a private file, then `SubmissionIntake` as `submit` runs it, as of now.
    private func submit(_ request: Request, _ context: IntakeRequestContext) async throws -> Response {
        let caller = try authenticated(request, context)
        let limit = policy.intake.maximumUploadBytes
        if let declared = request.headers[.contentLength].flatMap(Int64.init), declared > limit {
            throw UploadReceiver.tooLarge(limit)
        }
        let received = try await UploadReceiver(dataDirectory: registry.dataDirectory, maximumBytes: limit)
            .receive(request.body, counting: context.facts)
        guard received.bytes > 0 else { throw APIError(.badRequest, "the request has no body: send the bundle's zip") }
        let now = Date()
        let outcome = try await SubmissionIntake(registry: registry, settings: settings).submit(
            received.url, named: "upload", onlyFor: caller.isSteeringGroup ? nil : caller.odsCode, asOf: fixedAsOf ?? now, receivedAt: now)
        let submission = outcome.recorded.submission
        context.facts.odsCode = submission.odsCode
        let id = submission.id ?? 0
        return JSONResponse.make(
            outcome.recorded.isNew ? .created : .ok,
            SubmissionReceipt(
                id: id, odsCode: submission.odsCode, decision: outcome.verified.report.decision.rawValue,
                reportUrl: SubmissionReceipt.reportPath(id)))
    }

    // MARK: Reading

    private func submission(_ request: Request, _ context: IntakeRequestContext) throws -> Response {
        let (submission, verification) = try visibleSubmission(request, context)
        return JSONResponse.make(.ok, SubmissionRecord(submission, verification: verification))
    }

    private func report(_ request: Request, _ context: IntakeRequestContext, signature: Bool) throws -> Response {
        let (_, verification) = try visibleSubmission(request, context)
        guard let verification else { throw APIError(.notFound, "this submission has no verification yet") }
        let path = verification.reportPath + (signature ? ".p7s" : "")
        let file = registry.dataDirectory.root.appendingPathComponent(path)
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw APIError(.internalServerError, "the signed report cannot be read from the data folder")
        }
        return JSONResponse.bytes(.ok, data, contentType: signature ? "application/pkcs7-signature" : "application/json")
    }

    private func partners(_ request: Request, _ context: IntakeRequestContext) throws -> Response {
        try steeringGroup(request, context)
        let latest = try registry.latestVerifications()
        return JSONResponse.make(.ok, try registry.partners().map { PartnerSummary(partner: $0, latest: latest[$0.odsCode]) })
    }

    /// `GET /`: the dashboard rendered now from the registry; each partner's latest report links to its API URL.
    private func dashboard(_ request: Request, _ context: IntakeRequestContext) throws -> Response {
        try steeringGroup(request, context)
        let dashboard = try Dashboard.load(from: registry, asOf: Date(), noticeDays: policy.reverify.noticeDays, reportAnchors: reportAnchors)
        let reportLinks = try registry.latestVerifications().mapValues { SubmissionReceipt.reportPath($0.submissionId) }
        let page = DashboardPage.html(dashboard, reportLinks: reportLinks, historyLinks: [:])
        return JSONResponse.bytes(.ok, Data(page.utf8), contentType: "text/html; charset=utf-8")
    }

    // MARK: Who may

    private func authenticated(_ request: Request, _ context: IntakeRequestContext) throws -> Caller {
        guard let caller = try TokenAuthenticator(registry: registry).caller(authorization: request.headers[.authorization]) else {
            throw APIError.unauthorized
        }
        context.facts.odsCode = caller.odsCode
        return caller
    }

    private func steeringGroup(_ request: Request, _ context: IntakeRequestContext) throws {
        guard try authenticated(request, context).isSteeringGroup else { throw APIError.steeringGroupOnly }
    }

    /// The submission the path names with its latest verification, when the caller may see it; 404 otherwise.
    private func visibleSubmission(_ request: Request, _ context: IntakeRequestContext) throws -> (Submission, Verification?) {
        let caller = try authenticated(request, context)
        guard let id = context.parameters.get("id").flatMap(Int64.init), let submission = try registry.submission(id: id),
              caller.mayActFor(submission.odsCode)
        else { throw APIError.notFound }
        return (submission, try registry.latestVerification(submissionId: id))
    }
}
