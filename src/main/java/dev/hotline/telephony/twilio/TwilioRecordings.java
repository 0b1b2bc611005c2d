package dev.hotline.telephony.twilio;

import dev.hotline.contact.ContactIntake;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.NotFoundException;
import dev.hotline.shared.ServiceUnavailableException;
import dev.hotline.telephony.recording.CallRecordings;
import dev.hotline.telephony.recording.Recording;
import dev.hotline.telephony.recording.RecordingMedia;
import dev.hotline.telephony.recording.RecordingSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Twilio's recordings of our calls ({@code <Dial record="record-from-answer-dual">}): the recording status callback
 * links a finished recording to its contact (once per RecordingSid, however often Twilio retries), and the audio is
 * fetched from Twilio's API with the account's credentials, on the server: the browser only ever sees our URL.
 * Twilio answers a media request with a redirect to its storage, which must be asked without our credentials.
 */
@Component
class TwilioRecordings implements RecordingMedia {

    static final Pattern RECORDING_SID = Pattern.compile("RE[0-9a-fA-F]{32}");
    private static final Logger log = LoggerFactory.getLogger(TwilioRecordings.class);
    private static final List<String> PASSED_ON = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH,
            HttpHeaders.CONTENT_RANGE, HttpHeaders.ACCEPT_RANGES);

    private final CallRecordings recordings;
    private final ContactIntake contacts;
    private final TwilioProperties properties;
    private final TwilioApi api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    TwilioRecordings(CallRecordings recordings, ContactIntake contacts, TwilioProperties properties, TwilioApi api) {
        this.recordings = recordings;
        this.contacts = contacts;
        this.properties = properties;
        this.api = api;
    }

    /** {@code /twilio/recording-status?contact=…}: a recording of the contact's call is finished (or absent). */
    void statusChanged(Webhook callback) {
        String sid = callback.require("RecordingSid", RECORDING_SID);
        String contactParam = callback.query().get("contact");
        if (contactParam == null || !contactParam.matches("\\d{1,18}")) {
            throw new WebhookRefused(HttpStatus.BAD_REQUEST, "malformed-webhook",
                    "The callback URL " + callback.path() + " names no contact");
        }
        ContactId contact = new ContactId(Long.parseLong(contactParam));
        String status = callback.param("RecordingStatus");
        if (!"completed".equals(status)) {
            log.info("Twilio recording {} of contact {} is {} (error {}): nothing to keep", sid, contact, status,
                    callback.param("ErrorCode"));
            return;
        }
        if (contacts.find(contact).isEmpty()) {
            log.warn("Twilio recording {} names contact {}, which does not exist; not kept", sid, contact);
            return;
        }
        Integer seconds = seconds(callback.param("RecordingDuration"));
        Instant started = startTime(callback.param("RecordingStartTime"), seconds);
        Instant ended = seconds == null ? null : started.plusSeconds(seconds);
        String location = callback.param("RecordingUrl") != null ? callback.param("RecordingUrl") : sid;
        if (recordings.completed(contact, RecordingSource.TWILIO, sid, location, seconds, started, ended)) {
            log.info("Twilio recording {} ({} s) linked to contact {}", sid, seconds, contact);
        }
    }

    @Override
    public RecordingSource source() {
        return RecordingSource.TWILIO;
    }

    @Override
    public ResponseEntity<?> stream(Recording recording, String range) {
        requireAccount();
        try {
            var first = http.send(request(mediaUrl(recording.externalId()), range, true),
                    HttpResponse.BodyHandlers.ofByteArray());
            var answer = first;
            String moved = first.headers().firstValue(HttpHeaders.LOCATION).orElse(null);
            if (first.statusCode() / 100 == 3 && moved != null) {
                answer = http.send(request(URI.create(mediaUrl(recording.externalId())).resolve(moved).toString(),
                        range, false), HttpResponse.BodyHandlers.ofByteArray());
            }
            if (answer.statusCode() == 404) {
                throw new NotFoundException("Twilio recording", recording.externalId());
            }
            if (answer.statusCode() != 200 && answer.statusCode() != 206) {
                throw new ServiceUnavailableException("telephony-unavailable", "Twilio answered "
                        + answer.statusCode() + " for recording " + recording.externalId());
            }
            var reply = ResponseEntity.status(answer.statusCode());
            for (String header : PASSED_ON) {
                answer.headers().firstValue(header).ifPresent(v -> reply.header(header, v));
            }
            return reply.body(answer.body());
        } catch (IOException e) {
            throw new ServiceUnavailableException("telephony-unavailable", "Twilio unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("telephony-unavailable", "Interrupted fetching a Twilio recording");
        }
    }

    @Override
    public void delete(Recording recording) {
        requireAccount();
        api.deleteRecording(recording.externalId());
    }

    private void requireAccount() {
        if (!properties.enabled()) {
            throw new ServiceUnavailableException("telephony-unavailable",
                    "Twilio is not configured (hotline.twilio.account-sid / auth-token): its recordings are out of reach");
        }
    }

    /** The MP3 of the recording, from the API we are configured for (never a URL a callback carried). */
    private String mediaUrl(String recordingSid) {
        return properties.apiBaseUrl() + "/2010-04-01/Accounts/" + properties.accountSid() + "/Recordings/"
                + recordingSid + ".mp3";
    }

    private HttpRequest request(String url, String range, boolean withCredentials) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (withCredentials) {
            String pair = properties.accountSid() + ":" + properties.authToken();
            request.header(HttpHeaders.AUTHORIZATION,
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        if (range != null && !range.isBlank()) {
            request.header(HttpHeaders.RANGE, range);
        }
        return request.build();
    }

    private static Integer seconds(String value) {
        return value != null && value.matches("\\d{1,9}") ? Integer.valueOf(value) : null;
    }

    /** RecordingStartTime (RFC 2822), else the duration back from now. */
    private static Instant startTime(String value, Integer seconds) {
        if (value != null) {
            try {
                return java.time.ZonedDateTime.parse(value, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
            } catch (java.time.format.DateTimeParseException ignored) {
                // fall through: the callback is kept, only its start is estimated
            }
        }
        return Instant.now().minusSeconds(seconds == null ? 0 : seconds);
    }
}
