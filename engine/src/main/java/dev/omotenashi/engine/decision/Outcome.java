package dev.omotenashi.engine.decision;

/**
 * What happened to one campaign in one decision.
 *
 * @param campaign  the campaign id
 * @param delivered whether an action (shown or control) was delivered
 * @param control   whether the delivery is a control-group exposure
 * @param variant   the assigned variant, or null when the campaign was not reached that far
 * @param reason    why not delivered; null when delivered
 * @param detail    for people: which rule applied ("frequency per session max 1 reached"); may be null
 */
public record Outcome(String campaign, boolean delivered, boolean control, String variant, Reason reason, String detail) {
    public static Outcome suppressed(String campaign, String variant, Reason reason, String detail) {
        return new Outcome(campaign, false, false, variant, reason, detail);
    }
}
