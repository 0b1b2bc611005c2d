package dev.hotline.telephony.asterisk;

import dev.hotline.routing.ContactRouting;
import dev.hotline.contact.NewContact;
import dev.hotline.shared.Channel;
import dev.hotline.shared.DomainException;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.regex.Pattern;

/**
 * {@code AGI(agi://app:4573/hotline[,queue])}: registers the inbound call as a contact, tells the dialplan its id and
 * returns at once. The caller then waits in the dialplan's ringback loop (a PBX thread, not ours) until an agent
 * accepts and the call is redirected. A request without a usable channel identity fails (AJ_AGISTATUS=FAILED, no
 * HOTLINE_CONTACT_ID) so that no contact exists that no channel belongs to.
 */
class HotlineAgiScript implements AgiScript {

    static final String PROVIDER = "asterisk";

    private static final Logger log = LoggerFactory.getLogger(HotlineAgiScript.class);
    /** Asterisk uniqueids are {@code [systemname-]epochseconds.sequence}. */
    private static final Pattern UNIQUE_ID = Pattern.compile("([A-Za-z0-9_.-]+-)?\\d{9,}\\.\\d+");

    private final ContactRouting routing;
    private final LiveCalls calls;
    private final AsteriskProperties properties;

    HotlineAgiScript(ContactRouting routing, LiveCalls calls, AsteriskProperties properties) {
        this.routing = routing;
        this.calls = calls;
        this.properties = properties;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String uniqueId = request.getUniqueId();
        String linkedId = request.getRequest().get("linkedid");
        String channelName = request.getChannel();
        if (!isUniqueId(uniqueId) || blank(channelName) || !(blank(linkedId) || isUniqueId(linkedId))) {
            log.warn("Refused AGI request without a usable channel identity (agi_channel='{}', agi_uniqueid='{}', "
                    + "agi_linkedid='{}') from {}: no contact registered", channelName, uniqueId, linkedId,
                    request.getRemoteAddress());
            throw new AgiException("agi_channel/agi_uniqueid missing or malformed");
        }
        String callId = blank(linkedId) ? uniqueId : linkedId;
        String dialled = firstPresent(request.getDnid(), request.getExtension());
        var contact = new NewContact(Channel.VOICE, PROVIDER, callId, callerNumber(request), dialled,
                queueOf(request, dialled), null, null);
        try {
            var registered = routing.arrive(contact);
            calls.track(registered.id(), callId, uniqueId, channelName);
            channel.setVariable(CallDirectory.CONTACT_VARIABLE, registered.id().toString());
            log.debug("Call {} on {} registered as contact {}", callId, channelName, registered.id());
        } catch (DomainException refused) {
            log.warn("Call {} on {} from '{}' refused by contact intake: {}", callId, channelName, contact.from(),
                    refused.getMessage());
            throw new AgiException("contact refused: " + refused.getMessage());
        }
    }

    private String queueOf(AgiRequest request, String dialled) {
        String[] args = request.getArguments();
        if (args != null && args.length > 0 && !blank(args[0])) {
            return args[0].strip();
        }
        String byParameter = request.getParameter("queue");
        if (!blank(byParameter)) {
            return byParameter.strip();
        }
        return dialled == null ? null : properties.queueByNumber().get(dialled);
    }

    /** agi_callerid is the number; Asterisk writes "unknown" when the caller withheld it. */
    private static String callerNumber(AgiRequest request) {
        String number = firstPresent(request.getCallerIdNumber(), request.getCallerId());
        return number == null ? "anonymous" : number;
    }

    private static String firstPresent(String... values) {
        for (String v : values) {
            if (!blank(v) && !"unknown".equalsIgnoreCase(v.strip())) {
                return v.strip();
            }
        }
        return null;
    }

    private static boolean isUniqueId(String value) {
        return value != null && UNIQUE_ID.matcher(value).matches();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
