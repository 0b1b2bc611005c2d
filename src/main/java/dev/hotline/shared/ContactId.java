package dev.hotline.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identity of one contact (a call, a message thread, a letter, a visit). */
public record ContactId(@JsonValue long value) {

    @JsonCreator
    public static ContactId of(long value) {
        return new ContactId(value);
    }

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
