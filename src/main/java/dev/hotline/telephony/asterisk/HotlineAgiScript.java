package dev.hotline.telephony.asterisk;

import dev.hotline.routing.ContactRouting;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.NewContact;
import dev.hotline.shared.Channel;
import dev.hotline.shared.DomainException;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * {@code AGI(agi://app:4573/hotline,<queue>,${CHANNEL(linkedid)},${CDR(start,u)})}: registers the inbound call as a
 * contact, tells the dialplan its id and returns at once. The caller then waits in the dialplan's ringback loop (a PBX
 * thread, not ours) until an agent accepts and the call is redirected. res_agi sends no linkedid in its environment:
 * the call's id is the linkedid the dialplan passes (else asked for with GET VARIABLE), which differs from the AGI
 * channel's uniqueid when the caller comes through a Local channel. The arrival is the call's own start (CDR start),
 * so the rings before the app got to the call count. A request without a usable channel identity fails
 * (AJ_AGISTATUS=FAILED, no HOTLINE_CONTACT_ID) so that no contact exists that no channel belongs to; so does one the
 * dialplan stopped waiting for (its bounded wait took the fallback), and its contact is closed at once.
 */
class HotlineAgiScript implements AgiScript {

    static final String PROVIDER = "asterisk";
    static final String LINKED_ID = "CHANNEL(linkedid)";
    static final String CALL_START = "CDR(start,u)";
    static final String CALLBACK_AFTER = "HOTLINE_CALLBACK_AFTER";
    /** Set to the prompt the dialplan plays before the agent is rung when the queue records its calls. */
    static final String RECORDING_NOTICE_VARIABLE = "HOTLINE_RECORDING_NOTICE";
    /** A PBX clock this far from ours is wrong, not the call's start. */
    private static final Duration PLAUSIBLE_START = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(HotlineAgiScript.class);
    /** Asterisk uniqueids are {@code [systemname-]epochseconds.sequence}. */
    private static final Pattern UNIQUE_ID = Pattern.compile("([A-Za-z0-9_.-]+-)?\\d{9,}\\.\\d+");
    /** {@code CDR(start,u)}: epoch seconds with microseconds. */
    private static final Pattern EPOCH = Pattern.compile("\\d{9,11}(\\.\\d{1,6})?");

    private final ContactRouting routing;
    private final LiveCalls calls;
    private final AsteriskProperties properties;
    /** The recording notice for a queue's callers; null when the queue does not record. */
    private final java.util.function.Function<String, String> recordingNotice;
    /** Null: no queued-callback offer (a test node without it). */
    private final dev.hotline.telephony.callback.CallbackNumbers callbacks;

    /** No queue records its calls. */
    HotlineAgiScript(ContactRouting routing, LiveCalls calls, AsteriskProperties properties,
                     dev.hotline.telephony.callback.CallbackNumbers callbacks) {
        this(routing, calls, properties, queue -> null, callbacks);
    }

    HotlineAgiScript(ContactRouting routing, LiveCalls calls, AsteriskProperties properties,
                     java.util.function.Function<String, String> recordingNotice,
                     dev.hotline.telephony.callback.CallbackNumbers callbacks) {
        this.callbacks = callbacks;
        this.routing = routing;
        this.calls = calls;
        this.properties = properties;
        this.recordingNotice = recordingNotice;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String uniqueId = request.getUniqueId();
        String channelName = request.getChannel();
        if (!isUniqueId(uniqueId) || blank(channelName)) {
            throw refused(request, channelName, uniqueId, null);
        }
        String linkedId = argumentOrVariable(request, channel, 1, LINKED_ID);
        if (!blank(linkedId) && !isUniqueId(linkedId)) {
            throw refused(request, channelName, uniqueId, linkedId);
        }
        String callId = blank(linkedId) ? uniqueId : linkedId;
        String dialled = firstPresent(request.getDnid(), request.getExtension());
        var contact = new NewContact(Channel.VOICE, PROVIDER, callId, callerNumber(request), dialled,
                queueOf(request, dialled), callStart(argumentOrVariable(request, channel, 2, CALL_START)), null);
        ContactSnapshot registered;
        try {
            registered = routing.arrive(contact);
        } catch (DomainException refused) {
            log.warn("Call {} on {} from '{}' refused by contact intake: {}", callId, channelName, contact.from(),
                    refused.getMessage());
            throw new AgiException("contact refused: " + refused.getMessage());
        }
        var call = calls.track(registered.id(), callId, uniqueId, channelName);
        try {
            channel.setVariable(CallDirectory.CONTACT_VARIABLE, registered.id().toString());
        } catch (AgiException gone) {
            // the dialplan stopped waiting (its AGI time limit took the fallback) or the caller hung up meanwhile:
            // no channel will ever carry this contact, so it must not wait in the queue for an agent
            calls.forget(call);
            log.warn("Call {} on {}: the dialplan did not wait for contact {} ({}); closing it", callId, channelName,
                    registered.id(), gone.getMessage());
            routing.callerHungUp(registered.id(), null);
            throw gone;
        }
        String notice = recordingNotice.apply(registered.queue());
        if (notice != null) {
            // the caller is told before any agent is rung: the dialplan plays it after AGI()
            channel.setVariable(RECORDING_NOTICE_VARIABLE, notice);
        }
        offerCallback(channel, registered);
        log.debug("Call {} on {} registered as contact {}", callId, channelName, registered.id());
    }

    /** After how many seconds of ringback the dialplan offers queued callback (0: not at all). */
    private void offerCallback(AgiChannel channel, ContactSnapshot registered) throws AgiException {
        var after = callbacks.offerAfter(registered.queue());
        channel.setVariable(CALLBACK_AFTER, after == null ? "0" : Long.toString(Math.max(1, after.toSeconds())));
    }

    private static AgiException refused(AgiRequest request, String channelName, String uniqueId, String linkedId) {
        log.warn("Refused AGI request without a usable channel identity (agi_channel='{}', agi_uniqueid='{}', "
                + "linkedid='{}') from {}: no contact registered", channelName, uniqueId, linkedId,
                request.getRemoteAddress());
        return new AgiException("agi_channel/agi_uniqueid/linkedid missing or malformed");
    }

    /** The dialplan's AGI argument {@code index} (0-based); asked of the channel when the dialplan passes none. */
    private static String argumentOrVariable(AgiRequest request, AgiChannel channel, int index, String variable)
            throws AgiException {
        String[] args = request.getArguments();
        if (args != null && args.length > index) {
            return blank(args[index]) ? null : args[index].strip();
        }
        String value = channel.getVariable(variable);
        return blank(value) ? null : value.strip();
    }

    /** The PBX's start of the call; null (now) when the CDR is off or the value makes no sense. */
    private static Instant callStart(String epoch) {
        if (epoch == null || !EPOCH.matcher(epoch).matches()) {
            return null;
        }
        var start = new BigDecimal(epoch).movePointRight(6).longValueExact();
        var at = Instant.EPOCH.plus(start, ChronoUnit.MICROS);
        if (Duration.between(at, Instant.now()).abs().compareTo(PLAUSIBLE_START) > 0) {
            log.warn("Call start {} is more than {} from now (PBX clock?); the contact arrives now", at,
                    PLAUSIBLE_START);
            return null;
        }
        return at;
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
