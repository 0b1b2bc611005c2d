package dev.hotline.console;

import java.util.List;

/**
 * How a finish is written into the contact's one disposition text: "{@code code}: {@code notes}". The code stays
 * readable in exports and the console shows it in the reader's language (it knows the configured codes).
 */
record Disposition(String code, String notes) {

    static String compose(String code, String notes) {
        String words = notes == null || notes.isBlank() ? null : notes.strip();
        if (code == null) {
            return words;
        }
        return words == null ? code : code + ": " + words;
    }

    /** The code (one of {@code codes}) and notes of a stored disposition; code null when it starts with none. */
    static Disposition parse(String text, List<String> codes) {
        if (text == null) {
            return new Disposition(null, null);
        }
        for (String code : codes) {
            if (text.equals(code)) {
                return new Disposition(code, null);
            }
            if (text.startsWith(code + ": ")) {
                return new Disposition(code, text.substring(code.length() + 2));
            }
        }
        return new Disposition(null, text);
    }
}
