import Foundation

/// The share of staff that must hold current training (95% by default), and when a passing
/// share stops passing as expiries fall due.
struct CompletionThreshold {
    /// Percent, 0 to 100.
    let percent: Double

    /// The fewest of `staff` that meet the threshold (rounded up: 95% of 30 is 29). Worked out in
    /// `Double`, so any count is safe; a result past `Int.max` (or a percent that is not a number)
    /// gives `Int.max`, which no file can reach.
    func required(of staff: Int) -> Int {
        let share = (Double(staff) * percent / 100 - 1e-9).rounded(.up)
        guard !share.isNaN else { return Int.max }
        return share < Double(Int.max) ? max(0, Int(share)) : Int.max
    }

    /// The instant at which so many of the `currentCount` current staff's expiries have passed that fewer
    /// than `required` remain current; nil when that never happens or has already. That is one order
    /// statistic, which `expiry` gives: the expiry at a 0-based rank of the current expiries sorted ascending.
    func lapse(currentCount: Int, required: Int, expiry: (_ rank: Int) -> Date) -> Date? {
        let allowedToLapse = currentCount - required
        guard allowedToLapse >= 0, allowedToLapse < currentCount else { return nil }
        return expiry(allowedToLapse)
    }

    /// The threshold for a sentence: `95%`, `97.5%`.
    var percentText: String {
        percent == percent.rounded() && abs(percent) < 1e15 ? "\(Int(percent))%" : "\(percent)%"
    }

    /// `part` of `whole` as a percentage for a sentence, rounded down to one decimal (`97.5%`),
    /// so a share just under the threshold never prints as meeting it. `part` is taken as 0 to `whole`.
    static func percentage(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "0%" }
        // Exact for any counts: the product is taken double-width, and 0 ≤ part ≤ whole keeps the quotient ≤ 1000.
        let part = min(max(part, 0), whole)
        let tenths = whole.dividingFullWidth(part.multipliedFullWidth(by: 1_000)).quotient
        return tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10).\(tenths % 10)%"
    }
}
