package dev.hotline.shared;

/**
 * One rule for every CSV the app writes: text a spreadsheet would run as a formula (=, +, -, @, tab or CR first; names,
 * comments and subjects are typed by people and customers) gets a leading apostrophe, as OWASP's CSV injection advice
 * says. Numbers, dates and other values are left alone.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    public static Object defuse(Object value) {
        return value instanceof String text ? defuse(text) : value;
    }

    public static String defuse(String text) {
        if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
