package dev.hotline.ticket;

/**
 * The KPIs a service department is scored by (003 §4.2, 004 §6.0 4.5, §8.0 4.4), each with whether higher or lower
 * is better. Values are percentages.
 */
public enum Kpi {
    COMPLAINT_RESPONSE_ON_TIME(true),
    COMPLAINTS_CLOSED(true),
    COMPLAINT_RESOLUTION(true),
    SATISFACTION(true),
    COMPLAINT_RATE(false),
    FIRST_TIME_FIX(true),
    REWORK(false);

    private final boolean higherIsBetter;

    Kpi(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /**
     * 0–100: 100 when the target is met; below it in proportion (actual / target when higher is better, target /
     * actual when lower is better).
     */
    public double score(double actual, double target) {
        if (higherIsBetter) {
            return target <= 0 ? 100 : Math.min(100, Math.max(0, actual * 100 / target));
        }
        return actual <= target ? 100 : target <= 0 ? 0 : Math.max(0, target * 100 / actual);
    }
}
