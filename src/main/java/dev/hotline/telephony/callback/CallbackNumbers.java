package dev.hotline.telephony.callback;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.hotline.routing.CallbackProperties;
import dev.hotline.routing.ContactRouting;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.InvalidInputException;
import dev.hotline.shared.PhoneNumbers;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * What both telephony adapters ask about queued callback: whether and when a waiting caller hears the offer, and the
 * number a caller keyed in (or their own caller id) as one we can dial, read with libphonenumber.
 */
@Component
public class CallbackNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final CallbackProperties properties;
    private final ContactRouting routing;
    private final PhoneNumbers numbers;

    public CallbackNumbers(CallbackProperties properties, ContactRouting routing, PhoneNumbers numbers) {
        this.properties = properties;
        this.routing = routing;
        this.numbers = numbers;
    }

    /** When the caller arriving in {@code queue} hears the offer (after this much ringback), or null for never. */
    public Duration offerAfter(String queue) {
        return switch (properties.offer()) {
            case NEVER -> null;
            case ALWAYS -> properties.offerAfter();
            case LONG_WAIT -> routing.waiting(queue) >= properties.longWaitAhead() ? properties.offerAfter() : null;
        };
    }

    /**
     * The number to call back: what the caller keyed in, or with nothing keyed in their own caller id. Throws
     * {@link InvalidInputException} ({@code number}) when it is no valid, dialable number.
     */
    public String toCall(String keyed, String callerId) {
        String written = keyed == null || keyed.isBlank() ? callerId : keyed.strip();
        if (written == null || written.isBlank() || written.strip().equalsIgnoreCase("anonymous")) {
            throw new InvalidInputException("number", "No number to call back: the caller's number is withheld");
        }
        String e164 = numbers.parse(written).e164();
        try {
            if (!UTIL.isValidNumber(UTIL.parse(e164, null))) {
                throw new InvalidInputException("number", "'" + written + "' is no valid phone number to call back");
            }
        } catch (NumberParseException e) {
            throw new InvalidInputException("number", "'" + written + "' is not a phone number");
        }
        return e164;
    }

    /** Records the callback: the contact keeps its place. See {@link ContactRouting#requestCallback}. */
    public String request(ContactId contact, String keyed, String callerId) {
        String number = toCall(keyed, callerId);
        routing.requestCallback(contact, number);
        return number;
    }
}
