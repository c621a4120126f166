package dev.omotenashi.engine.experiment;

import java.util.Objects;

/**
 * A treatment arm against the control group, as one method reads it: the lift with its interval, a
 * p-value and the verdict. Immutable; made by {@link FixedHorizonAnalysis#compare} or
 * {@link SequentialAnalysis#compare}.
 *
 * @param method       which method produced it; it decides what the interval and p-value mean
 * @param control      the control arm's counts
 * @param treatment    the treatment arm's counts
 * @param confidence   the level of both intervals, {@code 1 - alpha} of the rules (0.95 by default)
 * @param absoluteLift treatment rate minus control rate: a confidence interval (fixed horizon) or an
 *                     always-valid confidence sequence (sequential)
 * @param relativeLift treatment rate / control rate - 1, same kind of interval; null while either arm has
 *                     no conversion (the ratio, or its interval, is not defined)
 * @param pValue       two-sided: the pooled z-test's p-value (fixed horizon) or the always-valid p-value
 *                     (sequential), in [0, 1]
 * @param verdict      what the report says
 */
public record Comparison(Method method, ArmStats control, ArmStats treatment, double confidence,
                         Estimate absoluteLift, Estimate relativeLift, double pValue, Verdict verdict) {
    public Comparison {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(treatment, "treatment");
        Objects.requireNonNull(absoluteLift, "absoluteLift");
        Objects.requireNonNull(verdict, "verdict");
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1)");
        if (!(pValue >= 0 && pValue <= 1)) throw new IllegalArgumentException("pValue must be in [0, 1], was " + pValue);
    }

    /** How a comparison was computed. */
    public enum Method {
        /** One look at a planned sample size: the two-proportion z-test. */
        FIXED_HORIZON("fixed_horizon"),
        /** Any number of looks: the mixture sequential probability ratio test (mSPRT). */
        SEQUENTIAL("sequential");

        private final String json;

        Method(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        public static Method fromJson(String s) {
            for (Method m : values()) if (m.json.equals(s)) return m;
            return null;
        }
    }

    public double controlRate() {
        return control.rate();
    }

    public double treatmentRate() {
        return treatment.rate();
    }
}
