import NIOCore
import NIOHTTPTypes

/// Cuts off a request whose body does not keep moving: while a body is being read, every
/// `IntakeLimits.bodyWindowSeconds` it must have brought at least `minimumBodyBytes`, or the connection is
/// closed (the route reading the body then sees an error and keeps nothing). It also closes the connection
/// after an answer written before the request's body was read to its end (a 401, 403 or 413 sent without
/// reading the upload), marking that answer `Connection: close`, so an unread body is never drained.
final class BodyPaceHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let window: TimeAmount
    private let minimumBytes: Int
    private var readingBody = false
    private var bytesThisWindow = 0
    private var check: Scheduled<Void>?
    private var closeAfterAnswer = false

    init(limits: IntakeLimits) {
        window = .nanoseconds(Int64(limits.bodyWindowSeconds * 1_000_000_000))
        minimumBytes = limits.minimumBodyBytes
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            readingBody = true
            bytesThisWindow = 0
            schedule(context)
        case .body(let buffer):
            bytesThisWindow += buffer.readableBytes
        case .end:
            readingBody = false
            cancelCheck()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where readingBody:
            closeAfterAnswer = true
            head.headerFields[.connection] = "close"
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end where closeAfterAnswer:
            let written = context.eventLoop.makePromise(of: Void.self)
            written.futureResult.cascade(to: promise)
            context.writeAndFlush(data, promise: written)
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            written.futureResult.whenComplete { _ in loopBound.value.close(promise: nil) }
        default:
            context.write(data, promise: promise)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelCheck()
    }

    private func schedule(_ context: ChannelHandlerContext) {
        cancelCheck()
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        check = context.eventLoop.scheduleTask(in: window) {
            let (handler, context) = loopBound.value
            handler.windowEnded(context)
        }
    }

    private func windowEnded(_ context: ChannelHandlerContext) {
        check = nil
        guard readingBody else { return }
        if bytesThisWindow < minimumBytes {
            context.close(promise: nil)
        } else {
            bytesThisWindow = 0
            schedule(context)
        }
    }

    private func cancelCheck() {
        check?.cancel()
        check = nil
    }
}
