package dev.hotline.console;

/**
 * How a finish is written into the contact's one disposition text: "{@code code}: {@code notes}". The code stays
 * readable in exports and the console shows it in the reader's language (it knows the configured codes); the ticket
 * module reads the no-request codes back the same way.
 */
final class Disposition {

    private Disposition() {
    }

    static String compose(String code, String notes) {
        String words = notes == null || notes.isBlank() ? null : notes.strip();
        if (code == null) {
            return words;
        }
        return words == null ? code : code + ": " + words;
    }
}
