package dev.hotline.telephony.asterisk;

import dev.hotline.shared.ConflictException;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.InvalidInputException;
import dev.hotline.shared.NotFoundException;
import dev.hotline.telephony.callback.CallbackNumbers;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AGI(agi://app:4573/hotline-callback,${HOTLINE_CONTACT_ID},${HOTLINE_CALLBACK_NUMBER})}: the caller in the
 * ringback loop pressed 1 at the offer and keyed in a number with {@code Read()} (1 = their own caller id). A valid
 * number turns the waiting call into a callback at the same place; the dialplan then plays goodbye and hangs up, which
 * does not end the contact. Tells the dialplan {@code HOTLINE_CALLBACK}: OK, INVALID (asked again) or GONE (an agent
 * has the call already, or it is over: back to waiting).
 */
class CallbackAgiScript implements AgiScript {

    static final String RESULT = "HOTLINE_CALLBACK";
    private static final Logger log = LoggerFactory.getLogger(CallbackAgiScript.class);

    private final CallbackNumbers callbacks;

    CallbackAgiScript(CallbackNumbers callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String[] args = request.getArguments();
        String id = args != null && args.length > 0 && !args[0].isBlank() ? args[0].strip()
                : channel.getVariable(CallDirectory.CONTACT_VARIABLE);
        if (id == null || !id.strip().matches("\\d{1,18}")) {
            log.warn("Callback request on {} names no contact ('{}')", request.getChannel(), id);
            channel.setVariable(RESULT, "GONE");
            return;
        }
        var contact = new ContactId(Long.parseLong(id.strip()));
        String keyed = args != null && args.length > 1 ? args[1].strip() : "";
        String result;
        try {
            String number = callbacks.request(contact, keyed.isEmpty() || "1".equals(keyed) ? null : keyed,
                    callerNumber(request));
            log.info("Call on {} (contact {}) leaves callback number {}", request.getChannel(), contact, number);
            result = "OK";
        } catch (InvalidInputException bad) {
            log.info("Contact {}: no callback to '{}': {}", contact, keyed, bad.getMessage());
            result = "INVALID";
        } catch (ConflictException | NotFoundException late) {
            log.info("Contact {}: callback not recorded: {}", contact, late.getMessage());
            result = "GONE";
        }
        channel.setVariable(RESULT, result);
    }

    /** agi_callerid; Asterisk writes "unknown" when the caller withheld it. */
    private static String callerNumber(AgiRequest request) {
        String number = request.getCallerIdNumber();
        return number == null || number.isBlank() || "unknown".equalsIgnoreCase(number.strip()) ? null : number.strip();
    }
}
