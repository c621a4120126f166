package dev.omotenashi.engine.campaign;

/**
 * The control group: {@code percent} of the eligible visitors are held out (they see nothing, their exposure
 * is recorded) so that the campaign's lift can be measured. Assignment is stable per visitor and campaign.
 *
 * @param percent 0 (no control group) to 99
 */
public record Control(int percent) {
    public static final Control NONE = new Control(0);

    public Control {
        if (percent < 0 || percent > 99) throw new IllegalArgumentException("control percent must be 0..99");
    }
}
