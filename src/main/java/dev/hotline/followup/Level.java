package dev.hotline.followup;

/** The three levels of each survey dimension; a digit reply uses 1 = GOOD, 2 = FAIR, 3 = POOR. */
public enum Level {
    GOOD, FAIR, POOR;

    /** The level of a reply digit '1'..'3', or null. */
    static Level ofDigit(char digit) {
        return switch (digit) {
            case '1' -> GOOD;
            case '2' -> FAIR;
            case '3' -> POOR;
            default -> null;
        };
    }
}
