package dev.hotline.telephony.twilio;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.twiml.VoiceResponse;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The REST calls we make: redirect a live call to new TwiML, send a message. Built once from the properties; every
 * call goes through the SDK to {@code api-base-url}.
 */
@Component
class TwilioApi {

    private final TwilioProperties properties;
    private final TwilioRestClient client;

    TwilioApi(TwilioProperties properties) {
        this.properties = properties;
        this.client = properties.enabled()
                ? new TwilioRestClient.Builder(properties.accountSid(), properties.authToken())
                        .httpClient(new ApiHostHttpClient(properties.apiBaseUrl()))
                        .build()
                : null;
    }

    /** Replaces what the live call {@code callSid} is doing with {@code twiml}. */
    void redirect(String callSid, VoiceResponse twiml) {
        Call.updater(callSid).setTwiml(new Twiml(TwimlXml.of(twiml))).update(client());
    }

    /**
     * Places a call to {@code to} that runs {@code twiml} once answered, with status callbacks of every step to
     * {@code statusCallback}. Returns the CallSid.
     *
     * @throws ApiException when Twilio refuses it; {@link com.twilio.exception.ApiConnectionException} when unreachable
     */
    String call(com.twilio.type.Endpoint to, PhoneNumber from, VoiceResponse twiml, String statusCallback,
                int timeoutSeconds) {
        return Call.creator(to, from, new Twiml(TwimlXml.of(twiml)))
                .setStatusCallback(statusCallback)
                .setStatusCallbackEvent(List.of("initiated", "ringing", "answered", "completed"))
                .setTimeout(timeoutSeconds)
                .create(client()).getSid();
    }

    /** The answered child call of {@code parentCallSid} (the agent's leg of a {@code <Dial>}), if there is one. */
    java.util.Optional<String> inProgressChild(String parentCallSid) {
        var calls = Call.reader().setParentCallSid(parentCallSid).setStatus(Call.Status.IN_PROGRESS).setPageSize(1L)
                .limit(1).read(client()).iterator();
        return calls.hasNext() ? java.util.Optional.of(calls.next().getSid()) : java.util.Optional.empty();
    }

    /**
     * Rings {@code to} into the conference named {@code conference}: muted to listen only, coaching
     * {@code coachCallSid} (heard by that participant alone) when given. Returns the new participant's CallSid.
     */
    String addParticipant(String conference, com.twilio.type.Endpoint from, com.twilio.type.Endpoint to, boolean muted,
                          String coachCallSid, String statusCallback, int timeoutSeconds) {
        var creator = com.twilio.rest.api.v2010.account.conference.Participant.creator(conference, from, to)
                .setMuted(muted).setBeep("false").setEndConferenceOnExit(false).setTimeout(timeoutSeconds)
                .setStatusCallback(statusCallback)
                .setStatusCallbackEvent(List.of("initiated", "ringing", "answered", "completed"));
        if (coachCallSid != null) {
            creator.setCoaching(true).setCallSidToCoach(coachCallSid);
        }
        return creator.create(client()).getCallSid();
    }

    /**
     * Sends a message; {@code to}/{@code from} as Twilio writes them ({@code whatsapp:+86...} for WhatsApp).
     *
     * @throws ApiException when Twilio refuses it (its error code in {@link ApiException#getCode()})
     */
    Sent send(String to, String from, String body, String statusCallbackPath) {
        Message message = Message.creator(new PhoneNumber(to), new PhoneNumber(from), body)
                .setStatusCallback(properties.url(statusCallbackPath))
                .create(client());
        return new Sent(message.getSid(), message.getStatus() == null ? "queued" : message.getStatus().toString(),
                message.getErrorCode());
    }

    /** Deletes a recording (and its media) at Twilio; one Twilio no longer has counts as deleted. */
    void deleteRecording(String recordingSid) {
        try {
            com.twilio.rest.api.v2010.account.Recording.deleter(recordingSid).delete(client());
        } catch (ApiException e) {
            if (e.getStatusCode() == null || e.getStatusCode() != 404) {
                throw e;
            }
        }
    }

    record Sent(String sid, String status, Integer errorCode) {
    }

    private TwilioRestClient client() {
        if (client == null) {
            throw new IllegalStateException("Twilio is not configured (hotline.twilio.account-sid / auth-token)");
        }
        return client;
    }
}
