package dev.hotline.telephony.twilio;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Client;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Play;
import com.twilio.twiml.voice.Say;
import dev.hotline.telephony.recording.RecordingProperties;
import dev.hotline.shared.ContactId;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The TwiML we answer with, built with the SDK's TwiML classes.
 * <p>
 * <b>Waiting.</b> Any TwiML verb except a leading {@code <Pause>} makes Twilio pick the call up. We play a ringback tone
 * in a loop ({@code <Play loop="0">}) rather than {@code <Enqueue>}: the caller keeps hearing ringing (not hold music),
 * the ACD in Redis stays the only queue, and a live-call redirect replaces the loop the moment an agent accepts. The
 * cost is that the call is answered (billed) while it waits. {@code hotline.twilio.answer-delay} puts a
 * {@code <Pause>} first, during which Twilio does not pick up and the caller hears the carrier's own ringback; keep it
 * short, since a call not yet picked up may not take the redirect. The ring clock counts from arrival either way.
 */
@Component
class CallScripts {

    static final String RECORDING_STATUS = "/twilio/recording-status";

    private final TwilioProperties properties;
    private final RecordingProperties recording;
    private final TwilioCallbackProperties callback;

    CallScripts(TwilioProperties properties, RecordingProperties recording, TwilioCallbackProperties callback) {
        this.properties = properties;
        this.recording = recording;
        this.callback = callback;
    }

    /**
     * Ringback, after telling the caller the call is recorded when it is ({@code hotline.recording.spoken-notice},
     * each sentence a {@code <Say>} in its language): the caller hears it before any agent is rung.
     */
    VoiceResponse waiting(boolean recorded) {
        return waiting(recorded, null, null);
    }

    private static java.util.Optional<Say.Language> language(String tag) {
        try {
            return java.util.Optional.of(Say.Language.valueOf(tag.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
        } catch (RuntimeException unknown) {
            return java.util.Optional.empty();   // Twilio's default voice then
        }
    }

    /** Ringback until the ACD connects the call. */
    VoiceResponse waiting() {
        return waiting(false, null, null);
    }

    /**
     * Ringback until the ACD connects the call; with {@code offerAfter}, the rings of that long and the queued-callback
     * offer are inside a one-digit {@code <Gather>} whose action is {@link TwilioCallbackWebhooks#OFFER} (a 1 asks for
     * the number), then ringback goes on. The loop count is what makes the offer come after {@code offerAfter}. A
     * recorded queue's notice ({@code recorded}) comes first.
     */
    VoiceResponse waiting(boolean recorded, ContactId contact, java.time.Duration offerAfter) {
        var twiml = new VoiceResponse.Builder();
        long delay = properties.answerDelay().toSeconds();
        if (delay > 0) {
            twiml.pause(new Pause.Builder().length((int) delay).build());
        }
        if (recorded) {
            for (RecordingProperties.Notice notice : recording.spokenNotice()) {
                var say = new Say.Builder(notice.text());
                language(notice.language()).ifPresent(say::language);
                twiml.say(say.build());
            }
        }
        if (contact != null && offerAfter != null) {
            long period = Math.max(1, properties.ringbackPeriod().toMillis());
            int rings = (int) Math.max(1, (offerAfter.toMillis() + period - 1) / period);
            twiml.gather(new com.twilio.twiml.voice.Gather.Builder().numDigits(1).timeout(5)
                    .action(properties.url(TwilioCallbackWebhooks.OFFER + "?contact=" + contact))
                    .method(com.twilio.http.HttpMethod.POST)
                    .play(new Play.Builder(tone()).loop(rings).build())
                    .say(callback.say(callback.offer())).build());
        }
        return twiml.play(new Play.Builder(tone()).loop(0).build()).build();
    }

    /**
     * Asks a caller who pressed 1 for the number to call back: 1 (then #) for their own, or another number ended by
     * #. Nothing keyed in: ringback goes on, no callback.
     */
    VoiceResponse askCallbackNumber(ContactId contact, boolean again) {
        var gather = new com.twilio.twiml.voice.Gather.Builder().finishOnKey("#").timeout(8)
                .action(properties.url(TwilioCallbackWebhooks.NUMBER + "?contact=" + contact))
                .method(com.twilio.http.HttpMethod.POST);
        if (again) {
            gather.say(callback.say(callback.invalid()));
        }
        return new VoiceResponse.Builder().gather(gather.say(callback.say(callback.askNumber())).build())
                .play(new Play.Builder(tone()).loop(0).build()).build();
    }

    /** The callback is recorded: goodbye, and the caller's leg ends (which does not end the contact). */
    VoiceResponse callbackGoodbye() {
        return new VoiceResponse.Builder().say(callback.say(callback.goodbye()))
                .hangup(new Hangup.Builder().build()).build();
    }

    private String tone() {
        return properties.ringbackUrl() != null ? properties.ringbackUrl() : properties.url(RingbackTone.PATH);
    }

    /**
     * Rings the agent who accepted. The agent leg's status callback reports its answer (the contact is answered
     * then, not on accept); the dial action tells us when the dial is over or failed.
     */
    VoiceResponse connectAgent(ContactId contact, String agent, String clientIdentity, String phone, boolean record) {
        String status = properties.url("/twilio/voice/status?contact=" + contact + "&agent=" + encode(agent));
        var dial = new Dial.Builder()
                .action(properties.url("/twilio/voice/dial?contact=" + contact + "&agent=" + encode(agent)))
                .timeout((int) properties.agentRingTimeout().toSeconds())
                .answerOnBridge(true);
        if (record) {
            // both sides, each on its own channel, from the agent's answer; Twilio posts the finished recording
            dial.record(Dial.Record.RECORD_FROM_ANSWER_DUAL)
                    .recordingStatusCallback(properties.url(RECORDING_STATUS + "?contact=" + contact))
                    .recordingStatusCallbackMethod(com.twilio.http.HttpMethod.POST)
                    .recordingStatusCallbackEvents(List.of(Dial.RecordingEvent.COMPLETED, Dial.RecordingEvent.ABSENT));
        }
        if (clientIdentity != null && !clientIdentity.isBlank()) {
            dial.client(new Client.Builder(clientIdentity).statusCallback(status)
                    .statusCallbackEvents(List.of(Client.Event.ANSWERED, Client.Event.COMPLETED)).build());
        } else {
            dial.number(new Number.Builder(phone).statusCallback(status)
                    .statusCallbackEvents(List.of(Number.Event.ANSWERED, Number.Event.COMPLETED)).build());
        }
        return new VoiceResponse.Builder().dial(dial.build()).build();
    }

    /** No agent could take it: the on-call engineer's phone (the hotline never goes unanswered). */
    VoiceResponse overflow(String target) {
        return new VoiceResponse.Builder()
                .dial(new Dial.Builder().answerOnBridge(true).number(new Number.Builder(target).build()).build())
                .build();
    }

    /**
     * Caller and agent in the contact's conference (a supervisor joined): either one leaving ends it for all, as
     * hanging up a {@code <Dial>} bridge would.
     */
    VoiceResponse conference(String name) {
        var room = new com.twilio.twiml.voice.Conference.Builder(name).beep(com.twilio.twiml.voice.Conference.Beep.FALSE)
                .startConferenceOnEnter(true).endConferenceOnExit(true).build();
        return new VoiceResponse.Builder().dial(new Dial.Builder().conference(room).build()).build();
    }

    VoiceResponse hangUp() {
        return new VoiceResponse.Builder().hangup(new Hangup.Builder().build()).build();
    }

    private static String encode(String value) {
        return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8);
    }
}
