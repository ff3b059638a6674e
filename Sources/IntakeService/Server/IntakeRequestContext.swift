import Hummingbird
import NIOConcurrencyHelpers

/// The request context of the intake service: Hummingbird's core storage and the facts a route learns
/// that the access log prints (the organisation and how many body bytes were read).
struct IntakeRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let facts = RequestFacts()

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}

/// What one request's route found out, shared with the access log (a route runs after the log starts).
final class RequestFacts: Sendable {
    private struct Values {
        var odsCode: String?
        var bodyBytes: Int64 = 0
    }

    private let values = NIOLockedValueBox(Values())

    var odsCode: String? {
        get { values.withLockedValue { $0.odsCode } }
        set { values.withLockedValue { $0.odsCode = newValue } }
    }

    var bodyBytes: Int64 {
        get { values.withLockedValue { $0.bodyBytes } }
        set { values.withLockedValue { $0.bodyBytes = newValue } }
    }
}
