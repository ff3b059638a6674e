import CCurl
import CShims

/// One libcurl multi handle driving many connect-and-handshake transfers at once, never more than
/// `concurrency` in flight (later ones wait outside libcurl, so their timeouts start when they start).
/// Blocking: run it on a thread of its own. Owns the `CURLM*`; each transfer's handle lives only while in flight.
final class CurlMultiRunner {
    private let multi: UnsafeMutableRawPointer

    init?() {
        guard CurlGlobal.ensureInitialized(), let multi = lcr_curl_multi_init() else { return nil }
        self.multi = multi
    }

    deinit { lcr_curl_multi_cleanup(multi) }

    /// Runs every probe to completion or to `deadline`, whichever comes first, and returns the outcomes by
    /// `ReadyProbe.index`. Each transfer's own timeouts end by the deadline; one still running a moment after
    /// it (or not yet started when it passes) is settled as timed out.
    func run(_ probes: [ReadyProbe], configuration: ProbeConfiguration, deadline: ProbeDeadline) -> [Int: TransferOutcome] {
        var waiting = probes[...]
        var inFlight: [UnsafeMutableRawPointer: (index: Int, transfer: CurlTransfer)] = [:]
        var outcomes: [Int: TransferOutcome] = [:]
        // libcurl's timeouts fire on its own schedule; give them this long past the deadline before settling.
        let settleAfter = deadline.extended(by: .milliseconds(500))

        func admit() {
            while inFlight.count < configuration.concurrency, let probe = waiting.popFirst() {
                guard !deadline.hasPassed else {
                    outcomes[probe.index] = .deadlinePassed(started: false, runLimit: configuration.runTimeLimit)
                    continue
                }
                guard let transfer = CurlTransfer(target: probe.target, addresses: probe.addresses, configuration: configuration, deadline: deadline),
                      lcr_curl_multi_add_handle(multi, transfer.handle) == CURLM_OK else {
                    outcomes[probe.index] = .failedToRun("libcurl could not set up the transfer")
                    continue
                }
                inFlight[transfer.handle] = (probe.index, transfer)
            }
        }

        func settleAll(_ outcome: TransferOutcome) {
            for (easy, abandoned) in inFlight {
                outcomes[abandoned.index] = outcome
                lcr_curl_multi_remove_handle(multi, easy)
            }
            inFlight = [:]
        }

        admit()
        while !inFlight.isEmpty {
            var running: Int32 = 0
            let performed = lcr_curl_multi_perform(multi, &running)
            guard performed == CURLM_OK else {
                // A broken multi handle would never finish its transfers: settle them all and stop.
                let failure = TransferOutcome.failedToRun("libcurl's multi interface failed: \(String(cString: lcr_curl_multi_strerror(performed)))")
                settleAll(failure)
                waiting.forEach { outcomes[$0.index] = failure }
                break
            }
            var queued: Int32 = 0
            while let message = lcr_curl_multi_info_read(multi, &queued) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                      let finished = inFlight.removeValue(forKey: easy) else { continue }
                // Copy out the timings and the TLS facts the pre-request callback captured before the handle goes.
                outcomes[finished.index] = finished.transfer.outcome(code: message.pointee.data.result)
                lcr_curl_multi_remove_handle(multi, easy)
            }  // `finished` is released here: curl_easy_cleanup closes its connection at once
            if settleAfter.hasPassed { settleAll(.deadlinePassed(started: true, runLimit: configuration.runTimeLimit)) }
            admit()
            if !inFlight.isEmpty { _ = lcr_curl_multi_poll(multi, nil, 0, 100, nil) }
        }
        return outcomes
    }
}
