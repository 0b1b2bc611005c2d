package dev.hotline.shared;

/** Identity of one contact (a call, a message thread, a letter, a visit). */
public record ContactId(long value) {

    public static ContactId of(String text) {
        try {
            return new ContactId(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("contactId", "'" + text + "' is not a contact id");
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
