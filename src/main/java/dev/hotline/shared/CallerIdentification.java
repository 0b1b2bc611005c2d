package dev.hotline.shared;

import java.util.Optional;

/**
 * Finds the archived customer behind a phone number. Implemented by the customer module; lets the contact module
 * resolve callers at arrival without depending on the customer module.
 */
public interface CallerIdentification {

    Optional<KnownCaller> identify(PhoneNumber number);
}
